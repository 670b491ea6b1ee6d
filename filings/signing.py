"""What exactly is signed and sent (FIL-6, FIL-12).

The canonical form of a filing is a JSON document with sorted keys and no insignificant
white space, holding every field of the content (kind, subject, court, claim, case,
parties, presenter, text) and, for each file, its purpose, type, format, size and SHA-256.
The content hash is the SHA-256 of its UTF-8 bytes. Any change — a letter of the text, a
party, a file replaced — changes the hash, which voids a signature made over the old one.
"""

import hashlib
import json

from django.utils.translation import gettext as _

from filings.models import DocumentPurpose, Filing

SIGNED_PURPOSES = (DocumentPurpose.DOCUMENT, DocumentPurpose.LETTERHEAD)

PARTY_FIELDS = (
    "role",
    "person_kind",
    "national_id",
    "id_card_serial",
    "legal_id",
    "first_name",
    "last_name",
    "name",
    "address",
    "mobile",
    "contract_signed_on",
    "contract_ends_on",
    "contract_subject",
    "contract_number",
)


def acknowledgement_text() -> str:
    """What the signer acknowledges before the code (FIL-6, seed 002 §10.6)."""
    return _(
        "I have read my rights and duties. I confirm that the content and the attached files "
        "of this filing are true and complete, that the electronic copies match the originals "
        "I will present, and that I sign it electronically with the one-time code sent to my "
        "mobile."
    )


def _text(value) -> str:
    return "" if value is None else str(value)


def canonical(filing: Filing) -> dict:
    parties = [
        {name: _text(getattr(p, name)) for name in PARTY_FIELDS}
        for p in filing.parties.all().order_by("position", "id")
    ]
    documents = [
        {
            "id": d.pk,
            "purpose": d.purpose,
            "doc_type": d.doc_type,
            "title": d.title,
            "format": d.format,
            "size": d.size,
            "sha256": d.sha256,
        }
        for d in filing.documents.filter(purpose__in=SIGNED_PURPOSES).order_by("id")
    ]
    return {
        "filing": filing.pk,
        "kind": filing.kind,
        "channel": filing.channel,
        "filer": filing.filer.national_id,
        "subject": filing.subject,
        "court": filing.court.code if filing.court_id else "",
        "claim_value": _text(filing.claim_value),
        "case_mode": filing.case_mode,
        "case_number": filing.case_number,
        "presenter": {
            "kind": filing.presenter_kind,
            "national_id": filing.presenter_national_id,
            "name": filing.presenter_name,
            "bar_licence": filing.presenter_bar_licence,
        },
        "text": {"title": filing.text_title, "html": filing.text_html},
        "parties": parties,
        "documents": documents,
    }


def serialise(data: dict) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def content_hash(filing: Filing) -> str:
    return hashlib.sha256(serialise(canonical(filing))).hexdigest()


def stored_files_intact(filing: Filing) -> bool:
    """Re-read every signed file from storage and compare with its recorded hash."""
    for document in filing.documents.filter(purpose__in=SIGNED_PURPOSES):
        digest = hashlib.sha256()
        try:
            with document.file.open("rb") as handle:
                for chunk in iter(lambda h=handle: h.read(1024 * 1024), b""):
                    digest.update(chunk)
        except (OSError, ValueError):
            return False
        if digest.hexdigest() != document.sha256:
            return False
    return True
