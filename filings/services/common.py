"""Helpers shared by the filing services."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from core.exceptions import Conflict, Forbidden, NotFound
from core.messaging import send_email, send_sms
from filings import access, selectors
from filings.models import Filing


def locked_filing(*, actor, filing_id) -> Filing:
    """Re-read a filing the actor may see, locked for the rest of the transaction."""
    condition = selectors.visibility(actor)
    try:
        pk = int(filing_id)
    except (TypeError, ValueError):
        raise NotFound() from None
    if condition is None:
        raise NotFound()
    filing = (
        Filing.objects.select_for_update(of=("self",))
        .select_related("filer", "court", "office", "presenter_lawyer")
        .filter(condition, pk=pk)
        .first()
    )
    if filing is None:
        raise NotFound()
    return filing


def require_filer_side(filing: Filing, actor) -> None:
    if not access.is_filer_side(filing, actor):
        raise Forbidden()


def require_draft(filing: Filing) -> None:
    if filing.status != Filing.Status.DRAFT:
        raise Conflict(_("The filing is frozen: only a draft can be changed."), code="not_editable")


def require_confirmed(filing: Filing) -> None:
    if filing.status != Filing.Status.CONFIRMED:
        raise Conflict(_("This step opens once the filing is prepared."), code="step_locked")


def save(filing: Filing, *, actor, reason: str, update_fields=None) -> None:
    filing._history_user = actor
    filing._change_reason = reason
    filing.save()


def notify_filer(filing: Filing, *, purpose: str, subject_fn, body_fn) -> None:
    """SMS and email to the filer in their language, after commit (core.messaging)."""
    user = filing.filer
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        subject, body = str(subject_fn()), str(body_fn())
    if user.mobile:
        send_sms(to=str(user.mobile), body=body, purpose=purpose, user=user)
    if user.email:
        send_email(to=user.email, subject=subject, body=body, purpose=purpose, user=user)


def check_unlocked(filing: Filing, step: str) -> None:
    states = {s["name"]: s["state"] for s in selectors.step_states(filing)}
    if step not in states:
        raise Conflict(_("This step does not apply to this kind of filing."), code="no_such_step")
    if states[step] == "locked":
        raise Conflict(
            _("This step is locked: complete the previous steps first."), code="step_locked"
        )
