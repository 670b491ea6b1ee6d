"""A newcomer finds an office in the public directory, signs in, books and cancels (CMS-3,
APT-1, APT-3), on a 390-px phone: no page scrolls sideways."""

import re

import pytest

from offices.models import Appointment
from tests.e2e.conftest import accessible, no_horizontal_scroll, sign_in, submit
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
