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

from accounts.models import User
from offices import reference_data
from offices.models import Appointment, City, Office, Province, Service, Slot

OFFICES = int(os.environ.get("BENCH_OFFICES", 10_000))
APPOINTMENTS = int(os.environ.get("BENCH_APPOINTMENTS", 1_000_000))
CITIZENS = 50_000
SAMPLES = 200
WARMUP = 20
P95_BUDGET_MS = 50.0

FIRST_NAMES = ["علی", "محمد", "حسین", "رضا", "مهدی", "زهرا", "فاطمه", "مریم", "سارا", "نرگس"]
LAST_NAMES = [
    "احمدی", "رضایی", "کریمی", "موسوی", "حسینی", "نوری", "صادقی", "جعفری", "طاهری", "شریفی",
    "کاظمی", "یوسفی", "باقری", "قاسمی", "محمدی", "رحیمی", "اکبری", "حیدری", "عباسی", "سلطانی",
]  # fmt: skip

USER_SQL = {
    "national_id": "'O' || lpad(g::text, 9, '0')",
    "mobile": "'+98931' || lpad(g::text, 7, '0')",
    "email": "'office-bench' || g || '@example.ir'",
    "first_name": "(%(first)s::text[])[1 + g %% 10]",
    "last_name": "(%(last)s::text[])[1 + (g / 10) %% 20]",
    "password": "'!'",
    "date_joined": "now()",
    "status": "'active'",
    "is_active": "true",
    "mobile_verified_at": "now()",
    "birth_date": "date '1985-03-21'",
}


def _insert_users(cursor, count):
    columns, values, params = [], [], {}
    for field in User._meta.concrete_fields:
        if field.primary_key:
            continue
        if field.column in USER_SQL:
            columns.append(field.column)
            values.append(USER_SQL[field.column])
        elif not field.null:
            if not (field.has_default() or field.empty_strings_allowed):
                raise RuntimeError(f"accounts.User.{field.name} needs a value in USER_SQL")
            columns.append(field.column)
            values.append(f"%({field.column})s")
            params[field.column] = field.get_db_prep_save(field.get_default(), connection)
    cursor.execute(
        f"INSERT INTO accounts_user ({', '.join(columns)}) "  # noqa: S608 - fixed names
        f"SELECT {', '.join(values)} FROM generate_series(1, %(count)s) AS g",
        {**params, "first": FIRST_NAMES, "last": LAST_NAMES, "count": count},
    )


LOAD_SQL = [
    # Offices: one in each city in turn; near the province's capital.
    f"""
    WITH c AS (
        SELECT c.id, c.province_id, c.name_fa, c.name_en, p.latitude, p.longitude,
               row_number() OVER (ORDER BY c.id) - 1 AS rn, count(*) OVER () AS n
        FROM offices_city c JOIN offices_province p ON p.id = c.province_id
    )
    INSERT INTO offices_office (
        code, name_fa, name_en, province_id, city_id, address, latitude, longitude, phone,
        licence_active, slot_minutes, slot_capacity, search_text, manager_search, created_at,
        updated_at
    )
    SELECT (20000000 + g)::text,
           'دفتر خدمات الکترونیک قضایی ' || c.name_fa || ' کد ' || g,
           'Judicial e-services office ' || c.name_en || ' no. ' || g,
           c.province_id, c.id,
           'خیابان ' || (g % 97) || '، پلاک ' || (g % 211),
           c.latitude + ((g * 37) % 200 - 100) / 1000.0,
           c.longitude + ((g * 53) % 200 - 100) / 1000.0,
           '+982' || lpad((100000000 + g)::text, 9, '0'),
           true, 60, 4,
           lower((20000000 + g)::text || ' ' || replace('دفتر خدمات الکترونیک قضایی ' || c.name_fa
                 || ' کد ' || g, E'\\u200c', ' ') || ' ' || 'judicial e-services office '
                 || c.name_en || ' no. ' || g),
           '', now(), now()
    FROM generate_series(1, {OFFICES}) AS g JOIN c ON c.rn = g % c.n
    """,
    # Services: each office offers about five of the eight.
    """
    INSERT INTO offices_office_services (office_id, service_id)
    SELECT o.id, s.id FROM offices_office o CROSS JOIN offices_service s
    WHERE (o.id + s.id) % 8 < 5 OR s.code = 'petition'
    """,
    # Staff: users 1..5*OFFICES are staff, five per office.
    f"""
    INSERT INTO offices_staffprofile (
        user_id, sex, practising_lawyer, legal_adviser, official_expert, dismissed_judge_or_notary,
        merchant, government_employee, created_at
    )
    SELECT id, 'male', false, false, false, false, false, false, now() FROM accounts_user
    WHERE national_id LIKE 'O%' AND substr(national_id, 2)::int <= {5 * OFFICES}
    """,
    """
    WITH o AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn FROM offices_office),
         p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn FROM offices_staffprofile)
    INSERT INTO offices_membership (office_id, profile_id, role, full_time, started_on)
    SELECT o.id, p.id,
           (ARRAY['manager', 'legal_expert', 'it_expert', 'clerk', 'clerk'])[1 + p.rn % 5],
           true, date '2024-01-01'
    FROM p JOIN o ON o.rn = p.rn / 5
    """,
    """
    UPDATE offices_office o SET manager_id = sp.user_id
    FROM offices_membership m JOIN offices_staffprofile sp ON sp.id = m.profile_id
    WHERE m.office_id = o.id AND m.role = 'manager'
    """,
    """
    UPDATE offices_office o SET manager_search = lower(u.first_name || ' ' || u.last_name)
    FROM accounts_user u WHERE u.id = o.manager_id
    """,
    # Hours: Saturday to Thursday, 08:00-16:00.
    """
    INSERT INTO offices_workinghours (office_id, weekday, opens, closes)
    SELECT o.id, d, time '08:00', time '16:00'
    FROM offices_office o CROSS JOIN unnest(ARRAY[5, 6, 0, 1, 2, 3]) AS d
    """,
    # Slots: hourly, four seats, 15 days back to 14 days ahead, Fridays closed.
    """
    INSERT INTO offices_slot (office_id, day, starts_at, ends_at, capacity, booked)
    SELECT o.id, d::date,
           (d::date + make_time(h, 0, 0)) AT TIME ZONE 'Asia/Tehran',
           (d::date + make_time(h + 1, 0, 0)) AT TIME ZONE 'Asia/Tehran',
           4, 0
    FROM offices_office o
    CROSS JOIN generate_series(current_date - 15, current_date + 14, interval '1 day') AS d
    CROSS JOIN generate_series(8, 15) AS h
    WHERE extract(isodow FROM d) <> 5
    """,
    # Appointments: the k-th of an office in its k-th slot; four per slot at most.
    f"""
    WITH s AS (
        SELECT id, office_id, day, starts_at, ends_at,
               row_number() OVER (PARTITION BY office_id ORDER BY starts_at) - 1 AS k
        FROM offices_slot
    ), o AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn FROM offices_office),
    u AS (
        SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn FROM accounts_user
        WHERE national_id LIKE 'O%' AND substr(national_id, 2)::int > {5 * OFFICES}
    ), g AS (
        SELECT g, g % {OFFICES} AS office_rn, (g / {OFFICES}) % 200 AS k
        FROM generate_series(0, {APPOINTMENTS} - 1) AS g
    )
    INSERT INTO offices_appointment (
        office_id, slot_id, user_id, service_id, day, starts_at, day_ends_at, status,
        check_in_code, booked_at
    )
    SELECT o.id, s.id, u.id, (SELECT min(id) FROM offices_service), s.day, s.starts_at,
           (s.day + time '16:00') AT TIME ZONE 'Asia/Tehran',
           CASE WHEN s.starts_at > now() THEN 'booked'
                WHEN g.g % 10 = 0 THEN 'no_show'
                WHEN g.g % 10 = 1 THEN 'cancelled'
                ELSE 'checked_in' END,
           'B' || lpad(to_hex(g.g), 7, '0'),
           s.starts_at - interval '3 days'
    FROM g
    JOIN o ON o.rn = g.office_rn
    JOIN s ON s.office_id = o.id AND s.k = g.k
    JOIN u ON u.rn = g.g % {CITIZENS}
    """,
    """
    UPDATE offices_slot s SET booked = a.n
    FROM (SELECT slot_id, count(*) AS n FROM offices_appointment WHERE status <> 'cancelled'
          GROUP BY slot_id) a
    WHERE a.slot_id = s.id
    """,
    "UPDATE offices_office SET slots_generated_until = current_date + 14",
]


@pytest.fixture(scope="module")
def bench_data(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        reference_data.load(Province, City, Service)
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("SET TIME ZONE 'Asia/Tehran'")
            _insert_users(cursor, 5 * OFFICES + CITIZENS)
            for sql in LOAD_SQL:
                cursor.execute(sql)
            for table in (
                "accounts_user",
                "offices_office",
                "offices_office_services",
                "offices_membership",
                "offices_slot",
                "offices_appointment",
            ):
                cursor.execute(f"ANALYZE {table}")
            cursor.execute("SET TIME ZONE 'UTC'")
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
