"""The office desk (art. 7, ID-9, ID-10): a clerk registers a walk-in who has no account and
books them an appointment; the person later chooses a password from the SMS they got
(password recovery, ID-5), signs in and finds the booking in "my appointments". All by
clicking from the home page, in Persian."""

import re

import pytest

from accounts.models import User
from offices.models import Appointment
from tests.e2e.conftest import (
    ARTIFACTS,
    PERSIAN_DIGITS,
    accessible,
    no_horizontal_scroll,
    open_section,
    sign_in,
    sign_in_from_home,
    submit,
)
from tests.factories.accounts import DEFAULT_PASSWORD, national_code
from tests.factories.offices import operational_office

TO_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
NATIONAL_ID = national_code(515151)
MOBILE = "+989350000888"


@pytest.fixture(autouse=True)
def _licence_state_from_the_office_flag(settings):
    settings.OFFICES = {
        **settings.OFFICES,
        "LICENCE_STATUS_PROVIDER": "offices.licence.FieldLicenceStatus",
    }


def last_sms(sms_outbox, person, purpose):
    for message in reversed(sms_outbox):
        if message.purpose == purpose and message.user_id == person.pk:
            return message.body
    raise AssertionError(f"no {purpose} SMS")


def secret_in(body: str) -> str:
    """The code or password of an SMS: its one word that mixes digits, or is all digits."""
    words = re.findall(r"[A-Za-z0-9۰-۹]{6,}", body)
    return [w for w in words if any(c.isdigit() for c in w)][-1].translate(PERSIAN_DIGITS)


@pytest.mark.rule("ID-9")
@pytest.mark.rule("ID-10")
@pytest.mark.rule("APT-3")
def test_a_clerk_registers_a_walk_in_and_books_them_who_then_signs_in(page, other_page, sms_outbox):
    office = operational_office(name_fa="دفتر نمونه تجریش", name_en="Tajrish sample office")
    clerk = office.people["clerk"][0]

    # The clerk: from the home page to the desk section, a search that finds no account.
    sign_in_from_home(page, clerk, DEFAULT_PASSWORD, sms_outbox)
    open_section(page, "office_desk")
    page.wait_for_url(re.compile(rf"/office/{office.code}/desk/"))
    page.fill("#desk-search input[name=q]", NATIONAL_ID.translate(TO_PERSIAN))
    submit(page, page.locator("#desk-search button[type=submit]"))
    form = page.locator("#desk-register form")
    form.wait_for()
    assert page.locator("html").get_attribute("dir") == "rtl"

    # Registered from the ID card, in Persian digits, verified at once.
    assert form.locator("input[name=national_id]").input_value() == NATIONAL_ID
    form.locator("input[name=first_name]").fill("مریم")
    form.locator("input[name=last_name]").fill("کاظمی")
    form.locator("input[name=birth_date]").fill("۱۳۶۴/۰۱/۰۱")
    form.locator("input[name=id_card_serial]").fill("B77102")
    form.locator("input[name=mobile]").fill("۰۹۳۵۰۰۰۰۸۸۸")
    form.locator("input[name=card_seen]").check()
    accessible(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "desk-register-form.png"), full_page=True)
    submit(page, form.locator("button[type=submit]"))
    page.locator("#desk-person").wait_for()
    assert page.locator("#desk-level").get_attribute("data-verified") == "yes"
    person = User.objects.get(national_id=NATIONAL_ID)
    assert str(person.mobile) == MOBILE and person.is_verified
    assert str(person.birth_date) == "1985-03-21"
    registered = last_sms(sms_outbox, person, "desk.registered")
    assert "رمز عبور خود را فراموش کرده‌ام" in registered

    # Booked for them: the first free time of the first day, the petition service.
    book = page.locator("#desk-book form")
    book.locator("input[name=slot]").first.check()
    book.locator("select[name=service]").select_option("petition")
    submit(page, book.locator("button[type=submit]"))
    appointment = Appointment.objects.get(user=person)
    assert appointment.booked_by == clerk
    assert appointment.check_in_code in page.locator("#desk-appointments").inner_text()
    assert page.locator(".messages .alert-success").is_visible()
    no_horizontal_scroll(page)
    accessible(page)
    assert appointment.check_in_code in last_sms(sms_outbox, person, "appointments.booked")

    # The person: from the home page to "I forgot my password", with what the clerk typed.
    visitor = other_page("person")
    visitor.goto("/")
    visitor.click("header a[href$='/accounts/signin/']")
    visitor.click("main a[href$='/accounts/recovery/']")
    visitor.fill("main input[name=national_id]", NATIONAL_ID.translate(TO_PERSIAN))
    visitor.fill("main input[name=birth_date]", "۱۳۶۴/۰۱/۰۱")
    visitor.fill("main input[name=id_card_serial]", "B77102")
    visitor.fill("main input[name=mobile]", "۰۹۳۵۰۰۰۰۸۸۸")
    submit(visitor, visitor.locator("main form button[type=submit]"))
    visitor.wait_for_url(re.compile(r"/accounts/recovery/confirm/"))
    code = secret_in(last_sms(sms_outbox, person, "recovery.sms_code"))
    visitor.fill("main input[name=sms_code]", code)
    submit(visitor, visitor.locator("main form button[type=submit]"))

    # Signs in with the password the SMS brought, chooses their own, finds the booking.
    password = secret_in(last_sms(sms_outbox, person, "recovery.new_password"))
    sign_in(visitor, person, password, sms_outbox)
    visitor.wait_for_url(re.compile(r"/accounts/password/"))
    visitor.fill("main input[name=current_password]", password)
    visitor.fill("main input[name=new_password]", "Tajrish-Walk-In-2025")
    visitor.fill("main input[name=new_password2]", "Tajrish-Walk-In-2025")
    submit(visitor, visitor.locator("main form button[type=submit]"))
    open_section(visitor, "appointments")
    card = visitor.locator(f'[data-appointment="{appointment.pk}"]')
    card.wait_for()
    assert appointment.check_in_code in card.inner_text()
    assert "دفتر نمونه تجریش" in card.inner_text()
    person.refresh_from_db()
    assert person.check_password("Tajrish-Walk-In-2025") and not person.must_change_password
