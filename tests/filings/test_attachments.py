"""Attachments are checked by their content, with a size limit; nothing is stored on
failure; files are served only through permission-checked views (FIL-5)."""

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from filings.models import Document
from tests.factories import filings as ff
from tests.factories.notices import jpeg_bytes, pdf_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.rule("FIL-5")]


def stored_files() -> int:
    storage = storages["default"]

    def walk(path):
        dirs, files = storage.listdir(path)
        return len(files) + sum(walk(f"{path}/{d}") for d in dirs)

    try:
        return walk("filings")
    except FileNotFoundError:
        return 0


@pytest.fixture
def upload_to(filer, court, client_for):
    filing = ff.draft(filer, court=court, with_documents=False)
    api = client_for(filer)

    def upload(name, content, **extra):
        return api.post(
            f"/api/v1/filings/{filing.pk}/documents/",
            {"file": SimpleUploadedFile(name, content), "doc_type": "evidence", **extra},
            format="multipart",
        )

    upload.filing = filing
    upload.api = api
    return upload


def test_pdf_and_jpeg_are_accepted_by_content_whatever_their_name(upload_to):
    """FIL-5: a JPEG named .pdf is stored as a JPEG, a PDF named .jpg as a PDF."""
    response = upload_to("photo.pdf", jpeg_bytes())
    assert response.status_code == 201
    assert response.json()["format"] == "jpeg"
    response = upload_to("scan.jpg", pdf_bytes())
    assert response.status_code == 201
    assert response.json()["format"] == "pdf"
    names = list(Document.objects.values_list("file", flat=True))
    assert all(n.startswith("filings/") and "photo" not in n and "scan" not in n for n in names)


def test_a_file_renamed_pdf_that_is_not_a_pdf_is_refused_and_nothing_is_stored(upload_to):
    """FIL-5: type from the content; a clear error; no row and no file left behind."""
    before = stored_files()
    response = upload_to("contract.pdf", b"MZ\x90\x00 this is a program, not a PDF" * 10)
    assert response.status_code == 400
    assert response.json()["code"] == "bad_file"
    assert "contract.pdf" in response.json()["fields"]["file"][0]
    assert Document.objects.count() == 0
    assert stored_files() == before


def test_a_pdf_that_will_not_parse_is_refused(upload_to):
    """FIL-5: the PDF magic bytes are not enough: the file must open."""
    response = upload_to("broken.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 200)
    assert response.status_code == 400
    assert "cannot be opened" in response.json()["fields"]["file"][0]
    assert Document.objects.count() == 0


def test_size_limit(upload_to):
    with override_settings(
        FILINGS={**__import__("django.conf").conf.settings.FILINGS, "MAX_FILE_BYTES": 1024}
    ):
        response = upload_to("big.pdf", pdf_bytes() + b"\n" * 2048)
    assert response.status_code == 400
    assert Document.objects.count() == 0


def test_signed_containers_adoc_and_edoc(upload_to):
    """FIL-5: ADOC/EDOC are zip containers with a signature mimetype and META-INF/."""
    assert upload_to("a.edoc", ff.container_bytes()).json()["format"] == "edoc"
    adoc = ff.container_bytes("application/vnd.lt.archyvai.adoc-2008")
    assert upload_to("b.adoc", adoc).json()["format"] == "adoc"
    import io
    import zipfile

    plain = io.BytesIO()
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert upload_to("c.edoc", plain.getvalue()).status_code == 400
    assert Document.objects.count() == 2


def test_files_are_served_only_to_those_who_may_see_the_filing(upload_to, stranger, client_for):
    """FIL-5: download through the permission-checked view; anyone else gets 404."""
    document = upload_to("x.pdf", pdf_bytes()).json()
    url = document["download_url"]
    response = upload_to.api.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["Content-Type"] == "application/pdf"
    assert client_for(stranger).get(url).status_code == 404
