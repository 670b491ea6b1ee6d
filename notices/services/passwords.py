"""Case passwords (NOT-6): a person's own password for a case, set by a court clerk."""

import secrets

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import LegalPerson, User
from accounts.roles import Role, has_role
from core.exceptions import Forbidden, NotFound, ValidationFailed
from core.notify import notify as send_notice
from core.records import save_as
from notices.models import CasePassword, case_number_validator


# --- Case passwords (NOT-6) ------------------------------------------------------------------
def set_case_password(
    *,
    actor,
    case_number: str,
    person: User | LegalPerson,
    role: str,
    password: str | None = None,
    notify=True,
) -> str:
    """Give (or replace) a person's own password for a case; only the hash is kept.

    Court clerks set them at case registration. Returns the password once; with `notify`,
    it is sent by SMS to the person's registered mobile (the kept copy is redacted).
    """
    if not getattr(actor, "is_authenticated", False) or not (
        actor.is_superuser or has_role(actor, Role.COURT_CLERK)
    ):
        raise Forbidden()
    case_number = str(case_number or "").strip()
    try:
        case_number_validator(case_number)
    except DjangoValidationError:
        raise ValidationFailed(
            fields={"case_number": [_("A case number has exactly 16 digits.")]}
        ) from None
    if role not in CasePassword.Role.values:
        raise ValidationFailed(fields={"role": [_("Unknown role.")]})
    if not isinstance(person, (User, LegalPerson)) or person.pk is None:
        raise NotFound()
    password = password or "".join(secrets.choice("23456789") for _digit in range(8))
    lookup = {"user": person} if isinstance(person, User) else {"legal_person": person}
    with transaction.atomic():
        row, created = CasePassword.objects.select_for_update().get_or_create(
            case_number=case_number,
            **lookup,
            defaults={"role": role, "password_hash": make_password(password), "created_by": actor},
        )
        if not created:
            row.role = role
            row.password_hash = make_password(password)
            save_as(row, actor=actor)
        mobile = getattr(person, "mobile", None)
        if notify and mobile:
            send_notice(
                person if isinstance(person, User) else None,
                purpose="notices.case_password",
                body=lambda: (
                    _("Your password for case %(case)s: %(password)s")
                    % {"case": case_number, "password": password}
                ),
                to=str(mobile),
                secret=password,
            )
    return password
