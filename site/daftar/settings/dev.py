"""Local development: `make run`. SQLite unless DATABASE_URL says otherwise."""

import os

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = True
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "dev-only-insecure-key-not-for-production"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]
SMS_BACKEND = os.environ.get(
    "DAFTAR_SMS_BACKEND", "core.messaging.backends.ConsoleAndFileSMSBackend"
)
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = VAR_DIR / "email"
