"""The summary tables (RPT-1): after a mixed sequence of transitions, each tally equals the
count made directly from the records; a quiet month shows zeros."""

import datetime as dt
from collections import Counter

import pytest
from django.utils import timezone

from filings import services as filing_services
from licensing.models import Complaint, Inspection
from notices.models import Notice
from offices import services as office_services
from offices.models import Appointment
from reports import tallies
from reports.figures import FIGURES
from reports.models import StaleDay, Tally
from tests.factories import UserFactory
from tests.factories import discipline as df
from tests.factories import filings as ff
from tests.factories.discipline import forwarded_complaint, inspection_report

pytestmark = pytest.mark.django_db


def direct_counts() -> Counter:
    """Every figure counted in Python from the records, without the tallies' queries."""
    found = Counter()
    for figure in FIGURES:
        if figure.total is not None:
            continue
        for record in figure.model.objects.filter(**figure.filters):
            moment = getattr(record, figure.day_field)
            if moment is None:
                continue
            day = timezone.localtime(moment).date() if isinstance(moment, dt.datetime) else moment
            if figure.name == "notices_served":
                key, office = ("deemed" if record.deemed_served_at else "viewed"), None
            elif figure.name == "sanctions":
                key, office = str(record.grade), record.case.office_id
            else:
                key, office = str(getattr(record, figure.key) or ""), record.office_id
            found[(figure.name, key, office, day)] += 1
    return found


def tallied() -> Counter:
    return Counter(
        {
            (t.figure, t.key, t.office_id, t.day): t.value
            for t in Tally.objects.exclude(figure="decision_time")
        }
    )


def book(office, user=None):
    user = user or UserFactory()
    slot = office.slots.order_by("starts_at").first()
    return office_services.appointment_book(
        actor=user, slot_id=slot.pk, service_code=office.services.first().code
    )


@pytest.mark.rule("RPT-1")
def test_tallies_equal_the_records_after_a_mixed_sequence(filer, court, clerk, office, far_office):
    staff, far_staff = office.people["clerk"][0], far_office.people["clerk"][0]
    accepted = ff.forwarded(filer, court=court, office=office, staff=staff)
    rejected = ff.forwarded(filer, court=court, office=office, staff=staff)
    returned = ff.sent(filer, court=court, office=far_office)
    ff.sent(filer, court=court, office=office)
    kept, cancelled = book(office), book(office)
    tallies.refresh_stale()
    assert tallied() == direct_counts()

    filing_services.court_accept(actor=clerk, filing_id=accepted.pk)
    filing_services.court_reject(
        actor=clerk, filing_id=rejected.pk, category="jurisdiction", text="Not ours."
    )
    filing_services.office_return(
        actor=far_staff, filing_id=returned.pk, category="illegible", text="Blurred."
    )
    office_services.appointment_cancel_own(actor=cancelled.user, appointment_id=cancelled.pk)
    office_services.appointment_mark_no_show(
        appointment_id=kept.pk, now=kept.day_ends_at + dt.timedelta(minutes=1)
    )
    forwarded_complaint(office)
    inspection_report(far_office)
    df.serve(df.ruling(df.open_case(office=office), grade=3))
    assert StaleDay.objects.exists()
    tallies.refresh_stale()

    assert not StaleDay.objects.exists()
    counts = tallied()
    assert counts == direct_counts()
    today = timezone.localdate()
    assert counts[("filings_decided", "accepted", office.pk, today)] == 1
    assert counts[("rejection_reasons", "jurisdiction", office.pk, today)] == 1
    assert counts[("returns", "illegible", far_office.pk, today)] == 1
    assert counts[("appointments", "no_show", office.pk, kept.day)] == 1
    assert counts[("sanctions", "3", office.pk, today)] == 1
    assert counts[("notices_served", "viewed", None, today)] >= 1
    assert Appointment.objects.get(pk=cancelled.pk).status == "cancelled"
    assert Complaint.objects.filter(office=office).count() == 1
    assert Inspection.objects.filter(office=far_office).count() == 1
    assert Notice.objects.exists()
    # The rebuild from the records gives the same tallies as the incremental refreshes.
    tallies.rebuild()
    assert tallied() == counts
