"""The public office directory (OFF-6)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from offices import services
from offices.models import Service
from tests.factories.offices import OfficeFactory, city, province, staff_office

pytestmark = pytest.mark.django_db
URL = "/api/v1/offices/"


def codes(response):
    assert response.status_code == 200, response.json()
    return [o["code"] for o in response.json()["results"]]


@pytest.fixture
def offices(db):
    """Three offices in three cities; Tehran's is operational with a named manager."""
    tehran = OfficeFactory(
        code="1101",
        name_fa="دفتر خدمات الکترونیک قضایی ونک",
        name_en="Vanak judicial e-services office",
        phone="+982188776655",
    )
    people = staff_office(tehran)
    User.objects.filter(pk=people["manager"].pk).update(first_name="Hossein", last_name="Karimi")
    tehran.refresh_from_db()
    services.office_refresh_manager_search(office=tehran)
    kashan = OfficeFactory(
        code="3102",
        name_fa="دفتر خدمات قضایی نجف‌آباد",  # with ZWNJ
        name_en="Najafabad office",
        province=province("isfahan"),
        city=city("isfahan", "Najafabad"),
        latitude="32.6344",
        longitude="51.3668",
        services=list(Service.objects.filter(code__in=["petition", "complaint"])),
    )
    shiraz = OfficeFactory(
        code="7103",
        name_fa="دفتر شیراز مرکزی",
        name_en="Shiraz central office",
        province=province("fars"),
        city=city("fars"),
        services=list(Service.objects.filter(code="declaration")),
    )
    return {"tehran": tehran, "najafabad": kashan, "shiraz": shiraz}


@pytest.mark.rule("OFF-6")
def test_the_directory_answers_anonymously_with_what_the_public_needs(api, offices):
    """OFF-6: anonymous; address, phone, map location, services, hours (detail) and status."""
    response = api.get(URL)
    assert response.status_code == 200
    first = response.json()["results"][0]
    assert first["code"] == "1101"
    assert first["address"] and first["phone"] == "+982188776655"
    assert first["location"] == {"lat": 35.6892, "lon": 51.389}
    assert len(first["services"]) == 8
    assert first["status"] == {"operational": True, "reasons": []}
    assert first["manager_name"] == "Hossein Karimi"
    detail = api.get(f"{URL}3102/").json()
    assert detail["status"]["operational"] is False
    assert {r["code"] for r in detail["status"]["reasons"]} >= {"no_manager", "clerk_missing"}
    assert [h["weekday"] for h in detail["hours"]] == [5, 6, 0, 1, 2, 3]  # Saturday first
    assert api.get(f"{URL}9999/").status_code == 404


@pytest.mark.rule("OFF-6")
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"province": "isfahan"}, ["3102"]),
        ({"province": "fars"}, ["7103"]),
        ({"service": "complaint"}, ["1101", "3102"]),
        ({"service": "declaration"}, ["1101", "7103"]),
        ({"province": "tehran", "service": "declaration"}, ["1101"]),
        ({"code": "7103"}, ["7103"]),
        ({"code": "۷۱۰۳"}, ["7103"]),  # Persian digits
        ({"name": "ونک"}, ["1101"]),
        ({"name": "vanak"}, ["1101"]),
        ({"name": "SHIRAZ Central"}, ["7103"]),
        ({"manager": "karimi"}, ["1101"]),
        ({"manager": "nobody"}, []),
        ({"phone": "021 8877 6655"}, ["1101"]),
        ({"phone": "+982188776655"}, ["1101"]),
        ({"q": "نجف آباد"}, ["3102"]),  # space instead of ZWNJ
        ({"q": "نجف‌آباد"}, ["3102"]),
        ({"q": "دفتر قضایی"}, ["1101", "3102"]),
        ({"q": "office"}, ["1101", "3102", "7103"]),
        ({"q": "دفتر خدمات"}, ["1101", "3102"]),
        ({"q": "ونك"}, ["1101"]),  # Arabic kaf
    ],
)
def test_directory_filters(api, offices, params, expected):
    """OFF-6: province, city, service, code, name, manager name, phone and full text over
    Persian and English names (normalised: ZWNJ, Arabic letters, Persian digits, case)."""
    assert codes(api.get(URL, params)) == expected


@pytest.mark.rule("OFF-6")
def test_filter_by_city(api, offices):
    """OFF-6: by city id, and a city outside the given province is a 400."""
    najafabad = city("isfahan", "Najafabad")
    assert codes(api.get(URL, {"city": najafabad.pk})) == ["3102"]
    assert codes(api.get(URL, {"province": "isfahan", "city": najafabad.pk})) == ["3102"]
    response = api.get(URL, {"province": "fars", "city": najafabad.pk})
    assert response.status_code == 400 and "city" in response.json()["fields"]


@pytest.mark.rule("OFF-6")
def test_nearest_offices_first_from_a_point(api, offices):
    """OFF-6 (seed 001: choose by distance): with lat/lon, nearest first, with the distance."""
    # A point in Isfahan city: Najafabad (~28 km), then Tehran, then Shiraz.
    response = api.get(URL, {"lat": "32.6546", "lon": "51.6680"})
    assert codes(response) == ["3102", "1101", "7103"]
    distances = [o["distance_km"] for o in response.json()["results"]]
    assert 25 < distances[0] < 32
    assert distances == sorted(distances)
    # From Shiraz: Shiraz first.
    assert codes(api.get(URL, {"lat": 29.6, "lon": 52.58}))[0] == "7103"
    # Combined with a filter.
    assert codes(api.get(URL, {"lat": 29.6, "lon": 52.58, "service": "complaint"})) == [
        "3102",
        "1101",
    ]
    assert api.get(URL).json()["results"][0]["distance_km"] is None


@pytest.mark.rule("OFF-6")
def test_offices_at_the_same_spot_are_paged_once_each(api, offices):
    """OFF-6: offices at the same distance (here, the same building) are each listed once
    when paging nearest first, and the order holds from one request to the next."""
    for _ in range(6):
        OfficeFactory()  # at the province's centre, like Tehran's office

    def pages():
        seen = []
        for page in (1, 2, 3, 4, 5):
            seen += codes(api.get(URL, {"lat": 35.7, "lon": 51.4, "page_size": 2, "page": page}))
        return seen

    first = pages()
    assert len(first) == len(set(first)) == 9 and first[-2:] == ["3102", "7103"]
    assert pages() == first


@pytest.mark.rule("OFF-6")
@pytest.mark.parametrize("params", [{}, {"service": "complaint"}, {"province": "isfahan"}])
def test_nearest_first_is_read_off_the_distance_index(offices, params):
    """OFF-6 at 10,000 offices: PostgreSQL reads offices nearest first from the GiST index of
    their positions (KNN) instead of sorting them all, with a filter too."""
    from offices import selectors
    from offices.filters import OfficeFilter

    data = {"lat": "32.6546", "lon": "51.6680", **params}
    page = OfficeFilter(data, queryset=selectors.directory(prefetch=False)).qs[:25]
    with connection.cursor() as cursor:  # three offices: without this a scan would be cheaper
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
    plan = page.explain()
    assert "Index Scan using offices_office_earth_point" in plan and "Order By" in plan, plan


@pytest.mark.rule("OFF-6")
@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"province": "atlantis"}, "province"),
        ({"city": "999999"}, "city"),
        ({"service": "haircut"}, "service"),
        ({"phone": "12ab"}, "phone"),
        ({"phone": "+98 21"}, "phone"),
        ({"lat": "35.7"}, "lon"),
        ({"lat": "135", "lon": "51"}, "lat"),
        ({"lat": "north", "lon": "51"}, "lat"),
    ],
)
def test_bad_directory_input_is_a_clear_400(api, offices, params, field):
    """Bad input (unknown province, malformed phone, …) is a 400 naming the field."""
    response = api.get(URL, params)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid" and field in body["fields"]


@pytest.mark.rule("OFF-6")
def test_the_list_uses_a_constant_number_of_queries(api, offices):
    """OFF-6: the same number of queries for 3 offices as for 23 (no per-row queries)."""

    def count(page_size):
        with CaptureQueriesContext(connection) as queries:
            response = api.get(URL, {"page_size": page_size, "lat": 35.7, "lon": 51.4})
        assert response.status_code == 200
        # The rate limits' own statements (one per limit, tests/core/test_throttling.py) aside.
        listing = [q for q in queries if "core_ratewindow" not in q["sql"]]
        return len(listing), len(response.json()["results"])

    few = count(3)
    for _ in range(20):
        staff_office(OfficeFactory(), legal=1, it=0, clerks=1)
    many = count(50)
    assert few[1] == 3 and many[1] == 23
    assert few[0] == many[0] <= 4


@pytest.mark.rule("OFF-6")
def test_reference_lists_for_the_filters(api):
    """OFF-6: provinces, their cities and the services are public reference lists."""
    provinces = api.get(f"{URL}provinces/").json()
    assert len(provinces) == 31 and provinces[0] == {
        "code": "tehran",
        "name_fa": "تهران",
        "name_en": "Tehran",
    }
    cities = api.get(f"{URL}provinces/gilan/cities/").json()
    assert cities[0]["name_en"] == "Rasht" and cities[0]["is_capital"] is True
    assert api.get(f"{URL}provinces/atlantis/cities/").status_code == 404
    assert [s["code"] for s in api.get(f"{URL}services/").json()][:4] == [
        "petition",
        "complaint",
        "declaration",
        "follow-up",
    ]


def test_the_directory_is_in_the_openapi_schema(api):
    """The directory and the booking endpoints appear in the OpenAPI schema."""
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    paths = schema["paths"]
    assert "/api/v1/offices/" in paths
    assert "get" in paths["/api/v1/offices/"]
    params = {p["name"] for p in paths["/api/v1/offices/"]["get"]["parameters"]}
    assert {
        "province",
        "city",
        "service",
        "code",
        "name",
        "manager",
        "phone",
        "q",
        "lat",
        "lon",
    } <= params
    assert "/api/v1/offices/appointments/" in paths
    assert "/api/v1/offices/{code}/check-in/" in paths
