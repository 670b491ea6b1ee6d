"""Operations: caches (Redis when one is named), logs, metrics, health and error reporting."""

import os

from .env import env_bool

# --- Caches and Redis ------------------------------------------------------------------------
# DAFTAR_REDIS_URL (e.g. redis://127.0.0.1:6379/0) names one Redis shared by every web
# process and machine. With it, Redis holds the default cache (Wagtail's paths, the session
# store's cache), the public pages' cache (core.publiccache: one copy for every node, forgotten
# on every node at once when a page or an office changes) and the cached sessions. Without it,
# one machine keeps the defaults below: each process's memory, and sessions in the database.
REDIS_URL = os.environ.get("DAFTAR_REDIS_URL", "")
PUBLIC_CACHE_ENTRIES = int(os.environ.get("DAFTAR_PUBLIC_CACHE_ENTRIES", "1000"))


def redis_cache(prefix: str) -> dict:
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": prefix,
        "OPTIONS": {
            # A Redis that stops answering costs a request a second at most, not a hang.
            "socket_connect_timeout": 1,
            "socket_timeout": 1,
            "health_check_interval": 30,
        },
    }


# "public": pages and API reads that are the same for every anonymous visitor
# (core.publiccache), kept for DAFTAR_PUBLIC_CACHE_SECONDS (0 turns it off; production: 60).
# Without Redis: 1,000 answers of a few tens of kilobytes in each process's memory.
PUBLIC_CACHE = (
    redis_cache("daftar-public")
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "daftar-public",
        "OPTIONS": {"MAX_ENTRIES": PUBLIC_CACHE_ENTRIES},
    }
)
CACHES = {
    "default": (
        redis_cache("daftar")
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    "public": PUBLIC_CACHE,
}
if REDIS_URL:
    # Sessions read from Redis, written through to the database: a Redis restart signs no
    # one out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
DAFTAR_PUBLIC_CACHE_SECONDS = int(os.environ.get("DAFTAR_PUBLIC_CACHE_SECONDS", "0"))
# Saves of these models change what anonymous visitors see (an office's page, the directory,
# whether an office is operational and bookable, OFF-2: its staff posts, its licence): the
# public cache is forgotten, on every node, when their transaction commits (core.publiccache).
DAFTAR_PUBLIC_CACHE_MODELS = [
    "offices.Office",
    "offices.Membership",
    "offices.WorkingHours",
    "offices.Closure",
    "offices.Service",
    "licensing.Licence",
]

# --- Health (core.health): /health/ (alive) and /ready/ (can serve) ---------------------------
# /ready/ fails when the oldest job waiting in the queue is older than this many seconds, or
# when no sweep has succeeded for DAFTAR_READY_SWEEP_MAX_AGE seconds (0: not checked).
DAFTAR_READY_QUEUE_MAX_AGE = int(os.environ.get("DAFTAR_READY_QUEUE_MAX_AGE", "300"))
DAFTAR_READY_SWEEP_MAX_AGE = int(os.environ.get("DAFTAR_READY_SWEEP_MAX_AGE", "0"))

# --- Metrics (core.metrics): /metrics in Prometheus's format ----------------------------------
# Asked with `Authorization: Bearer <DAFTAR_METRICS_TOKEN>` when a token is set; otherwise
# only from the machine itself (the nginx site refuses /metrics from outside).
DAFTAR_METRICS_TOKEN = os.environ.get("DAFTAR_METRICS_TOKEN", "")

# --- Logs ------------------------------------------------------------------------------------
# DAFTAR_LOG_FORMAT=json: one JSON object a line (time, level, logger, message, request id,
# exception), for the journal and a log service; "plain" for a terminal. Every line of a
# request, and of the jobs it enqueued, carries the request's id (core.requestid).


def logging_config(log_format: str) -> dict:
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "core.requestid.RequestIdFilter"}},
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
            "json": {"()": "core.logs.JSONFormatter"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json" if log_format == "json" else "plain",
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": os.environ.get("DAFTAR_LOG_LEVEL", "INFO")},
        "loggers": {"django.db.backends": {"level": "WARNING"}},
    }


LOGGING = logging_config(os.environ.get("DAFTAR_LOG_FORMAT", "plain"))

# --- Error reporting -------------------------------------------------------------------------
# Any Sentry-compatible service (Sentry, GlitchTip): set its DSN. Off without one.
SENTRY_DSN = os.environ.get("DAFTAR_SENTRY_DSN", "")
SENTRY_ENVIRONMENT = os.environ.get("DAFTAR_SENTRY_ENVIRONMENT", "production")
SENTRY_TRACES_SAMPLE_RATE = float(os.environ.get("DAFTAR_SENTRY_TRACES_SAMPLE_RATE", "0"))
# No personal data leaves: no user ids, addresses or request bodies (national IDs, codes).
SENTRY_SEND_DEFAULT_PII = env_bool("DAFTAR_SENTRY_SEND_DEFAULT_PII", False)

if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=SENTRY_ENVIRONMENT,
        traces_sample_rate=SENTRY_TRACES_SAMPLE_RATE,
        send_default_pii=SENTRY_SEND_DEFAULT_PII,
    )
