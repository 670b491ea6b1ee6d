"""Licences and what an approved request does to them and to the office (LIC-5, LIC-6,
LIC-7, LIC-9, OFF-7), the sweep, and the office's operational status."""

import datetime as dt

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone

from core import sweeping
from licensing import services
from licensing.models import Licence, LicenceRequest
from offices import selectors as office_selectors
from offices import services as office_services
from offices.models import Membership, Office, Slot, StaffRole
from tests.factories.accounts import UserFactory
from tests.factories.clients import client_for
from tests.factories.licensing import (
    accepted_application,
    advance,
    licence_for,
    licence_request,
    licensed_office,
    licensing_staff,
)
from tests.factories.offices import OfficeFactory, city, qualified_profile
from tests.licensing.conftest import log_rows

pytestmark = pytest.mark.django_db
K, S = LicenceRequest.Kind, LicenceRequest.Status


def approve(kind, **kwargs) -> LicenceRequest:
    return licence_request(kind, status=S.APPROVED, **kwargs)


def operational(office) -> bool:
    return office_selectors.operational_status(Office.objects.get(pk=office.pk)).operational


def book_first_free_slot(office):
    client = client_for(UserFactory())
    slot = (
        Slot.objects.filter(office=office, starts_at__gt=timezone.now() + dt.timedelta(hours=2))
        .order_by("starts_at")
        .first()
    )
    return client.post("/api/v1/offices/appointments/", {"slot": slot.pk, "service": "petition"})


# --- Issue (LIC-5) --------------------------------------------------------------------------------
@pytest.mark.rule("LIC-5")
def test_approved_issue_gives_the_manager_a_licence_for_one_office():
    """LIC-5 (art. 14): the approved issue request creates a licence with a number, an issue
    date and an expiry from the setting, held by the applicant for that office, who becomes the
    office's manager."""
    office = OfficeFactory(licence_active=False)
    assert not operational(office)
    request = licence_request(K.ISSUE, office=office)
    applicant = request.application.applicant
    with override_settings(LICENSING={**_licensing(), "LICENCE_VALIDITY_DAYS": 730}):
        request = advance(request, S.APPROVED)
    licence = request.resulting_licence
    today = timezone.localdate()
    assert licence.holder == applicant and licence.office == office
    assert licence.number.endswith(f"-{office.code}-01")
    assert (licence.issued_on, licence.expires_on) == (today, today + dt.timedelta(days=730))
    assert licence.status == Licence.Status.ACTIVE
    office.refresh_from_db()
    assert office.manager == applicant
    assert Membership.objects.get(office=office, role=StaffRole.MANAGER, ended_on=None)
    reasons = {r.code for r in office_selectors.operational_status(office).reasons}
    assert not any(code.startswith("licence") for code in reasons)


@pytest.mark.rule("LIC-5")
def test_issue_needs_an_accepted_application_and_an_unlicensed_office():
    """LIC-5: one licence per office: an issue request for a licensed office is refused (409);
    without an accepted application it is refused (400)."""
    office = licensed_office()
    staff = client_for(licensing_staff())
    url = "/api/v1/licensing/requests/"
    response = staff.post(
        url,
        {
            "kind": "issue",
            "office": office.code,
            "application": accepted_application().pk,
            "reasons": "New office.",
        },
    )
    assert response.status_code == 409 and response.json()["code"] == "office_licensed"
    response = staff.post(
        url, {"kind": "issue", "office": OfficeFactory().code, "reasons": "New office."}
    )
    assert response.status_code == 400


def _licensing():
    from django.conf import settings

    return settings.LICENSING


# --- Suspension, revocation, withdrawal (LIC-6) ---------------------------------------------------
@pytest.mark.rule("LIC-6")
@pytest.mark.rule("OFF-2")
def test_suspension_stops_the_office_at_once_and_it_disappears_from_booking():
    """LIC-6, OFF-2: the moment the suspension is approved, the office is not operational,
    says why, and takes no appointment."""
    request = licence_request(K.SUSPENSION, status=S.AWAITING_DECISION)
    office = request.test_office
    assert operational(office)
    advance_decision(request)
    licence = Licence.objects.get(pk=request.licence_id)
    assert licence.status == Licence.Status.SUSPENDED
    assert licence.suspended_until == request.suspend_until
    status = office_selectors.operational_status(Office.objects.get(pk=office.pk))
    assert not status.operational
    assert [r.code for r in status.reasons] == ["licence_suspended"]
    response = book_first_free_slot(office)
    assert response.status_code == 409 and response.json()["code"] == "office_not_operational"


def advance_decision(request):
    from tests.factories.licensing import centre_head

    return services.request_decide(
        actor=centre_head(), request_id=request.pk, decision="approve", reasons="Approved."
    )


@pytest.mark.rule("LIC-6")
def test_suspension_ends_on_its_date_even_when_the_sweep_runs_late():
    """LIC-6: a suspension ends by itself on its end date. The office is bookable again from
    that day even before the sweep runs; a sweep that runs days late records the end (one log
    row, by the system) and a second run changes nothing."""
    request = approve(K.SUSPENSION)
    office, until = request.test_office, request.suspend_until
    licence = Licence.objects.get(pk=request.licence_id)
    with time_machine.travel(
        dt.datetime.combine(
            until - dt.timedelta(days=1), dt.time(12), tzinfo=timezone.get_current_timezone()
        ),
        tick=False,
    ):
        assert not operational(office)
        assert sweeping.run_all(only=["licensing.licences"]) == {"licensing.licences": 0}
    late = dt.datetime.combine(
        until + dt.timedelta(days=5), dt.time(9), tzinfo=timezone.get_current_timezone()
    )
    with time_machine.travel(late, tick=False):
        assert operational(office)  # the stored end date decides, not the sweep
        office_services.slots_generate(office=office)
        assert book_first_free_slot(office).status_code == 201
        assert sweeping.run_all(only=["licensing.licences"]) == {"licensing.licences": 1}
        licence.refresh_from_db()
        assert licence.status == Licence.Status.ACTIVE and licence.suspended_until is None
        rows = log_rows(licence)
        assert (rows[-1].transition, rows[-1].actor, rows[-1].actor_label) == (
            "reinstate",
            None,
            "system:sweep",
        )
        assert sweeping.run_all(only=["licensing.licences"]) == {"licensing.licences": 0}
        assert len(log_rows(licence)) == len(rows)


@pytest.mark.rule("LIC-6")
@pytest.mark.parametrize(
    ("kind", "state"),
    [(K.REVOCATION, Licence.Status.REVOKED), (K.WITHDRAWAL, Licence.Status.WITHDRAWN)],
)
def test_revocation_and_withdrawal_are_terminal(kind, state):
    """LIC-6: a revoked or withdrawn licence is ended for good: the office stops, and no later
    request (renewal, suspension, another revocation) can be made on it."""
    request = approve(kind)
    licence = Licence.objects.get(pk=request.licence_id)
    assert licence.status == state and licence.ended_on == timezone.localdate()
    assert not operational(request.test_office)
    staff = client_for(licensing_staff())
    for other in ("renewal", "suspension", "revocation", "withdrawal"):
        response = staff.post(
            "/api/v1/licensing/requests/",
            {
                "kind": other,
                "licence": licence.number,
                "reasons": "Again.",
                "suspend_until": (timezone.localdate() + dt.timedelta(days=30)).isoformat(),
            },
        )
        assert response.status_code == 409, other
    with pytest.raises(Exception):  # noqa: B017 - any refusal; the state machine has no way out
        services.licence_apply(licence, "reinstate", actor=None, reason="")


@pytest.mark.rule("LIC-6")
def test_sweep_expires_licences_after_their_expiry_day_idempotently():
    """LIC-6: a licence is valid through its expiry day; from the next day it is expired (the
    office stops at once) and the sweep records it once."""
    office = licensed_office()
    licence = office.licence
    tz = timezone.get_current_timezone()
    with time_machine.travel(dt.datetime.combine(licence.expires_on, dt.time(23), tzinfo=tz)):
        assert operational(office)
    with time_machine.travel(
        dt.datetime.combine(licence.expires_on + dt.timedelta(days=3), dt.time(8), tzinfo=tz)
    ):
        assert not operational(office)
        assert sweeping.run_all(only=["licensing.licences"])["licensing.licences"] == 1
        assert sweeping.run_all(only=["licensing.licences"])["licensing.licences"] == 0
    licence.refresh_from_db()
    assert licence.status == Licence.Status.EXPIRED and licence.ended_on == licence.expires_on


# --- Renewal (LIC-9) ------------------------------------------------------------------------------
def _renewal(office, actor):
    return client_for(actor).post(
        "/api/v1/licensing/requests/",
        {"kind": "renewal", "licence": office.licence.number, "reasons": "Renew."},
    )


@pytest.mark.rule("LIC-9")
@pytest.mark.rule("LIC-5")
def test_renewal_only_within_the_window_and_it_extends_the_expiry():
    """LIC-9, LIC-5: the holder may ask to renew only within the window before expiry (setting);
    the approved renewal extends the expiry by the licence's validity."""
    office = licensed_office()
    licence, holder = office.licence, office.manager
    tz = timezone.get_current_timezone()
    window = _licensing()["RENEWAL_WINDOW_DAYS"]
    early = licence.expires_on - dt.timedelta(days=window + 1)
    with time_machine.travel(dt.datetime.combine(early, dt.time(10), tzinfo=tz)):
        response = _renewal(office, holder)
        assert response.status_code == 409 and response.json()["code"] == "not_renewable"
    inside = licence.expires_on - dt.timedelta(days=window - 1)
    with time_machine.travel(dt.datetime.combine(inside, dt.time(10), tzinfo=tz)):
        response = _renewal(office, holder)
        assert response.status_code == 201
        advance(LicenceRequest.objects.get(pk=response.json()["id"]), S.APPROVED)
    old = licence.expires_on
    licence.refresh_from_db()
    assert licence.expires_on == old + dt.timedelta(days=_licensing()["LICENCE_VALIDITY_DAYS"])
    assert licence.status == Licence.Status.ACTIVE


@pytest.mark.rule("LIC-9")
def test_expired_licence_renews_within_grace_but_not_after():
    """LIC-9: an expired licence may still be renewed within the grace period (it is active
    again); after it, renewal is refused and a new application is needed."""
    tz = timezone.get_current_timezone()
    grace = _licensing()["RENEWAL_GRACE_DAYS"]
    office = licensed_office()
    expires = office.licence.expires_on
    within = dt.datetime.combine(expires + dt.timedelta(days=grace - 1), dt.time(10), tzinfo=tz)
    with time_machine.travel(within):
        sweeping.run_all(only=["licensing.licences"])
        response = _renewal(office, office.manager)
        assert response.status_code == 201
        advance(LicenceRequest.objects.get(pk=response.json()["id"]), S.APPROVED)
        office.licence.refresh_from_db()
        assert office.licence.status == Licence.Status.ACTIVE
        assert operational(office)

    other = licensed_office()
    after = dt.datetime.combine(
        other.licence.expires_on + dt.timedelta(days=grace + 1), dt.time(10), tzinfo=tz
    )
    with time_machine.travel(after):
        response = _renewal(other, other.manager)
    assert response.status_code == 409
    assert "new application" in response.json()["message"]


@pytest.mark.rule("LIC-9")
def test_suspended_licence_cannot_be_renewed():
    """LIC-9: only an active licence can be renewed: a suspended one inside the renewal window
    is refused (409)."""
    office = OfficeFactory()
    today = timezone.localdate()
    profile = qualified_profile(StaffRole.MANAGER)
    office.licence = licence_for(
        office,
        holder=profile.user,
        expires_on=today + dt.timedelta(days=20),
        status=Licence.Status.SUSPENDED,
        suspended_until=today + dt.timedelta(days=10),
    )
    response = _renewal(office, profile.user)
    assert response.status_code == 409
    assert response.json()["code"] == "not_renewable"


# --- Relocation and replacement (LIC-7, OFF-7) ----------------------------------------------------
@pytest.mark.rule("LIC-7")
def test_relocation_changes_the_address_only_after_approval():
    """LIC-7: the holder asks to move; the office's address changes only when the centre head
    approves, not before."""
    office = licensed_office()
    old_address = office.address
    new_city = city("tehran")
    response = client_for(office.manager).post(
        "/api/v1/licensing/requests/",
        {
            "kind": "relocation",
            "licence": office.licence.number,
            "reasons": "Larger premises.",
            "new_address": "میدان انقلاب، پلاک ۳",
            "new_city": new_city.pk,
        },
    )
    assert response.status_code == 201
    request = LicenceRequest.objects.get(pk=response.json()["id"])
    advance(request, S.AWAITING_DECISION)
    office.refresh_from_db()
    assert office.address == old_address
    advance_decision(request)
    office.refresh_from_db()
    # Typed with a Persian digit, stored as every number is: Latin (one normaliser).
    assert office.address == "میدان انقلاب، پلاک 3"


@pytest.mark.rule("LIC-7")
@pytest.mark.rule("OFF-7")
def test_replacement_transfers_the_office_to_a_new_manager_under_a_new_licence():
    """LIC-7, OFF-7 (art. 31): when the manager withdraws, the GD replaces the office's manager
    with an accepted applicant: the old licence ends (withdrawn), a new licence is issued to the
    new manager, who takes the manager's post; the office keeps working."""
    office = licensed_office()
    old_licence, old_manager = office.licence, office.manager
    approve(K.WITHDRAWAL, office=office)
    assert not operational(office)
    newcomer = accepted_application()
    request = licence_request(
        K.REPLACEMENT, office=office, application_id=newcomer.pk, status=S.APPROVED
    )
    old_licence.refresh_from_db()
    assert old_licence.status == Licence.Status.WITHDRAWN
    new = request.resulting_licence
    assert new.holder == newcomer.applicant and new.office == office
    assert new.number != old_licence.number
    office.refresh_from_db()
    assert office.manager == newcomer.applicant != old_manager
    assert operational(office)


@pytest.mark.rule("OFF-7")
def test_replacement_of_a_live_licence_ends_it():
    """OFF-7: replacing a manager whose licence is still live (e.g. after a death) withdraws
    that licence in the same decision."""
    office = licensed_office()
    request = approve(K.REPLACEMENT, office=office)
    office.licence.refresh_from_db()
    assert office.licence.status == Licence.Status.WITHDRAWN
    assert Licence.objects.filter(office=office, status="active").get() == request.resulting_licence


@pytest.mark.rule("LIC-6")
def test_holder_may_only_ask_for_renewal_withdrawal_and_relocation():
    """LIC-3, LIC-6: a holder cannot ask for their own suspension or revocation (403), and a
    stranger cannot ask anything about the licence (404)."""
    office = licensed_office()
    holder = client_for(office.manager)
    payload = {"licence": office.licence.number, "reasons": "x"}
    assert (
        holder.post("/api/v1/licensing/requests/", {**payload, "kind": "revocation"}).status_code
        == 403
    )
    stranger = client_for(UserFactory())
    assert (
        stranger.post("/api/v1/licensing/requests/", {**payload, "kind": "withdrawal"}).status_code
        == 404
    )


@pytest.mark.rule("LIC-5")
def test_licence_list_is_scoped_and_shows_effective_state():
    """LIC-5: a holder lists their own licences; the regulator all; others none."""
    office = licensed_office()
    other = licensed_office()
    mine = client_for(office.manager).get("/api/v1/licensing/licences/").json()["results"]
    assert [item["number"] for item in mine] == [office.licence.number]
    assert mine[0]["effective_status"] == "active"
    everything = client_for(licensing_staff()).get("/api/v1/licensing/licences/").json()
    assert {i["number"] for i in everything["results"]} >= {
        office.licence.number,
        other.licence.number,
    }
    assert client_for(UserFactory()).get("/api/v1/licensing/licences/").json()["results"] == []


@pytest.mark.rule("OFF-2")
def test_office_without_any_licence_record_keeps_its_flag():
    """OFF-2: an office registered before licensing went live (no licence record) keeps the
    offices app's flag; one whose latest licence ended is not operational."""
    office = OfficeFactory(licence_active=False)
    assert office_selectors.operational_status(office).reasons[-1].code == "licence_inactive"
    profile = qualified_profile(StaffRole.MANAGER)
    licence_for(office, holder=profile.user, status=Licence.Status.REVOKED)
    codes = [r.code for r in office_selectors.operational_status(office).reasons]
    assert "licence_revoked" in codes
