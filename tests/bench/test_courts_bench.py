"""The cabinet at scale: 1,000,000 cases with 4,000,000 participants on PostgreSQL (CAS-3,
CAS-4, CAS-6).

Run with `make bench` (not part of the unit suite); BENCH_CASES scales it down. The data is
loaded with set-based SQL (INSERT ... SELECT generate_series): 250,000 verified accounts,
each case with four participants (claimant, defendant, the claimant's lawyer, an expert) and
one hearing in four cases. Three requests are timed through the whole Django stack for
random participants, each as the API answers it and as the portal's page (a signed-in
session, Persian): my cases (first page), the case and my hearings. Each prints p50/p95/p99;
p95 must stay under 30 ms, and each request's number of queries is the same for every
sampled user (independent of the data's size).

    scripts/with-postgres.sh .venv/bin/pytest -q -p no:randomly tests/bench/test_courts_bench.py \\
        --override-ini addopts= -s
"""

import os
import random

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from courts.models import Case, Hearing, Participant
from tests.bench import datasets
from tests.bench.test_notices_bench import P95_BUDGET_MS, SAMPLES, WARMUP, _client, _ok, _timed
from tests.factories import courts as court_factories

CASES = int(os.environ.get("BENCH_CASES", 1_000_000))
PEOPLE = max(CASES // 4, 100)
ROLES = ["claimant", "defendant", "lawyer", "expert"]


def load(cursor) -> None:
    court_factories.load_reference()
    datasets.insert_users(
        cursor,
        letter="K",
        mobile_prefix="+98915",
        email_prefix="cabinet",
        count=PEOPLE,
        identity_verified_at="now()",
    )
    cursor.execute(
        f"""
        WITH b AS (SELECT array_agg(branch_id ORDER BY branch_id) AS ids FROM courts_courtbranch)
        INSERT INTO courts_case (number, branch_id, judge, court_type, subject, status, result,
                                 opened_at)
        SELECT (1500000000000000 + g)::text, b.ids[1 + g % array_length(b.ids, 1)],
               'Judge ' || (g % 500), 'general', 'Claim no. ' || g,
               (ARRAY['open','open','open','decided','final','closed'])[1 + g % 6], '',
               now() - ((g::bigint * 7919) % (1500 * 24 * 60)) * interval '1 minute'
        FROM generate_series(1, {CASES}) AS g, b
        """  # noqa: S608 — sizes are integers
    )
    cursor.execute(
        f"""
        WITH u AS (SELECT min(id) AS first FROM accounts_user WHERE national_id LIKE 'K%%'),
             c AS (SELECT id, (row_number() OVER (ORDER BY id)) - 1 AS rn FROM courts_case)
        INSERT INTO courts_participant (case_id, sub_row, role, user_id, name, national_id,
                                        joined_at)
        SELECT c.id, k + 1, (ARRAY['claimant','defendant','lawyer','expert'])[k + 1],
               u.first + ((c.rn * 4 + k) * 7919) % {PEOPLE}, 'Person ' || (c.rn * 4 + k), '',
               now()
        FROM c, u, generate_series(0, 3) AS k
        """  # noqa: S608
    )
    cursor.execute(
        """
        INSERT INTO courts_hearing (case_id, starts_at, room, online_link, status, result, uid,
                                    sequence, created_at)
        SELECT id, now() + ((id % 120) - 30) * interval '1 day', 'Room ' || (id % 40), '',
               CASE WHEN id % 120 < 30 THEN 'held' ELSE 'scheduled' END, '',
               gen_random_uuid(), 0, now()
        FROM courts_case WHERE id % 4 = 0
        """
    )
    cursor.execute("ANALYZE courts_case; ANALYZE courts_participant; ANALYZE courts_hearing")


@pytest.fixture(scope="module")
def bench_data(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with connection.cursor() as cursor:
            load(cursor)
        assert Case.objects.count() == CASES
        assert Participant.objects.count() == 4 * CASES
        print(f"\nloaded {CASES:,} cases, {4 * CASES:,} participants")
        rnd = random.Random(20261203)
        people = list(User.objects.filter(national_id__startswith="K").values_list("pk", flat=True))
        yield {"user_ids": rnd.sample(people, SAMPLES + WARMUP), "rnd": rnd}


def _session(user):
    client = Client()
    client.force_login(user)
    return client


def _same_queries(user_ids, url_for, client_for=_client) -> None:
    counts = set()
    for pk in user_ids[:5]:
        user = User.objects.get(pk=pk)
        client = client_for(user)
        with CaptureQueriesContext(connection) as ctx:
            _ok(client.get(url_for(user)))
        counts.add(len(ctx.captured_queries))
    assert len(counts) == 1, counts


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["api", "page"])
def test_my_cases(bench_data, kind):
    ids = bench_data["user_ids"]
    users = User.objects.in_bulk(ids)
    url, client_for = ("/api/v1/courts/cases/", _client) if kind == "api" else ("/cases/", _session)
    calls = [(users[pk], "get", url, _ok) for pk in ids]
    assert _timed(f"my cases ({kind})", calls, client_for) < P95_BUDGET_MS
    _same_queries(ids, lambda user: url, client_for)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["api", "page"])
def test_case_page(bench_data, kind):
    ids = bench_data["user_ids"]
    users = User.objects.in_bulk(ids)
    case_of = dict(Participant.objects.filter(user_id__in=ids).values_list("user_id", "case_id"))
    prefix, client_for = (
        ("/api/v1/courts/cases/", _client) if kind == "api" else ("/cases/", _session)
    )
    with_case = [pk for pk in ids if pk in case_of]
    calls = [(users[pk], "get", f"{prefix}{case_of[pk]}/", _ok) for pk in with_case]
    assert _timed(f"case ({kind})", calls, client_for) < P95_BUDGET_MS
    _same_queries(with_case, lambda user: f"{prefix}{case_of[user.pk]}/", client_for)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["api", "page"])
def test_my_hearings(bench_data, kind):
    ids = bench_data["user_ids"]
    users = User.objects.in_bulk(ids)
    url, client_for = (
        ("/api/v1/courts/hearings/", _client) if kind == "api" else ("/cases/hearings/", _session)
    )
    calls = [(users[pk], "get", url, _ok) for pk in ids]
    assert _timed(f"my hearings ({kind})", calls, client_for) < P95_BUDGET_MS
    _same_queries(ids, lambda user: url, client_for)
    assert Hearing.objects.exists()
