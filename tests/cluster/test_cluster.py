"""Past one machine: two web nodes, two jobs workers and two sweep runners on one PostgreSQL
and one Redis (tests/cluster/conftest.py). Each test injects one fault or race and prints its
figures. `make test-cluster`."""

from __future__ import annotations

import collections
import datetime as dt
import secrets
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from django.db import transaction
from django.utils import timezone

from core.messaging import send_sms
from core.models import OutboundMessage
from offices.models import Appointment, Slot
from tests.cluster.conftest import report
from tests.factories.accounts import UserFactory
from tests.factories.licensing import licensed_office
from tests.factories.second_factor import api_token

pytestmark = pytest.mark.django_db(transaction=True)
NODES = ("A", "B")


# --- helpers --------------------------------------------------------------------------------
def token_for(user) -> dict:
    return {"Authorization": f"Bearer {api_token(user)}", "Accept-Language": "en"}


def session_for(cluster, user) -> dict:
    """A signed-in browser's cookies and CSRF header: the session as node A's sign-in leaves
    it (its secret key, its session store: Redis and the database)."""
    key = (
        cluster.run_on(
            "A",
            "from importlib import import_module\n"
            "from django.conf import settings\n"
            "from django.contrib import auth\n"
            "from accounts.models import User\n"
            f"user = User.objects.get(pk={user.pk})\n"
            "session = import_module(settings.SESSION_ENGINE).SessionStore()\n"
            "session[auth.SESSION_KEY] = str(user.pk)\n"
            "session[auth.BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]\n"
            "session[auth.HASH_SESSION_KEY] = user.get_session_auth_hash()\n"
            "session.save()\n"
            "print(session.session_key)\n",
        )
        .strip()
        .splitlines()[-1]
    )
    csrf = secrets.token_hex(16)
    cookie = f"sessionid={key}; csrftoken={csrf}"
    return {"Cookie": cookie, "X-CSRFToken": csrf, "Accept-Language": "en"}


def bookable_slot(office, capacity: int) -> Slot:
    slot = (
        Slot.objects.filter(office=office, starts_at__gt=timezone.now() + dt.timedelta(hours=3))
        .order_by("starts_at")
        .first()
    )
    assert slot is not None, "the office has no slot to book"
    Slot.objects.filter(pk=slot.pk).update(capacity=capacity)
    return slot


def book(cluster, node, headers, slot) -> requests.Response:
    return requests.post(
        cluster.url(node, "/api/v1/offices/appointments/"),
        json={"slot": slot.pk, "service": "petition"},
        headers=headers,
        timeout=60,
    )


def directory_status(cluster, node, code) -> dict:
    response = requests.get(
        cluster.url(node, "/api/v1/offices/"), headers={"Accept-Language": "en"}, timeout=30
    )
    assert response.status_code == 200, response.text
    return next(o for o in response.json()["results"] if o["code"] == code)["status"]


# --- races and shared state ------------------------------------------------------------------
def test_a_booking_race_split_across_both_nodes_gives_one_booking(cluster):
    office = licensed_office()
    slot = bookable_slot(office, capacity=1)
    users = [UserFactory() for _ in range(10)]
    credentials = [token_for(user) for user in users]
    barrier = threading.Barrier(len(users))

    def attempt(index):
        barrier.wait(timeout=60)
        return book(cluster, NODES[index % 2], credentials[index], slot)

    with ThreadPoolExecutor(len(users)) as pool:
        answers = list(pool.map(attempt, range(len(users))))

    statuses = collections.Counter(answer.status_code for answer in answers)
    refusals = collections.Counter(
        answer.json().get("code") for answer in answers if answer.status_code != 201
    )
    report(
        "booking race on one seat",
        requests_sent=len(answers),
        node_A=len(answers[0::2]),
        node_B=len(answers[1::2]),
        booked=statuses[201],
        refused=dict(refusals),
        appointments_in_database=Appointment.objects.filter(slot=slot).count(),
    )
    assert statuses[201] == 1
    assert refusals == {"slot_full": len(users) - 1}
    assert Appointment.objects.filter(slot=slot).count() == 1
    slot.refresh_from_db()
    assert slot.booked == 1


@pytest.mark.rule("OFF-2")
def test_a_suspension_on_node_a_shows_on_node_b_at_once(cluster):
    office = licensed_office()
    slot = bookable_slot(office, capacity=5)
    for node in NODES:  # both nodes have the directory in the shared cache
        assert directory_status(cluster, node, office.code)["operational"] is True
    cached = requests.get(cluster.url("B", "/api/v1/offices/"), timeout=30)
    assert cached.status_code == 200

    until = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    started = time.monotonic()
    cluster.run_on(
        "A",
        "import datetime as dt\n"
        "from licensing.models import Licence\n"
        "from licensing.services import licence_suspend\n"
        "from accounts.models import User\n"
        f"licence = Licence.objects.get(pk={office.licence.pk})\n"
        f"actor = User.objects.get(pk={office.manager.pk})\n"
        f"licence_suspend(licence=licence, until=dt.date.fromisoformat('{until}'), "
        "actor=actor, reason='final ruling')\n",
    )
    status = directory_status(cluster, "B", office.code)
    seen_after = round(time.monotonic() - started, 2)
    refused = book(cluster, "B", token_for(UserFactory()), slot)
    report(
        "licence suspended on node A",
        node_B_operational_after=status["operational"],
        node_B_reasons=[r["code"] for r in status["reasons"]],
        seconds_from_starting_node_A_shell_to_node_B_answer=seen_after,
        booking_on_node_B=f"{refused.status_code} {refused.json().get('code')}",
    )
    assert status["operational"] is False
    assert refused.status_code == 409
    assert refused.json()["code"] == "office_not_operational"
    assert not Appointment.objects.filter(slot=slot).exists()


def test_a_signed_in_session_works_on_either_node(cluster):
    user = UserFactory()
    headers = session_for(cluster, user)
    answers = {
        node: requests.get(cluster.url(node, "/api/v1/accounts/me/"), headers=headers, timeout=30)
        for node in NODES
    }
    for node, answer in answers.items():
        assert answer.status_code == 200, (node, answer.text)
        assert answer.json()["national_id"] == user.national_id

    signed_out = requests.post(
        cluster.url("A", "/api/v1/auth/signout/"), headers=headers, timeout=30
    )
    after = requests.get(cluster.url("B", "/api/v1/accounts/me/"), headers=headers, timeout=30)
    report(
        "one session, two nodes",
        node_A=answers["A"].status_code,
        node_B=answers["B"].status_code,
        signed_out_on_A=signed_out.status_code,
        node_B_after_sign_out=after.status_code,
    )
    assert signed_out.status_code in (200, 204), signed_out.text
    assert after.status_code in (401, 403)
    assert after.json()["code"] in ("not_authenticated", "authentication_failed")


# --- faults ------------------------------------------------------------------------------------
def gateway_lines(cluster) -> list[str]:
    path = cluster.gateway_log
    return path.read_text().splitlines() if path.exists() else []


def wait_for(condition, timeout: float, message: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(message)


def test_a_worker_killed_mid_job_loses_and_doubles_no_sms(cluster, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    hang = Path(f"{cluster.gateway_log}.hang")
    hang.touch()
    with transaction.atomic():
        stuck = send_sms(to="+989121234500", body="stuck", purpose="test.hang_in_call")
        messages = [stuck] + [
            send_sms(to=f"+98912123{i:04d}", body=f"message {i}", purpose="test.cluster")
            for i in range(40)
        ]
    ids = {str(m.pk) for m in messages}
    wait_for(lambda: f"call {stuck.pk}" in gateway_lines(cluster), 120, "no worker took it")
    job = wait_for(
        lambda: DBTaskResult.objects.filter(
            args_kwargs__args=[str(stuck.pk)], status="RUNNING"
        ).first(),
        60,
        "the stuck job is not running",
    )
    victim = job.worker_ids[-1]
    cluster.kill(cluster.workers[victim])
    hang.unlink()
    killed_at = time.monotonic()
    cluster.start_worker(victim)  # the service manager restarts it

    def all_delivered():
        lines = gateway_lines(cluster)
        return all(f"delivered {pk}" in lines for pk in ids)

    wait_for(all_delivered, 180, "not every message was delivered")
    lines = gateway_lines(cluster)
    delivered = collections.Counter(
        line.split()[1] for line in lines if line.startswith("delivered ")
    )
    calls = collections.Counter(line.split()[1] for line in lines if line.startswith("call "))
    sent = OutboundMessage.objects.filter(pk__in=ids, status=OutboundMessage.Status.SENT)
    report(
        "worker killed mid-delivery",
        messages_queued=len(ids),
        worker_killed=victim,
        gateway_calls=sum(calls[pk] for pk in ids),
        delivered_exactly_once=sum(1 for pk in ids if delivered[pk] == 1),
        delivered_twice_or_more=sum(1 for pk in ids if delivered[pk] > 1),
        lost=sum(1 for pk in ids if delivered[pk] == 0),
        seconds_to_recover=round(time.monotonic() - killed_at, 1),
    )
    assert all(delivered[pk] == 1 for pk in ids)
    assert sent.count() == len(ids)
    assert calls[str(stuck.pk)] >= 2  # handed over again after the kill


def test_the_database_restarted_under_load_loses_no_committed_write(cluster):
    office = licensed_office()
    slot = bookable_slot(office, capacity=1000)
    users = [UserFactory() for _ in range(120)]
    credentials = {user.pk: token_for(user) for user in users}
    answers: dict[int, int] = {}
    errors = collections.Counter()
    stop_at = time.monotonic() + 25

    def client(batch):
        for user in batch:
            if time.monotonic() > stop_at:
                return
            node = NODES[user.pk % 2]
            try:
                answer = book(cluster, node, credentials[user.pk], slot)
                answers[user.pk] = answer.status_code
            except requests.RequestException as exc:
                errors[type(exc).__name__] += 1
                answers[user.pk] = 0
            time.sleep(0.15)

    batches = [users[i::6] for i in range(6)]
    threads = [threading.Thread(target=client, args=(batch,)) for batch in batches]
    for thread in threads:
        thread.start()
    time.sleep(3)
    committed_before = Appointment.objects.filter(slot=slot).count()
    from django.db import connections

    connections.close_all()
    down = subprocess.run(
        ["pg_ctlcluster", "15", "regress", "stop", "-m", "fast"], capture_output=True, text=True
    )
    assert down.returncode == 0, down.stderr
    time.sleep(1)
    ready_while_down = {
        node: requests.get(cluster.url(node, "/ready/"), timeout=30).status_code for node in NODES
    }
    time.sleep(3)
    up = subprocess.run(["pg_ctlcluster", "15", "regress", "start"], capture_output=True, text=True)
    assert up.returncode == 0, up.stderr
    revived = cluster.revive_workers()
    for thread in threads:
        thread.join(120)

    # The nodes recover without a restart: every user whose booking failed books again now.
    retried = [pk for pk, status in answers.items() if status != 201]
    for pk in retried:
        answers[pk] = book(cluster, NODES[pk % 2], credentials[pk], slot).status_code
    ready_after = {
        node: requests.get(cluster.url(node, "/ready/"), timeout=30).status_code for node in NODES
    }
    booked = {pk for pk, status in answers.items() if status == 201}
    in_database = set(Appointment.objects.filter(slot=slot).values_list("user_id", flat=True))
    report(
        "PostgreSQL stopped for 4 s under load",
        requests_sent=len(answers) + len(retried),
        failed_during_outage=len(retried),
        connection_errors=dict(errors),
        committed_writes_before_stop=committed_before,
        committed_writes_after=len(in_database),
        answered_201=len(booked),
        committed_but_answered_with_an_error=len(in_database - booked),
        ready_while_down=ready_while_down,
        ready_after=ready_after,
        workers_restarted_by_the_service_manager=revived,
    )
    assert len(retried) > 0, "the outage was not felt"
    assert set(ready_while_down.values()) == {503}
    assert set(ready_after.values()) == {200}
    assert booked <= in_database  # every booking answered 201 is there: none lost
    # Everyone booked in the end, once, without a node restarted. (A booking that committed
    # just before the database went away may have been answered with an error: its retry
    # is refused as a second booking the same day, and the first one stands.)
    assert in_database == {user.pk for user in users}
    assert Appointment.objects.filter(slot=slot).count() == len(users)


def test_redis_stopped_makes_the_nodes_unready_and_they_recover(cluster):
    office = licensed_office()
    cluster.redis.stop()
    try:
        ready_down = {
            node: requests.get(cluster.url(node, "/ready/"), timeout=30).status_code
            for node in NODES
        }
        # Anonymous pages are still served, without the shared cache.
        served = directory_status(cluster, "A", office.code)["operational"]
    finally:
        cluster.redis.start()
    ready_up = {
        node: requests.get(cluster.url(node, "/ready/"), timeout=30).status_code for node in NODES
    }
    report(
        "Redis stopped",
        ready_while_down=ready_down,
        directory_served_without_cache=served,
        ready_after_restart=ready_up,
    )
    assert set(ready_down.values()) == {503}
    assert served is True
    assert set(ready_up.values()) == {200}


def test_two_sweep_runners_never_run_the_same_sweep_at_once(cluster):
    since = time.time()
    time.sleep(8)  # let both runners go round several times
    events = collections.defaultdict(list)
    failed = collections.Counter()
    busy = collections.Counter()
    for line in cluster.sweep_log.read_text().splitlines():
        kind, name, runner, moment = line.split()
        if float(moment) < since:  # earlier tests stopped the database under the runners
            continue
        if kind in ("start", "end"):
            events[name].append((float(moment), kind, runner))
        elif kind == "failed":
            failed[name] += 1
        elif kind == "busy":
            busy[name] += 1
    overlaps = 0
    for items in events.values():
        running = 0
        for _moment, kind, _runner in sorted(items, key=lambda e: (e[0], e[1] == "start")):
            running += 1 if kind == "start" else -1
            overlaps += running > 1
    runs = collections.Counter(
        (name, runner)
        for name, items in events.items()
        for _, kind, runner in items
        if kind == "end"
    )
    from core.models import SweepRun

    succeeded = sorted(
        SweepRun.objects.filter(last_succeeded_at__isnull=False).values_list("name", flat=True)
    )
    report(
        "two sweep runners",
        sweeps=len(events),
        runs_by_runner={r: sum(n for (_, rr), n in runs.items() if rr == r) for r in ("s1", "s2")},
        skipped_as_busy=sum(busy.values()),
        overlapping_runs=overlaps,
        failures_of_the_failing_sweep=failed["aa.cluster_always_fails"],
        other_failures=sum(n for name, n in failed.items() if name != "aa.cluster_always_fails"),
    )
    assert overlaps == 0
    assert busy["cluster.slow"] > 0, "the runners never met"
    assert failed["aa.cluster_always_fails"] > 0
    assert set(failed) == {"aa.cluster_always_fails"}
    # The failing sweep runs first; every other sweep still succeeds after it.
    assert "offices.slots" in succeeded and "core.requeue_messages" in succeeded


def test_each_node_sums_its_workers_metrics(cluster):
    figures = {}
    for node in NODES:
        for _ in range(6):
            assert requests.get(cluster.url(node, "/health/"), timeout=30).status_code == 200
        text = requests.get(cluster.url(node, "/metrics"), timeout=30).text
        counted = [
            float(line.rsplit(" ", 1)[1])
            for line in text.splitlines()
            if line.startswith('daftar_http_requests_total{method="GET",status="2xx"}')
        ]
        figures[node] = sum(counted)
        assert "daftar_jobs_queue_depth" in text
        assert "daftar_sweep_runs" in text
    report("metrics", GET_2xx_counted_by_node=figures)
    assert all(count >= 6 for count in figures.values())
