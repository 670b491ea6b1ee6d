"""Checking uploaded files by their content (FIL-5).

PDF (must open with pypdf and have a page), JPEG (must decode with Pillow), and signed
containers ADOC/EDOC: zip archives whose first entry `mimetype` names a signature container
(ETSI ASiC, the Latvian EDOC, the Lithuanian/Azerbaijani ADOC) and which hold signature
files under META-INF/. The file name plays no part: a JPEG named `.pdf` is a JPEG; a text
file named `.pdf` is refused. A refused file is never stored.
"""

import hashlib
import io
import zipfile
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.utils.translation import gettext as _

from core.exceptions import ValidationFailed

CONTAINER_MIMETYPES = {
    "application/vnd.etsi.asic-e+zip": "edoc",
    "application/vnd.etsi.asic-s+zip": "edoc",
    "application/vnd.lt.archyvai.adoc-2008": "adoc",
    "application/vnd.az.adoc": "adoc",
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpeg": "image/jpeg",
    "adoc": "application/vnd.lt.archyvai.adoc-2008",
    "edoc": "application/vnd.etsi.asic-e+zip",
}


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content: bytes
    format: str
    content_type: str
    sha256: str


def _refuse(field: str, message: str):
    raise ValidationFailed(message, code="bad_file", fields={field: [message]})


def _is_pdf(content: bytes) -> bool:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted:
            return False
        return len(reader.pages) >= 1
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError, IndexError):
        return False


def _is_jpeg(content: bytes) -> bool:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(content)) as image:
            if image.format != "JPEG":
                return False
            image.verify()
        with Image.open(io.BytesIO(content)) as image:
            image.load()
        return True
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return False


def _container_format(content: bytes) -> str | None:
    """'adoc' or 'edoc' for a well-formed signature container, else None."""
    limit = settings.FILINGS["MAX_CONTAINER_BYTES"]
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            entries = archive.infolist()
            if not entries or entries[0].filename != "mimetype":
                return None
            if sum(e.file_size for e in entries) > limit:
                return None
            names = [e.filename for e in entries]
            if any(n.startswith("/") or ".." in n.split("/") for n in names):
                return None
            if not any(n.startswith("META-INF/") and n != "META-INF/" for n in names):
                return None
            mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
            if archive.testzip() is not None:
                return None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, KeyError):
        return None
    return CONTAINER_MIMETYPES.get(mimetype)


def check_upload(upload, *, field: str = "file", formats=("pdf", "jpeg", "adoc", "edoc")):
    """Read and check one uploaded file; return its bytes, format and SHA-256, or raise
    ValidationFailed with a clear message on `field`."""
    name = (getattr(upload, "name", "") or "file")[-255:]
    limit = settings.FILINGS["MAX_FILE_BYTES"]
    size = getattr(upload, "size", None)
    too_large = _("The file %(name)s is larger than %(mb)s MB.") % {
        "name": name,
        "mb": limit // (1024 * 1024),
    }
    if size is not None and size > limit:
        _refuse(field, too_large)
    if hasattr(upload, "seek"):
        upload.seek(0)
    content = upload.read(limit + 1) if hasattr(upload, "read") else bytes(upload)
    if len(content) > limit:
        _refuse(field, too_large)
    if not content:
        _refuse(field, _("The file %(name)s is empty.") % {"name": name})
    kind = filetype.guess(content[:8192])
    mime = kind.mime if kind else None
    fmt = None
    if mime == "application/pdf":
        if not _is_pdf(content):
            _refuse(
                field,
                _("The file %(name)s looks like a PDF but cannot be opened.") % {"name": name},
            )
        fmt = "pdf"
    elif mime == "image/jpeg":
        if not _is_jpeg(content):
            _refuse(field, _("The image %(name)s is damaged.") % {"name": name})
        fmt = "jpeg"
    elif mime in ("application/zip", "application/epub+zip") or content[:4] == b"PK\x03\x04":
        fmt = _container_format(content)
        if fmt is None:
            _refuse(
                field,
                _("The file %(name)s is not a valid ADOC or EDOC signed container.")
                % {"name": name},
            )
    if fmt is None or fmt not in formats:
        allowed = ", ".join(f.upper() for f in formats)
        _refuse(
            field,
            _("The file %(name)s is not accepted: only %(allowed)s files, checked by content.")
            % {"name": name, "allowed": allowed},
        )
    return CheckedFile(
        name=name,
        content=content,
        format=fmt,
        content_type=CONTENT_TYPES[fmt],
        sha256=hashlib.sha256(content).hexdigest(),
    )
