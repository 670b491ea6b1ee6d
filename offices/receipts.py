"""The appointment receipt (APT-3, APT-5): a PDF with the check-in code and its QR.

Persian text is set in DejaVu Sans, which the machine's fontconfig provides and which covers
Persian letters; WeasyPrint (with Pango) shapes and orders right-to-left text itself.
"""

import base64
import io

import qrcode
from django.template.loader import render_to_string
from django.utils import translation

from offices import formatting
from offices.models import Appointment
from offices.services import QR_PREFIX


def qr_data_uri(text: str) -> str:
    image = qrcode.make(text, box_size=6, border=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def render_receipt(appointment: Appointment, language: str = "fa") -> bytes:
    from weasyprint import HTML

    with translation.override(language):
        office = appointment.office
        context = {
            "appointment": appointment,
            "office": office,
            "language": language,
            "rtl": formatting.is_persian(language),
            "day": formatting.day(appointment.day, language),
            "time": formatting.clock(appointment.starts_at, language),
            "booked_at": formatting.moment(appointment.booked_at, language),
            "qr": qr_data_uri(QR_PREFIX + appointment.check_in_code),
        }
        html = render_to_string("offices/receipt.html", context)
    return HTML(string=html).write_pdf()
