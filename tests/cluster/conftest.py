"""The multi-node test's cluster: two gunicorn nodes on loopback ports with the production
settings, sharing the test run's PostgreSQL database and one Redis, two jobs workers and two
sweep runners. Started once for the module, stopped (and every file removed) at its end.

Only `make test-cluster` runs this folder (pyproject's addopts leave it out of `make test`).
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import requests

from tests.cluster.services import RedisServer, free_port, wait_for_port

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 180


def report(title: str, **figures) -> None:
    """Print the figures of one injected fault (shown by `make test-cluster`)."""
    line = ", ".join(f"{key.replace('_', ' ')}: {value}" for key, value in figures.items())
    print(f"\n[cluster] {title} — {line}", flush=True)


class Cluster:
    def __init__(self, database_name: str):
        self.folder = Path(tempfile.mkdtemp(prefix="daftar-cluster-"))
        self.redis = RedisServer().start()
        url = urlsplit(os.environ["DATABASE_URL"])
        self.database_url = urlunsplit(url._replace(path=f"/{database_name}"))
        self.gateway_log = self.folder / "gateway.log"
        self.sweep_log = self.folder / "sweeps.log"
        self.secret_key = secrets.token_urlsafe(64)
        self.nodes: dict[str, tuple[subprocess.Popen, int]] = {}
        self.workers: dict[str, subprocess.Popen] = {}
        self.runners: dict[str, subprocess.Popen] = {}

    # --- environment --------------------------------------------------------------------------
    def env(self, **extra) -> dict:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "DAFTAR_", "PYTEST", "PROMETHEUS"))
        }
        env.update(
            {
                "PYTHONPATH": f"{ROOT}:{ROOT / 'site'}",
                "DJANGO_SETTINGS_MODULE": "daftar.settings.production",
                "DJANGO_SECRET_KEY": self.secret_key,
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
                "DJANGO_SECURE_SSL_REDIRECT": "false",
                "DJANGO_MEDIA_ROOT": str(self.folder / "media"),
                "DJANGO_STATIC_ROOT": str(self.folder / "static"),
                "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
                "DATABASE_URL": self.database_url,
                "DATABASE_CONN_MAX_AGE": "60",
                "DAFTAR_VAR_DIR": str(self.folder / "var"),
                "DAFTAR_REDIS_URL": self.redis.url,
                "DAFTAR_PUBLIC_CACHE_SECONDS": "60",
                # A loopback run: the recording SMS gateway and the test payment gateway.
                "DAFTAR_ALLOW_DEVELOPMENT_GATEWAYS": "1",
                "DAFTAR_SMS_BACKEND": "tests.reliability.gateway.RecordingGateway",
                "DAFTAR_TEST_GATEWAY_LOG": str(self.gateway_log),
                "DAFTAR_THROTTLE_ANON": "100000/min",
                "DAFTAR_THROTTLE_USER": "100000/min",
                "DAFTAR_THROTTLE_AUTH": "100000/min",
                "DAFTAR_MESSAGE_REQUEUE_AFTER_SECONDS": "5",
                "DAFTAR_LOG_LEVEL": "WARNING",
                "DAFTAR_LOG_FORMAT": "json",
            }
        )
        env.update(extra)
        return env

    def _spawn(self, name: str, command: list[str], **env) -> subprocess.Popen:
        log = (self.folder / f"{name}.log").open("ab")
        return subprocess.Popen(  # noqa: S603 - our own programs
            command,
            cwd=ROOT,
            env=self.env(**env),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    # --- processes ----------------------------------------------------------------------------
    def start_node(self, name: str, port: int | None = None) -> None:
        port = port or free_port()
        metrics = self.folder / f"metrics-{name}"
        shutil.rmtree(metrics, ignore_errors=True)
        metrics.mkdir()
        process = self._spawn(
            f"node-{name}",
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "daftar.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--threads",
                "4",
                "--worker-class",
                "gthread",
                "--timeout",
                "60",
            ],
            PROMETHEUS_MULTIPROC_DIR=str(metrics),
        )
        self.nodes[name] = (process, port)

    def start_worker(self, name: str) -> None:
        self.workers[name] = self._spawn(
            f"worker-{name}",
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--queue-name",
                "*",
                "--interval",
                "0.2",
                "--no-reload",
                "--worker-id",
                name,
            ],
        )

    def start_sweep_runner(self, name: str, seconds: int = 3600) -> None:
        self.runners[name] = self._spawn(
            f"sweep-{name}",
            [
                sys.executable,
                str(ROOT / "tests/cluster/sweep_runner.py"),
                name,
                str(self.sweep_log),
                str(seconds),
            ],
        )

    def revive_workers(self) -> list[str]:
        """Start again the workers that exited, as systemd's `Restart=always` does (a worker
        exits when the database goes away under it)."""
        dead = [name for name, process in self.workers.items() if process.poll() is not None]
        for name in dead:
            self.start_worker(name)
        return dead

    def url(self, node: str, path: str) -> str:
        return f"http://127.0.0.1:{self.nodes[node][1]}{path}"

    def wait_until_serving(self) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        for name, (process, port) in self.nodes.items():
            wait_for_port(port, max(1.0, deadline - time.monotonic()))
            while time.monotonic() < deadline:
                assert process.poll() is None, self.log(f"node-{name}")
                try:
                    if requests.get(self.url(name, "/health/"), timeout=5).status_code == 200:
                        break
                except requests.RequestException:
                    pass
                time.sleep(0.3)
            else:
                raise TimeoutError(self.log(f"node-{name}"))

    def log(self, name: str) -> str:
        path = self.folder / f"{name}.log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""

    def run_on(self, node: str, code: str) -> str:
        """Run Python code in a process configured as `node` (its settings, database and Redis):
        a change made "on node A" outside a request, as an operator's shell would."""
        result = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    @staticmethod
    def kill(process: subprocess.Popen, sig=signal.SIGKILL) -> None:
        if process.poll() is None:
            os.killpg(process.pid, sig)
            process.wait(timeout=60)

    def stop(self) -> None:
        Path(f"{self.sweep_log}.stop").touch()
        for process in self.runners.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill(process)
        for process in [*self.workers.values(), *(p for p, _ in self.nodes.values())]:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in [*self.workers.values(), *(p for p, _ in self.nodes.values())]:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill(process)
        self.redis.stop()
        shutil.rmtree(self.redis.folder, ignore_errors=True)
        if os.environ.get("DAFTAR_CLUSTER_KEEP"):
            print(f"\n[cluster] logs kept in {self.folder}")
        else:
            shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="module")
def cluster(django_db_setup, django_db_blocker):
    from django.db import connection

    with django_db_blocker.unblock():
        name = connection.settings_dict["NAME"]
    started = time.monotonic()
    cluster = Cluster(name)
    try:
        cluster.start_node("A")
        cluster.start_node("B")
        cluster.start_worker("w1")
        cluster.start_worker("w2")
        cluster.start_sweep_runner("s1")
        cluster.start_sweep_runner("s2")
        cluster.wait_until_serving()
        report(
            "cluster up",
            nodes=", ".join(f"{n} on :{p}" for n, (_, p) in cluster.nodes.items()),
            workers=len(cluster.workers),
            sweep_runners=len(cluster.runners),
            redis=f":{cluster.redis.port}",
            seconds_to_start=round(time.monotonic() - started, 1),
        )
        yield cluster
    finally:
        cluster.stop()
