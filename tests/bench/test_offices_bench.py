"""Office directory and calendars at scale: 10,000 offices, 1,000,000 appointments (OFF-6, APT-2).

Run with `make bench` (not part of the unit suite), or only this file:

    scripts/with-postgres.sh .venv/bin/pytest -q -p no:randomly tests/bench/test_offices_bench.py \
        --override-ini addopts= -s

The data is loaded with set-based SQL (INSERT ... SELECT generate_series): 10,000 offices in
the 251 cities of the reference data, each with a manager, a legal expert, an IT expert and
two clerks (50,000 staff), hours Saturday to Thursday, hourly slots of four seats for 15 past
and 14 coming days (~2 million slots), and 1,000,000 appointments of 50,000 citizens (past
ones checked in, no-show or cancelled; coming ones booked). Then each anonymous request is
timed through the whole Django stack (middleware, view, filters, serializer; no network) with
random parameters: every directory filter, the text search in Persian and English, nearest
first from a point, an office's page and its calendar. p95 must stay under 50 ms.
"""

import gc
import os
import random
import statistics
import time

import pytest
from django.db import connection
from rest_framework.test import APIClient

from offices.models import Appointment, City, Office, Province, Service, Slot
from tests.bench import datasets
from tests.bench.datasets import LAST_NAMES

OFFICES = int(os.environ.get("BENCH_OFFICES", 10_000))
APPOINTMENTS = int(os.environ.get("BENCH_APPOINTMENTS", 1_000_000))
CITIZENS = 50_000
SAMPLES = 200
WARMUP = 20
P95_BUDGET_MS = 50.0


@pytest.fixture(scope="module")
def bench_data(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        started = time.perf_counter()
        with connection.cursor() as cursor:
            datasets.load_offices(
                cursor, offices=OFFICES, appointments=APPOINTMENTS, citizens=CITIZENS
            )
        loaded = time.perf_counter() - started
        counts = (Office.objects.count(), Slot.objects.count(), Appointment.objects.count())
        print(
            f"\nloaded {counts[0]:,} offices, {counts[1]:,} slots, "
            f"{counts[2]:,} appointments in {loaded:.1f} s"
        )
        assert counts[0] == OFFICES and counts[2] == APPOINTMENTS
        rnd = random.Random(20251004)
        offices = list(
            Office.objects.values_list("code", "phone", "city_id", "latitude", "longitude")
        )
        yield {
            "rnd": rnd,
            "offices": offices,
            "provinces": list(Province.objects.values_list("code", flat=True)),
            "cities": list(City.objects.values_list("pk", "name_fa", "name_en")),
            "services": list(Service.objects.values_list("code", flat=True)),
        }


@pytest.fixture(autouse=True)
def _licence_state_from_the_office_flag(settings):
    """The offices are loaded with `licence_active` set: read the licence state from it."""
    settings.OFFICES = {
        **settings.OFFICES,
        "LICENCE_STATUS_PROVIDER": "offices.licence.FieldLicenceStatus",
    }


def _timed(label, urls, check=None):
    client = APIClient()
    samples = []
    gc.collect()
    for i, url in enumerate(urls):
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, (url, response.content[:300])
        if check:
            check(response)
        if i >= WARMUP:
            samples.append(elapsed)
    qs = statistics.quantiles(samples, n=100, method="inclusive")
    p50, p95, p99 = statistics.median(samples), qs[94], qs[98]
    print(
        f"{label:<34} n={len(samples)}  p50={p50:6.2f} ms  p95={p95:6.2f} ms  "
        f"p99={p99:6.2f} ms  max={max(samples):6.2f} ms"
    )
    return p95


def _urls(data, make):
    rnd = data["rnd"]
    return [make(rnd) for _ in range(SAMPLES + WARMUP)]


def _some(response):
    assert response.json()["count"] > 0


URL = "/api/v1/offices/"


def _point(rnd):
    """A random point inside Iran's bounding box."""
    return f"lat={25 + rnd.random() * 14:.4f}&lon={44 + rnd.random() * 18:.4f}"


SCENARIOS = {
    "list, first page": lambda d, r: URL,
    "province": lambda d, r: f"{URL}?province={r.choice(d['provinces'])}",
    "city": lambda d, r: f"{URL}?city={r.choice(d['cities'])[0]}",
    "service": lambda d, r: f"{URL}?service={r.choice(d['services'])}",
    "province + service": lambda d, r: (
        f"{URL}?province={r.choice(d['provinces'])}&service=petition"
    ),
    "office code": lambda d, r: f"{URL}?code={r.choice(d['offices'])[0]}",
    "name (Persian city word)": lambda d, r: f"{URL}?name={r.choice(d['cities'])[1]}",
    "manager name": lambda d, r: f"{URL}?manager={r.choice(LAST_NAMES)}",
    "phone": lambda d, r: f"{URL}?phone={r.choice(d['offices'])[1]}",
    "full text, Persian": lambda d, r: f"{URL}?q=دفتر {r.choice(d['cities'])[1]}",
    "full text, English": lambda d, r: f"{URL}?q=office {r.choice(d['cities'])[2]}",
    "nearest first": lambda d, r: f"{URL}?{_point(r)}",
    "nearest first + service": lambda d, r: f"{URL}?{_point(r)}&service=complaint",
}


@pytest.mark.django_db
@pytest.mark.parametrize("label", list(SCENARIOS))
def test_directory_search(bench_data, label):
    from urllib.parse import quote

    make = SCENARIOS[label]
    urls = [quote(u, safe="/?=&:.,") for u in _urls(bench_data, lambda r: make(bench_data, r))]
    check = None if label in {"manager name"} else _some
    assert _timed(f"directory: {label}", urls, check) < P95_BUDGET_MS


@pytest.mark.django_db
def test_office_detail(bench_data):
    urls = _urls(bench_data, lambda r: f"{URL}{r.choice(bench_data['offices'])[0]}/")
    assert _timed("office detail", urls) < P95_BUDGET_MS


@pytest.mark.django_db
def test_calendar_of_an_office(bench_data):
    """The coming week's free slots of a random office (APT-2)."""

    def check(response):
        assert response.json()["status"]["operational"] is True and response.json()["slots"]

    urls = _urls(bench_data, lambda r: f"{URL}{r.choice(bench_data['offices'])[0]}/slots/")
    assert _timed("calendar (7 days)", urls, check) < P95_BUDGET_MS
