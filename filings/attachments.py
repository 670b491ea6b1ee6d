"""The files of a filing (FIL-5): PDF, JPEG and ADOC/EDOC signed containers, checked by their
content with the filings' size limit (`core.uploads` does the checking)."""

from django.conf import settings

from core import uploads
from core.uploads import CheckedFile

__all__ = ["FORMATS", "CheckedFile", "check_upload"]

FORMATS = ("pdf", "jpeg", "adoc", "edoc")


def check_upload(upload, *, field: str = "file") -> CheckedFile:
    """Read and check one file of a filing; `ValidationFailed` (code `bad_file`) on `field`."""
    return uploads.check_upload(
        upload,
        field=field,
        formats=FORMATS,
        max_bytes=settings.FILINGS["MAX_FILE_BYTES"],
        limits=settings.FILINGS,
    )
