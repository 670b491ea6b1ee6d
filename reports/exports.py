"""Exports of every figure and of its records within the viewer's scope (RPT-2), as CSV or
XLSX, streamed: CSV row by row as the database cursor gives them, XLSX written by openpyxl's
write-only workbook into a temporary file that is then streamed."""

import csv
import datetime as dt
import tempfile
from dataclasses import dataclass

from django.db.models import F, Sum
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook

from discipline.models import Case
from filings.models import Filing
from licensing.models import Complaint, Inspection
from notices.models import Notice
from offices.models import Appointment
from reports.figures import BY_NAME
from reports.periods import Period
from reports.scope import Scope
from reports.selectors import tallies

CHUNK = 2000
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Dataset:
    name: str
    label: object
    model: type
    day_field: str
    columns: tuple  # (heading, field path)
    office: str | None = "office"
    filters: tuple = ()


_PLACE = ((_("office code"), "office__code"), (_("province"), "office__province__code"))
DATASETS = {
    d.name: d
    for d in (
        Dataset(
            "filings",
            _("Filings"),
            Filing,
            "sent_at",
            (
                (_("tracking code"), "tracking_code"),
                (_("kind"), "kind"),
                (_("status"), "status"),
                *_PLACE,
                (_("sent at"), "sent_at"),
                (_("decided at"), "decided_at"),
                (_("returned at"), "returned_at"),
                (_("reason"), "reason_category"),
            ),
            filters=(("office__isnull", False),),
        ),
        Dataset(
            "appointments",
            _("Appointments"),
            Appointment,
            "day",
            ((_("day"), "day"), (_("status"), "status"), (_("service"), "service__code"), *_PLACE),
        ),
        Dataset(
            "inspections",
            _("Inspections"),
            Inspection,
            "reported_at",
            (
                (_("reported at"), "reported_at"),
                (_("kind"), "kind"),
                (_("status"), "status"),
                *_PLACE,
            ),
        ),
        Dataset(
            "complaints",
            _("Complaints"),
            Complaint,
            "received_at",
            ((_("received at"), "received_at"), (_("status"), "status"), *_PLACE),
        ),
        Dataset(
            "discipline_cases",
            _("Disciplinary cases"),
            Case,
            "opened_at",
            ((_("opened at"), "opened_at"), (_("status"), "status"), *_PLACE),
        ),
        Dataset(
            "notices",
            _("Court notices served"),
            Notice,
            "served_at",
            (
                (_("notice number"), "notice_number"),
                (_("served at"), "served_at"),
                (_("deemed served at"), "deemed_served_at"),
            ),
            office=None,
        ),
    )
}


def figure_rows(scope: Scope, period: Period, province=None):
    """Headings, then one row per figure, key and office of the period within the scope."""
    yield [
        str(_("figure")),
        str(_("key")),
        str(_("province")),
        str(_("office code")),
        str(_("value")),
    ]
    found = (
        tallies(scope, period, province)
        .values("figure", "key", province_code=F("province__code"), office_code=F("office__code"))
        .annotate(total=Sum("value"))
        .order_by("figure", "key", "province_code", "office_code")
    )
    for row in found.iterator(chunk_size=CHUNK):
        figure = BY_NAME.get(row["figure"])
        yield [
            str(figure.label) if figure else row["figure"],
            figure.label_of(row["key"]) if figure else row["key"],
            row["province_code"] or "",
            row["office_code"] or "",
            row["total"],
        ]


def dataset_rows(dataset: Dataset, scope: Scope, period: Period, province=None):
    """Headings, then the records of the period within the scope."""
    yield [str(heading) for heading, _field in dataset.columns]
    if dataset.office is None and not scope.everything:
        return
    records = dataset.model._default_manager.filter(**dict(dataset.filters))
    if dataset.office is not None:
        records = records.filter(scope.q(dataset.office, f"{dataset.office}__province"))
        if province is not None:
            records = records.filter(**{f"{dataset.office}__province": province})
    elif province is not None:
        return
    bound = dataset.day_field
    if bound == "day":
        records = records.filter(day__gte=period.start, day__lt=period.end)
    else:
        start, end = (_moment(day) for day in (period.start, period.end))
        records = records.filter(**{f"{bound}__gte": start, f"{bound}__lt": end})
    fields = [path for _heading, path in dataset.columns]
    for values in records.order_by(bound, "pk").values_list(*fields).iterator(chunk_size=CHUNK):
        yield [_plain(v) for v in values]


def _moment(day):
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _plain(value):
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


class _Echo:
    def write(self, value):
        return value


def csv_response(rows, filename: str) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff"  # so that spreadsheets read the file as UTF-8
        for row in rows:
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(rows, filename: str, title: str = "Daftar") -> FileResponse:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31])
    for row in rows:
        sheet.append(row)
    spool = tempfile.TemporaryFile()  # noqa: SIM115 (closed by the response once streamed)
    book.save(spool)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=f"{filename}.xlsx", content_type=XLSX)


def respond(rows, filename: str, fmt: str):
    return xlsx_response(rows, filename) if fmt == "xlsx" else csv_response(rows, filename)
