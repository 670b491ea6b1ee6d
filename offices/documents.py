"""Attestation and service-record documents: type from the content, size limit, random names."""

import uuid

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ALLOWED_TYPES = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
MAX_BYTES = 5 * 1024 * 1024


def validate_document(file) -> None:
    if file.size > MAX_BYTES:
        raise ValidationError(_("The file is larger than 5 MB."), code="too_large")
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(262)
    file.seek(position)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ALLOWED_TYPES:
        raise ValidationError(_("Only PDF, JPEG and PNG documents are accepted."), code="bad_type")
    # The whole content must open, with no bomb, script, encryption or hidden second file.
    from filings.attachments import Refused, inspect_content

    file.seek(0)
    content = file.read(MAX_BYTES + 1)
    file.seek(position)
    try:
        inspect_content(
            content, name=getattr(file, "name", "") or "file", formats=("pdf", "jpeg", "png")
        )
    except Refused as refused:
        raise ValidationError(str(refused), code="bad_content") from None


def document_path(instance, filename: str) -> str:
    """A random name outside any public folder; the original name is not kept in the path."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    if extension not in ALLOWED_TYPES.values():
        extension = "bin"
    return f"private/offices/{instance._meta.model_name}/{uuid.uuid4().hex}.{extension}"
