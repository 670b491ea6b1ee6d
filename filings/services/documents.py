"""Documents of a filing (FIL-5): checked by content, stored under random names, removed
from drafts. A refused file leaves nothing behind."""

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from core.exceptions import Conflict, NotFound, ValidationFailed
from core.records import save_as, stamp
from filings import attachments
from filings.models import Document, DocumentPurpose, DocumentType, Kind
from filings.services.common import (
    check_unlocked,
    locked_filing,
    require_draft,
    require_filer_side,
)
from filings.services.signing import void_signature


# --- Documents (FIL-5) --------------------------------------------------------------------------
def document_add(
    *,
    actor,
    filing_id,
    upload,
    doc_type: str,
    title: str = "",
    purpose: str = DocumentPurpose.DOCUMENT,
) -> Document:
    """Check the file by its content, then store it under a random name. A refused file
    leaves nothing behind."""
    if purpose not in (DocumentPurpose.DOCUMENT, DocumentPurpose.LETTERHEAD):
        raise ValidationFailed(fields={"purpose": [_("Unknown purpose.")]})
    if doc_type not in DocumentType.values:
        raise ValidationFailed(fields={"doc_type": [_("Choose the document's type.")]})
    stored: list[Document] = []
    try:
        return _document_add(
            actor=actor,
            filing_id=filing_id,
            upload=upload,
            doc_type=doc_type,
            title=title,
            purpose=purpose,
            limit=settings.FILINGS["MAX_DOCUMENTS"],
            stored=stored,
        )
    except Exception:
        # The transaction rolled back: the file it stored goes too (nothing is kept).
        for document in stored:
            document.file.storage.delete(document.file.name)
        raise


def _document_add(*, actor, filing_id, upload, doc_type, title, purpose, limit, stored):
    with transaction.atomic():
        filing = locked_filing(actor=actor, filing_id=filing_id)
        require_filer_side(filing, actor)
        require_draft(filing)
        step = "text" if purpose == DocumentPurpose.LETTERHEAD else "documents"
        if filing.kind == Kind.CASE_DOCUMENT and step == "text":
            raise Conflict(
                _("This step does not apply to this kind of filing."), code="no_such_step"
            )
        check_unlocked(filing, step)
        if filing.documents.count() >= limit:
            raise ValidationFailed(fields={"file": [_("Too many documents.")]})
        checked = attachments.check_upload(upload)
        document = store_document(
            filing=filing,
            checked=checked,
            doc_type=doc_type,
            title=title,
            purpose=purpose,
            actor=actor,
        )
        stored.append(document)
        void_signature(filing, reason="content changed")
        save_as(filing, actor=actor, reason=f"{purpose} added")
    return document


def store_document(*, filing, checked, doc_type, title, purpose, actor) -> Document:
    document = Document(
        filing=filing,
        purpose=purpose,
        doc_type=doc_type,
        title=str(title or "")[:255],
        original_name=checked.name,
        format=checked.format,
        content_type=checked.content_type,
        size=len(checked.content),
        sha256=checked.sha256,
        uploaded_by=actor,
    )
    document.file.save("upload", ContentFile(checked.content), save=False)
    try:
        save_as(document, actor=actor)
    except Exception:
        document.file.storage.delete(document.file.name)
        raise
    return document


def document_remove(*, actor, filing_id, document_id) -> None:
    with transaction.atomic():
        filing = locked_filing(actor=actor, filing_id=filing_id)
        require_filer_side(filing, actor)
        require_draft(filing)
        document = filing.documents.filter(
            pk=document_id, purpose__in=[DocumentPurpose.DOCUMENT, DocumentPurpose.LETTERHEAD]
        ).first()
        if document is None:
            raise NotFound()
        name = document.file.name
        storage = document.file.storage
        stamp(document, actor=actor).delete()
        void_signature(filing, reason="content changed")
        save_as(filing, actor=actor, reason="document removed")
        transaction.on_commit(lambda: storage.delete(name))
