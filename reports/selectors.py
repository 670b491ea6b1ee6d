"""What a dashboard shows (RPT-1, RPT-2): the figures of a period within the viewer's scope,
read from the tallies, with every key shown (zeros for a quiet month), and the breakdown by
province or office. Licences and waiting requests are figures of today, read from licensing."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Min, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from licensing.models import Licence, LicenceRequest
from offices.models import Office, Province
from reports.figures import BY_NAME, FIGURES, Figure
from reports.models import Tally
from reports.periods import Period
from reports.scope import Scope

DAY = 24 * 60 * 60
MAX_LINES = 500
# The breakdown's columns: (figure, key or None for every key, heading).
BREAKDOWN = (
    ("filings_sent", None, _("Filings sent")),
    ("filings_decided", "accepted", _("Accepted")),
    ("filings_decided", "rejected", _("Rejected")),
    ("returns", None, _("Returned")),
    ("appointments", None, _("Appointments")),
    ("appointments", "no_show", _("No-shows")),
    ("inspections", None, _("Inspections")),
    ("complaints", None, _("Complaints")),
    ("discipline_cases", None, _("Disciplinary cases")),
    ("sanctions", None, _("Sanctions")),
)


@dataclass
class Row:
    key: str
    label: str
    value: float


@dataclass
class FigureData:
    figure: Figure
    rows: list[Row] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.figure.name

    @property
    def label(self) -> str:
        return str(self.figure.label)

    @property
    def total(self) -> float:
        return sum(row.value for row in self.rows)


def tallies(scope: Scope, period: Period, province: Province | None = None):
    found = Tally.objects.filter(scope.q(), day__gte=period.start, day__lt=period.end)
    if province is not None:
        found = found.filter(province=province)
    return found


def _average_days(seconds: dict, counts: dict) -> dict:
    return {
        key: round(seconds[key] / counts[key] / DAY, 1) if counts.get(key) else 0 for key in seconds
    }


def figures(scope: Scope, period: Period, province: Province | None = None) -> list[FigureData]:
    if scope.empty:
        return []
    sums = defaultdict(dict)
    for row in (
        tallies(scope, period, province)
        .values("figure", "key")
        .annotate(total=Sum("value"))
        .order_by()
    ):
        sums[row["figure"]][row["key"]] = row["total"]
    data = []
    for figure in FIGURES:
        if figure.office is None and not scope.everything:
            continue
        found = sums.get(figure.name, {})
        if figure.unit == "days":
            found = _average_days(found, sums.get("filings_decided", {}))
        keys = list(figure.keys) + [k for k in found if k not in figure.keys]
        rows = [Row(key, figure.label_of(key), found.get(key, 0)) for key in keys]
        data.append(FigureData(figure, rows))
    return data


def breakdown(scope: Scope, period: Period, province: Province | None = None):
    """Rows per province (or per office, within one province or a narrower scope), one value
    per column of BREAKDOWN: (headings, [(label, code, [values])])."""
    by_office = province is not None or not scope.everything
    group = "office" if by_office else "province"
    found = defaultdict(lambda: defaultdict(int))
    names = {(name, key) for name, key, _h in BREAKDOWN}
    for row in (
        tallies(scope, period, province)
        .filter(figure__in={name for name, _k in names}, **{f"{group}__isnull": False})
        .values(group, "figure", "key")
        .annotate(total=Sum("value"))
        .order_by()
    ):
        for column, (name, key, _h) in enumerate(BREAKDOWN):
            if row["figure"] == name and key in (None, row["key"]):
                found[row[group]][column] += row["total"]
    if by_office:
        places = scope.office_list()
        if province is not None:
            places = places.filter(province=province)
        if places.count() > MAX_LINES:  # a large province: the offices with activity
            places = places.filter(pk__in=list(found))
    else:
        places = Province.objects.all()
    lines = [
        (
            place.name,
            getattr(place, "code", ""),
            [found[place.pk][c] for c in range(len(BREAKDOWN))],
        )
        for place in places.order_by("code")[:MAX_LINES]
    ]
    return [str(h) for _n, _k, h in BREAKDOWN], lines


def licences_now(scope: Scope, province: Province | None = None) -> FigureData:
    figure = Figure(
        "licences",
        _("Licences, by state (today)"),
        Licence,
        "",
        "status",
        {str(v): label for v, label in Licence.Status.choices},
    )
    found = Licence.objects.filter(scope.q("office", "office__province"))
    if province is not None:
        found = found.filter(office__province=province)
    counts = dict(found.values_list("status").annotate(n=Count("pk")).order_by())
    return FigureData(figure, [Row(k, figure.label_of(k), counts.get(k, 0)) for k in figure.keys])


WAITING = ("submitted", "council_review", "gd_opinion", "awaiting_decision")


def requests_waiting(scope: Scope, province: Province | None = None) -> list[dict]:
    """Licence requests waiting at each step, with their number and age in days (today)."""
    found = LicenceRequest.objects.filter(scope.q("office", "office__province"), status__in=WAITING)
    if province is not None:
        found = found.filter(office__province=province)
    now = timezone.now()
    stats = {
        row["status"]: row
        for row in found.values("status")
        .annotate(n=Count("pk"), oldest=Min("submitted_at"))
        .order_by()
    }
    labels = dict(LicenceRequest.Status.choices)
    return [
        {
            "key": status,
            "label": str(labels[status]),
            "count": stats.get(status, {}).get("n", 0),
            "oldest_days": (now - stats[status]["oldest"]).days if status in stats else 0,
        }
        for status in WAITING
    ]


def figure(name: str) -> Figure | None:
    return BY_NAME.get(name)


def visible_office(scope: Scope, code: str) -> Office | None:
    return scope.office_list().filter(code=code).first() if not scope.empty else None


def provinces_of(scope: Scope):
    if scope.everything:
        return Province.objects.all()
    return Province.objects.filter(
        Q(pk__in=scope.provinces) | Q(offices__pk__in=scope.offices)
    ).distinct()
