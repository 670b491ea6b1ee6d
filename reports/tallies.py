"""The summary tables behind every figure (RPT-1): kept up to date by the records' changes and
the `reports.refresh_tallies` sweep, rebuilt whole by `manage.py reports_rebuild`.

A saved or deleted record marks the (office, day) pairs it counts on as stale — the days of
its dates before and after the change — in the record's own transaction (`StaleDay`). The
sweep recomputes each stale pair's tallies from the records, then deletes the marks it read:
a change that commits meanwhile leaves its own mark for the next run, so no change is lost.
"""

import datetime as dt
from collections import defaultdict

from django.db import transaction
from django.db.models import BigIntegerField, Count, DateTimeField, F, Q, Sum, Value
from django.db.models.functions import TruncDate
from django.db.models.signals import post_delete, post_init, post_save
from django.utils import timezone

from offices.models import Office
from reports.figures import FIGURES, Figure, watched_models
from reports.models import StaleDay, Tally

BATCH = 2000


# --- Marking ------------------------------------------------------------------------------------
def _local_day(value) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _days(instance, figures: list[Figure]) -> set[dt.date]:
    loaded = instance.__dict__
    return {
        day
        for figure in figures
        if figure.day_field in loaded
        for day in [_local_day(loaded[figure.day_field])]
        if day is not None
    }


def _office_of(instance, figure: Figure):
    if figure.office is None:
        return None
    holder = instance
    *path, last = figure.office.split("__")
    for step in path:
        holder = getattr(holder, step)
    return getattr(holder, f"{last}_id")


def _remember(sender, instance, **kwargs):
    instance._report_days = _days(instance, watched_models()[sender])


def _mark(sender, instance, **kwargs):
    figures = watched_models()[sender]
    days = _days(instance, figures) | getattr(instance, "_report_days", set())
    if not days:
        return
    offices = {_office_of(instance, figure) for figure in figures}
    StaleDay.objects.bulk_create(
        [StaleDay(office_id=office, day=day) for office in offices for day in days]
    )
    instance._report_days = _days(instance, figures)


def connect() -> None:
    for model in watched_models():
        uid = f"reports.{model._meta.label}"
        post_init.connect(_remember, sender=model, dispatch_uid=f"{uid}.init")
        post_save.connect(_mark, sender=model, dispatch_uid=f"{uid}.save")
        post_delete.connect(_mark, sender=model, dispatch_uid=f"{uid}.delete")


# --- Computing ----------------------------------------------------------------------------------
def _day_bounds(day: dt.date):
    start = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    return start, start + dt.timedelta(days=1)


def rows(figure: Figure, *, day: dt.date | None = None, offices=None):
    """(office id, day, key, value) of `figure` from the records: every day, or one `day` of
    the `offices` (ids; None among them stands for the records of no office)."""
    model_field = figure.model._meta.get_field(figure.day_field)
    timed = isinstance(model_field, DateTimeField)
    records = figure.model._default_manager.filter(**figure.filters).exclude(
        **{f"{figure.day_field}__isnull": True}
    )
    if day is not None:
        if timed:
            start, end = _day_bounds(day)
            records = records.filter(
                **{f"{figure.day_field}__gte": start, f"{figure.day_field}__lt": end}
            )
        else:
            records = records.filter(**{figure.day_field: day})
    if offices is not None:
        if figure.office is None:
            if None not in offices:
                return []
        else:
            records = records.filter(**{f"{figure.office}__in": [o for o in offices if o]})
    day_expr = TruncDate(figure.day_field) if timed else F(figure.day_field)
    key = F(figure.key) if isinstance(figure.key, str) else figure.key
    office = F(figure.office) if figure.office else Value(None, output_field=BigIntegerField())
    value = Sum(figure.total) if figure.total is not None else Count("pk")
    grouped = (
        records.annotate(r_day=day_expr, r_key=key, r_office=office)
        .values("r_office", "r_day", "r_key")
        .annotate(r_value=value)
        .order_by()
    )
    for row in grouped.iterator(chunk_size=BATCH):
        amount = row["r_value"]
        if isinstance(amount, dt.timedelta):
            amount = int(amount.total_seconds())
        yield row["r_office"], row["r_day"], str(row["r_key"] or ""), int(amount or 0)


def _store(figure: Figure, found, provinces: dict) -> int:
    made, chunk = 0, []
    for office, day, key, value in found:
        chunk.append(
            Tally(
                figure=figure.name,
                key=key,
                day=day,
                office_id=office,
                province_id=provinces.get(office),
                value=value,
            )
        )
        if len(chunk) == BATCH:
            made += len(Tally.objects.bulk_create(chunk))
            chunk = []
    return made + len(Tally.objects.bulk_create(chunk))


def _provinces(office_ids) -> dict:
    ids = [o for o in office_ids if o]
    return dict(Office.objects.filter(pk__in=ids).values_list("pk", "province_id"))


def refresh(day: dt.date, offices: set) -> None:
    """Recompute every figure's tallies of `day` for `offices` (ids, None for no office)."""
    provinces = _provinces(offices)
    which = Q(office_id__in=[o for o in offices if o])
    if None in offices:
        which |= Q(office__isnull=True)
    Tally.objects.filter(which, day=day).delete()
    for figure in FIGURES:
        _store(figure, list(rows(figure, day=day, offices=offices)), provinces)


def refresh_stale(batches: int = 20) -> int:
    """Refresh the pairs marked stale (the sweep): at most `batches` × BATCH marks a run."""
    done = 0
    for _ in range(batches):
        marks = list(StaleDay.objects.order_by("pk").values_list("pk", "office_id", "day")[:BATCH])
        if not marks:
            break
        by_day = defaultdict(set)
        for _pk, office, day in marks:
            by_day[day].add(office)
        with transaction.atomic():
            for day, offices in sorted(by_day.items()):
                refresh(day, offices)
            StaleDay.objects.filter(pk__in=[m[0] for m in marks]).delete()
        done += len(marks)
    return done


def rebuild(progress=None) -> int:
    """Every tally again from the records (after a bulk load, or to check the sums)."""
    with transaction.atomic():
        Tally.objects.all().delete()
        StaleDay.objects.all().delete()
        provinces = dict(Office.objects.values_list("pk", "province_id"))
        made = 0
        for figure in FIGURES:
            made += _store(figure, rows(figure), provinces)
            if progress:
                progress(figure)
    return made
