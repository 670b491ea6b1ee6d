"""Issuing notices and alerting recipients (NOT-1, NOT-2, NOT-8)."""

import re

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.exceptions import Forbidden, ValidationFailed
from core.models import OutboundMessage
from notices import services
from notices.models import Branch, Notice, NoticeAttachment
from tests.factories import UserFactory
from tests.factories.notices import (
    BranchFactory,
    NoticeFactory,
    court_clerk,
    jpeg_upload,
    pdf_upload,
)

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://|www\.|/notices/|/api/", re.IGNORECASE)


@pytest.mark.rule("NOT-1")
def test_clerk_issues_a_notice_with_all_its_parts(issue, branch, clerk, recipient):
    """NOT-1: a clerk of the branch issues a notice with a unique number, the 16-digit case
    number and sub-row, issue date, subject, branch, body and attachments."""
    notice = issue(attachments=[pdf_upload(), jpeg_upload()], case_sub_row=3)

    assert re.fullmatch(r"\d{18}", notice.notice_number)
    assert notice.case_number == "1403123456789012"
    assert notice.case_sub_row == 3
    assert notice.branch == branch
    assert notice.issued_by == clerk
    assert notice.recipient_user == recipient
    assert notice.issued_at is not None
    kinds = sorted(notice.attachments.values_list("content_type", flat=True))
    assert kinds == ["application/pdf", "image/jpeg"]
    assert notice.history.count() == 1


@pytest.mark.rule("NOT-1")
def test_notice_numbers_are_unique(issue):
    """NOT-1: every notice gets its own number."""
    numbers = {issue().notice_number for _ in range(5)}
    assert len(numbers) == 5
    first, *_rest = sorted(numbers)
    with pytest.raises(IntegrityError), transaction.atomic():
        NoticeFactory(notice_number=first)


@pytest.mark.rule("NOT-1")
def test_recipient_is_exactly_one_account(branch, recipient, company):
    """NOT-1: a notice goes to a natural or a legal person, never both, never neither (DB)."""
    with pytest.raises(IntegrityError), transaction.atomic():
        NoticeFactory(branch=branch, recipient_user=recipient, recipient_legal=company)
    with pytest.raises(IntegrityError), transaction.atomic():
        NoticeFactory(branch=branch, recipient_user=None, recipient_legal=None)


@pytest.mark.rule("NOT-1")
def test_only_clerks_of_the_branch_issue(branch, recipient):
    """NOT-1: issuing is for the court clerks of that branch: a clerk of another branch, or a
    member of this branch without the court clerk role, is refused; nothing is written."""
    other_clerk = court_clerk(BranchFactory())
    no_role = UserFactory()
    branch.clerks.add(no_role)
    for actor in (other_clerk, no_role):
        with pytest.raises(Forbidden):
            services.issue_notice(
                actor=actor,
                branch=branch,
                recipient=recipient,
                case_number="1403123456789012",
                subject="x",
                body="y",
            )
    assert Notice.objects.count() == 0


@pytest.mark.rule("NOT-1")
def test_board_notices_through_the_service_function(recipient):
    """NOT-1: a disciplinary board issues through the service function other apps call."""
    member = UserFactory()
    notice = services.issue_board_notice(
        actor=member,
        board_code="DB-1-TEH",
        board_name="First-instance disciplinary board, Tehran",
        recipient=recipient,
        case_number="1404000000000077",
        subject="Ruling",
        body="The board rules ...",
    )
    assert notice.branch.kind == Branch.Kind.BOARD
    assert notice.issued_by == member


@pytest.mark.rule("NOT-1")
@pytest.mark.parametrize(
    ("field", "value"),
    [("case_number", "12345"), ("case_number", "14031234567890ab"), ("subject", ""), ("body", " ")],
)
def test_bad_input_is_refused_whole(issue, field, value):
    """NOT-1: a case number has 16 digits; subject and body are required; nothing half-made."""
    with pytest.raises(ValidationFailed) as exc:
        issue(**{field: value})
    assert field in exc.value.fields
    assert Notice.objects.count() == 0


@pytest.mark.rule("NOT-1")
def test_attachments_are_checked_from_their_content(issue, settings):
    """NOT-1: only real PDFs and JPEGs, under the size limit; the name and declared type are
    not trusted, and the file is stored under a random name."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake_pdf = SimpleUploadedFile("ruling.pdf", b"%PDF-1.7 not really", "application/pdf")
    with pytest.raises(ValidationFailed):
        issue(attachments=[fake_pdf])
    exe = SimpleUploadedFile("scan.jpg", b"MZ\x90\x00" + b"\x00" * 200, "image/jpeg")
    with pytest.raises(ValidationFailed):
        issue(attachments=[exe])
    settings.NOTICES = {**settings.NOTICES, "ATTACHMENT_MAX_BYTES": 100}
    with pytest.raises(ValidationFailed):
        issue(attachments=[pdf_upload()])
    assert Notice.objects.count() == 0
    assert NoticeAttachment.objects.count() == 0

    settings.NOTICES = {**settings.NOTICES, "ATTACHMENT_MAX_BYTES": 10_000_000}
    notice = issue(attachments=[pdf_upload("My Ruling (final).pdf")])
    stored = notice.attachments.get()
    assert stored.original_name == "My Ruling (final).pdf"
    assert "Ruling" not in stored.file.name
    assert re.fullmatch(r"notices/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", stored.file.name)


@pytest.mark.rule("NOT-2")
@pytest.mark.rule("NOT-4")
def test_issuing_records_delivery_and_alerts_by_sms_and_email(issue, recipient, sms_outbox):
    """NOT-2: the recipient is alerted on the registered mobile and email. NOT-4: the
    delivery moment is recorded at issue."""
    before = timezone.now()
    notice = issue()
    assert before <= notice.delivered_at <= timezone.now()
    assert notice.first_viewed_at is None
    assert [m.recipient for m in sms_outbox] == [str(recipient.mobile)]
    assert [m.to for m in mail.outbox] == [[recipient.email]]
    assert notice.notice_number in mail.outbox[0].subject
    kept = OutboundMessage.objects.filter(purpose="notices.issued")
    assert {m.channel for m in kept} == {"sms", "email"}


@pytest.mark.rule("NOT-8")
@pytest.mark.rule("NOT-2")
def test_alerts_carry_no_link_and_no_content(issue, sms_outbox):
    """NOT-8: neither the SMS nor the email has a link that could mark the notice viewed
    (mail scanners follow links), nor the notice's content."""
    notice = issue(subject="Confidential ruling subject", body="Secret body of the ruling")
    bodies = [m.body for m in OutboundMessage.objects.filter(purpose="notices.issued")]
    bodies += [m.body for m in mail.outbox] + [m.subject for m in mail.outbox]
    assert len(bodies) == 4
    for text in bodies:
        assert not LINK.search(text), text
        assert str(notice.pk) not in text.replace(notice.notice_number, "")
        assert "Confidential" not in text and "Secret" not in text
    notice.refresh_from_db()
    assert notice.first_viewed_at is None and notice.view_count == 0


@pytest.mark.rule("NOT-2")
def test_legal_recipient_is_alerted_on_its_registered_contacts(issue, company, sms_outbox):
    """NOT-2: a legal person's alert goes to its registered mobile and email."""
    issue(recipient=company)
    assert [m.to for m in mail.outbox] == [[company.email]]
    assert OutboundMessage.objects.filter(channel="sms", recipient=str(company.mobile)).exists()


@pytest.mark.rule("NOT-1")
def test_issue_endpoint_for_clerks(client_for, clerk, branch, recipient, stranger):
    """NOT-1: the issuer's endpoint takes multipart with attachments; others are refused."""
    payload = {
        "branch": branch.code,
        "recipient_national_id": recipient.national_id,
        "case_number": "1403123456789012",
        "case_sub_row": 2,
        "subject": "Summons",
        "body": "Appear at the branch.",
        "attachments": [pdf_upload()],
    }
    response = client_for(clerk).post("/api/v1/notices/issued/", payload, format="multipart")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["case_number"] == "1403123456789012" and body["status"] == "pending"
    notice = Notice.objects.get(pk=body["id"])
    assert notice.attachments.count() == 1

    payload["attachments"] = [pdf_upload()]
    denied = client_for(stranger).post("/api/v1/notices/issued/", payload, format="multipart")
    assert denied.status_code == 403
    assert set(denied.json()) == {"code", "message", "fields"}

    bad = client_for(clerk).post(
        "/api/v1/notices/issued/",
        {**payload, "attachments": [], "case_number": "123", "recipient_national_id": ""},
        format="multipart",
    )
    assert bad.status_code == 400
    assert "case_number" in bad.json()["fields"]
    listed = client_for(clerk).get("/api/v1/notices/issued/").json()
    assert [n["id"] for n in listed["results"]] == [notice.pk]
