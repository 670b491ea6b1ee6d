"""The office's desk (art. 7): staff register a walk-in verified in person (ID-9 b), find an
existing account instead of a second one (ID-10), book for the person with the rules of
online booking (APT-2, APT-6), and file for them through the office channel (FIL-2). Only
the office's own staff: anyone else gets 404 and nothing changes."""

import datetime as dt

import pytest
from django.test import Client

from accounts import services as account_services
from accounts.models import IdentityVerification, User
from core.models import OutboundMessage
from filings import selectors as filing_selectors
from filings.models import Filing
from offices.models import Appointment, OnlineBookingBan, Slot
from tests.factories.accounts import UserFactory, national_code
from tests.factories.clients import client_for
from tests.factories.messages import delivered, sms_code
from tests.factories.offices import operational_office
from tests.offices.conftest import NOW, at

pytestmark = pytest.mark.django_db
TOMORROW = NOW.date() + dt.timedelta(days=1)  # Sunday
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
WALK_IN = {
    "national_id": national_code(424242),
    "first_name": "مریم",
    "last_name": "کاظمی",
    "birth_date": "1985-03-21",
    "id_card_serial": "B77102",
    "mobile": "+989350000777",
    "card_seen": True,
}


def desk(office, what):
    return f"/api/v1/offices/{office.code}/desk/{what}/"


def clerk_of(office):
    return office.people["clerk"][0]


def nothing_registered():
    return not User.objects.filter(national_id=WALK_IN["national_id"]).exists()


# --- Register (ID-9 b, ID-10) ------------------------------------------------------------------
@pytest.mark.rule("ID-9")
@pytest.mark.rule("ID-10")
def test_a_clerk_registers_a_walk_in_verified_in_person_and_no_password_is_sent(office):
    """ID-9 (b): the account is opened from the ID card and verified at once, recorded with
    the clerk and the office; the person is told by SMS how to choose a password through
    recovery (ID-5): no password is made or sent. Persian and Arabic-Indic digits are read."""
    clerk = clerk_of(office)
    typed = {
        **WALK_IN,
        "national_id": WALK_IN["national_id"].translate(PERSIAN),
        "mobile": "09350000777".translate(ARABIC),
    }
    with delivered():
        response = client_for(clerk).post(desk(office, "register"), typed, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["national_id"] == WALK_IN["national_id"]
    person = User.objects.get(national_id=WALK_IN["national_id"])
    assert person.status == "active" and person.is_verified
    assert str(person.mobile) == WALK_IN["mobile"] and person.mobile_verified_at is not None
    assert not person.has_usable_password() and not person.must_change_password
    record = IdentityVerification.objects.get(user=person)
    assert (record.method, record.verified_by, record.office_id) == ("office", clerk, office.pk)
    assert record.id_card_serial == "B77102"
    assert person.history.filter(history_user=clerk).exists()
    texts = OutboundMessage.objects.filter(user=person)
    assert [m.purpose for m in texts] == ["desk.registered"]
    assert not texts[0].contains_secret and office.code in texts[0].body


@pytest.mark.rule("ID-10")
def test_a_national_id_with_an_account_is_found_not_registered_again(office):
    """ID-10: one national ID, one account — registering it again is refused (409
    `account_exists`), the account is unchanged and nobody is texted; the desk finds it."""
    owner = UserFactory(national_id=WALK_IN["national_id"], identity_verified_at=None)
    mobile = str(owner.mobile)
    api = client_for(clerk_of(office))
    with delivered():
        again = api.post(desk(office, "register"), WALK_IN, format="json")
    assert again.status_code == 409 and again.json()["code"] == "account_exists"
    owner.refresh_from_db()
    assert str(owner.mobile) == mobile and not owner.is_verified
    assert not OutboundMessage.objects.exists()
    found = api.get(desk(office, "people"), {"q": WALK_IN["national_id"].translate(PERSIAN)})
    assert found.status_code == 200 and [p["id"] for p in found.json()] == [owner.pk]
    by_mobile = api.get(desk(office, "people"), {"q": "0" + mobile[3:]})
    assert [p["national_id"] for p in by_mobile.json()] == [owner.national_id]
    assert by_mobile.json()[0]["verified"] is False


@pytest.mark.rule("ID-1")
@pytest.mark.rule("ID-9")
def test_a_wrong_check_digit_or_an_unseen_card_registers_nobody(office):
    """ID-1: the national ID's check digit is checked; ID-9 (b): the staff confirm they saw
    the card. Either refusal stores nothing."""
    api = client_for(clerk_of(office))
    wrong = WALK_IN["national_id"][:-1] + str((int(WALK_IN["national_id"][-1]) + 1) % 10)
    bad = api.post(desk(office, "register"), {**WALK_IN, "national_id": wrong}, format="json")
    assert bad.status_code == 400 and "national_id" in bad.json()["fields"]
    unseen = api.post(desk(office, "register"), {**WALK_IN, "card_seen": False}, format="json")
    assert unseen.status_code == 400 and "card_seen" in unseen.json()["fields"]
    assert nothing_registered()


@pytest.mark.rule("ID-9")
def test_only_the_offices_own_staff_use_its_desk(office):
    """Another office's staff, a party and the regulator get 404 on this office's desk (as
    for a missing office), whatever they send, and nothing is stored."""
    other = operational_office()
    outsiders = [
        clerk_of(other),
        UserFactory(),
        UserFactory(roles=["licensing_staff"], is_staff=True),
    ]
    for outsider in outsiders:
        api = client_for(outsider)
        registered = api.post(desk(office, "register"), WALK_IN, format="json")
        assert registered.status_code == 404 and registered.json()["code"] == "not_found"
        searched = api.get(desk(office, "people"), {"q": "0912"})
        assert searched.status_code == 404 and searched.json()["code"] == "not_found"
        booked = api.post(desk(office, "book"), {}, format="json")
        assert booked.status_code == 404 and booked.json()["code"] == "not_found"
    assert nothing_registered()


def test_the_person_chooses_a_password_through_recovery_and_signs_in(office):
    """ID-5: the details the clerk recorded are the recovery's; its new password is the
    person's first, to be changed at the first sign-in."""
    with delivered():
        client_for(clerk_of(office)).post(desk(office, "register"), WALK_IN, format="json")
    person = User.objects.get(national_id=WALK_IN["national_id"])
    with delivered():
        challenge = account_services.recovery_start(
            national_id=WALK_IN["national_id"],
            birth_date=dt.date(1985, 3, 21),
            id_card_serial=WALK_IN["id_card_serial"],
            mobile=WALK_IN["mobile"],
        )
    with delivered():
        account_services.recovery_confirm(
            challenge=challenge, sms_code=sms_code(person, "recovery.sms_code")
        )
    person.refresh_from_db()
    assert person.check_password(sms_code(person, "recovery.new_password"))
    assert person.must_change_password


# --- Book (APT-2, APT-6) -----------------------------------------------------------------------
def book(api, office, person, slot, service="petition"):
    body = {"national_id": person.national_id, "slot": slot.pk, "service": service}
    return api.post(desk(office, "book"), body, format="json")


@pytest.mark.rule("APT-2")
def test_the_desk_books_for_the_person_recorded_as_booked_by_the_clerk(office):
    """APT-2, art. 7: the seat is taken for the person, who gets the booking's SMS; the
    appointment names the clerk who booked it and is in the person's own list."""
    clerk, person = clerk_of(office), UserFactory()
    slot = Slot.objects.get(office=office, starts_at=at(TOMORROW, 10))
    with delivered():
        response = book(client_for(clerk), office, person, slot)
    assert response.status_code == 201, response.json()
    appointment = Appointment.objects.get(pk=response.json()["id"])
    assert (appointment.user, appointment.booked_by, appointment.slot) == (person, clerk, slot)
    slot.refresh_from_db()
    assert slot.booked == 1
    sms = OutboundMessage.objects.get(user=person, purpose="appointments.booked")
    assert appointment.check_in_code in sms.body
    mine = client_for(person).get("/api/v1/offices/appointments/")
    assert [a["id"] for a in mine.json()["results"]] == [appointment.pk]


@pytest.mark.rule("APT-2")
def test_a_full_slot_or_another_offices_slot_is_refused(office):
    """APT-2: a slot is never booked past its seats; the desk books only its own office's."""
    api, person = client_for(clerk_of(office)), UserFactory()
    slot = Slot.objects.get(office=office, starts_at=at(TOMORROW, 10))
    Slot.objects.filter(pk=slot.pk).update(booked=slot.capacity)
    full = book(api, office, person, slot)
    assert full.status_code == 409 and full.json()["code"] == "slot_full"
    elsewhere = Slot.objects.filter(office=operational_office(), day=TOMORROW).first()
    foreign = book(api, office, person, elsewhere)
    assert foreign.status_code == 400 and foreign.json()["code"] == "unknown_slot"
    assert not Appointment.objects.filter(user=person).exists()


@pytest.mark.rule("APT-6")
def test_the_persons_limits_hold_at_the_desk(office):
    """APT-6: one open booking per office and day is the person's limit, whoever books."""
    api, person = client_for(clerk_of(office)), UserFactory()
    first = book(api, office, person, Slot.objects.get(office=office, starts_at=at(TOMORROW, 10)))
    assert first.status_code == 201
    second = book(api, office, person, Slot.objects.get(office=office, starts_at=at(TOMORROW, 11)))
    assert second.status_code == 409 and second.json()["code"] == "limit_per_office_day"
    assert Appointment.objects.filter(user=person).count() == 1


@pytest.mark.rule("APT-4")
def test_a_week_without_online_booking_does_not_close_the_desk(office):
    """APT-4 closes *online* booking after a no-show: the office may still book for them."""
    person = UserFactory()
    missed = Appointment.objects.create(
        office=office,
        slot=Slot.objects.get(office=office, starts_at=at(TOMORROW, 9)),
        user=person,
        service=office.services.get(code="petition"),
        day=TOMORROW,
        starts_at=at(TOMORROW, 9),
        day_ends_at=at(TOMORROW, 18),
        check_in_code="MISSED22",
    )
    OnlineBookingBan.objects.create(
        user=person, appointment=missed, starts_at=NOW, ends_at=NOW + dt.timedelta(days=7)
    )
    slot = Slot.objects.get(office=office, starts_at=at(TOMORROW + dt.timedelta(days=1), 10))
    online = client_for(person).post(
        "/api/v1/offices/appointments/", {"slot": slot.pk, "service": "petition"}
    )
    assert online.status_code == 403 and online.json()["code"] == "booking_banned"
    at_desk = book(client_for(clerk_of(office)), office, person, slot)
    assert at_desk.status_code == 201 and at_desk.json()["status"] == "booked"


def test_the_desk_books_only_for_an_active_account(office):
    """An unknown national ID is a field error; an account still pending is refused."""
    api = client_for(clerk_of(office))
    slot = Slot.objects.get(office=office, starts_at=at(TOMORROW, 10))
    stranger = User(national_id=national_code(99))
    unknown = book(api, office, stranger, slot)
    assert unknown.status_code == 400 and "national_id" in unknown.json()["fields"]
    pending = UserFactory(status=User.Status.PENDING, is_active=False)
    refused = book(api, office, pending, slot)
    assert refused.status_code == 409 and refused.json()["code"] == "account_inactive"
    slot.refresh_from_db()
    assert slot.booked == 0


# --- File (FIL-2) ------------------------------------------------------------------------------
@pytest.mark.rule("FIL-2")
def test_a_filing_made_at_the_desk_is_the_persons_and_names_the_clerk(office):
    """FIL-2 (office channel): the clerk opens the draft from the desk; it is the person's —
    in their filings — and records the clerk who made it. Another office's clerk gets 404."""
    clerk, person = clerk_of(office), UserFactory()
    page = Client()
    page.force_login(clerk)
    url = f"/en/filings/office/new/?office={office.code}&national_id={person.national_id}"
    assert page.get(url).status_code == 200
    body = {"office": office.code, "filer_national_id": person.national_id, "kind": "petition"}
    made = page.post("/en/filings/office/new/", body)
    filing = Filing.objects.get(filer=person)
    assert made.status_code == 302 and made["Location"].endswith(f"/filings/{filing.pk}/")
    assert (filing.channel, filing.created_by, filing.office) == ("office", clerk, office)
    assert list(filing_selectors.my_filings(actor=person)) == [filing]
    outsider = Client()
    outsider.force_login(clerk_of(operational_office()))
    assert outsider.get(url).status_code == 404
    assert outsider.post("/en/filings/office/new/", body).status_code == 404
    assert Filing.objects.filter(filer=person).count() == 1


# --- The page -----------------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["fa", "en", "az"])
def test_the_desk_page_registers_verifies_and_books(office, language):
    """The section's entry leads to the office's desk; a search without an account offers
    registration; registering shows the person's card with the booking form."""
    prefix = "" if language == "fa" else f"/{language}"
    clerk = clerk_of(office)
    page = Client()
    page.force_login(clerk)
    entry = page.get(f"{prefix}/office/desk/")
    assert entry.status_code == 302 and f"/office/{office.code}/desk/" in entry["Location"]
    search = page.get(f"{prefix}/office/{office.code}/desk/", {"q": WALK_IN["national_id"]})
    assert search.status_code == 200 and 'id="desk-register"' in search.content.decode()
    with delivered():
        done = page.post(f"{prefix}/office/{office.code}/desk/register/", WALK_IN)
    assert done.status_code == 302 and WALK_IN["national_id"] in done["Location"]
    card = page.get(done["Location"]).content.decode()
    assert 'id="desk-person"' in card and 'data-verified="yes"' in card
    assert 'id="desk-verify"' not in card  # verified already: nothing to verify
    assert 'id="desk-book"' in card and 'name="slot"' in card
    outsider = Client()
    outsider.force_login(clerk_of(operational_office()))
    assert outsider.get(f"{prefix}/office/{office.code}/desk/").status_code == 404
    refused = outsider.post(f"{prefix}/office/{office.code}/desk/register/", WALK_IN)
    assert refused.status_code == 404


@pytest.mark.rule("ID-9")
def test_the_desk_page_verifies_an_existing_account(office):
    """ID-9 (b): an account found unverified is verified from its card on the desk page."""
    person = UserFactory(identity_verified_at=None, national_id=WALK_IN["national_id"])
    page = Client()
    page.force_login(clerk_of(office))
    card = page.get(f"/en/office/{office.code}/desk/", {"q": person.national_id})
    assert 'id="desk-verify"' in card.content.decode()
    with delivered():
        done = page.post(f"/en/office/{office.code}/desk/verify_identity/", WALK_IN)
    assert done.status_code == 302
    person.refresh_from_db()
    assert person.is_verified and person.identity_method == "office"


@pytest.mark.rule("ID-1")
def test_a_refused_registration_keeps_what_was_typed_with_the_error_beside_its_field(office):
    """The page shows the form again (400) with the typed values and the national ID's error
    beside it; nothing is stored."""
    page = Client()
    page.force_login(clerk_of(office))
    wrong = WALK_IN["national_id"][:-1] + str((int(WALK_IN["national_id"][-1]) + 1) % 10)
    again = page.post(f"/en/office/{office.code}/desk/register/", {**WALK_IN, "national_id": wrong})
    html = again.content.decode()
    assert again.status_code == 400 and 'id="desk-errors"' in html
    assert 'aria-describedby="f-national_id-error"' in html and 'value="B77102"' in html
    assert 'value="کاظمی"' in html and nothing_registered()
