"""The stamped receipt of an accepted filing (FIL-8): a PDF with the tracking code, the
court's stamp, the case number, the content hash that was sent, and a QR of the code,
sealed (PAdES) with the court's seal like its acts (CAS-5).

Persian text is set in DejaVu Sans (fontconfig provides it); WeasyPrint shapes it.
"""

import base64
import io

import qrcode
from django.template.loader import render_to_string
from django.utils import timezone, translation

from courts.seal import seal_pdf
from filings.models import Filing


def qr_data_uri(text: str) -> str:
    image = qrcode.make(text, box_size=5, border=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def render_receipt(filing: Filing, language: str | None = None) -> bytes:
    from weasyprint import HTML

    language = language or filing.filer.preferred_language or "fa"
    submission = getattr(filing, "submission", None)
    with translation.override(language):
        html = render_to_string(
            "filings/receipt.html",
            {
                "filing": filing,
                "submission": submission,
                "rtl": language.startswith("fa"),
                "language": language,
                "decided_at": timezone.localtime(filing.decided_at or timezone.now()),
                "qr": qr_data_uri(f"DAFTAR-FILING:{filing.tracking_code}"),
            },
        )
    return seal_pdf(
        HTML(string=html).write_pdf(),
        reason=f"Filing receipt {filing.tracking_code}",
        location=filing.court.name if filing.court_id else "",
    )
