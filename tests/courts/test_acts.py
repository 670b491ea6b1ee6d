"""CAS-5: court acts are PDFs sealed (PAdES) with the court's seal, with a verification code
and QR; a public page confirms a document by code and hash without its content. CAS-9: a
final judgment opens an enforcement file."""

import hashlib
import io

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from courts import seal, services


@pytest.fixture
def act(the_case, clerk, tmp_path, settings):
    settings.COURTS = {**settings.COURTS, "SEAL_DIR": str(tmp_path / "seal"), "SEAL_PKCS12": ""}
    return services.act_issue(
        actor=clerk,
        case_id=the_case.pk,
        kind="judgment",
        title="Judgment on the claim",
        text="The claim is allowed.",
        final=True,
    )


def _independent_validation(pdf: bytes) -> bool:
    """pyHanko's validator with the development CA as the only trust root."""
    from asn1crypto import pem
    from asn1crypto import x509 as asn1_x509
    from django.conf import settings

    ca = (seal.Path(settings.COURTS["SEAL_DIR"]) / "ca.pem").read_bytes()
    _type, _headers, der = pem.unarmor(ca)
    context = ValidationContext(trust_roots=[asn1_x509.Certificate.load(der)])
    try:
        signature = PdfFileReader(io.BytesIO(pdf)).embedded_signatures[0]
        status = validate_pdf_signature(signature, context)
    except Exception:  # noqa: BLE001 — an unreadable file fails
        return False
    return status.intact and status.valid and status.trusted


@pytest.mark.rule("CAS-5")
def test_a_sealed_act_verifies_and_one_changed_byte_fails(act, party, client_for):
    response = client_for(party).get(f"/api/v1/courts/acts/{act.pk}/file/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = b"".join(response.streaming_content)
    assert pdf.startswith(b"%PDF") and hashlib.sha256(pdf).hexdigest() == act.sha256
    assert _independent_validation(pdf)
    tampered = bytearray(pdf)
    position = len(pdf) // 3
    tampered[position] = (tampered[position] + 1) % 256
    assert not _independent_validation(bytes(tampered))
    assert not seal.verify_pdf(bytes(tampered))
    # The act carries its verification code.
    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert act.verification_code in text


@pytest.mark.rule("CAS-5")
def test_the_public_verification_confirms_by_code_and_hash_only(act, client):
    url = "/api/v1/courts/verify/"
    found = client.get(url, {"code": act.verification_code, "sha256": act.sha256}).json()
    assert found["valid"] is True and found["kind"] == "judgment"
    assert "text" not in found and "title" not in found
    wrong = client.get(url, {"code": act.verification_code, "sha256": "0" * 64}).json()
    assert wrong == {"valid": False, "kind": None, "issued_at": None, "court": None}
    page = client.get("/en/cases/verify/", {"code": act.verification_code, "sha256": act.sha256})
    assert page.status_code == 200 and page.context["act"] == act
    assert "The claim is allowed." not in page.content.decode()


@pytest.mark.rule("CAS-5")
def test_a_strangers_act_is_404(act, stranger, client_for):
    response = client_for(stranger).get(f"/api/v1/courts/acts/{act.pk}/file/")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


@pytest.mark.rule("CAS-9")
def test_a_final_judgment_opens_an_enforcement_file(act, the_case, clerk, party, client_for):
    the_case.refresh_from_db()
    assert the_case.status == "final"
    response = client_for(clerk).post(
        f"/api/v1/courts/cases/{the_case.pk}/acts/{act.pk}/enforcement/"
    )
    assert response.status_code == 201 and response.json()["status"] == "open"
    again = client_for(clerk).post(f"/api/v1/courts/cases/{the_case.pk}/acts/{act.pk}/enforcement/")
    assert again.status_code == 409 and again.json()["code"] == "exists"
    detail = client_for(party).get(f"/api/v1/courts/cases/{the_case.pk}/").json()
    assert [e["number"] for e in detail["enforcements"]] == [response.json()["number"]]


@pytest.mark.rule("CAS-9")
def test_only_a_final_judgment_opens_enforcement(the_case, clerk, tmp_path, settings):
    from core.exceptions import Conflict

    settings.COURTS = {**settings.COURTS, "SEAL_DIR": str(tmp_path / "seal"), "SEAL_PKCS12": ""}
    minutes = services.act_issue(
        actor=clerk, case_id=the_case.pk, kind="minutes", title="Minutes", text="Heard."
    )
    with pytest.raises(Conflict) as refused:
        services.enforcement_open(actor=clerk, case_id=the_case.pk, act_id=minutes.pk)
    assert refused.value.code == "not_final"
    assert not the_case.enforcements.exists()


@pytest.mark.rule("CAS-5")
def test_an_act_is_sealed_and_verified_from_a_thread_running_an_event_loop(act):
    """An ASGI worker or a browser driver runs an event loop in the calling thread; pyHanko's
    synchronous calls start their own, which asyncio refuses there. The seal still works."""
    import asyncio

    from pypdf import PdfWriter

    writer, buffer = PdfWriter(), io.BytesIO()
    writer.add_blank_page(width=595, height=842)
    writer.write(buffer)
    original = buffer.getvalue()

    async def inside_a_loop():
        resealed = seal.seal_pdf(original, reason="test")
        return seal.verify_pdf(resealed), seal.verify_pdf(resealed[:-100])

    intact, truncated = asyncio.run(inside_a_loop())
    assert intact is True and truncated is False
