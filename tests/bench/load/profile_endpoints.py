"""Where the time of each endpoint of the load goes: queries per request, CPU and wall time
in-process (Django's test client through the whole middleware stack, production settings,
no network), and optionally a cProfile of some endpoints.

    DJANGO_SETTINGS_MODULE=daftar.settings.production DJANGO_SECRET_KEY=<the build's key> \\
    DJANGO_ALLOWED_HOSTS=127.0.0.1 DATABASE_URL=... \\
        .venv/bin/python tests/bench/load/profile_endpoints.py --data <load.json> \\
        [--repeat 30] [--profile "page: home" ...] [--sql "api: my filings"]

The secret key must be the one the sessions were written with (build_dataset.py).
"""

import argparse
import cProfile
import json
import os
import pstats
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daftar.settings.production")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def endpoints(data, rnd):
    """(name, kind of user or None, method, url, body) factories, as the locustfile uses them."""
    office = lambda: rnd.choice(data["offices"])  # noqa: E731
    return [
        ("page: home", None, "get", lambda c: "/", None),
        ("page: guides", None, "get", lambda c: "/guides/", None),
        ("page: guide", None, "get", lambda c: "/guides/book-an-appointment/", None),
        (
            "page: directory search",
            None,
            "get",
            lambda c: f"/offices/?province={rnd.choice(data['provinces'])}",
            None,
        ),
        (
            "api: offices search",
            None,
            "get",
            lambda c: f"/api/v1/offices/?q={rnd.choice(data['cities'])[0]}",
            None,
        ),
        (
            "api: offices nearest",
            None,
            "get",
            lambda c: (
                f"/api/v1/offices/?lat={25 + rnd.random() * 14:.4f}"
                f"&lon={44 + rnd.random() * 18:.4f}"
            ),
            None,
        ),
        ("page: office", None, "get", lambda c: f"/offices/{office()}/", None),
        ("api: office calendar", None, "get", lambda c: f"/api/v1/offices/{office()}/slots/", None),
        (
            "page: office calendar",
            None,
            "get",
            lambda c: f"/appointments/office/{office()}/",
            None,
        ),
        ("static: stylesheet", None, "get", lambda c: "/static/css/daftar.css", None),
        ("api: notices inbox", "recipient", "get", lambda c: "/api/v1/notices/", None),
        (
            "api: notices unseen count",
            "recipient",
            "get",
            lambda c: "/api/v1/notices/unseen-count/",
            None,
        ),
        ("api: notice", "recipient", "get", lambda c: f"/api/v1/notices/{_first(c)}/", None),
        (
            "api: notice view (write)",
            "recipient",
            "post",
            lambda c: f"/api/v1/notices/{_first(c)}/view/",
            {},
        ),
        ("api: my filings", "lawyer", "get", lambda c: "/api/v1/filings/", None),
        (
            "api: filing detail",
            "lawyer",
            "get",
            lambda c: f"/api/v1/filings/{_first(c, '/api/v1/filings/')}/",
            None,
        ),
        ("api: office queue", "office_staff", "get", lambda c: "/api/v1/filings/office/", None),
        ("page: office queue", "office_staff", "get", lambda c: "/filings/office/", None),
        ("api: board cases", "board_member", "get", lambda c: "/api/v1/discipline/cases/", None),
        (
            "api: case detail",
            "board_member",
            "get",
            lambda c: f"/api/v1/discipline/cases/{_first(c, '/api/v1/discipline/cases/')}/",
            None,
        ),
        ("page: licensing queue", "licensing_staff", "get", lambda c: "/staff/licensing/", None),
        (
            "api: licence requests",
            "licensing_staff",
            "get",
            lambda c: "/api/v1/licensing/requests/?status=gd_opinion",
            None,
        ),
    ]


def _first(client, url="/api/v1/notices/"):
    results = client.get(url).json()["results"]
    return results[0]["id"] if results else 0


_CLIENT = Client(
    HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https", HTTP_ORIGIN="https://127.0.0.1"
)


def make_client(data, kind, rnd):
    """One client (its handler loads the middleware once, as a server process does); a random
    user of the kind for each request."""
    client = _CLIENT
    client.cookies.clear()
    if kind:
        client.cookies["sessionid"] = rnd.choice(data["sessions"][kind])
        client.cookies["csrftoken"] = "a" * 32
    return client


def request(client, method, url, body):
    if method == "get":
        return client.get(url)
    return client.post(
        url, data=json.dumps(body), content_type="application/json", HTTP_X_CSRFTOKEN="a" * 32
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--profile", action="append", default=[])
    parser.add_argument("--sql", action="append", default=[])
    parser.add_argument("--only", action="append", default=[])
    args = parser.parse_args()
    data = json.loads(Path(args.data).read_text())
    rnd = random.Random(20261123)
    print(f"{'endpoint':<28} {'queries':>7} {'cpu ms':>7} {'wall ms':>8} {'status':>6}")
    for name, kind, method, make_url, body in endpoints(data, rnd):
        if args.only and name not in args.only:
            continue
        counts, cpu, wall, statuses = [], [], [], set()
        for i in range(args.repeat + 3):
            client = make_client(data, kind, rnd)
            url = make_url(client)
            c0, w0 = time.process_time(), time.perf_counter()
            with CaptureQueriesContext(connection) as ctx:
                response = request(client, method, url, body)
            c1, w1 = time.process_time(), time.perf_counter()
            statuses.add(response.status_code)
            if i >= 3:  # the first ones warm the caches
                counts.append(len(ctx.captured_queries))
                cpu.append((c1 - c0) * 1000)
                wall.append((w1 - w0) * 1000)
            if name in args.sql and i == args.repeat + 2:
                print(f"-- {name}: {url}")
                for q in ctx.captured_queries:
                    print(f"   {q['time']}  {q['sql'][:300]}")
        print(
            f"{name:<28} {statistics.median(counts):>7.0f} {statistics.median(cpu):>7.1f} "
            f"{statistics.median(wall):>8.1f} {','.join(map(str, sorted(statuses))):>6}"
        )
        if name in args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(args.repeat):
                client = make_client(data, kind, rnd)
                request(client, method, make_url(client), body)
            profiler.disable()
            stats = pstats.Stats(profiler).sort_stats("cumulative")
            stats.print_stats(45)


if __name__ == "__main__":
    main()
