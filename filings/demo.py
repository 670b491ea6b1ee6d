"""Demo filings for `make run` (development only). Idempotent.

The demo lawyer has a defence brief in draft (steps partly done) and one sent to the
Tehran office, waiting in its queue. Needs the demo users (core.demo), the demo offices
(offices.demo) and a court branch with the demo court clerk.
"""

import io

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from filings import services
from filings.models import Filing, Kind
from filings.services import signing as codes
from notices.models import Branch
from offices.models import Office
from offices.selectors import operational_status

LAWYER = "0010000021"
PARTY = "0010000011"
CLERK = "0010000143"
COURT = ("DEMO-TBZ-04", "شعبه ۴ دادگاه حقوقی تبریز")


def seed(stdout=None) -> None:
    User = get_user_model()
    lawyer = User.objects.filter(national_id=LAWYER).first()
    party = User.objects.filter(national_id=PARTY).first()
    if lawyer is None or party is None or Filing.objects.filter(filer=lawyer).exists():
        return
    court, _ = Branch.objects.get_or_create(code=COURT[0], defaults={"name": COURT[1]})
    clerk = User.objects.filter(national_id=CLERK).first()
    if clerk is not None:
        court.clerks.add(clerk)
    office = next((o for o in Office.objects.all() if operational_status(o).operational), None)

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)

    def pdf():
        return SimpleUploadedFile("annex.pdf", buffer.getvalue())

    def fill(filing):
        pk = filing.pk
        services.step_save(
            actor=lawyer,
            filing_id=pk,
            step="kind",
            data={"subject": "لایحه دفاعیه در دعوای مطالبه وجه", "court": court.code},
        )
        services.step_save(
            actor=lawyer,
            filing_id=pk,
            step="case",
            data={"case_mode": "existing", "case_number": "1403123456789012"},
        )
        services.step_save(
            actor=lawyer,
            filing_id=pk,
            step="parties",
            data={
                "parties": [
                    {"role": "lawyer", "person_kind": "myself"},
                    {
                        "role": "defendant",
                        "person_kind": "natural",
                        "national_id": party.national_id,
                        "first_name": party.first_name,
                        "last_name": party.last_name,
                    },
                ]
            },
        )
        services.document_add(actor=lawyer, filing_id=pk, upload=pdf(), doc_type="evidence")
        services.step_save(actor=lawyer, filing_id=pk, step="documents", data={})

    draft = services.filing_create(actor=lawyer, kind=Kind.DEFENCE_BRIEF)
    fill(draft)
    if office is not None:
        filing = services.filing_create(actor=lawyer, kind=Kind.DEFENCE_BRIEF)
        fill(filing)
        pk = filing.pk
        services.step_save(
            actor=lawyer,
            filing_id=pk,
            step="presenter",
            data={"presenter_kind": "lawyer", "lawyer_national_id": lawyer.national_id},
        )
        services.step_save(
            actor=lawyer,
            filing_id=pk,
            step="text",
            data={"title": "لایحه دفاعیه", "html": "<p>دعوای خواهان فاقد وجاهت قانونی است.</p>"},
        )
        services.filing_prepare(actor=lawyer, filing_id=pk)
        device = codes.issue_code(user=lawyer, filing=filing, purpose="sign")
        # Development only: read the code back from the outbox copy is not possible (only a
        # hash is kept), so the demo signs with a code it sets itself.
        token = "123456"  # nosec B105 # the demo signs its own filings with a code it sets
        device.token_hash = codes._digest(device, token)
        device.save()
        services.filing_sign(actor=lawyer, filing_id=pk, acknowledged=True, code=token)
        services.fees_compute(actor=lawyer, filing_id=pk, office_code=office.code)
        services.pay_online(actor=lawyer, filing_id=pk, card_prefix="603799")
        device = codes.issue_code(user=lawyer, filing=filing, purpose="send")
        device.token_hash = codes._digest(device, token)
        device.save()
        services.filing_send(actor=lawyer, filing_id=pk, code=token, signed_in_with="demo")
    if stdout is not None:
        stdout.write("Demo filings are loaded.")
