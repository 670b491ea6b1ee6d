"""A newcomer finds an office in the public directory, signs in, books and cancels (CMS-3,
APT-1, APT-3), on a 390-px phone: no page scrolls sideways."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from offices.models import Appointment
from tests.e2e.conftest import (
    ARTIFACTS,
    accessible,
    no_horizontal_scroll,
    sign_in,
    sign_in_from_home,
    submit,
)
from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory
from tests.factories.offices import operational_office


@pytest.fixture(autouse=True)
def _licence_state_from_the_office_flag(settings):
    settings.OFFICES = {
        **settings.OFFICES,
        "LICENCE_STATUS_PROVIDER": "offices.licence.FieldLicenceStatus",
    }


@pytest.fixture
def viewport():
    return {"width": 390, "height": 844}


@pytest.mark.rule("CMS-3")
@pytest.mark.rule("APT-1")
@pytest.mark.rule("APT-3")
def test_newcomer_finds_an_office_signs_in_and_books(page, sms_outbox):
    """CMS-3, APT-1, APT-3: from the home page to the directory, a search by name, the
    office's page, its calendar, the two-step sign-in, a free time booked, and "my
    appointments" with the check-in code and the receipt link; then the cancel link, its
    confirmation page, and the appointment cancelled. Each page fits the phone's width."""
    office = operational_office(name_fa="دفتر نمونه ونک", name_en="Vanak sample office")
    user = UserFactory()

    page.goto("/")
    no_horizontal_scroll(page)
    page.click('main a[data-link="office-directory"]')
    page.fill("form.directory-search input[name=name]", "ونک")
    page.click("form.directory-search button[type=submit]")
    page.click(f'[data-office="{office.code}"] h3 a')
    page.wait_for_selector("h1:has-text('دفتر نمونه ونک')")
    no_horizontal_scroll(page)
    page.click(f'main a[href="/appointments/office/{office.code}/"]')

    # The calendar: anonymous visitors are asked to sign in, and come back here after.
    page.click("main a[href^='/accounts/signin/?next=']")
    sign_in(page, user, DEFAULT_PASSWORD, sms_outbox)
    page.wait_for_url(re.compile(rf"/appointments/office/{office.code}/"))

    no_horizontal_scroll(page)
    accessible(page)
    page.locator("main input[name=slot]").first.check()
    page.select_option("main select[name=service]", "petition")
    page.click("form.portal-form button[type=submit]")

    page.wait_for_url(re.compile(r"/appointments/$"))
    appointment = Appointment.objects.get(user=user)
    card = page.locator(f'[data-appointment="{appointment.pk}"]')
    card.wait_for()
    assert appointment.check_in_code in card.inner_text()
    assert card.locator(f'a[href="/appointments/{appointment.pk}/receipt/"]').is_visible()
    assert card.locator(f'a[href="/appointments/{appointment.pk}/calendar.ics"]').is_visible()
    assert page.locator("html").get_attribute("dir") == "rtl"
    no_horizontal_scroll(page)
    accessible(page)

    # Cancelling asks first, on a page of its own; only its button cancels.
    card.locator(f'a[href="/appointments/{appointment.pk}/cancel/"]').click()
    page.wait_for_url(re.compile(rf"/appointments/{appointment.pk}/cancel/$"))
    no_horizontal_scroll(page)
    accessible(page)
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED
    submit(page, page.locator("main form button[type=submit]"))
    page.wait_for_url(re.compile(r"/appointments/$"))
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CANCELLED
    assert page.locator(".messages .alert-success").is_visible()


@pytest.mark.rule("APT-1")
@pytest.mark.rule("APT-2")
def test_a_person_moves_a_booking_to_another_day_by_clicking(page, sms_outbox):
    """APT-1, APT-2: from the home page, signed in, to "my appointments", the booking's "move"
    link, a Jalali day list and the free times in Persian digits; another day and time chosen,
    the booking moves and keeps its check-in code; each page fits the phone's width."""
    from offices import services
    from offices.models import Slot

    office = operational_office(name_fa="دفتر نمونه تجریش", name_en="Tajrish sample office")
    user = UserFactory()
    first = (
        Slot.objects.filter(office=office, starts_at__gte=timezone.now() + dt.timedelta(hours=3))
        .order_by("starts_at")
        .first()
    )
    appointment = services.appointment_book(actor=user, slot_id=first.pk, service_code="petition")
    code = appointment.check_in_code

    sign_in_from_home(page, user, DEFAULT_PASSWORD, sms_outbox)
    page.locator('a[href="/appointments/"]').first.click()
    page.wait_for_url(re.compile(r"/appointments/$"))
    card = page.locator(f'[data-appointment="{appointment.pk}"]')
    card.locator(f'a[href="/appointments/{appointment.pk}/reschedule/"]').click()
    page.wait_for_url(re.compile(rf"/appointments/{appointment.pk}/reschedule/"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert re.search(r"[۰-۹]{4}", page.locator("main .day-list").inner_text())
    no_horizontal_scroll(page)
    accessible(page)

    days = page.locator("main .day-list a.day-choice")
    days.nth(1).click()
    page.wait_for_url(re.compile(r"\?day="))
    chosen_day = days.nth(1).get_attribute("data-day")
    radio = page.locator("form.reschedule-form input[name=slot]").first
    new_slot = int(radio.get_attribute("value"))
    assert re.search(r"[۰-۹]{2}:[۰-۹]{2}", page.locator("main .slot-list").inner_text())
    radio.check()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "reschedule-choose-a-time.png"), full_page=True)
    submit(page, page.locator("form.reschedule-form button[type=submit]"))

    page.wait_for_url(re.compile(r"/appointments/$"))
    assert page.locator(".messages .alert-success").is_visible()
    appointment.refresh_from_db()
    assert (appointment.slot_id, str(appointment.day)) == (new_slot, chosen_day)
    assert appointment.check_in_code == code and appointment.status == Appointment.Status.BOOKED
    assert code in page.locator(f'[data-appointment="{appointment.pk}"]').inner_text()
    first.refresh_from_db()
    assert first.booked == 0
    no_horizontal_scroll(page)
