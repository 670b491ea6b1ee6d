"""Row locks and saves with the actor: the two things every service does to a record.

- `locked(queryset, pk)` re-reads one row of a queryset already filtered by what the actor
  may see, under a row lock held to the end of the transaction; anything outside it is 404.
- `save_as(obj, *, actor, reason="")` saves a record with its history row's user and change
  reason set (django-simple-history reads `_history_user` and `_change_reason`).
"""

from core.exceptions import NotFound


def as_pk(value) -> int:
    """A primary key from a path or form value; anything that is not one is 404."""
    try:
        return int(value)
    except (TypeError, ValueError):
        raise NotFound() from None


def locked(queryset, pk):
    obj = queryset.select_for_update(of=("self",)).filter(pk=as_pk(pk)).first()
    if obj is None:
        raise NotFound()
    return obj


def stamp(obj, *, actor, reason: str = ""):
    """Set the history row's user and reason on `obj` without saving it (for `bulk` paths
    and models saved by a library)."""
    obj._history_user = actor if getattr(actor, "pk", None) else None
    if reason:
        obj._change_reason = reason
    return obj


def save_as(obj, *, actor, reason: str = "", **save_kwargs):
    stamp(obj, actor=actor, reason=reason)
    obj.save(**save_kwargs)
    return obj
