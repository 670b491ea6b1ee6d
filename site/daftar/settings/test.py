"""The test suite. PostgreSQL from DATABASE_URL (`make test` sets it); jobs run inline."""

import os

from .base import *  # noqa: F403
from .base import PUBLIC_CACHE, REST_FRAMEWORK

SECRET_KEY = "test-only-key"  # nosec B105 # the test suite's own key, never deployed
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
SMS_BACKEND = "core.messaging.backends.LocmemSMSBackend"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "public": PUBLIC_CACHE,
}
# Off: every test sees fresh pages; core.publiccache's own tests turn it on.
DAFTAR_PUBLIC_CACHE_SECONDS = 0
# Source-address throttles are proven by their own tests, which lower these rates.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {"anon": "10000/min", "user": "10000/min", "auth": "10000/min"},
}
if not os.environ.get("DATABASE_URL"):
    raise RuntimeError("The tests run on PostgreSQL: set DATABASE_URL (`make test` does).")
if os.environ.get("DAFTAR_TEST_TEMPLATE"):
    # A database the migrations were applied to once (scripts/with-migrated-template.sh):
    # each test database is copied from it and migrate finds nothing left to do.
    DATABASES["default"]["TEST"] = {"TEMPLATE": os.environ["DAFTAR_TEST_TEMPLATE"]}  # noqa: F405
# The codes' exponential back-off (ID-7) is proven by its own test, which sets the factor to 1.
ACCOUNTS = {**ACCOUNTS, "OTP_THROTTLE_FACTOR": 0}  # noqa: F405
