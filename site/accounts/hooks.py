"""What other apps do once an account's identity is verified (ID-9): an explicit registry,
called in the verification's transaction, not a signal. It imports no model, so an app's
`AppConfig` may import it at the top and register in `ready` (the notices app delivers the
notices waiting for that national ID)."""

from collections.abc import Callable

_HOOKS: list[Callable] = []


def when_verified(fn: Callable) -> Callable:
    """Register `fn(user)` to run, in the verification's transaction, once `user` is verified."""
    if fn not in _HOOKS:
        _HOOKS.append(fn)
    return fn


def run_verified_hooks(user) -> None:
    for fn in _HOOKS:
        fn(user)
