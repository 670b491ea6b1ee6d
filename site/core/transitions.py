"""The one way a domain object changes state.

A service locks the row, then calls `apply_transition`: it checks the state (409), the
actor's right to take the transition (403), runs it, saves, sets the history row's user and
reason and writes one TransitionLog row — all inside the caller's transaction, so a failed
save leaves neither a new state nor a log row (AUD-1).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django_fsm import can_proceed, has_transition_perm

from core.exceptions import Conflict, Forbidden
from core.models import TransitionLog

SYSTEM = None  # actor of transitions taken by the system (sweeps, jobs)


def state_field_name(bound_method) -> str:
    return bound_method._django_fsm.field.name


def apply_transition(
    obj,
    name: str,
    *,
    actor,
    reason: str = "",
    actor_label: str = "",
    check_permission: bool = True,
    **kwargs,
):
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("apply_transition must run inside transaction.atomic")
    method = getattr(obj, name)
    if not can_proceed(method):
        raise Conflict(code="wrong_state")
    if check_permission and actor is not None and not has_transition_perm(method, actor):
        raise Forbidden()
    field = state_field_name(method)
    source = getattr(obj, field)
    result = method(**kwargs)
    target = getattr(obj, field)
    obj._history_user = actor
    obj._change_reason = reason or f"{name}: {source} → {target}"
    obj.save()
    TransitionLog.objects.create(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        object_id=str(obj.pk),
        transition=name,
        source=str(source),
        target=str(target),
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=actor_label or ("" if actor is not None else "system"),
        reason=reason,
    )
    return result


def available_transitions(obj, actor, field: str = "status") -> list[str]:
    """Names of the transitions `actor` may take now (for one button per allowed action)."""
    getter = getattr(obj, f"get_available_user_{field}_transitions")
    return [t.name for t in getter(actor)]


__all__ = [
    "SYSTEM",
    "apply_transition",
    "available_transitions",
    "can_proceed",
    "has_transition_perm",
]
