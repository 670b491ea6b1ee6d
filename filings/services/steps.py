"""The wizard's steps, checked one by one (FIL-3, FIL-10) and all together before preparing
(FIL-4): what each step stores and what it requires."""

from datetime import date
from decimal import Decimal, InvalidOperation

import nh3
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.national_id import validate_legal_id, validate_national_id
from core.exceptions import ValidationFailed
from courts.models import ApplicationType, Category, CourtBranch
from filings import selectors, signing
from filings.models import (
    CONTRACT_ROLES,
    CaseMode,
    DocumentPurpose,
    Filing,
    Kind,
    Party,
    PartyRole,
    PresenterKind,
    case_number_validator,
)
from notices.models import Branch

# Kinds that go into an existing case, and kinds that open a new one (FIL-1, FIL-10).
EXISTING_ONLY = {Kind.DEFENCE_BRIEF, Kind.CASE_DOCUMENT}
NEW_ONLY = {Kind.PETITION}

ALLOWED_TAGS = {
    "p",
    "br",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}


def required() -> list[str]:
    return [_("This field is required.")]


def sanitise_html(html: str) -> str:
    """Rich text, cleaned with nh3: formatting tags only, no attributes but `dir`, no links,
    scripts, styles or images."""
    return nh3.clean(
        str(html or ""),
        tags=ALLOWED_TAGS,
        attributes={"*": {"dir"}},
        url_schemes=set(),
        link_rel=None,
        strip_comments=True,
    ).strip()


def _plain_text(html: str) -> str:
    return nh3.clean(html or "", tags=set()).strip()


def _step_kind(filing: Filing, data: dict, *, draft: bool) -> None:
    errors = {}
    if "kind" in data:
        if data["kind"] not in Kind.values:
            errors["kind"] = [_("Unknown kind of filing.")]
        else:
            filing.kind = data["kind"]
    if "subject" in data:
        filing.subject = str(data["subject"] or "").strip()[:255]
    if "court" in data:
        code = str(data["court"] or "").strip()
        court = Branch.objects.filter(code=code, kind=Branch.Kind.COURT).first() if code else None
        if code and court is None:
            errors["court"] = [_("No court branch has this code.")]
        filing.court = court
    if "application_type" in data:
        code = str(data["application_type"] or "").strip()
        found = ApplicationType.objects.filter(code=code).first() if code else None
        if code and found is None:
            errors["application_type"] = [_("Unknown application type.")]
        filing.application_type = found
    if "category" in data:
        code = str(data["category"] or "").strip()
        found = Category.objects.filter(code=code).first() if code else None
        if code and found is None:
            errors["category"] = [_("Unknown category.")]
        filing.category = found
    errors.update(_court_errors(filing))
    if "claim_value" in data:
        raw = data["claim_value"]
        if raw in (None, ""):
            filing.claim_value = None
        else:
            try:
                value = Decimal(str(raw))
                if value < 0 or value != value.to_integral_value():
                    raise InvalidOperation
                filing.claim_value = value
            except (InvalidOperation, ValueError):
                errors["claim_value"] = [_("A claim value is a whole number of rials.")]
    if not draft:
        errors.update(_kind_errors(filing))
    if errors:
        raise ValidationFailed(fields=errors)


def _court_type(filing: Filing) -> str:
    """The type of the picked court (CAS-1); "" for a branch outside the reference data."""
    if not filing.court_id:
        return ""
    court_branch = CourtBranch.objects.filter(pk=filing.court_id).select_related("court").first()
    return court_branch.court.court_type if court_branch else ""


def _court_errors(filing: Filing) -> dict:
    """CAS-1: the court takes the application type, and the category is of its type."""
    errors = {}
    court_type = _court_type(filing)
    if not court_type:
        return errors
    kind = filing.application_type
    if kind is not None and not kind.taken_by(court_type):
        errors["application_type"] = [_("This court does not take this kind of application.")]
    if filing.category_id and filing.category.court_type != court_type:
        errors["category"] = [_("This category is not one of this court's.")]
    return errors


def _kind_errors(filing: Filing) -> dict:
    errors = {}
    if filing.category_id and not filing.subject:
        filing.subject = filing.category.name
    if not filing.subject:
        errors["subject"] = required()
    if not filing.court_id:
        errors["court"] = required()
    if _court_type(filing):
        # A court of the reference data: the kind of application and the category are picked
        # from the court's own lists (CAS-1).
        if filing.application_type_id is None:
            errors.setdefault("application_type", required())
        if filing.category_id is None:
            errors.setdefault("category", required())
    errors.update(_court_errors(filing))
    return errors


def _step_case(filing: Filing, data: dict, *, draft: bool) -> None:
    errors = {}
    if "case_mode" in data:
        mode = data["case_mode"] or ""
        if mode and mode not in CaseMode.values:
            errors["case_mode"] = [_("Choose a new case or an existing case.")]
        else:
            filing.case_mode = mode
    if "case_number" in data:
        number = str(data["case_number"] or "").strip()
        if number:
            try:
                case_number_validator(number)
            except DjangoValidationError:
                errors["case_number"] = [_("A case number has exactly 16 digits.")]
        filing.case_number = number
    if filing.case_mode == CaseMode.NEW:
        filing.case_number = ""
    if not draft:
        errors.update(_case_errors(filing))
    if errors:
        raise ValidationFailed(fields=errors)


def _case_errors(filing: Filing) -> dict:
    if not filing.case_mode:
        return {"case_mode": required()}
    if filing.kind in EXISTING_ONLY and filing.case_mode != CaseMode.EXISTING:
        return {"case_mode": [_("This kind of filing goes into an existing case.")]}
    if filing.kind in NEW_ONLY and filing.case_mode != CaseMode.NEW:
        return {"case_mode": [_("A petition opens a new case.")]}
    if filing.case_mode == CaseMode.EXISTING and not filing.case_number:
        return {"case_number": required()}
    return {}


def _parse_date(value, errors, key):
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        errors[key] = [_("A date is written as YYYY-MM-DD.")]
        return None


CONTRACT_FIELDS = ("contract_signed_on", "contract_ends_on", "contract_subject", "contract_number")


def _party_from(filing: Filing, index: int, item: dict, errors: dict, *, draft: bool) -> Party:
    prefix = f"parties.{index}"
    party = Party(filing=filing, position=index)
    role = item.get("role", "")
    if role not in PartyRole.values:
        errors[f"{prefix}.role"] = [_("Choose the party's role.")]
    party.role = role
    kind = item.get("person_kind", "")
    if kind not in Party.PersonKind.values:
        errors[f"{prefix}.person_kind"] = [_("Choose natural person, legal person or myself.")]
    party.person_kind = kind
    for name in (
        "first_name",
        "last_name",
        "name",
        "address",
        "mobile",
        "id_card_serial",
        "contract_subject",
        "contract_number",
    ):
        setattr(party, name, str(item.get(name) or "").strip()[:255])
    if kind == Party.PersonKind.MYSELF:
        user = filing.filer
        party.national_id = user.national_id
        party.first_name, party.last_name = user.first_name, user.last_name
        party.mobile = str(user.mobile or "")
        party.id_card_serial = user.id_card_serial
    elif kind == Party.PersonKind.NATURAL:
        national_id = str(item.get("national_id") or "").strip()
        if national_id:
            try:
                national_id = validate_national_id(national_id, item.get("id_scheme") or "ir")
            except DjangoValidationError as exc:
                errors[f"{prefix}.national_id"] = list(exc.messages)
        elif not draft:
            errors[f"{prefix}.national_id"] = required()
        party.national_id = national_id
        if not draft:
            for name in ("first_name", "last_name"):
                if not getattr(party, name):
                    errors[f"{prefix}.{name}"] = required()
    elif kind == Party.PersonKind.LEGAL:
        legal_id = str(item.get("legal_id") or "").strip()
        if legal_id:
            try:
                legal_id = validate_legal_id(legal_id)
            except DjangoValidationError as exc:
                errors[f"{prefix}.legal_id"] = list(exc.messages)
        elif not draft:
            errors[f"{prefix}.legal_id"] = required()
        party.legal_id = legal_id
        if not draft and not party.name:
            errors[f"{prefix}.name"] = required()
    party.contract_signed_on = _parse_date(
        item.get("contract_signed_on"), errors, f"{prefix}.contract_signed_on"
    )
    party.contract_ends_on = _parse_date(
        item.get("contract_ends_on"), errors, f"{prefix}.contract_ends_on"
    )
    if role in CONTRACT_ROLES and not draft:
        # Seed 002: for debtors and guarantors, the contract's dates, subject and number.
        for name in CONTRACT_FIELDS:
            if not getattr(party, name) and f"{prefix}.{name}" not in errors:
                errors[f"{prefix}.{name}"] = required()
    if (
        party.contract_signed_on
        and party.contract_ends_on
        and party.contract_ends_on < party.contract_signed_on
    ):
        errors[f"{prefix}.contract_ends_on"] = [_("The contract cannot end before it is signed.")]
    return party


def _step_parties(filing: Filing, data: dict, *, draft: bool) -> None:
    items = data.get("parties")
    if items is None:
        items = []
    if not isinstance(items, list):
        raise ValidationFailed(fields={"parties": [_("Give a list of parties.")]})
    errors: dict = {}
    parties = [
        _party_from(filing, i, item or {}, errors, draft=draft) for i, item in enumerate(items)
    ]
    if sum(1 for p in parties if p.person_kind == Party.PersonKind.MYSELF) > 1:
        errors["parties"] = [_("“Myself” can be chosen for one party only.")]
    if not draft and not parties:
        errors["parties"] = [_("Add at least one party.")]
    if errors:
        raise ValidationFailed(fields=errors)
    filing.parties.all().delete()
    for party in parties:
        party.save()


def _parties_errors(filing: Filing) -> dict:
    items = [
        {
            **{f: getattr(p, f) for f in signing.PARTY_FIELDS},
            "contract_signed_on": p.contract_signed_on,
            "contract_ends_on": p.contract_ends_on,
        }
        for p in filing.parties.all()
    ]
    if not items:
        return {"parties": [_("Add at least one party.")]}
    errors: dict = {}
    for i, item in enumerate(items):
        _party_from(filing, i, item, errors, draft=False)
    return errors


def _step_documents(filing: Filing, data: dict, *, draft: bool) -> None:
    """Files are added one by one (document_add); saving the step only moves on. With no
    document yet the step may be passed, with a warning; preparing refuses (FIL-4)."""


def _step_presenter(filing: Filing, data: dict, *, draft: bool) -> None:
    errors = {}
    kind = data.get("presenter_kind", filing.presenter_kind)
    if kind and kind not in PresenterKind.values:
        errors["presenter_kind"] = [_("Choose a lawyer or yourself.")]
        raise ValidationFailed(fields=errors)
    filing.presenter_kind = kind or ""
    if kind == PresenterKind.LAWYER:
        national_id = str(data.get("lawyer_national_id") or filing.presenter_national_id or "")
        lawyer = lawyer_lookup(national_id=national_id) if national_id else None
        if lawyer is None and (national_id or not draft):
            errors["lawyer_national_id"] = [
                _("No practising lawyer with this national ID has an account.")
            ]
        filing.presenter_lawyer = lawyer
        filing.presenter_national_id = lawyer.national_id if lawyer else ""
        filing.presenter_name = lawyer.get_full_name() if lawyer else ""
        filing.presenter_bar_licence = lawyer.bar_licence_number if lawyer else ""
    else:
        filer = filing.filer
        filing.presenter_lawyer = None
        filing.presenter_national_id = filer.national_id if kind else ""
        filing.presenter_name = filer.get_full_name() if kind else ""
        filing.presenter_bar_licence = filer.bar_licence_number if kind else ""
        if not kind and not draft:
            errors["presenter_kind"] = required()
    if errors:
        raise ValidationFailed(fields=errors)


def lawyer_lookup(*, national_id: str) -> User | None:
    """A lawyer by national ID, to fill in the presenter (seed 000): an active account with a
    bar licence number."""
    national_id = str(national_id or "").strip()
    if not national_id:
        return None
    return (
        User.objects.filter(national_id=national_id, status=User.Status.ACTIVE, is_active=True)
        .exclude(bar_licence_number="")
        .first()
    )


def _step_text(filing: Filing, data: dict, *, draft: bool) -> None:
    if "title" in data:
        filing.text_title = str(data["title"] or "").strip()[:255]
    if "html" in data:
        filing.text_html = sanitise_html(data["html"])
    if not draft:
        errors = _text_errors(filing)
        if errors:
            raise ValidationFailed(fields=errors)


def _text_errors(filing: Filing) -> dict:
    has_letterhead = filing.documents.filter(purpose=DocumentPurpose.LETTERHEAD).exists()
    if not _plain_text(filing.text_html) and not has_letterhead:
        return {"html": [_("Write the text, or attach a scanned letterhead instead.")]}
    return {}


def completeness_errors(filing: Filing) -> dict:
    """Everything missing, with the fields at fault (FIL-4)."""
    errors: dict = {}
    steps = selectors.wizard_steps(filing.kind)
    errors.update(_kind_errors(filing))
    errors.update(_case_errors(filing))
    if "parties" in steps:
        errors.update(_parties_errors(filing))
    if not filing.documents.filter(purpose=DocumentPurpose.DOCUMENT).exists():
        errors["documents"] = [_("At least one document is required.")]
    if "presenter" in steps:
        if not filing.presenter_kind:
            errors["presenter_kind"] = required()
        elif filing.presenter_kind == PresenterKind.LAWYER and not filing.presenter_lawyer_id:
            errors["lawyer_national_id"] = required()
    if "text" in steps:
        errors.update(_text_errors(filing))
    return errors


HANDLERS = {
    "kind": _step_kind,
    "case": _step_case,
    "parties": _step_parties,
    "documents": _step_documents,
    "presenter": _step_presenter,
    "text": _step_text,
}
