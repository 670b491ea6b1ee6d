"""Helpers shared by the filing services."""

from django.utils.translation import gettext as _

from core.exceptions import Conflict, Forbidden, NotFound
from core.notify import notify
from core.records import locked
from filings import access, selectors
from filings.models import Filing


def locked_filing(*, actor, filing_id) -> Filing:
    """Re-read a filing the actor may see, locked for the rest of the transaction."""
    condition = selectors.visibility(actor)
    if condition is None:
        raise NotFound()
    visible = Filing.objects.select_related("filer", "court", "office", "presenter_lawyer")
    return locked(visible.filter(condition), filing_id)


def require_filer_side(filing: Filing, actor) -> None:
    if not access.is_filer_side(filing, actor):
        raise Forbidden()


def require_draft(filing: Filing) -> None:
    if filing.status != Filing.Status.DRAFT:
        raise Conflict(_("The filing is frozen: only a draft can be changed."), code="not_editable")


def require_confirmed(filing: Filing) -> None:
    if filing.status != Filing.Status.CONFIRMED:
        raise Conflict(_("This step opens once the filing is prepared."), code="step_locked")


def notify_filer(filing: Filing, *, purpose: str, subject_fn, body_fn) -> None:
    """SMS and email to the filer in their language, after commit (core.notify)."""
    notify(filing.filer, purpose=purpose, body=body_fn, subject=subject_fn)


def check_unlocked(filing: Filing, step: str) -> None:
    states = {s["name"]: s["state"] for s in selectors.step_states(filing)}
    if step not in states:
        raise Conflict(_("This step does not apply to this kind of filing."), code="no_such_step")
    if states[step] == "locked":
        raise Conflict(
            _("This step is locked: complete the previous steps first."), code="step_locked"
        )
