"""Production settings: Django's deployment checks pass with no warning, and uploads go to
private object storage when a bucket is named."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]


# The operator's own SMS provider and payment gateway (never imported by the checks).
PROVIDERS = {
    "DAFTAR_SMS_BACKEND": "operator_gateways.sms.ProviderSMSBackend",
    "DAFTAR_PAYMENT_GATEWAY": "operator_gateways.payments.ProviderGateway",
}


def check_deploy(**extra_env) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in PROVIDERS and key != "DAFTAR_ALLOW_DEVELOPMENT_GATEWAYS"
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "daftar.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
            "DJANGO_ALLOWED_HOSTS": "daftar.example",
            **extra_env,
        }
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = check_deploy(**PROVIDERS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_refuses_the_console_sms_backend_and_the_test_gateway():
    """Production left on its defaults: the console SMS backend (it prints codes and
    temporary passwords to the log) and the test payment gateway (it accepts every payment)."""
    result = check_deploy()
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "daftar.E001" in output and "ConsoleSMSBackend" in output
    assert "daftar.E002" in output and "TestGateway" in output


@pytest.mark.parametrize(
    "backend",
    [
        "core.messaging.backends.ConsoleSMSBackend",
        "core.messaging.backends.ConsoleAndFileSMSBackend",
        "core.messaging.backends.FileSMSBackend",
        "core.messaging.backends.LocmemSMSBackend",
    ],
)
def test_check_deploy_refuses_every_development_sms_backend(backend):
    result = check_deploy(**{**PROVIDERS, "DAFTAR_SMS_BACKEND": backend})
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "daftar.E001" in output and backend in output
    assert "daftar.E002" not in output


HTTP_SMS = "core.messaging.provider.KavenegarSMSBackend"


def test_check_deploy_accepts_the_sms_providers_http_backend_with_its_key():
    result = check_deploy(
        **{
            **PROVIDERS,
            "DAFTAR_SMS_BACKEND": HTTP_SMS,
            "DAFTAR_SMS_API_KEY": "a-provider-key",
            "DAFTAR_SMS_SENDER": "10004346",
        }
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "settings_env",
    [{}, {"DAFTAR_SMS_API_KEY": "a-provider-key", "DAFTAR_SMS_BASE_URL": "http://sms.example"}],
    ids=["no key", "not https"],
)
def test_check_deploy_refuses_the_http_sms_backend_without_its_key_or_https(settings_env):
    result = check_deploy(**{**PROVIDERS, "DAFTAR_SMS_BACKEND": HTTP_SMS, **settings_env})
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "daftar.E011" in output and "DAFTAR_SMS_API_KEY" in output
    assert "daftar.E001" not in output


def test_a_loopback_run_may_allow_the_development_gateways_with_a_warning():
    result = check_deploy(DAFTAR_ALLOW_DEVELOPMENT_GATEWAYS="1")
    output = result.stdout + result.stderr
    assert "daftar.W001" in output and "daftar.W002" in output
    assert "daftar.E00" not in output
    assert result.returncode != 0  # --fail-level WARNING: never a real deployment


def test_the_web_application_refuses_to_start_on_the_test_gateways():
    env = {key: value for key, value in os.environ.items() if key not in PROVIDERS}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "daftar.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
            "DJANGO_ALLOWED_HOSTS": "daftar.example",
            "PYTHONPATH": f"{ROOT}:{ROOT / 'site'}",
        }
    )
    env.pop("DAFTAR_ALLOW_DEVELOPMENT_GATEWAYS", None)
    code = "import daftar.wsgi"
    refused = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert refused.returncode != 0
    assert "ImproperlyConfigured" in refused.stderr and "daftar.E001" in refused.stderr
    started = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, **PROVIDERS},
        capture_output=True,
        text=True,
    )
    assert started.returncode == 0, started.stderr


SQLITE_WRITERS = """
import threading, time
import django
django.setup()
from django.db import connection, connections, transaction

with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE counter (n integer)")
    cursor.execute("INSERT INTO counter VALUES (0)")
    cursor.execute("PRAGMA journal_mode")
    print("journal_mode", cursor.fetchone()[0])
errors = []

def writer():
    try:
        for _ in range(5):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT n FROM counter")  # read first, then write
                n = cursor.fetchone()[0]
                time.sleep(0.05)
                cursor.execute("UPDATE counter SET n = %s", [n + 1])
    except Exception as exc:
        errors.append(repr(exc))
    finally:
        connections.close_all()

threads = [threading.Thread(target=writer) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT n FROM counter")
    print("count", cursor.fetchone()[0])
print("errors", len(errors), errors[:1])
"""


def test_the_embedded_database_takes_concurrent_writers_without_locked_errors(tmp_path):
    """`make run` on SQLite: the site and its worker write at once. In WAL mode with
    transactions that take the write lock when they begin (IMMEDIATE), writers that read
    first and then write wait for each other instead of failing "database is locked"."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "daftar.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "PYTHONPATH": f"{ROOT}:{ROOT / 'site'}",
    }
    result = subprocess.run(
        [sys.executable, "-c", SQLITE_WRITERS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.strip().splitlines())
    assert lines["journal_mode"] == "wal"
    assert lines["errors"].startswith("0 "), lines["errors"]
    assert lines["count"] == "20"  # 4 writers x 5 increments, none lost


def test_production_settings_refuse_a_missing_secret_key():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "daftar.settings.production",
        "DJANGO_SECRET_KEY": "",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


PRINT_STORAGE = """
import json
from django.conf import settings
from django.core.files.storage import storages
default = settings.STORAGES["default"]
storage = storages["default"]
print(json.dumps({
    "backend": default["BACKEND"],
    "options": default.get("OPTIONS", {}),
    "class": type(storage).__name__,
    "url": storage.url("filings/2026/11/document.pdf"),
}))
"""


def production_storage(**extra_env) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DAFTAR_S3_", "AWS_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "daftar.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
            "DJANGO_ALLOWED_HOSTS": "daftar.example",
            **extra_env,
        }
    )
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup();" + PRINT_STORAGE],
        cwd=ROOT / "site",
        env={**env, "PYTHONPATH": f"{ROOT}:{ROOT / 'site'}"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.rule("NOT-7")
@pytest.mark.rule("FIL-5")
def test_production_keeps_uploads_in_a_private_s3_bucket_when_one_is_named():
    """NOT-7, FIL-5: with DAFTAR_S3_BUCKET set, uploads go to that bucket (MinIO or any
    S3-compatible service at DAFTAR_S3_ENDPOINT_URL), written private and never overwritten;
    any URL the storage makes is signed and expires; no custom (public) domain."""
    storage = production_storage(
        DAFTAR_S3_BUCKET="daftar-files",
        DAFTAR_S3_ENDPOINT_URL="https://minio.daftar.internal:9000",
        DAFTAR_S3_REGION="eu-central-1",
        DAFTAR_S3_ADDRESSING_STYLE="path",
        DAFTAR_S3_PREFIX="uploads",
        DAFTAR_S3_URL_EXPIRY="120",
        AWS_ACCESS_KEY_ID="AKIAEXAMPLEEXAMPLE00",
        AWS_SECRET_ACCESS_KEY="example-secret-key-for-signing-only",
    )
    assert storage["backend"] == "storages.backends.s3.S3Storage"
    assert storage["class"] == "S3Storage"
    options = storage["options"]
    assert options["bucket_name"] == "daftar-files"
    assert options["endpoint_url"] == "https://minio.daftar.internal:9000"
    assert options["region_name"] == "eu-central-1"
    assert options["location"] == "uploads"
    assert options["default_acl"] == "private"
    assert options["file_overwrite"] is False
    assert options["querystring_auth"] is True
    assert options["querystring_expire"] == 120
    assert options["custom_domain"] is None
    # The keys come from the environment (boto3), never from the settings.
    assert "access_key" not in options and "secret_key" not in options

    url = urlsplit(storage["url"])
    assert f"{url.scheme}://{url.netloc}" == "https://minio.daftar.internal:9000"
    assert url.path == "/daftar-files/uploads/filings/2026/11/document.pdf"
    query = parse_qs(url.query)
    assert query["X-Amz-Expires"] == ["120"]
    assert query["X-Amz-Credential"][0].startswith("AKIAEXAMPLEEXAMPLE00/")
    assert "X-Amz-Signature" in query


def test_production_keeps_uploads_on_disk_without_a_bucket():
    storage = production_storage(DJANGO_MEDIA_ROOT="/srv/daftar/media")
    assert storage["backend"] == "django.core.files.storage.FileSystemStorage"
    assert storage["url"] == "/media/filings/2026/11/document.pdf"


@pytest.mark.rule("ID-7")
def test_production_rate_limits_count_across_processes():
    """ID-7: production counts the API's rate limits in the database (core.throttling), shared
    by every web process and machine — never in a per-process memory cache, which would let
    each process allow the full rate — and its shared cache is the database's table, sized so
    that culling does not drop what it holds."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "daftar.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "PYTHONPATH": f"{ROOT}:{ROOT / 'site'}",
    }
    code = "import django; django.setup(); from django.conf import settings; import json; "
    code += "print(json.dumps([settings.CACHES['default'], "
    code += "settings.REST_FRAMEWORK['DEFAULT_THROTTLE_CLASSES']]))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    cache, throttles = json.loads(result.stdout.strip().splitlines()[-1])
    assert cache == {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "daftar_cache",
        "OPTIONS": {"MAX_ENTRIES": 200000},
    }
    assert throttles == [
        "core.throttling.AnonRateThrottle",
        "core.throttling.UserRateThrottle",
        "core.throttling.ScopedRateThrottle",
    ]


def test_errors_are_reported_to_a_sentry_compatible_service_when_a_dsn_is_set():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "daftar.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DAFTAR_SENTRY_DSN": "https://publickey@errors.daftar.internal/7",
        "PYTHONPATH": f"{ROOT}:{ROOT / 'site'}",
    }
    code = (
        "import django; django.setup(); import json, sentry_sdk; c = sentry_sdk.get_client(); "
        "print(json.dumps([c.is_active(), str(c.dsn), c.options['send_default_pii'], "
        "sorted(c.integrations)]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    active, dsn, pii, integrations = json.loads(result.stdout.strip().splitlines()[-1])
    assert active is True
    assert dsn == "https://publickey@errors.daftar.internal/7"
    assert pii is False  # no national IDs, addresses or user ids leave
    assert "django" in integrations

    without = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={k: v for k, v in env.items() if k != "DAFTAR_SENTRY_DSN"},
        capture_output=True,
        text=True,
    )
    assert without.returncode == 0, without.stderr
    assert json.loads(without.stdout.strip().splitlines()[-1])[0] is False


def test_deployment_artefacts_name_real_commands_and_the_packages_the_tests_use():
    """deploy/: the units start commands that exist, and the packages list names what the
    scripts install (scripts/check-system-packages.sh checks a machine against it)."""
    units = {p.name: p.read_text() for p in (ROOT / "deploy/systemd").iterdir()}
    assert {
        "daftar-web.service",
        "daftar-worker@.service",
        "daftar-sweep.service",
        "daftar-sweep.timer",
        "daftar-housekeeping.service",
        "daftar-housekeeping.timer",
    } <= set(units)
    assert "gunicorn daftar.wsgi:application" in units["daftar-web.service"]
    assert "manage.py db_worker" in units["daftar-worker@.service"]
    assert "manage.py sweep" in units["daftar-sweep.service"]
    assert "OnCalendar=*-*-* *:*:00" in units["daftar-sweep.timer"]
    from django.core.management import get_commands

    commands = get_commands()
    for command in ("db_worker", "sweep", "clearsessions", "prune_db_task_results"):
        assert command in commands
    packages = {
        line.split()[1]
        for line in (ROOT / "deploy/packages.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert {"postgresql-15", "redis-server", "nginx", "python3-venv"} <= packages
    nginx = (ROOT / "deploy/nginx/daftar.conf").read_text()
    assert "X-Request-ID $request_id" in nginx
    assert "location = /metrics" in nginx


def test_the_lock_files_carry_hashes_and_no_local_paths():
    result = subprocess.run(
        ["scripts/lock.sh", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    base = (ROOT / "requirements/base.txt").read_text()
    assert "--hash=sha256:" in base
    assert "/opt/" not in base and "file://" not in base
    assert "redis==" in base and "argon2-cffi==" in base


def test_every_configured_password_hasher_is_installed():
    """PASSWORD_HASHERS names Argon2: its library is pinned, so stored Argon2 hashes verify."""
    from django.contrib.auth.hashers import get_hasher
    from django.test import override_settings

    from daftar.settings import base

    with override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS):
        for algorithm in ("pbkdf2_sha256", "argon2", "scrypt"):
            hasher = get_hasher(algorithm)
            encoded = hasher.encode("correct horse", hasher.salt())
            assert hasher.verify("correct horse", encoded)
            assert not hasher.verify("wrong horse", encoded)


REDIRECT_GATEWAY = {
    "DAFTAR_PAYMENT_GATEWAY": "core.payments.redirect.RedirectGateway",
    "DAFTAR_PAYMENT_GATEWAY_URL": "https://pay.gateway.example/api",
    "DAFTAR_PAYMENT_MERCHANT_ID": "a1b2c3d4-merchant",
    "DAFTAR_PAYMENT_CALLBACK_BASE_URL": "https://daftar.example",
}


@pytest.mark.rule("FIL-7")
def test_production_accepts_the_redirect_gateway_when_it_is_configured():
    """FIL-7: the card gateways' redirect-and-verify protocol is production's gateway: with
    its https address, the merchant id and this site's https address, no issue."""
    result = check_deploy(**{**PROVIDERS, **REDIRECT_GATEWAY})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.rule("FIL-7")
def test_production_refuses_a_redirect_gateway_without_its_address_or_merchant_id():
    env = {**PROVIDERS, **REDIRECT_GATEWAY}
    env["DAFTAR_PAYMENT_GATEWAY_URL"] = "http://pay.gateway.example/api"  # not https
    del env["DAFTAR_PAYMENT_MERCHANT_ID"]
    result = check_deploy(**env)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "daftar.E003" in output
    assert "DAFTAR_PAYMENT_GATEWAY_URL" in output and "DAFTAR_PAYMENT_MERCHANT_ID" in output
    assert "DAFTAR_PAYMENT_CALLBACK_BASE_URL" not in output
    assert "daftar.E002" not in output
