"""Settings shared by every environment. Everything that differs comes from the environment.

The shared settings are split by concern: `env` (folders and environment helpers), `api`
(REST framework, schema), `domain` (jobs, messaging, the rules' numbers), `security`
(cookies, headers, content security policy) and `operations` (caches, Redis, logs, metrics,
health, error reporting). This module gathers them.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .api import *  # noqa: F403
from .domain import *  # noqa: F403
from .env import BASE_DIR, SITE_DIR, VAR_DIR, env_bool, env_list  # noqa: F401
from .operations import *  # noqa: F403
from .operations import PUBLIC_CACHE  # noqa: F401
from .security import *  # noqa: F403

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")

INSTALLED_APPS = [
    # Site shell
    "accounts",
    "core",
    # Public site
    "cms_pages",
    # Domain
    "notices",
    # Domain
    "offices",
    "courts",
    "licensing",
    "filings",
    "discipline",
    "reports",
    # Wagtail
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    # Third party
    "rest_framework",
    "knox",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "guardian",
    "simple_history",
    "django_fsm",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "accounts.second_factor",
    "phonenumber_field",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "health_check",
]

MIDDLEWARE = [
    # First: every log line of the request, and the jobs it enqueues, carry its id.
    "core.requestid.RequestIdMiddleware",
    "core.metrics.MetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.security.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.middleware.ApiLanguageMiddleware",
    "core.publiccache.PublicCacheMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Digits and letters as the site stores them, before the CSRF check reads the form.
    "core.normalise.NormalisedInputMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # ID-13: the device that verified the session, then staff without one are stopped.
    "accounts.second_factor.gate.DeviceMiddleware",
    "accounts.second_factor.gate.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "daftar.urls"
WSGI_APPLICATION = "daftar.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and os.environ.get(
    "DATABASE_SERVER_SIDE_BINDING", "1"
) not in ("0", ""):
    # Parameters bound by the server, and a statement run five times on a connection is
    # prepared once (psycopg's default threshold): PostgreSQL stops parsing and planning the
    # same few dozen statements on every request. A pooler in transaction mode (PgBouncer
    # before 1.21) cannot keep prepared statements: set DATABASE_SERVER_SIDE_BINDING=0 there.
    DATABASES["default"].setdefault("OPTIONS", {})["server_side_binding"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default (`make run`): the site and its jobs worker write to one file. In
    # WAL mode readers never wait for the writer, and a transaction that will write takes the
    # write lock when it begins (IMMEDIATE) and waits for it up to `timeout` seconds, instead
    # of failing with "database is locked" when two transactions both upgrade to writing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": int(os.environ.get("DAFTAR_SQLITE_TIMEOUT", "20")),
            "init_command": ("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
LOGIN_URL = "accounts:signin"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages and time -------------------------------------------------------------------
LANGUAGE_CODE = "fa"
LANGUAGES = [
    ("fa", _("Persian")),
    ("en", _("English")),
    ("az", _("Azerbaijani")),
]
LOCALE_PATHS = [SITE_DIR / "locale"]
TIME_ZONE = "Asia/Tehran"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

# --- Static and media ----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Wagtail ---------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Daftar"
WAGTAILADMIN_BASE_URL = os.environ.get("DAFTAR_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "jpg", "jpeg", "png"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# No avatars from gravatar.com: staff e-mail hashes stay here, and the admin's policy stays local.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
