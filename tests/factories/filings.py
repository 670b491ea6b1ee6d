"""Filings driven through their services, to any state (FIL-*)."""

import io
import zipfile

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile

from core.messaging import backends
from courts.models import ApplicationType, Category, CourtBranch
from filings import services
from filings.models import CourtFeeRule, Filing, Kind
from tests.factories.accounts import UserFactory, national_code
from tests.factories.messages import delivered, secret, sms_code
from tests.factories.notices import jpeg_bytes, pdf_bytes

EXISTING_CASE = "1403123456789012"


def code(user, purpose: str = "sign") -> str:
    """The one-time code last texted to `user` to sign (or `"send"`) a filing."""
    return sms_code(user, f"filings.{purpose}_code")


def request_code(actor, filing, purpose: str = "sign") -> str:
    """Ask for the one-time code that signs (or, with `"send"`, sends) `filing` and read it
    from the SMS its recipient receives."""
    ask = services.sign_code_request if purpose == "sign" else services.send_code_request
    with delivered():
        ask(actor=actor, filing_id=filing.pk)
    message = backends.outbox[-1]
    assert message.purpose == f"filings.{purpose}_code", message.purpose
    return secret(message)


def ensure_fee_schedule() -> None:
    """Migration 0002 loads it; a transactional test's flush removes it."""
    if not CourtFeeRule.objects.exists():
        from importlib import import_module

        import_module("filings.migrations.0002_fee_schedule").load(apps, None)


def lawyer(**kwargs):
    from accounts.roles import Role

    kwargs.setdefault("bar_licence_number", "B-4471")
    return UserFactory(roles=[Role.LAWYER], **kwargs)


def pdf_upload(name="brief.pdf"):
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


def jpeg_upload(name="scan.jpg"):
    return SimpleUploadedFile(name, jpeg_bytes(), content_type="image/jpeg")


def container_bytes(mimetype="application/vnd.etsi.asic-e+zip") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("document.pdf", pdf_bytes())
        archive.writestr("META-INF/signatures0.xml", "<XAdESSignatures/>")
    return out.getvalue()


def fill(filing: Filing, actor, *, court, with_documents=True, presenter=None) -> Filing:
    """Save every wizard step of a defence brief (or the kind's steps) with valid data."""
    kind = filing.kind
    data = {
        "subject": "Defence in the claim for the price of goods",
        "court": court.code,
        "claim_value": 150_000_000 if kind == Kind.PETITION else None,
    }
    court_branch = CourtBranch.objects.filter(pk=court.pk).select_related("court").first()
    if court_branch is not None:
        # A court of the reference data (CAS-1): a kind of application it takes, a category.
        court_type = court_branch.court.court_type
        taken = [a for a in ApplicationType.objects.all() if a.taken_by(court_type)]
        starts = kind == Kind.PETITION
        data["application_type"] = next(a.code for a in taken if a.starts_case == starts)
        data["category"] = Category.objects.filter(court_type=court_type).first().code
    services.step_save(actor=actor, filing_id=filing.pk, step="kind", data=data)
    new_case = kind in (Kind.PETITION,)
    services.step_save(
        actor=actor,
        filing_id=filing.pk,
        step="case",
        data={"case_mode": "new"}
        if new_case
        else {"case_mode": "existing", "case_number": EXISTING_CASE},
    )
    if kind != Kind.CASE_DOCUMENT:
        services.step_save(
            actor=actor,
            filing_id=filing.pk,
            step="parties",
            data={
                "parties": [
                    {"role": "defendant", "person_kind": "myself"},
                    {
                        "role": "plaintiff",
                        "person_kind": "natural",
                        "national_id": national_code(77),
                        "first_name": "Reza",
                        "last_name": "Karimi",
                    },
                ]
            },
        )
    if with_documents:
        services.document_add(
            actor=actor, filing_id=filing.pk, upload=pdf_upload(), doc_type="evidence"
        )
    services.step_save(actor=actor, filing_id=filing.pk, step="documents", data={})
    if kind != Kind.CASE_DOCUMENT:
        data = {"presenter_kind": "self"}
        if presenter is not None:
            data = {"presenter_kind": "lawyer", "lawyer_national_id": presenter.national_id}
        services.step_save(actor=actor, filing_id=filing.pk, step="presenter", data=data)
        services.step_save(
            actor=actor,
            filing_id=filing.pk,
            step="text",
            data={"title": "Defence brief", "html": "<p>The claim has no basis.</p>"},
        )
    filing.refresh_from_db()
    return filing


def draft(filer, *, court, kind=Kind.DEFENCE_BRIEF, **kwargs) -> Filing:
    filing = services.filing_create(actor=filer, kind=kind)
    return fill(filing, filer, court=court, **kwargs)


def prepared(filer, *, court, **kwargs) -> Filing:
    filing = draft(filer, court=court, **kwargs)
    return services.filing_prepare(actor=filer, filing_id=filing.pk)


def signed(filer, *, court, signer=None, **kwargs) -> Filing:
    filing = prepared(filer, court=court, **kwargs)
    signer = signer or filer
    code = request_code(signer, filing)
    services.filing_sign(actor=signer, filing_id=filing.pk, acknowledged=True, code=code)
    filing.refresh_from_db()
    return filing


def paid(filer, *, court, office, card_prefix="603799", **kwargs) -> Filing:
    filing = signed(filer, court=court, **kwargs)
    services.fees_compute(actor=filer, filing_id=filing.pk, office_code=office.code)
    services.pay_online(actor=filer, filing_id=filing.pk, card_prefix=card_prefix)
    filing.refresh_from_db()
    return filing


def sent(filer, *, court, office, **kwargs) -> Filing:
    filing = paid(filer, court=court, office=office, **kwargs)
    code = request_code(filer, filing, "send")
    services.filing_send(actor=filer, filing_id=filing.pk, code=code, signed_in_with="test")
    filing.refresh_from_db()
    return filing


def verified(filer, *, court, office, staff, **kwargs) -> Filing:
    filing = sent(filer, court=court, office=office, **kwargs)
    return services.office_verify(actor=staff, filing_id=filing.pk)


def forwarded(filer, *, court, office, staff, **kwargs) -> Filing:
    filing = verified(filer, court=court, office=office, staff=staff, **kwargs)
    return services.office_forward(actor=staff, filing_id=filing.pk)
