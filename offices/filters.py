"""The public directory's search (OFF-6): province, city, service, office code or name, manager
name and phone, full text over Persian and English names, and nearest first from a point."""

import math
from decimal import Decimal

import django_filters
import phonenumbers
from django import forms
from django.conf import settings
from django.db import connections
from django.db.models import F, FloatField, Func, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from offices.models import City, Office, Province, Service
from offices.text import normalize, terms


class DirectoryForm(forms.Form):
    def clean(self):
        data = super().clean()
        lat, lon = data.get("lat"), data.get("lon")
        if (lat is None) != (lon is None):
            missing = "lon" if lon is None else "lat"
            if missing not in self.errors:
                self.add_error(missing, _("Give both lat and lon to sort by distance."))
        if lat is not None and not -90 <= lat <= 90:
            self.add_error("lat", _("Latitude is between -90 and 90."))
        if lon is not None and not -180 <= lon <= 180:
            self.add_error("lon", _("Longitude is between -180 and 180."))
        phone = data.get("phone")
        if phone:
            try:
                number = phonenumbers.parse(normalize(phone), settings.PHONENUMBER_DEFAULT_REGION)
            except phonenumbers.NumberParseException:
                number = None
            if number is None or not phonenumbers.is_valid_number(number):
                self.add_error("phone", _("Enter a valid phone number."))
            else:
                data["phone"] = phonenumbers.format_number(
                    number, phonenumbers.PhoneNumberFormat.E164
                )
        city, province = data.get("city"), data.get("province")
        if city is not None and province is not None and city.province_id != province.pk:
            self.add_error("city", _("The city is not in the province."))
        return data


def _search_terms(queryset, value, lookup):
    for term in terms(value):
        queryset = queryset.filter(**{lookup: term})
    return queryset


class OfficeFilter(django_filters.FilterSet):
    province = django_filters.ModelChoiceFilter(
        queryset=Province.objects.all(),
        to_field_name="code",
        help_text=_("Province code, e.g. `tehran`."),
    )
    city = django_filters.ModelChoiceFilter(queryset=City.objects.all(), help_text=_("City id."))
    service = django_filters.ModelChoiceFilter(
        field_name="services",
        queryset=Service.objects.filter(is_active=True),
        to_field_name="code",
        help_text=_("Service code, e.g. `petition`."),
    )
    code = django_filters.CharFilter(method="filter_code", help_text=_("Office code (exact)."))
    name = django_filters.CharFilter(
        method="filter_name", help_text=_("Part of the office's name.")
    )
    manager = django_filters.CharFilter(
        method="filter_manager", help_text=_("Part of the manager's name.")
    )
    phone = django_filters.CharFilter(
        method="filter_phone", help_text=_("The office's phone number.")
    )
    q = django_filters.CharFilter(
        method="filter_text",
        help_text=_("Words of the office's Persian or English name, or its code."),
    )
    lat = django_filters.NumberFilter(
        method="no_op", help_text=_("With `lon`: nearest offices first.")
    )
    lon = django_filters.NumberFilter(
        method="no_op", help_text=_("With `lat`: nearest offices first.")
    )

    class Meta:
        model = Office
        fields = []
        form = DirectoryForm

    def no_op(self, queryset, name, value):
        return queryset

    def filter_code(self, queryset, name, value):
        return queryset.filter(code=normalize(value))

    def filter_name(self, queryset, name, value):
        return _search_terms(queryset, value, "search_text__contains")

    # Names, code and English names are kept normalised and lower-cased in `search_text`, which
    # PostgreSQL indexes with trigrams (migration 0003); SQLite scans it.
    filter_text = filter_name

    def filter_manager(self, queryset, name, value):
        return _search_terms(queryset, value, "manager_search__contains")

    def filter_phone(self, queryset, name, value):
        return queryset.filter(phone=value)  # normalised to E.164 by the form

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        lat, lon = self.form.cleaned_data.get("lat"), self.form.cleaned_data.get("lon")
        if lat is not None and lon is not None:
            queryset = order_by_distance(queryset, float(lat), float(lon))
        return queryset


def order_by_distance(queryset, lat: float, lon: float):
    """Nearest first, with `distance_sq`: the squared distance in degrees of arc, so that
    `distance_km` is its square root times 111.195.

    On PostgreSQL, great-circle distances read nearest first off the GiST index of migration
    0005 (a KNN scan): a page costs the same whatever the number of offices, and filters
    combine with it. Offices at exactly the same distance come in the index's order (stable
    while the offices do not change; an index can order by the distance alone). Elsewhere
    (SQLite, `make run`), an equirectangular approximation computed from plain arithmetic
    (error well under 1 % at the distances of one country), then the code."""
    if connections[queryset.db].vendor == "postgresql":
        return _nearest_first_indexed(queryset, lat, lon)
    k = math.cos(math.radians(lat))
    dlat = Cast(F("latitude"), FloatField()) - lat
    dlon = (Cast(F("longitude"), FloatField()) - lon) * k
    return queryset.annotate(distance_sq=dlat * dlat + dlon * dlon).order_by("distance_sq", "code")


class EarthPoint(Func):
    """A position as a point on the unit sphere (`offices_earth_point`, migration 0005)."""

    function = "offices_earth_point"
    output_field = FloatField()  # a `cube`; only ever compared with `<->`, never read


class Chord(Func):
    """The straight-line distance between two points of the unit sphere: the `cube` distance
    operator, which a GiST index serves nearest first when it is the whole ORDER BY."""

    arg_joiner = " <-> "
    template = "(%(expressions)s)"
    output_field = FloatField()


def _nearest_first_indexed(queryset, lat: float, lon: float):
    # The indexed position carries the id tie-break of migration 0006 (0.1 mm per id).
    position = EarthPoint(
        Cast(F("latitude") + F("id") * Value(Decimal("0.000000001")), FloatField()), F("longitude")
    )
    chord = Chord(position, EarthPoint(Value(lat), Value(lon)))
    # Arc between the points, in degrees: 2 asin(chord / 2) radians (the chord is at most 2).
    arc = Func(Func(chord / 2.0, 1.0, function="LEAST"), function="ASIN") * math.degrees(2)
    return queryset.annotate(distance_sq=arc * arc).order_by(chord.asc())
