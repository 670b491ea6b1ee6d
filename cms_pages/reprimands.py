"""Published reprimands on the public site (CMS-4, DIS-8), read live from the discipline app.

What is public is decided in one place only, ``discipline.selectors.published_reprimands()``:
grade 4 sanctions (art. 35-4) whose ruling is final and enforced. A ruling that is drafted,
issued, appealed or objected to, superseded, or of another grade is never shown. Each entry
carries only what the publication needs, the same fields as the discipline API's
``GET /api/v1/discipline/reprimands/``: the sanctioned person's name, the office, the
violations of art. 37, the sanction and the day it became final. The allegation, the
ruling's text, the votes, the complainant and anyone's national ID are never read here.

The list can be narrowed by province, office (code) and year. The year is the year the
ruling became final, in the calendar of the page: Jalali on Persian pages (1405), Gregorian
elsewhere (2026).
"""

import datetime as dt
from urllib.parse import urlencode

import jdatetime
from django import forms
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from discipline import selectors
from discipline.serializers import ReprimandSerializer
from offices.models import Province
from offices.text import normalize

JALALI_YEARS = (1300, 1500)
GREGORIAN_YEARS = (1921, 2121)


def public_reprimands():
    """The one definition of what is public (discipline's selector)."""
    return selectors.published_reprimands()


class ReprimandFilterForm(forms.Form):
    province = forms.ModelChoiceField(
        queryset=Province.objects.all(),
        to_field_name="code",
        required=False,
        label=_("Province"),
        error_messages={"invalid_choice": _("There is no such province.")},
    )
    office = forms.CharField(
        required=False,
        max_length=12,
        label=_("Office code"),
        error_messages={"max_length": _("An office code is 4 to 12 digits.")},
    )
    year = forms.CharField(required=False, max_length=4, label=_("Year"))

    def __init__(self, *args, jalali: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.jalali = jalali

    def clean_office(self):
        code = normalize(self.cleaned_data["office"] or "")
        if code and not (code.isdigit() and 4 <= len(code) <= 12):
            raise forms.ValidationError(_("An office code is 4 to 12 digits."))
        return code

    def clean_year(self):
        raw = normalize(self.cleaned_data["year"] or "")
        if not raw:
            return None
        low, high = JALALI_YEARS if self.jalali else GREGORIAN_YEARS
        if not raw.isdigit() or not low <= int(raw) <= high:
            raise forms.ValidationError(
                _("Enter a year between %(low)s and %(high)s.") % {"low": low, "high": high}
            )
        return int(raw)


def year_bounds(year: int, *, jalali: bool) -> tuple[dt.datetime, dt.datetime]:
    """The start of ``year`` and of the next one, as aware datetimes in the site's zone."""
    if jalali:
        start = jdatetime.date(year, 1, 1).togregorian()
        end = jdatetime.date(year + 1, 1, 1).togregorian()
    else:
        start, end = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
    tz = timezone.get_current_timezone()
    return (
        dt.datetime.combine(start, dt.time.min, tzinfo=tz),
        dt.datetime.combine(end, dt.time.min, tzinfo=tz),
    )


def year_of(moment: dt.datetime, *, jalali: bool) -> int:
    day = timezone.localdate(moment)
    return jdatetime.date.fromgregorian(date=day).year if jalali else day.year


def filtered(data, *, jalali: bool):
    """(form, queryset or None): the public reprimands narrowed by the valid filters; None
    when the filters are invalid (the form carries readable errors)."""
    form = ReprimandFilterForm(data, jalali=jalali)
    if not form.is_valid():
        return form, None
    qs = public_reprimands()
    if form.cleaned_data["province"] is not None:
        qs = qs.filter(case__office__province=form.cleaned_data["province"])
    if form.cleaned_data["office"]:
        qs = qs.filter(case__office__code=form.cleaned_data["office"])
    if form.cleaned_data["year"] is not None:
        start, end = year_bounds(form.cleaned_data["year"], jalali=jalali)
        qs = qs.filter(final_at__gte=start, final_at__lt=end)
    return form, qs


def listing(request, *, per_page: int, jalali: bool, entry_url) -> dict:
    """The context of the list: the filter form, one page of entries, the years to choose
    from, and the query string that pagination links carry."""
    fields = ("province", "office", "year")
    data = {k: request.GET.get(k, "").strip() for k in fields}
    data = {k: v for k, v in data.items() if v}
    form, qs = filtered(data, jalali=jalali)
    results = None
    if qs is not None:
        results = Paginator(qs.select_related("case__office__province"), per_page).get_page(
            request.GET.get("page")
        )
        entries = list(results.object_list)
        for ruling in entries:
            ruling.page_url = entry_url(ruling.pk)
        results.object_list = entries
    years = sorted(
        {year_of(m, jalali=jalali) for m in public_reprimands().values_list("final_at", flat=True)},
        reverse=True,
    )
    return {
        "form": form,
        # What the form shows back: digits as typed in Persian become the option values.
        "query": {k: normalize(request.GET.get(k, ""))[:20] for k in fields},
        "filtered": bool(data),
        "results": results,
        "provinces": Province.objects.all(),
        "years": years,
        "page_query": urlencode(data),
    }


def entry(ruling_id) -> object | None:
    """One published reprimand, or None (missing, not public, or not a number)."""
    try:
        pk = int(ruling_id)
    except (TypeError, ValueError):
        return None
    return public_reprimands().select_related("case__office__province").filter(pk=pk).first()


def as_data(ruling) -> dict:
    """The API form of one entry: the discipline API's fields (one definition of what is
    published) plus the office's province."""
    data = dict(ReprimandSerializer(ruling).data)
    office = ruling.case.office
    data["province"] = {
        "code": office.province.code,
        "name_fa": office.province.name_fa,
        "name_en": office.province.name_en,
    }
    return data
