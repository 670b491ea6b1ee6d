"""The figures of RPT-1, declared once: where each one's records are, which date places a record
on a day, and which field splits it into keys. The tallies (`reports.tallies`), the dashboards,
the exports and the monthly report all read this table.

Court cases (the cabinet) are not among them yet.
"""

from dataclasses import dataclass, field

from django.db import models
from django.db.models import CharField, DurationField, ExpressionWrapper, F, Value, When
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from discipline.models import Case, Grade, Ruling
from filings.models import Filing, Kind, RejectReason, ReturnReason
from licensing.models import Complaint, Inspection
from notices.models import Notice
from offices.models import Appointment


@dataclass(frozen=True)
class Figure:
    name: str
    label: object
    model: type
    day_field: str
    key: object  # a field name or an expression giving the row's key
    keys: dict = field(default_factory=dict)  # key → label, in display order
    office: str | None = "office"
    filters: dict = field(default_factory=dict)
    # A sum instead of a count: the expression summed (seconds, for the decision time).
    total: object = None
    unit: str = "count"

    def label_of(self, key) -> str:
        return str(self.keys.get(str(key), key or _("(none)")))


def _choices(choices) -> dict:
    return {str(value): label for value, label in choices}


_DECISION_TIME = ExpressionWrapper(F("decided_at") - F("sent_at"), output_field=DurationField())
_NOTICE_SERVICE = models.Case(
    When(deemed_served_at__isnull=False, then=Value("deemed")),
    default=Value("viewed"),
    output_field=CharField(),
)

FIGURES: tuple[Figure, ...] = (
    Figure(
        "filings_sent",
        _("Filings sent, by kind"),
        Filing,
        "sent_at",
        "kind",
        _choices(Kind.choices),
        filters={"office__isnull": False},
    ),
    Figure(
        "filings_status",
        _("Filings sent, by current status"),
        Filing,
        "sent_at",
        "status",
        _choices(Filing.Status.choices),
        filters={"office__isnull": False},
    ),
    Figure(
        "filings_decided",
        _("Court decisions"),
        Filing,
        "decided_at",
        "status",
        _choices(Filing.Status.choices),
        filters={"office__isnull": False, "status__in": ["accepted", "rejected"]},
    ),
    Figure(
        "decision_time",
        _("Time from send to the court's decision (days, average)"),
        Filing,
        "decided_at",
        "status",
        _choices(Filing.Status.choices),
        filters={"office__isnull": False, "status__in": ["accepted", "rejected"]},
        total=_DECISION_TIME,
        unit="days",
    ),
    Figure(
        "rejection_reasons",
        _("Rejections, by reason"),
        Filing,
        "decided_at",
        "reason_category",
        _choices(RejectReason.choices),
        filters={"office__isnull": False, "status": "rejected"},
    ),
    Figure(
        "returns",
        _("Filings returned for correction, by reason"),
        Filing,
        "returned_at",
        "reason_category",
        _choices(ReturnReason.choices),
        filters={"office__isnull": False},
    ),
    Figure(
        "appointments",
        _("Appointments, by outcome"),
        Appointment,
        "day",
        "status",
        _choices(Appointment.Status.choices),
    ),
    Figure(
        "inspections",
        _("Inspections reported, by state"),
        Inspection,
        "reported_at",
        "status",
        _choices(Inspection.Status.choices),
    ),
    Figure(
        "complaints",
        _("Complaints received, by state"),
        Complaint,
        "received_at",
        "status",
        _choices(Complaint.Status.choices),
    ),
    Figure(
        "discipline_cases",
        _("Disciplinary cases opened, by stage"),
        Case,
        "opened_at",
        "status",
        _choices(Case.Status.choices),
    ),
    Figure(
        "sanctions",
        _("Sanctions issued, by grade"),
        Ruling,
        "issued_at",
        Cast("grade", CharField()),
        _choices(Grade.choices),
        office="case__office",
        filters={"outcome": "sanction"},
    ),
    Figure(
        "notices_served",
        _("Court notices served (by view or deemed)"),
        Notice,
        "served_at",
        _NOTICE_SERVICE,
        {"viewed": _("Served by view"), "deemed": _("Deemed served")},
        office=None,
    ),
)

BY_NAME = {f.name: f for f in FIGURES}


def watched_models() -> dict[type, list[Figure]]:
    """Each model with the figures it feeds (a change of one of its rows makes them stale)."""
    watched: dict[type, list[Figure]] = {}
    for figure in FIGURES:
        watched.setdefault(figure.model, []).append(figure)
    return watched
