"""CPU time the site spends per request during a load run: the gunicorn workers, the jobs
worker and the PostgreSQL backends of the benchmark's database, read from /proc.

On a machine shared with other work, latency and throughput depend on what else runs; the CPU
seconds the site itself burns per request do not (much), and give its capacity on this
machine when it has the cores to itself: cores / (CPU seconds per request).

    cpu_meter.py snapshot --pids 123,456 > before.json     # before the run
    cpu_meter.py report --pids 123,456 --since before.json --stats locust_stats.csv

--pids are the gunicorn master and the jobs worker (their children are found from /proc).
The database's share is the whole PostgreSQL cluster of DATABASE_URL: its postmaster, every
live backend and background process, and the processes that ended during the run (a
connection recycled after DATABASE_CONN_MAX_AGE, an autovacuum worker), whose time the kernel
adds to the postmaster's "children" counters once they are reaped. On the throwaway cluster
of `make bench-load` that is the site's database alone.
"""

import argparse
import contextlib
import csv
import json
import os
import sys
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def _ticks(pid: int, *, reaped: bool = False) -> int | None:
    """utime + stime of the process (with `reaped`, also of its children that have ended)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    ticks = int(fields[11]) + int(fields[12])  # utime + stime
    if reaped:
        ticks += int(fields[13]) + int(fields[14])  # cutime + cstime
    return ticks


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(FileNotFoundError):
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _app_pids(roots: list[int]) -> list[int]:
    pids, todo = [], list(roots)
    while todo:
        pid = todo.pop()
        pids.append(pid)
        todo += _children(pid)
    return pids


def _postmaster() -> int:
    import psycopg

    with psycopg.connect(os.environ["DATABASE_URL"]) as conn:
        backend = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
    return int(Path(f"/proc/{backend}/stat").read_text().rsplit(")", 1)[1].split()[1])


def _tree_ticks(roots: list[int]) -> int:
    """CPU of the processes under `roots`: the live ones and, through each root's children
    counters, those that ended."""
    total = 0
    for pid in _app_pids(roots):
        total += _ticks(pid, reaped=pid in roots) or 0
    return total


def snapshot(roots: list[int]) -> dict:
    return {"app": _tree_ticks(roots), "db": _tree_ticks([_postmaster()])}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=["snapshot", "report"])
    parser.add_argument("--pids", required=True)
    parser.add_argument("--since")
    parser.add_argument("--stats")
    args = parser.parse_args()
    roots = [int(p) for p in args.pids.split(",") if p]
    if args.action == "snapshot":
        json.dump(snapshot(roots), sys.stdout)
        return
    before = json.loads(Path(args.since).read_text())
    now = snapshot(roots)
    app = (now["app"] - before["app"]) / TICK
    db = (now["db"] - before["db"]) / TICK
    requests = 0
    with open(args.stats) as f:
        for row in csv.DictReader(f):
            if row["Name"] == "Aggregated":
                requests = int(row["Request Count"])
    if not requests:
        print("cpu: no requests")
        return
    per = (app + db) / requests
    print(
        f"cpu: site {app:.1f} s + database {db:.1f} s for {requests:,} requests = "
        f"{per * 1000:.1f} ms per request ({app / requests * 1000:.1f} + "
        f"{db / requests * 1000:.1f}); {os.cpu_count()} cores to itself would serve "
        f"about {os.cpu_count() / per:.0f} requests/s"
    )


if __name__ == "__main__":
    main()
