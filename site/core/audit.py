"""Timelines (AUD-1, AUD-3): the history rows and transition log of one object, merged.

Each app registers the models whose timeline can be read, with a function that returns the
objects an actor may see:

    audit.register(Notice, visible=selectors.notices_visible_to)

GET /api/v1/audit/timeline/<app_label>.<model>/<pk>/ then answers for any object in that
queryset, and 404 for anything else.

The module imports no model at its top, so that an app's `apps.py` can import it before the
app registry is ready and register its models in `ready()`.

A model whose timeline carries something not every viewer of the object may read (a ruling's
decision before it is served on the accused) registers a `redact(obj, viewer, entries)` hook
returning the entries as that viewer may see them. It is the one place that decides: the
timeline endpoint applies it, and so must any other view of the same steps (an app's own
history of a case calls `audit.redact`).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class Registration:
    model: type[Model]
    visible: Callable[..., QuerySet]
    redact: Callable[[Model, object, list[dict]], list[dict]] | None = None


_registry: dict[str, Registration] = {}


def register(
    model: type[Model],
    *,
    visible: Callable[..., QuerySet],
    redact: Callable[[Model, object, list[dict]], list[dict]] | None = None,
) -> None:
    _registry[model._meta.label_lower] = Registration(model=model, visible=visible, redact=redact)


def registration(label: str) -> Registration | None:
    return _registry.get(label.lower())


def redact(obj, viewer, entries: list[dict]) -> list[dict]:
    """`entries` (steps of `obj`, each with a `reason` and possibly `changes`) as `viewer` may
    see them, by the hook `obj`'s model registered; unchanged without one."""
    found = _registry.get(obj._meta.label_lower)
    if found is None or found.redact is None:
        return entries
    return found.redact(obj, viewer, entries)


def _actor_repr(user):
    if user is None:
        return None
    return {"id": user.pk, "name": user.get_full_name() or str(user)}


def timeline(obj, *, viewer=None) -> list[dict]:
    """Oldest first: every historical version with its changed fields, and every transition;
    with `viewer`, as that viewer may see them (`redact`)."""
    from django.contrib.contenttypes.models import ContentType

    from core.models import TransitionLog

    entries = []
    history = getattr(obj, "history", None)
    if history is not None:
        records = list(
            history.all().select_related("history_user").order_by("history_date", "history_id")
        )
        previous = None
        for record in records:
            changes = []
            if previous is not None:
                delta = record.diff_against(previous)
                changes = [
                    {"field": c.field, "old": _plain(c.old), "new": _plain(c.new)}
                    for c in delta.changes
                ]
            entries.append(
                {
                    "kind": "change",
                    "time": record.history_date,
                    "actor": _actor_repr(record.history_user),
                    "action": {"+": "created", "~": "changed", "-": "deleted"}[record.history_type],
                    "reason": record.history_change_reason or "",
                    "changes": changes,
                }
            )
            previous = record
    ct = ContentType.objects.get_for_model(obj, for_concrete_model=True)
    for log in TransitionLog.objects.filter(content_type=ct, object_id=str(obj.pk)).select_related(
        "actor"
    ):
        entries.append(
            {
                "kind": "transition",
                "time": log.created_at,
                "actor": _actor_repr(log.actor)
                or ({"id": None, "name": log.actor_label} if log.actor_label else None),
                "action": log.transition,
                "from": log.source,
                "to": log.target,
                "reason": log.reason,
                "changes": [],
            }
        )
    entries.sort(key=lambda e: (e["time"], 0 if e["kind"] == "change" else 1))
    return entries if viewer is None else redact(obj, viewer, entries)


def _plain(value):
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
