"""Timelines (AUD-1, AUD-3): the history rows and transition log of one object, merged.

Each app registers the models whose timeline can be read, with a function that returns the
objects an actor may see:

    audit.register(Notice, visible=selectors.notices_visible_to)

GET /api/v1/audit/timeline/<app_label>.<model>/<pk>/ then answers for any object in that
queryset, and 404 for anything else.

The module imports no model at its top, so that an app's `apps.py` can import it before the
app registry is ready and register its models in `ready()`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class Registration:
    model: type[Model]
    visible: Callable[..., QuerySet]


_registry: dict[str, Registration] = {}


def register(model: type[Model], *, visible: Callable[..., QuerySet]) -> None:
    _registry[model._meta.label_lower] = Registration(model=model, visible=visible)


def registration(label: str) -> Registration | None:
    return _registry.get(label.lower())


def _actor_repr(user):
    if user is None:
        return None
    return {"id": user.pk, "name": user.get_full_name() or str(user)}


def timeline(obj) -> list[dict]:
    """Oldest first: every historical version with its changed fields, and every transition."""
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
    return entries


def _plain(value):
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
