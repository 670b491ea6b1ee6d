"""The case timeline's entries and its providers (CAS-4).

The filings app sits above this one, so it adds its part through `register(provider)` in
its `ready()`: `provider(case, viewer)` returns entries for the filings of the case that
`viewer` may see. The module imports no model, so an app's `apps.py` can import it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Entry:
    at: datetime
    kind: str  # filing | act | hearing | notice | enforcement
    title: str
    detail: str = ""
    url: str = ""
    object_id: int | None = None
    # The detail is a code read and typed as it is (a verification code): its digits stay
    # Latin on a Persian page, as on the document.
    code: bool = False


_providers: list[Callable] = []


def register(provider: Callable) -> None:
    if provider not in _providers:
        _providers.append(provider)


def providers() -> list[Callable]:
    return list(_providers)
