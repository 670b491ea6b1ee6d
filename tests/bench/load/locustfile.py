"""The mixed load of `make bench-load`: the site as its users use it, against gunicorn.

    BENCH_DATA=var/bench/load.json .venv/bin/locust -f tests/bench/load/locustfile.py \\
        --headless -u 200 -r 50 -t 90s --host http://127.0.0.1:8765

BENCH_DATA is the JSON written by build_dataset.py: session keys per kind of user and a sample
of office codes, cities, provinces and services. Every request carries what the reverse proxy
in front of production adds (`X-Forwarded-Proto: https`, the visitor's `X-Forwarded-For`), so
the production settings (SSL redirect, secure cookies, HSTS) stay as they are. Signed-in users
send the session cookie written in advance and, for writes, a CSRF cookie with the same
token in `X-CSRFToken` and the site as `Origin`: no sign-in round trip in the timed run.

Users and their share of the traffic (weights), mostly reads:

- the public (45): home, guides, the office directory (search page, API search by text,
  nearest first), an office's page, its calendar (API and page), the stylesheet;
- recipients of notices (25): inbox, unseen count, a notice, and opening it (a write: the
  first view serves it, NOT-4; later ones count the view);
- citizens booking (5): an office's calendar, booking a free slot and cancelling it (writes,
  APT-1, APT-3: the seat is offered again, so the load can run any number of times);
- lawyers (10): "my filings" and a filing's detail (API);
- office staff (8): the office's queue of filings (API and page);
- board members (4): the board's cases and a case (API);
- licensing staff (3): the staff queue page and the licence requests (API).

At the end it prints per endpoint: requests, throughput, p50/p95/p99, errors, and the totals;
also written to $BENCH_REPORT when set. The exit code is 1 when any request failed.
"""

import json
import os
import random
import secrets

from locust import FastHttpUser, between, events, task

DATA = json.loads(open(os.environ.get("BENCH_DATA", "var/bench/load.json")).read())  # noqa: SIM115
SESSIONS = DATA["sessions"]
OFFICES = DATA["offices"]
CITIES = DATA["cities"]
PROVINCES = DATA["provinces"]
SERVICES = DATA["services"]
# Think time of each simulated user between two requests, in seconds.
WAIT = between(
    float(os.environ.get("BENCH_WAIT_MIN", 0.3)), float(os.environ.get("BENCH_WAIT_MAX", 0.9))
)


def _visitor_address() -> str:
    return f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"


class Visitor(FastHttpUser):
    abstract = True
    wait_time = WAIT
    kind = ""

    def on_start(self):
        self.headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": _visitor_address()}
        if self.kind:
            csrf = secrets.token_hex(16)
            key = random.choice(SESSIONS[self.kind])
            self.headers["Cookie"] = f"sessionid={key}; csrftoken={csrf}"
            self.write_headers = {
                **self.headers,
                "X-CSRFToken": csrf,
                "Origin": f"https://{self.host.split('://', 1)[1]}",
                "Content-Type": "application/json",
            }

    def get(self, url, name=None):
        return self.client.get(url, headers=self.headers, name=name or url)

    def get_json(self, url, name):
        with self.client.get(url, headers=self.headers, name=name, catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"{r.status_code}: {r.text[:200]}")
                return None
            return r.json()

    def post_json(self, url, body, name, ok=(200, 201)):
        with self.client.post(
            url, data=json.dumps(body), headers=self.write_headers, name=name, catch_response=True
        ) as r:
            if r.status_code not in ok:
                r.failure(f"{r.status_code}: {r.text[:200]}")
                return None
            return r.json()


class Public(Visitor):
    weight = 45

    @task(6)
    def home(self):
        self.get("/", "page: home")

    @task(2)
    def guides(self):
        self.get("/guides/", "page: guides")
        self.get("/guides/book-an-appointment/", "page: guide")

    @task(4)
    def directory_search(self):
        province = random.choice(PROVINCES)
        self.get(f"/offices/?province={province}", "page: directory search")

    @task(4)
    def api_search(self):
        city = random.choice(CITIES)
        self.get(f"/api/v1/offices/?q={city[0]}", "api: offices search")

    @task(4)
    def nearest_first(self):
        lat, lon = 25 + random.random() * 14, 44 + random.random() * 18
        self.get(f"/api/v1/offices/?lat={lat:.4f}&lon={lon:.4f}", "api: offices nearest")

    @task(4)
    def office_page(self):
        self.get(f"/offices/{random.choice(OFFICES)}/", "page: office")

    @task(3)
    def calendar(self):
        code = random.choice(OFFICES)
        self.get(f"/api/v1/offices/{code}/slots/", "api: office calendar")

    @task(2)
    def calendar_page(self):
        self.get(f"/appointments/office/{random.choice(OFFICES)}/", "page: office calendar")

    @task(2)
    def stylesheet(self):
        self.get("/static/css/daftar.css", "static: stylesheet")


class Recipient(Visitor):
    weight = 25
    kind = "recipient"

    @task(5)
    def inbox(self):
        data = self.get_json("/api/v1/notices/", "api: notices inbox")
        self.notices = [n["id"] for n in (data or {}).get("results", [])]

    @task(5)
    def unseen(self):
        self.get("/api/v1/notices/unseen-count/", "api: notices unseen count")

    @task(3)
    def open_notice(self):
        notices = getattr(self, "notices", None)
        if not notices:
            return self.inbox()
        pk = random.choice(notices)
        self.get_json(f"/api/v1/notices/{pk}/", "api: notice")
        self.post_json(f"/api/v1/notices/{pk}/view/", {}, "api: notice view (write)")


class Citizen(Visitor):
    weight = 5
    kind = "citizen"

    @task
    def book_and_cancel(self):
        code = random.choice(OFFICES)
        data = self.get_json(f"/api/v1/offices/{code}/slots/", "api: office calendar")
        free = [s for s in (data or {}).get("slots", []) if s["free"] >= 2]
        if not free:
            return
        slot = random.choice(free)
        booked = self.post_json(
            "/api/v1/offices/appointments/",
            {"slot": slot["id"], "service": "petition"},
            "api: book (write)",
        )
        if booked:
            self.post_json(
                f"/api/v1/offices/appointments/{booked['id']}/cancel/",
                {"reason": "Another day suits me better."},
                "api: cancel booking (write)",
            )


class Lawyer(Visitor):
    weight = 10
    kind = "lawyer"

    @task(3)
    def my_filings(self):
        data = self.get_json("/api/v1/filings/", "api: my filings")
        self.filings = [f["id"] for f in (data or {}).get("results", [])]

    @task(2)
    def filing(self):
        filings = getattr(self, "filings", None)
        if not filings:
            return self.my_filings()
        self.get_json(f"/api/v1/filings/{random.choice(filings)}/", "api: filing detail")


class OfficeStaff(Visitor):
    weight = 8
    kind = "office_staff"

    @task(3)
    def queue(self):
        self.get_json("/api/v1/filings/office/", "api: office queue")

    @task(1)
    def queue_page(self):
        self.get("/filings/office/", "page: office queue")


class BoardMember(Visitor):
    weight = 4
    kind = "board_member"

    @task(2)
    def cases(self):
        data = self.get_json("/api/v1/discipline/cases/", "api: board cases")
        self.cases_seen = [c["id"] for c in (data or {}).get("results", [])]

    @task(3)
    def case(self):
        cases = getattr(self, "cases_seen", None)
        if not cases:
            return self.cases()
        self.get_json(f"/api/v1/discipline/cases/{random.choice(cases)}/", "api: case detail")


class LicensingStaff(Visitor):
    weight = 3
    kind = "licensing_staff"

    @task(1)
    def queue_page(self):
        self.get("/staff/licensing/", "page: licensing queue")

    @task(2)
    def requests(self):
        self.get_json("/api/v1/licensing/requests/?status=gd_opinion", "api: licence requests")


# --- The report -------------------------------------------------------------------------------
@events.quitting.add_listener
def report(environment, **_kwargs):
    stats = environment.stats
    elapsed = max(stats.total.last_request_timestamp - stats.total.start_time, 1e-9)
    rows = sorted(stats.entries.values(), key=lambda e: (-e.num_requests, e.name))
    out = []
    line = f"{'endpoint':<40} {'requests':>9} {'req/s':>7} {'p50':>6} {'p95':>6} {'p99':>6}"
    line += f" {'errors':>7}"
    out += [line, "-" * len(line)]

    def row(name, e):
        out.append(
            f"{name:<40} {e.num_requests:>9,} {e.num_requests / elapsed:>7.1f} "
            f"{e.get_response_time_percentile(0.50):>6.0f} "
            f"{e.get_response_time_percentile(0.95):>6.0f} "
            f"{e.get_response_time_percentile(0.99):>6.0f} {e.num_failures:>7,}"
        )

    for entry in rows:
        row(f"{entry.method} {entry.name}"[:40], entry)
    out.append("-" * len(line))
    row("total", stats.total)
    out.append(f"(times in ms; {elapsed:.0f} s measured)")
    for error in list(stats.errors.values())[:10]:
        out.append(f"error: {error.method} {error.name}: {error.error} x{error.occurrences}")
    text = "\n".join(out) + "\n"
    if os.environ.get("BENCH_REPORT"):
        with open(os.environ["BENCH_REPORT"], "w") as f:
            f.write(text)
    print("\n" + text)
    environment.process_exit_code = 1 if stats.total.num_failures else 0
