"""A first-instance board hears a case and records its ruling through the case page, each
member in their own browser (DIS-2, DIS-3, DIS-4, DIS-5, DIS-6, DIS-13)."""

import datetime as dt
import io
import re

import jdatetime
import pytest
import time_machine
from django.utils import timezone, translation
from pypdf import PdfReader

from core.dates import to_persian_digits
from discipline.history import case_history
from discipline.models import Attendance, Case, Ruling, Session, Vote
from tests.e2e.conftest import accessible, open_section, sign_in_from_home, submit
from tests.factories import discipline as f
from tests.factories.accounts import DEFAULT_PASSWORD


def case_form(page, case, name):
    return page.locator(f'main form[action="/discipline/cases/{case.pk}/{name}/"]')


def open_case_page(page, case, user, sms_outbox):
    """A member signs in from the home page, goes from their desk to the discipline section
    and opens the case from their list."""
    sign_in_from_home(page, user, DEFAULT_PASSWORD, sms_outbox)
    open_section(page, "discipline")
    page.wait_for_url(re.compile(r"/discipline/$"))
    page.locator(f'main a[href="/discipline/cases/{case.pk}/"]').first.click()
    page.wait_for_url(re.compile(rf"/discipline/cases/{case.pk}/$"))


def schedule_hearing(page, case, place):
    """The chair schedules a hearing two minutes ahead, then the clock reaches it (attendance
    is recorded only from the hearing's time)."""
    when = timezone.localtime() + dt.timedelta(minutes=2)
    form = case_form(page, case, "schedule")
    # The Persian page's Jalali picker: typed as it writes it, then closed.
    jalali = jdatetime.datetime.fromgregorian(datetime=when).strftime("%Y/%m/%d %H:%M")
    field = form.locator("input[name=scheduled_for]")
    field.fill(to_persian_digits(jalali))
    field.press("Escape")
    form.locator("input[name=place]").fill(place)
    submit(page, form.locator("button[type=submit]"))
    clock = time_machine.travel(when + dt.timedelta(minutes=1), tick=True)
    clock.start()
    CLOCKS.append(clock)


CLOCKS = []


@pytest.fixture(autouse=True)
def _clocks_back():
    yield
    while CLOCKS:
        CLOCKS.pop().stop()


def vote(page, case, *, grade, reasons):
    form = case_form(page, case, "vote")
    form.locator("select[name=outcome]").select_option("sanction")
    form.locator("select[name=grade]").select_option(str(grade))
    form.locator("textarea[name=reasons]").fill(reasons)
    submit(page, form.locator("button[type=submit]"))
    assert page.locator(".messages .message--error").count() == 0, page.locator("body").inner_text()
    assert case_form(page, case, "vote").count() == 0  # one vote per member


@pytest.mark.rule("DIS-2")
@pytest.mark.rule("DIS-3")
@pytest.mark.rule("DIS-4")
@pytest.mark.rule("DIS-5")
@pytest.mark.rule("DIS-6")
@pytest.mark.rule("DIS-13")
def test_board_members_vote_and_the_chair_records_the_ruling(page, other_page, sms_outbox):
    """DIS-2: the full first-instance board (two judges and the Association's representative)
    sits; DIS-3: only the elected chair schedules, records attendance, writes and issues the
    ruling; DIS-4: a hearing with a member absent cannot rule, each member's vote is recorded,
    the ruling waits for every vote and follows the majority (two votes for grade 3 against one
    for grade 2); DIS-5: the ruling carries the sanction of art. 35; DIS-6: it is served on the
    accused through the notice system; DIS-13: every step is in the case's history with its
    actor. The ruling then shows on the case page and its PDF link answers with a PDF."""
    board = f.board(name="هیئت بدوی انتظامی تهران")
    chair, judge, representative = board.chair, board.judges[1], board.third
    assert chair.pk == board.judges[0].pk
    case = f.open_case(first_board=board, violations=(2, 12))
    assert case.status == Case.Status.FIRST_INSTANCE

    # The chair opens the case and schedules a hearing; one member is missing on the day.
    open_case_page(page, case, chair, sms_outbox)
    accessible(page)
    schedule_hearing(page, case, "تالار ۱، اداره کل")
    first = Session.objects.get(case=case)
    form = case_form(page, case, "attendance")
    form.locator(f"input[name=present][value='{chair.pk}']").check()
    form.locator(f"input[name=present][value='{judge.pk}']").check()
    submit(page, form.locator("button[type=submit]"))
    first.refresh_from_db()
    assert first.status == Session.Status.INCOMPLETE
    assert page.locator(f'main article[data-session="{first.pk}"][data-status=incomplete]').count()
    assert case_form(page, case, "vote").count() == 0  # DIS-4: this session cannot rule
    assert case_form(page, case, "draft").count() == 0

    # A new hearing, all three members present: the session is held.
    schedule_hearing(page, case, "تالار ۲، اداره کل")
    session = Session.objects.filter(case=case).exclude(pk=first.pk).get()
    form = case_form(page, case, "attendance")
    for member in board.members:
        form.locator(f"input[name=present][value='{member.pk}']").check()
    submit(page, form.locator("button[type=submit]"))
    page.locator(f'main article[data-session="{session.pk}"][data-status=held]').wait_for()

    # The chair votes, and cannot write the ruling before every member has voted.
    vote(page, case, grade=3, reasons="غیبت مدیر در ساعات اداری با گزارش بازرسی ثابت است.")
    form = case_form(page, case, "draft")
    form.locator("textarea[name=text]").fill("پیش‌نویس زودهنگام")
    submit(page, form.locator("button[type=submit]"))
    assert page.locator(".messages .message--error").count() == 1
    assert not Ruling.objects.filter(case=case).exists()

    # The other judge and the Association's representative vote in their own browsers; they
    # see neither the attendance nor the ruling form, which are the chair's.
    judge_page = other_page("judge")
    open_case_page(judge_page, case, judge, sms_outbox)
    assert case_form(judge_page, case, "draft").count() == 0
    assert case_form(judge_page, case, "schedule").count() == 0
    vote(judge_page, case, grade=3, reasons="تخلف ثابت است.")
    representative_page = other_page("representative")
    open_case_page(representative_page, case, representative, sms_outbox)
    vote(representative_page, case, grade=2, reasons="نخستین تخلف است؛ تذکر کتبی کافی است.")

    # The chair sees the three votes and writes the ruling of the majority, then issues it.
    page.reload()
    votes = page.locator(f'main article[data-session="{session.pk}"] ul').last.inner_text()
    for member in board.members:
        assert member.get_full_name() in votes
    form = case_form(page, case, "draft")
    form.locator("textarea[name=text]").fill(
        "هیئت تخلف مدیر را به اکثریت آرا محرز دانست و توبیخ کتبی با درج در پرونده را تعیین کرد."
    )
    submit(page, form.locator("button[type=submit]"))
    ruling = Ruling.objects.get(case=case)
    assert ruling.status == Ruling.Status.DRAFT and ruling.grade == 3
    article = page.locator(f'main article[data-ruling="{ruling.pk}"]')
    assert article.get_attribute("data-status") == "draft"
    submit(page, case_form(page, case, "issue").locator("button[type=submit]"))

    # The ruling is on the case page, issued, with its sanction and its PDF.
    article = page.locator(f'main article[data-ruling="{ruling.pk}"][data-status=issued]')
    article.wait_for()
    accessible(page)
    with translation.override("fa"):
        assert ruling.sanction_name in article.inner_text()  # DIS-5: grade 3's name
    assert "به اکثریت آرا" in article.inner_text()
    pdf_link = article.locator(f'a[href="/discipline/rulings/{ruling.pk}/pdf/"]')
    assert pdf_link.is_visible()
    response = page.request.get(pdf_link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
    assert len(PdfReader(io.BytesIO(response.body())).pages) >= 1

    # The database: the majority's ruling, every vote and attendance, the service notice.
    ruling.refresh_from_db()
    case.refresh_from_db()
    assert ruling.status == Ruling.Status.ISSUED and ruling.issued_at is not None
    assert (ruling.outcome, ruling.grade, ruling.session_id) == ("sanction", 3, session.pk)
    assert case.status == Case.Status.RULED
    assert sorted(Vote.objects.filter(session=session).values_list("member_id", "grade")) == sorted(
        [(chair.pk, 3), (judge.pk, 3), (representative.pk, 2)]
    )
    assert Attendance.objects.filter(session=first, present=False).get().member_id == (
        representative.pk
    )
    assert Attendance.objects.filter(session=session, present=True).count() == 3
    assert ruling.notice.recipient_user_id == case.accused_id  # DIS-6: served as a notice
    history = case_history(case)
    steps = [(e["object"], e["action"], (e["actor"] or {}).get("id")) for e in history]
    assert ("case", "schedule_hearing", chair.pk) in steps
    assert ("session", "record_attendance", chair.pk) in steps
    for member in board.members:
        assert ("session", "vote", member.pk) in steps
    assert ("session", "conclude", chair.pk) in steps
    assert ("ruling", "issue", chair.pk) in steps
    assert ("case", "rule", chair.pk) in steps
