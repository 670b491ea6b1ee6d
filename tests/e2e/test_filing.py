"""A lawyer files a defence brief through the portal's pages, from "my filings" to the sending
receipt, the way seed 000 walks it (FIL-2, FIL-3, FIL-4, FIL-5, FIL-6, FIL-7, FIL-9, FIL-12)."""

import re

import pytest

from core.dates import to_persian_digits
from filings.models import Document, Filing, Payment, Signature, Submission
from tests.e2e.conftest import PERSIAN_DIGITS, open_section, sign_in_from_home, sms_code, submit
from tests.factories import filings as ff
from tests.factories.accounts import DEFAULT_PASSWORD, national_code
from tests.factories.licensing import licensed_office
from tests.factories.notices import BranchFactory

LOCKED_UNTIL_PREPARED = ("prepare", "sign", "fees", "payment", "send")


def step_states(page) -> dict[str, str]:
    """The wizard's step list as the page shows it: step name -> done, open, locked, frozen."""
    items = page.locator("ol.filing-steps li[data-step]")
    return {
        items.nth(i).get_attribute("data-step"): items.nth(i).get_attribute("data-state")
        for i in range(items.count())
    }


def step_form(page, step):
    return page.locator(f'main form:has(input[name=step][value="{step}"])')


def action_form(page, action):
    return page.locator(f'main form:has(input[name=action][value="{action}"])')


def a_real_pdf(path):
    """A small one-page PDF with text, made the way the portal makes its own (WeasyPrint)."""
    from weasyprint import HTML

    HTML(
        string="<html><body><h1>Invoice 1403/77</h1><p>Goods delivered on 1403-02-11.</p>"
        "</body></html>"
    ).write_pdf(path)
    return path


@pytest.mark.rule("FIL-2")
@pytest.mark.rule("FIL-3")
@pytest.mark.rule("FIL-4")
@pytest.mark.rule("FIL-5")
@pytest.mark.rule("FIL-6")
@pytest.mark.rule("FIL-7")
@pytest.mark.rule("FIL-9")
@pytest.mark.rule("FIL-12")
def test_lawyer_files_a_defence_brief_to_the_sending_receipt(page, sms_outbox, tmp_path):
    """FIL-3: every wizard step on the filing page (kind and subject, case, parties, documents,
    presenter looked up by national ID, text); FIL-4: the later steps are shown locked until
    their turn, a missing document is warned about early, preparing unlocks signing and fees;
    FIL-5: a real PDF is uploaded and stored as PDF; FIL-6: signed with the acknowledgement and
    the code texted to the lawyer; FIL-7: office chosen, fee computed, paid online through the
    test gateway; FIL-9: sent with a fresh code; FIL-12: the snapshot (hash, signer, sender,
    sign-in method, payment) is frozen and shown as the sending receipt."""
    ff.ensure_fee_schedule()
    court = BranchFactory(name="شعبه ۴ دادگاه عمومی حقوقی تبریز")
    office = licensed_office()
    lawyer = ff.lawyer(first_name="سعید", last_name="ذرخورد", mobile="+989141110000")
    pdf = a_real_pdf(tmp_path / "invoice.pdf")

    # 1-2. Sign in from the home page (ID-4) and open "my filings" from the navigation.
    sign_in_from_home(page, lawyer, DEFAULT_PASSWORD, sms_outbox)
    open_section(page, "filings")
    page.wait_for_url(re.compile(r"/filings/$"))

    # 3-4. A new defence brief.
    page.select_option("main form.filing-new select[name=kind]", "defence_brief")
    with page.expect_navigation(url=re.compile(r"/filings/\d+/$")):
        page.click("main form.filing-new button[type=submit]")
    filing = Filing.objects.get(filer=lawyer)
    assert filing.kind == "defence_brief" and filing.status == "draft"

    # FIL-4: only the first step is open; every later one is shown locked, and its form is
    # not on the page.
    states = step_states(page)
    assert states["kind"] == "open"
    for step in ("case", "parties", "documents", "presenter", "text", *LOCKED_UNTIL_PREPARED):
        assert states[step] == "locked", (step, states)
    assert page.locator("ol.filing-steps li[data-state=locked] .badge").first.is_visible()
    assert page.locator("#step-case").count() == 0
    assert page.locator("#step-sign").count() == 0

    # Kind and subject.
    form = step_form(page, "kind")
    form.locator("input[name=subject]").fill("لایحه دفاعیه در دعوای مطالبه وجه کالا")
    form.locator("input[name=court]").fill(court.code)
    submit(page, form.locator("button.button--primary"))
    assert step_states(page)["kind"] == "done"

    # 5. Case information: the existing case, by number.
    form = step_form(page, "case")
    form.locator("select[name=case_mode]").select_option("existing")
    form.locator("input[name=case_number]").fill(ff.EXISTING_CASE)
    submit(page, form.locator("button.button--primary"))

    # Parties: the lawyer ("myself"), saved as a draft, which opens a row for the next party.
    form = step_form(page, "parties")
    form.locator("select[name=party-0-role]").select_option("lawyer")
    form.locator("select[name=party-0-person_kind]").select_option("myself")
    submit(page, form.locator("button[name=draft]"))
    assert step_states(page)["parties"] == "open"  # a draft keeps the step open
    form = step_form(page, "parties")
    form.locator("select[name=party-1-role]").select_option("defendant")
    form.locator("select[name=party-1-person_kind]").select_option("natural")
    form.locator("input[name=party-1-national_id]").fill(national_code(11))
    form.locator("input[name=party-1-first_name]").fill("مریم")
    form.locator("input[name=party-1-last_name]").fill("احمدی")
    submit(page, form.locator("button.button--primary"))
    assert step_states(page)["parties"] == "done"

    # 6. Documents: warned early while none is attached (FIL-4); a real PDF is uploaded.
    assert page.locator("main .notice[role=status]").is_visible()
    form = action_form(page, "document-add").filter(has=page.locator("select[name=doc_type]"))
    form.locator("select[name=doc_type]").select_option("evidence")
    form.locator("input[name=title]").fill("فاکتور فروش")
    form.locator("input[type=file][name=file]").set_input_files(str(pdf))
    submit(page, form.locator("button"))
    assert page.locator("main .notice[role=status]").count() == 0
    document = Document.objects.get(filing=filing)
    document_url = f"/filings/{filing.pk}/documents/{document.pk}/"
    assert page.locator(f'main a[href="{document_url}"]').is_visible()
    submit(page, step_form(page, "documents").locator("button.button--primary"))

    # 7. Presenter: "lawyer" and the national ID; name and bar licence are filled in.
    form = step_form(page, "presenter")
    form.locator("select[name=presenter_kind]").select_option("lawyer")
    form.locator("input[name=lawyer_national_id]").fill(lawyer.national_id)
    submit(page, form.locator("button.button--primary"))
    presenter = page.locator("#step-presenter").inner_text()
    licence = to_persian_digits(lawyer.bar_licence_number)
    assert "سعید ذرخورد" in presenter and licence in presenter

    # 8. Text, saved as a draft first, then completed.
    form = step_form(page, "text")
    form.locator("input[name=title]").fill("لایحه دفاعیه")
    form.locator("textarea[name=html]").fill("<p>ادعای خواهان بی‌اساس است.</p>")
    submit(page, form.locator("button[name=draft]"))
    assert step_states(page)["text"] == "open"
    submit(page, step_form(page, "text").locator("button.button--primary"))

    # 9. Back on the list: the content steps are done, the rest still locked.
    states = step_states(page)
    for step in ("kind", "case", "parties", "documents", "presenter", "text"):
        assert states[step] == "done", (step, states)
    assert states["prepare"] == "open"
    for step in ("sign", "fees", "payment", "send"):
        assert states[step] == "locked", (step, states)

    # 11. Prepare: the content is frozen and signing and fees open.
    submit(page, action_form(page, "prepare").locator("button"))
    states = step_states(page)
    assert states["text"] == "frozen" and states["sign"] == "open" and states["fees"] == "open"
    assert states["payment"] == "locked" and states["send"] == "locked"
    assert page.locator("main p.filing-step--locked").is_visible()  # sending not yet
    assert page.locator("#step-kind").count() == 0  # no more editing

    # 12. Electronic signature: acknowledgement and the code texted to the lawyer (FIL-6).
    submit(page, action_form(page, "sign-code").locator("button"))
    form = action_form(page, "sign")
    form.locator("input[name=acknowledged]").check()
    form.locator("input[name=code]").fill(sms_code(sms_outbox, lawyer, "filings.sign_code"))
    submit(page, form.locator("button"))
    assert step_states(page)["sign"] == "done"
    assert action_form(page, "sign").count() == 0

    # 13-14. The office, the court fee and the office's tariff; payment online.
    form = action_form(page, "fees")
    form.locator("input[name=office]").fill(office.code)
    submit(page, form.locator("button"))
    fees = page.locator("#step-fees").inner_text().translate(PERSIAN_DIGITS)
    assert office.name.translate(PERSIAN_DIGITS) in fees
    assert step_states(page)["payment"] == "open"
    form = action_form(page, "pay-online")
    form.locator("input[name=card_prefix]").fill("603799")
    submit(page, form.locator("button"))
    assert step_states(page)["payment"] == "done"

    # 15. Send to the office with a new code (FIL-9).
    assert step_states(page)["send"] == "open"
    submit(page, action_form(page, "send-code").locator("button"))
    form = action_form(page, "send")
    form.locator("input[name=code]").fill(sms_code(sms_outbox, lawyer, "filings.send_code"))
    submit(page, form.locator("button"))

    # The filing is sent; the page shows the sending receipt with the tracking code.
    filing.refresh_from_db()
    assert filing.status == "sent" and filing.tracking_code
    receipt = page.locator(f'#submission[data-submission="{filing.tracking_code}"]')
    receipt.wait_for()
    assert step_states(page)["send"] == "done"
    text = receipt.inner_text().translate(PERSIAN_DIGITS)
    assert filing.tracking_code in text
    assert office.name.translate(PERSIAN_DIGITS) in text
    assert "سعید ذرخورد" in text
    status = page.locator("main dl.guide__meta").first.inner_text()
    assert filing.tracking_code in status.translate(PERSIAN_DIGITS)

    # The database agrees with what the page showed.
    assert filing.office_id == office.pk and filing.fee_total == 450_000
    assert filing.presenter_lawyer_id == lawyer.pk
    assert list(filing.parties.order_by("position").values_list("role", "person_kind")) == [
        ("lawyer", "myself"),
        ("defendant", "natural"),
    ]
    assert document.format == "pdf" and document.doc_type == "evidence"  # FIL-5: by content
    assert document.file.read().startswith(b"%PDF")
    signature = Signature.objects.get(filing=filing, voided_at__isnull=True)
    assert signature.signer_id == lawyer.pk and signature.method == "sms_code"
    payment = Payment.objects.get(filing=filing)
    assert payment.status == "succeeded" and payment.amount == 450_000
    submission = Submission.objects.get(filing=filing)
    assert submission.tracking_code == filing.tracking_code
    assert submission.content_hash == signature.content_hash == filing.content_hash
    assert submission.signed_by_id == submission.sent_by_id == lawyer.pk
    assert submission.signed_in_with.startswith("session:password+sms")
    assert submission.payment_id == payment.pk and submission.office_id == office.pk
    assert submission.content_hash in receipt.inner_text()
    # The file the page links to is exactly the PDF that was uploaded (FIL-12).
    download = page.request.get(document_url)
    assert download.status == 200 and download.body() == pdf.read_bytes()
