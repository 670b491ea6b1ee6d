"""Checking uploaded files by their content: one checker for every upload point of the site
(filings FIL-5, notice attachments NOT-1, office and licensing documents LIC-2).

PDF (must open with pypdf and have a page), JPEG (must decode with Pillow), and signed
containers ADOC/EDOC: zip archives whose first entry `mimetype` names a signature container
(ETSI ASiC, the Latvian EDOC, the Lithuanian/Azerbaijani ADOC) and which hold signature
files under META-INF/. The file name plays no part: a JPEG named `.pdf` is a JPEG; a text
file named `.pdf` is refused. A refused file is never stored.

Hostile files are refused before anything is kept, each with its own message:

* too large (read at most the limit plus one byte), empty;
* decompression bombs: an image declaring more than `MAX_IMAGE_PIXELS` pixels (checked from
  the header, before any pixel is decoded); a PDF with more than `MAX_PDF_PAGES` pages, objects
  nested too deeply, or page content that inflates beyond `MAX_PDF_CONTENT_BYTES` (pypdf's own
  output limits stop a single stream first); a container that inflates beyond
  `MAX_CONTAINER_BYTES` or holds more than `MAX_CONTAINER_ENTRIES` entries;
* damaged or truncated files (the image must decode to the last pixel, the PDF must open);
* encrypted PDFs (the office could not read them);
* PDFs with active content: JavaScript, launch actions, automatic actions, embedded files;
* polyglots: a PDF or image that is also a zip archive, or that carries HTML or script.

`check_upload(upload, field=, formats=, max_bytes=, limits=)` reads one upload and returns a
`CheckedFile` (bytes, format, content type, SHA-256) or raises `ValidationFailed` (code
`bad_file`) naming the field; `read_upload` is the same check raising `Refused`, whose `kind`
(`too_large`, `empty`, `bad_type`, `bad_content`) lets a Django validator keep its own codes.
Each caller says which formats it accepts and how large a file may be; `limits` overrides the
decompression limits of `DEFAULT_LIMITS`.
"""

import contextlib
import contextvars
import hashlib
import io
import re
import threading
import warnings
import zipfile
import zlib
from dataclasses import dataclass

import filetype
from django.utils.translation import gettext as _

from core.exceptions import ValidationFailed

_DECODING = threading.Lock()

CONTAINER_MIMETYPES = {
    "application/vnd.etsi.asic-e+zip": "edoc",
    "application/vnd.etsi.asic-s+zip": "edoc",
    "application/vnd.lt.archyvai.adoc-2008": "adoc",
    "application/vnd.az.adoc": "adoc",
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "adoc": "application/vnd.lt.archyvai.adoc-2008",
    "edoc": "application/vnd.etsi.asic-e+zip",
}
DEFAULT_LIMITS = {
    # A 600 dpi A4 scan is about 35 million pixels.
    "MAX_IMAGE_PIXELS": 40_000_000,
    "MAX_PDF_PAGES": 500,
    "MAX_PDF_CONTENT_BYTES": 50 * 1024 * 1024,
    "MAX_CONTAINER_BYTES": 50 * 1024 * 1024,
    "MAX_CONTAINER_ENTRIES": 1000,
}
# Active content in a PDF: names that run something or carry another file. `#xx` escapes in
# names are decoded by pypdf for the structural check; the raw scan catches the plain form
# anywhere, including objects the structure does not reach.
PDF_ACTIVE_NAMES = {
    "/JavaScript",
    "/JS",
    "/Launch",
    "/EmbeddedFile",
    "/EmbeddedFiles",
    "/RichMedia",
}
PDF_ACTIVE_RAW = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia)(?![A-Za-z0-9])")
# Markup or script hidden in a document or an image (a polyglot a browser could run).
MARKUP = re.compile(
    rb"<\s*(script|html|body|iframe|svg|object|embed)\b|<\?php|<!doctype\s+html|javascript:",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content: bytes
    format: str
    content_type: str
    sha256: str


# The decompression limits of the check in progress (a caller's `limits` over the defaults).
_limits = contextvars.ContextVar("upload_limits", default=DEFAULT_LIMITS)


def _limit(key):
    return _limits.get().get(key, DEFAULT_LIMITS[key])


class Refused(Exception):
    """A check failed; the message says why (the caller names the field). `kind` is one of
    `too_large`, `empty`, `bad_type` (not an accepted format) or `bad_content` (the content
    is damaged or hostile)."""

    def __init__(self, message, kind: str = "bad_content"):
        super().__init__(message)
        self.kind = kind


# --- PDF ---------------------------------------------------------------------------------------
def _walk_active(obj, seen: set, depth: int = 0) -> bool:
    """True if an action dictionary or name tree below `obj` runs script or a program."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

    if depth > 50:
        raise Refused("nested")
    if isinstance(obj, IndirectObject):
        key = (obj.idnum, obj.generation)
        if key in seen:
            return False
        seen.add(key)
        obj = obj.get_object()
    if isinstance(obj, NameObject):
        return str(obj) in PDF_ACTIVE_NAMES
    if isinstance(obj, DictionaryObject):
        for key, value in obj.items():
            if key in PDF_ACTIVE_NAMES or key in ("/Parent", "/P", "/Kids"):
                if key in PDF_ACTIVE_NAMES:
                    return True
                continue
            if _walk_active(value, seen, depth + 1):
                return True
    elif isinstance(obj, ArrayObject):
        return any(_walk_active(item, seen, depth + 1) for item in obj)
    return False


def _inflated_size(contents, budget: int) -> int:
    """Size of a page's content once inflated, reading at most `budget` + 1 bytes of a Flate
    stream (a bomb stops there instead of inflating in full)."""
    from pypdf.generic import ArrayObject, StreamObject

    if contents is None:
        return 0
    contents = contents.get_object()
    if isinstance(contents, ArrayObject):
        total = 0
        for part in contents:
            total += _inflated_size(part, budget - total)
            if total > budget:
                break
        return total
    if not isinstance(contents, StreamObject):
        return 0
    filters = contents.get("/Filter")
    raw = getattr(contents, "_data", b"")
    if filters == "/FlateDecode" or (
        isinstance(filters, ArrayObject) and list(filters) == ["/FlateDecode"]
    ):
        inflater = zlib.decompressobj()
        try:
            size = len(inflater.decompress(raw, max(budget, 0) + 1))
        except zlib.error:
            raise Refused("damaged") from None
        return size
    return len(contents.get_data())


def _check_pdf(content: bytes, name: str) -> None:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PyPdfError

    damaged = _("The file %(name)s looks like a PDF but cannot be opened.") % {"name": name}
    too_complex = _(
        "The PDF %(name)s is too large or too complex once opened (more than %(pages)s pages, "
        "or content that inflates too far)."
    ) % {"name": name, "pages": _limit("MAX_PDF_PAGES")}
    active = _(
        "The PDF %(name)s contains scripts, actions or embedded files; save it again as a "
        "plain PDF (for example with “Print to PDF”)."
    ) % {"name": name}
    if PDF_ACTIVE_RAW.search(content):
        raise Refused(active)
    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted:
            raise Refused(
                _("The PDF %(name)s is encrypted or password-protected; upload it unprotected.")
                % {"name": name}
            )
        pages = len(reader.pages)
        if pages < 1:
            raise Refused(damaged)
        if pages > _limit("MAX_PDF_PAGES"):
            raise Refused(too_complex)
        root = reader.trailer["/Root"].get_object()
        seen: set = set()
        for key in ("/OpenAction", "/AA", "/Names", "/AcroForm"):
            if key in root and _walk_active(root[key], seen):
                raise Refused(active)
        budget = _limit("MAX_PDF_CONTENT_BYTES")
        for page in reader.pages:
            for key in ("/AA", "/Annots"):
                if key in page and _walk_active(page[key], seen):
                    raise Refused(active)
            budget -= _inflated_size(page.get("/Contents"), budget)
            if budget < 0:
                raise Refused(too_complex)
    except Refused as refused:
        if str(refused) == "damaged":
            raise Refused(damaged) from None
        raise
    except LimitReachedError:
        raise Refused(too_complex) from None
    except RecursionError:
        raise Refused(too_complex) from None
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError, IndexError):
        raise Refused(damaged) from None
    except Exception:  # noqa: BLE001 - any other parser failure is a damaged file, not a 500
        raise Refused(damaged) from None


# --- Images ------------------------------------------------------------------------------------
def _check_image(content: bytes, name: str, expected: tuple[str, ...]) -> None:
    from PIL import Image, UnidentifiedImageError

    damaged = _("The image %(name)s is damaged.") % {"name": name}
    bomb = _("The image %(name)s is too large: more than %(mp)s million pixels.") % {
        "name": name,
        "mp": _limit("MAX_IMAGE_PIXELS") // 1_000_000,
    }
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content)) as image:
                if image.format not in expected:
                    raise Refused(damaged)
                width, height = image.size
                if width < 1 or height < 1 or width * height > _limit("MAX_IMAGE_PIXELS"):
                    raise Refused(bomb)
                image.verify()
            with Image.open(io.BytesIO(content)) as image, _strict_decoding():
                image.load()  # every pixel decodes: a truncated file fails here
    except Refused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise Refused(bomb) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, MemoryError):
        raise Refused(damaged) from None
    except Exception:  # noqa: BLE001 - any other decoder failure is a damaged file, not a 500
        raise Refused(damaged) from None


@contextlib.contextmanager
def _strict_decoding():
    """Pillow's switch for truncated images is process-wide, and WeasyPrint turns it on when it
    is imported (for the PDFs the site renders). An upload is decoded with it off, under a
    lock, so a truncated file is refused whatever was imported before."""
    from PIL import ImageFile

    with _DECODING:
        before = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = before


# --- Signed containers -------------------------------------------------------------------------
def _container_format(content: bytes) -> str | None:
    """'adoc' or 'edoc' for a well-formed signature container, else None."""
    limit = _limit("MAX_CONTAINER_BYTES")
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            entries = archive.infolist()
            if not entries or entries[0].filename != "mimetype":
                return None
            if len(entries) > _limit("MAX_CONTAINER_ENTRIES"):
                return None
            if sum(e.file_size for e in entries) > limit:
                return None
            names = [e.filename for e in entries]
            if any(n.startswith("/") or ".." in n.split("/") for n in names):
                return None
            if not any(n.startswith("META-INF/") and n != "META-INF/" for n in names):
                return None
            mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
            # Reads every entry, never past its declared size: a lying size fails the CRC.
            if archive.testzip() is not None:
                return None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, KeyError, EOFError):
        return None
    except Exception:  # noqa: BLE001 - any other archive failure is a bad container
        return None
    return CONTAINER_MIMETYPES.get(mimetype)


def _is_zip(content: bytes) -> bool:
    try:
        return zipfile.is_zipfile(io.BytesIO(content))
    except Exception:  # noqa: BLE001
        return False


def inspect_content(content: bytes, *, name: str, formats) -> str:
    """The format of `content` among `formats` (pdf, jpeg, png, adoc, edoc), read from the
    bytes alone; raises `Refused` with a clear message otherwise."""
    kind = filetype.guess(content[:8192])
    mime = kind.mime if kind else None
    fmt = None
    if mime in ("application/pdf", "image/jpeg", "image/png") and (
        _is_zip(content) or MARKUP.search(content)
    ):
        raise Refused(
            _(
                "The file %(name)s is also another kind of file (an archive, a web page or a "
                "script hidden inside); it is not accepted."
            )
            % {"name": name}
        )
    if mime == "application/pdf" and "pdf" in formats:
        _check_pdf(content, name)
        fmt = "pdf"
    elif mime == "image/jpeg" and "jpeg" in formats:
        _check_image(content, name, ("JPEG", "MPO"))  # MPO: a phone camera's JPEG
        fmt = "jpeg"
    elif mime == "image/png" and "png" in formats:
        _check_image(content, name, ("PNG",))
        fmt = "png"
    elif {"adoc", "edoc"} & set(formats) and (
        mime in ("application/zip", "application/epub+zip") or content[:4] == b"PK\x03\x04"
    ):
        fmt = _container_format(content)
        if fmt is None:
            raise Refused(
                _("The file %(name)s is not a valid ADOC or EDOC signed container.")
                % {"name": name}
            )
    if fmt is None or fmt not in formats:
        allowed = ", ".join(f.upper() for f in formats)
        raise Refused(
            _("The file %(name)s is not accepted: only %(allowed)s files, checked by content.")
            % {"name": name, "allowed": allowed},
            kind="bad_type",
        )
    return fmt


def read_upload(upload, *, formats, max_bytes: int, limits=None) -> CheckedFile:
    """Read and check one uploaded file (a Django `UploadedFile`, a `FieldFile` or bytes) of
    at most `max_bytes`; return its bytes, format and SHA-256, or raise `Refused`. The file's
    read position is left where it was."""
    name = (getattr(upload, "name", "") or "file")[-255:]
    too_large = _("The file %(name)s is larger than %(mb)s MB.") % {
        "name": name,
        "mb": max_bytes // (1024 * 1024),
    }
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise Refused(too_large, kind="too_large")
    if hasattr(upload, "read"):
        rewind = hasattr(upload, "seek")
        position = upload.tell() if rewind and hasattr(upload, "tell") else 0
        if rewind:
            upload.seek(0)
        content = upload.read(max_bytes + 1)
        if rewind:
            upload.seek(position)
    else:
        content = bytes(upload)
    if len(content) > max_bytes:
        raise Refused(too_large, kind="too_large")
    if not content:
        raise Refused(_("The file %(name)s is empty.") % {"name": name}, kind="empty")
    token = _limits.set({**DEFAULT_LIMITS, **(limits or {})})
    try:
        fmt = inspect_content(content, name=name, formats=formats)
    finally:
        _limits.reset(token)
    return CheckedFile(
        name=name,
        content=content,
        format=fmt,
        content_type=CONTENT_TYPES[fmt],
        sha256=hashlib.sha256(content).hexdigest(),
    )


def check_upload(upload, *, field: str = "file", formats, max_bytes: int, limits=None):
    """`read_upload`, refusing with `ValidationFailed` (code `bad_file`) and the reason on
    `field`."""
    try:
        return read_upload(upload, formats=formats, max_bytes=max_bytes, limits=limits)
    except Refused as refused:
        message = str(refused)
        raise ValidationFailed(message, code="bad_file", fields={field: [message]}) from None
