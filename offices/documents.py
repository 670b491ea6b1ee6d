"""Attestation and service-record documents: PDF, JPEG or PNG of at most 5 MB, checked by
their content (`core.uploads`), stored under random names."""

import uuid

from django.core.exceptions import ValidationError

from core.uploads import Refused, read_upload

ALLOWED_TYPES = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
FORMATS = ("pdf", "jpeg", "png")
MAX_BYTES = 5 * 1024 * 1024


def validate_document(file) -> None:
    """The field validator: the whole content must open, with no bomb, script, encryption or
    hidden second file (codes `too_large`, `empty`, `bad_type`, `bad_content`)."""
    try:
        read_upload(file, formats=FORMATS, max_bytes=MAX_BYTES)
    except Refused as refused:
        raise ValidationError(str(refused), code=refused.kind) from None


def document_path(instance, filename: str) -> str:
    """A random name outside any public folder; the original name is not kept in the path."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    if extension not in ALLOWED_TYPES.values():
        extension = "bin"
    return f"private/offices/{instance._meta.model_name}/{uuid.uuid4().hex}.{extension}"
