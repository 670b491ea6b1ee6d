"""Case passwords (CAS-7, NOT-6): each participant's own, delivered to their notices inbox.

Only the hash is kept (`notices.CasePassword`). The password reaches the holder as a notice
issued by the system (no clerk of any branch reads it) for the participant's sub-row; the
holder can renew it, which replaces the old one.
"""

import secrets

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import override

from core.exceptions import NotFound
from core.records import save_as
from courts import selectors
from courts.models import Participant
from notices.models import CasePassword
from notices.services import issue_system_notice

SYSTEM_BRANCH = ("CASE-PASSWORDS", "Case password service")
PASSWORD_ROLE = {"lawyer": CasePassword.Role.LAWYER, "expert": CasePassword.Role.EXPERT}


def new_password() -> str:
    length = settings.COURTS.get("CASE_PASSWORD_LENGTH", 8)
    return "".join(secrets.choice("23456789") for _digit in range(length))


def give_case_password(row: Participant, *, actor=None) -> None:
    """Make (or replace) the participant's case password and send it to their inbox."""
    password = new_password()
    person = {"user": row.user} if row.user_id else {"legal_person": row.legal_person}
    role = PASSWORD_ROLE.get(row.role, CasePassword.Role.PARTY)
    stored, created = CasePassword.objects.select_for_update().get_or_create(
        case_number=row.case.number,
        **person,
        defaults={"role": role, "password_hash": make_password(password)},
    )
    if not created:
        stored.password_hash = make_password(password)
        save_as(stored, actor=actor, reason="renewed")
    recipient = row.user if row.user_id else row.legal_person
    language = getattr(row.user, "preferred_language", "") or settings.LANGUAGE_CODE
    with override(language):
        subject = _("Your password for case %(case)s") % {"case": row.case.number}
        body = _(
            "Your case password for case %(case)s (sub-row %(row)s) is %(password)s. With the "
            "case number, the sub-row and this password you can follow the case. Keep it to "
            "yourself; you can renew it on the case page."
        ) % {"case": row.case.number, "row": row.sub_row, "password": password}
    issue_system_notice(
        branch_code=SYSTEM_BRANCH[0],
        branch_name=SYSTEM_BRANCH[1],
        recipient=recipient,
        case_number=row.case.number,
        case_sub_row=row.sub_row,
        subject=subject,
        body=body,
    )


def case_password_renew(*, actor, case_id) -> int:
    """The holder renews their case password(s) of a case: a new one reaches the inbox."""
    with transaction.atomic():
        case = selectors.get_case(actor=actor, case_id=case_id)
        rows = list(
            Participant.objects.filter(
                selectors.participation_filter(actor), case=case
            ).select_related("case", "user", "legal_person")
        )
        if not rows:
            raise NotFound()
        for row in rows:
            give_case_password(row, actor=actor)
    return len(rows)
