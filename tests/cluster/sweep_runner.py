"""A sweep runner of the multi-node test: `manage.py sweep` in a loop, as the systemd timer of
one machine would run it, with two extra sweeps — one that always fails (the others must
still run) and one slow enough that two runners meet. Every sweep's start and end are written
to the runner's log (`start|end <sweep> <runner> <unix time>`) so the test can prove that no
sweep ever ran on two runners at once.

    python tests/cluster/sweep_runner.py <runner name> <log file> <seconds to run>
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]


def main(name: str, log_path: str, seconds: float) -> None:
    import django

    django.setup()
    with Path(log_path).open("a", buffering=1) as log:
        run(name, log, log_path, seconds)
    os._exit(0)


def run(name, log, log_path, seconds) -> None:
    from django.db import close_old_connections

    from core import sweeping

    @sweeping.sweep("aa.cluster_always_fails")
    def always_fails(now):
        raise RuntimeError("this sweep always fails")

    @sweeping.sweep("cluster.slow")
    def slow(now):
        time.sleep(0.3)
        return 0

    registry = sweeping.registered()
    for sweep_name, func in list(registry.items()):

        def traced(now, _name=sweep_name, _func=func):
            log.write(f"start {_name} {name} {time.time():.6f}\n")
            try:
                return _func(now)
            finally:
                log.write(f"end {_name} {name} {time.time():.6f}\n")

        sweeping._registry[sweep_name] = traced
    sweeping.registered = lambda: dict(sorted(sweeping._registry.items()))

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not Path(f"{log_path}.stop").exists():
        # Each round as a new `manage.py sweep` process would start: no broken connection
        # kept from a database restart.
        close_old_connections()
        for sweep_name, outcome in sweeping.run_each().items():
            if outcome.busy:
                log.write(f"busy {sweep_name} {name} {time.time():.6f}\n")
            elif outcome.error:
                log.write(f"failed {sweep_name} {name} {time.time():.6f}\n")
        time.sleep(0.2)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]))
