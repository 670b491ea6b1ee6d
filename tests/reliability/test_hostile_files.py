"""Hostile uploads are refused with a clear error (code + field) and nothing is stored: no row
and no file in storage (FIL-5 filings, NOT-1 notices, LIC-2 licensing application documents).

The files are built in memory (tests/reliability/hostile.py): oversized, empty, truncated,
polyglots (a PDF or JPEG that is also a zip archive or carries HTML/script), decompression
bombs (a 100-byte PNG or a JPEG declaring 50,000 x 50,000 pixels; a PDF whose content inflates
to 100 MB from 100 KB; 600 pages; arrays nested 100,000 deep), malformed PDFs and JPEGs, the
wrong content behind a trusted extension, an encrypted PDF, and PDFs with JavaScript or a
launch action (also with the name hidden as `/L#61unch`).
"""

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories.clients import client_for
from tests.reliability import hostile as h

pytestmark = pytest.mark.django_db

HOSTILE = {
    "truncated.pdf": (lambda: h.truncated(h.pdf()), "cannot be opened"),
    "truncated.jpg": (lambda: h.truncated(h.jpeg((200, 200))), "damaged"),
    "malformed.jpg": (lambda: h.jpeg()[:20] + b"\x00garbage" * 100, "damaged"),
    "malformed.pdf": (lambda: b"%PDF-1.7\n" + b"\x00garbage" * 200, "cannot be opened"),
    "polyglot-zip.jpg": (h.jpeg_then_zip, "also another kind of file"),
    "polyglot-html.pdf": (h.pdf_then_html, "also another kind of file"),
    "polyglot-zip.pdf": (lambda: h.pdf() + h.zip_archive(), "also another kind of file"),
    "bomb.jpg": (h.jpeg_bomb, "million pixels"),
    "bomb-inflate.pdf": (h.pdf_flate_bomb, "too large or too complex"),
    "pages.pdf": (lambda: h.pdf(600), "too large or too complex"),
    "nested.pdf": (h.pdf_deeply_nested, "cannot be opened"),
    "encrypted.pdf": (h.pdf_encrypted, "encrypted"),
    "javascript.pdf": (h.pdf_with_javascript, "scripts, actions"),
    "launch.pdf": (h.pdf_with_launch_action, "scripts, actions"),
    "launch-escaped.pdf": (lambda: h.pdf_with_launch_action(escaped=True), "scripts, actions"),
    "page.pdf": (lambda: b"<html><script>alert(1)</script></html>", "not accepted"),
    "archive.jpg": (h.zip_archive, "not a valid ADOC or EDOC"),
    "picture.jpg": (h.png, "not accepted"),  # PNG is not a filing format
}


def stored_files(storage_alias="default") -> list[str]:
    """Every file name in the storage (the test storage is in memory)."""
    storage = storages[storage_alias]

    def walk(path):
        try:
            dirs, files = storage.listdir(path)
        except FileNotFoundError:
            return []
        found = [f"{path}/{f}" if path else f for f in files]
        for d in dirs:
            found += walk(f"{path}/{d}" if path else d)
        return found

    return sorted(walk(""))


@pytest.fixture
def filing_upload(db):
    from tests.factories import UserFactory
    from tests.factories import filings as ff
    from tests.factories.notices import BranchFactory

    ff.ensure_fee_schedule()
    filer = UserFactory()
    filing = ff.draft(filer, court=BranchFactory(), with_documents=False)
    api = client_for(filer)

    def upload(name, content):
        return api.post(
            f"/api/v1/filings/{filing.pk}/documents/",
            {"file": SimpleUploadedFile(name, content), "doc_type": "evidence"},
            format="multipart",
        )

    return upload


def assert_refused(response, field, name, reason):
    assert response.status_code == 400, response.content[:300]
    body = response.json()
    assert body["code"] in ("bad_file", "bad_document", "invalid")
    message = body["fields"][field][0]
    assert name in message and reason in message, message


@pytest.mark.rule("FIL-5")
@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_filing_documents_are_refused_and_nothing_is_stored(filing_upload, name):
    """FIL-5: each hostile file gets 400 `bad_file` with the reason on `file`; no document
    row, no file in storage."""
    from filings.models import Document

    build, reason = HOSTILE[name]
    before = stored_files()
    assert_refused(filing_upload(name, build()), "file", name, reason)
    assert Document.objects.count() == 0
    assert stored_files() == before


@pytest.mark.rule("FIL-5")
def test_a_truncated_image_is_refused_after_weasyprint_is_loaded(filing_upload, monkeypatch):
    """FIL-5: WeasyPrint switches Pillow's process-wide "load truncated images" on when the
    site first renders a PDF; an upload is still decoded strictly, and the switch is left as
    it was."""
    from PIL import ImageFile

    from filings.models import Document

    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    build, reason = HOSTILE["truncated.jpg"]
    assert_refused(filing_upload("scan.jpg", build()), "file", "scan.jpg", reason)
    assert Document.objects.count() == 0
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True


@pytest.mark.rule("FIL-5")
def test_oversized_and_empty_filing_documents_are_refused(filing_upload, settings):
    """FIL-5: a file over the size limit (a valid PDF padded past it) and an empty file are
    refused before any parsing; nothing stored."""
    from filings.models import Document

    settings.FILINGS = {**settings.FILINGS, "MAX_FILE_BYTES": 64 * 1024}
    before = stored_files()
    big = h.pdf() + b"%" + b"x" * (64 * 1024)
    assert_refused(filing_upload("big.pdf", big), "file", "big.pdf", "larger than")
    empty = filing_upload("empty.pdf", b"")
    assert empty.status_code == 400 and empty.json()["fields"]["file"] == [
        "The submitted file is empty."
    ]
    assert Document.objects.count() == 0
    assert stored_files() == before


@pytest.mark.rule("FIL-5")
def test_genuine_files_still_pass_with_the_same_checks(filing_upload):
    """FIL-5: the hardened checks keep accepting ordinary files: a PDF, a camera JPEG of 24
    megapixels, a JPEG named .pdf."""
    ok = [
        filing_upload("brief.pdf", h.pdf(3)),
        filing_upload("photo.jpg", h.jpeg((6000, 4000))),
        filing_upload("scan.pdf", h.jpeg()),
    ]
    assert [r.status_code for r in ok] == [201, 201, 201], [r.content[:200] for r in ok]
    assert [r.json()["format"] for r in ok] == ["pdf", "jpeg", "jpeg"]


NOTICE_HOSTILE = [
    "truncated.jpg",
    "polyglot-html.pdf",
    "bomb.jpg",
    "encrypted.pdf",
    "javascript.pdf",
    "launch.pdf",
]


@pytest.mark.rule("NOT-1")
def test_hostile_notice_attachments_are_refused_and_nothing_is_stored():
    """NOT-1: the clerk's issue endpoint refuses each hostile attachment on `attachments`
    with the reason; no notice, no attachment row, no file."""
    from notices.models import Notice, NoticeAttachment
    from tests.factories import UserFactory
    from tests.factories.notices import BranchFactory, court_clerk

    branch = BranchFactory()
    clerk = client_for(court_clerk(branch))
    recipient = UserFactory()
    from django.conf import settings

    alias = settings.NOTICES.get("ATTACHMENT_STORAGE", "default")
    before = stored_files(alias)
    for name in NOTICE_HOSTILE:
        build, reason = HOSTILE[name]
        response = clerk.post(
            "/api/v1/notices/issued/",
            {
                "branch": branch.code,
                "recipient_national_id": recipient.national_id,
                "case_number": "1403123456789012",
                "case_sub_row": 1,
                "subject": "Summons",
                "body": "Appear at the branch.",
                "attachments": [SimpleUploadedFile(name, build())],
            },
            format="multipart",
        )
        assert_refused(response, "attachments", name, reason)
    assert Notice.objects.count() == 0 and NoticeAttachment.objects.count() == 0
    assert stored_files(alias) == before


LICENSING_HOSTILE = [
    "truncated.pdf",
    "polyglot-zip.jpg",
    "nested.pdf",
    "encrypted.pdf",
    "javascript.pdf",
]


@pytest.mark.rule("LIC-2")
def test_hostile_application_documents_are_refused_and_nothing_is_stored():
    """LIC-2: the applicant's documents (PDF, JPEG, PNG) get the same content checks: a PNG
    declaring 50,000 x 50,000 pixels and each hostile file are refused on `file`; nothing
    stored."""
    from licensing import services
    from licensing.models import ApplicationDocument
    from offices.models import StaffRole
    from tests.factories.licensing import CallFactory
    from tests.factories.offices import qualified_profile

    profile = qualified_profile(StaffRole.MANAGER)
    application = services.application_submit(actor=profile.user, call_id=CallFactory().pk)
    applicant = client_for(profile.user)
    url = f"/api/v1/licensing/applications/{application.pk}/documents/"
    before = stored_files()
    cases = {name: HOSTILE[name] for name in LICENSING_HOSTILE}
    cases["bomb.png"] = (h.png_bomb, "million pixels")
    for name, (build, reason) in cases.items():
        response = applicant.post(
            url, {"kind": "degree", "file": SimpleUploadedFile(name, build())}, format="multipart"
        )
        assert response.status_code == 400, response.content[:300]
        assert reason in response.json()["fields"]["file"][0]
    assert ApplicationDocument.objects.count() == 0
    assert stored_files() == before
    fine = applicant.post(
        url, {"kind": "degree", "file": SimpleUploadedFile("d.png", h.png())}, format="multipart"
    )
    assert fine.status_code == 201, fine.content[:300]
