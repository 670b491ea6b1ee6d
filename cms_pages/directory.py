"""What the office directory's pages show (CMS-3), read live from the offices app.

Only the offices app's selectors and its directory filter are used: the same search, the same
operational status (OFF-2) and the same constant number of queries per page as the public
API. Nothing is copied into the CMS.
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from offices import selectors
from offices.filters import OfficeFilter
from offices.models import Province, Service, Weekday

# The search form's fields, as the directory filter names them.
SEARCH_FIELDS = ("province", "city", "service", "name", "code")
# Saturday first, as the Iranian week runs.
WEEK = [Weekday.SATURDAY, Weekday.SUNDAY, Weekday.MONDAY, Weekday.TUESDAY,
        Weekday.WEDNESDAY, Weekday.THURSDAY, Weekday.FRIDAY]  # fmt: skip


def search(request, *, per_page: int, office_url) -> dict:
    query = {k: request.GET.get(k, "").strip() for k in SEARCH_FIELDS}
    data = {k: v for k, v in query.items() if v}
    filterset = OfficeFilter(data, queryset=selectors.directory(prefetch=False))
    errors = {}
    results = None
    if filterset.is_valid():
        paginator = Paginator(filterset.qs, per_page)
        results = paginator.get_page(request.GET.get("page"))
        results.object_list = listed(results.object_list, office_url=office_url)
    else:
        errors = {
            name: [str(e) for e in field_errors]
            for name, field_errors in filterset.form.errors.items()
        }
    provinces = Province.objects.prefetch_related("cities")
    carried = urlencode(data)
    return {
        "query": query,
        "searched": bool(data),
        "errors": errors,
        "results": results,
        "provinces": provinces,
        **_place_options(provinces, query),
        "services": Service.objects.filter(is_active=True),
        "page_query": carried,
    }


def _place_options(provinces, query) -> dict:
    """The <option>s of the province and city selects (31 provinces, 251 cities on every
    directory page), built here: a template loop over the cities cost more than the rest of
    the page."""
    provinces = list(provinces)
    province_options = format_html_join(
        "", "{}", ((_option(p.code, p.name, query["province"] == p.code),) for p in provinces)
    )
    city_options = format_html_join(
        "",
        '<optgroup label="{}" data-province="{}">{}</optgroup>',
        (
            (
                p.name,
                p.code,
                format_html_join(
                    "",
                    "{}",
                    ((_option(c.pk, c.name, query["city"] == str(c.pk)),) for c in p.cities.all()),
                ),
            )
            for p in provinces
        ),
    )
    return {"province_options": province_options, "city_options": city_options}


def listed(offices, *, office_url) -> list:
    """One page of offices as the lists show them: services, open posts, operational status
    (OFF-2) and the URL of the office's page, in a constant number of queries."""
    offices = list(offices)
    selectors.attach_listing_data(offices)
    for office in offices:
        office.status = selectors.operational_status(office)
        office.page_url = office_url(office.code)
    return offices


def office(code: str) -> dict | None:
    office = selectors.office_detail(code)
    if office is None:
        return None
    by_day = {day: [] for day in WEEK}
    for hours in office.hours.all():
        by_day[hours.weekday].append(hours)
    lat, lon = office.latitude, office.longitude
    return {
        "office": office,
        "status": selectors.operational_status(office),
        "services": list(office.services.all()),
        "week": [
            {"name": Weekday(day).label, "hours": sorted(by_day[day], key=lambda h: h.opens)}
            for day in WEEK
        ],
        "map_url": (
            f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
            if lat is not None and lon is not None
            else ""
        ),
        "manager_name": office.manager.get_full_name() if office.manager_id else "",
        "closed_label": _("Closed"),
    }


def _option(value, label, chosen: bool):
    if chosen:
        return format_html('<option value="{}" selected>{}</option>', value, label)
    return format_html('<option value="{}">{}</option>', value, label)
