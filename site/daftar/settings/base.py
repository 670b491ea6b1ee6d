"""Settings shared by every environment. Everything that differs comes from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

SITE_DIR = Path(__file__).resolve().parents[2]
BASE_DIR = SITE_DIR.parent
VAR_DIR = Path(os.environ.get("DAFTAR_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


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
    "licensing",
    "filings",
    "discipline",
    # Wagtail
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
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
    # Third party
    "rest_framework",
    "knox",
    "django_filters",
    "drf_spectacular",
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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.security.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.middleware.ApiLanguageMiddleware",
    "core.publiccache.PublicCacheMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.common.CommonMiddleware",
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

# --- API -------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "accounts.authentication.BearerTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # JSON nested too deeply is a 400 `parse_error`, not a RecursionError (core.api.parsers).
    "DEFAULT_PARSER_CLASSES": [
        "core.api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "core.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "core.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "core.api.errors.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "core.throttling.AnonRateThrottle",
        "core.throttling.UserRateThrottle",
        "core.throttling.ScopedRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("DAFTAR_THROTTLE_ANON", "120/min"),
        "user": os.environ.get("DAFTAR_THROTTLE_USER", "600/min"),
        # Sign-in, codes and recovery: per source address (ID-7).
        "auth": os.environ.get("DAFTAR_THROTTLE_AUTH", "30/min"),
    },
    "NUM_PROXIES": int(os.environ["DAFTAR_NUM_PROXIES"])
    if "DAFTAR_NUM_PROXIES" in os.environ
    else None,
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
# The Swagger UI's assets (/api/docs/): a pinned major version from the jsDelivr CDN, or the
# operator's own copy (e.g. "/static/swagger-ui-dist" after adding the files to the static
# files). The docs page's content security policy allows this origin (core/api/docs.py).
SWAGGER_UI_DIST = os.environ.get(
    "DAFTAR_SWAGGER_UI_DIST", "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5"
).rstrip("/")
SPECTACULAR_SETTINGS = {
    "SWAGGER_UI_DIST": SWAGGER_UI_DIST,
    "SWAGGER_UI_FAVICON_HREF": f"{SWAGGER_UI_DIST}/favicon-32x32.png",
    # No badge from validator.swagger.io: the schema is not sent to a third party.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    "TITLE": "Daftar API",
    "DESCRIPTION": (
        "The regulator's platform for judicial e-services offices.\n\n"
        "**Authentication.** Browser clients use the session set by the two-step sign-in "
        "(`/api/v1/auth/signin/` then `/api/v1/auth/signin/verify/`). API clients ask the second "
        'step for a token (`"issue_token": true`) and send it as `Authorization: Bearer <token>`. '
        "Unsafe requests with the session need the `X-CSRFToken` header.\n\n"
        '**Errors.** Every error has the same JSON shape: `{"code", "message", "fields"}`.'
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "UserStatusEnum": "accounts.models.User.Status",
        "NoticeStatusEnum": "notices.models.Notice.Status",
        "RecipientKindEnum": ["natural", "legal"],
        "AppointmentStatusEnum": "offices.models.Appointment.Status",
        "ApplicationStatusEnum": "licensing.models.Application.Status",
        "LicenceStatusEnum": "licensing.models.Licence.Status",
        "LicenceRequestStatusEnum": "licensing.models.LicenceRequest.Status",
        "LicenceRequestKindEnum": "licensing.models.LicenceRequest.Kind",
        "FeeScheduleStatusEnum": "licensing.models.FeeSchedule.Status",
        "FeeKindEnum": "licensing.models.FeeSchedule.Kind",
        "InspectionStatusEnum": "licensing.models.Inspection.Status",
        "InspectionKindEnum": "licensing.models.Inspection.Kind",
        "ComplaintStatusEnum": "licensing.models.Complaint.Status",
        "ApplicationDocumentKindEnum": "licensing.models.ApplicationDocument.Kind",
        "DecisionEnum": "licensing.models.Decision",
        "FilingStatusEnum": "filings.models.Filing.Status",
        "FilingKindEnum": "filings.models.Kind",
        "PaymentStatusEnum": "filings.models.Payment.Status",
        "PaymentMethodEnum": "filings.models.Payment.Method",
        "FilingChannelEnum": "filings.models.Channel",
        "CaseStatusEnum": "discipline.models.Case.Status",
        "CaseSourceEnum": "discipline.models.Case.Source",
        "AccusedRoleEnum": "discipline.models.Case.AccusedRole",
        "HearingStatusEnum": "discipline.models.Session.Status",
        "RulingStatusEnum": "discipline.models.Ruling.Status",
        "RulingOutcomeEnum": "discipline.models.Outcome",
        "BoardTierEnum": "discipline.models.Tier",
        "SeatKindEnum": "discipline.models.Seat.Kind",
        "ChallengeKindEnum": "discipline.models.Challenge.Kind",
    },
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums"],
    "PREPROCESSING_HOOKS": ["core.api.schema.only_domain_api"],
}

# --- Jobs ------------------------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Messaging (SMS and email, every message kept in the outbox) ---------------------------
SMS_BACKEND = os.environ.get("DAFTAR_SMS_BACKEND", "core.messaging.backends.ConsoleSMSBackend")
SMS_FILE_PATH = Path(os.environ.get("DAFTAR_SMS_FILE_PATH", VAR_DIR / "sms"))
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "no-reply@daftar.local")
# A message still queued after this long is enqueued again by the sweep.
MESSAGE_REQUEUE_AFTER = timedelta(minutes=5)
MESSAGE_MAX_ATTEMPTS = 5

# --- Accounts (ID-*) -------------------------------------------------------------------------
# National ID schemes: code -> validator. Add a scheme by adding a dotted path.
NATIONAL_ID_SCHEMES = {
    "ir": "accounts.national_id.IranianNationalCode",
    "az": "accounts.national_id.AzerbaijaniFIN",
}
PHONENUMBER_DEFAULT_REGION = "IR"
# ID-12: per-device API tokens (django-rest-knox), hashed, with an expiry.
KNOX_TOKEN_MODEL = "accounts.DeviceToken"
# knox's own migrations would create its default token table beside ours (it is swapped
# out): without them, only accounts.DeviceToken exists.
MIGRATION_MODULES = {"knox": None}
REST_KNOX = {
    "AUTH_HEADER_PREFIX": "Bearer",
    "TOKEN_TTL": timedelta(days=int(os.environ.get("DAFTAR_TOKEN_TTL_DAYS", "30"))),
    "TOKEN_LIMIT_PER_USER": 20,
    "AUTO_REFRESH": False,
}
ACCOUNTS = {  # nosec B105 # the *_PASSWORD_LENGTH entries are lengths, no passwords
    # ID-4: the temporary password of the second sign-in step.
    "TEMP_PASSWORD_VALIDITY": timedelta(hours=24),
    "TEMP_PASSWORD_LENGTH": 6,
    # ID-2, ID-5, ID-8: one-time codes for mobile, email and recovery.
    "CODE_VALIDITY": timedelta(minutes=10),
    "CODE_LENGTH": 6,
    # How long the first sign-in step stays usable for the second.
    "CHALLENGE_MAX_AGE": timedelta(minutes=15),
    # ID-7: failures allowed before a lock, and the lock's length.
    "MAX_FAILURES": 5,
    "FAILURE_WINDOW": timedelta(minutes=30),
    "LOCKOUT": timedelta(minutes=30),
    # ID-11: a (national ID, source) pair is delayed, growing from SCOPE_DELAYS up to
    # LOCKOUT; a source (an office, a company's NAT) or a national ID alone is never locked
    # (None): past CHALLENGE_AFTER failures its requests need a proof of work instead.
    "SCOPE_LIMITS": {"source": None, "account": None, "pair": 5},
    "SCOPE_DELAYS": {"pair": timedelta(minutes=1)},
    # Length of the password that recovery sends by SMS (ID-5).
    "RECOVERY_PASSWORD_LENGTH": 12,
    # ID-9: the civil registry and the operators' mobile-ownership check. Development and
    # tests read the demo people of accounts/identity/people.csv; a deployment names its
    # providers (accounts.identity.http, or its own subclass) and their options.
    "IDENTITY_PROVIDERS": {
        "CIVIL_REGISTRY": {
            "BACKEND": os.environ.get(
                "DAFTAR_CIVIL_REGISTRY", "accounts.identity.local.LocalCivilRegistry"
            ),
            "OPTIONS": {},
            "TIMEOUT": 5,
            "RETRIES": 2,
        },
        "MOBILE_OWNERSHIP": {
            "BACKEND": os.environ.get(
                "DAFTAR_MOBILE_OWNERSHIP", "accounts.identity.local.LocalMobileOwnership"
            ),
            "OPTIONS": {},
            "TIMEOUT": 5,
            "RETRIES": 2,
        },
    },
    # ID-10: a pending registration holds its national ID this long; an older one, never
    # completed, may be started again (an office can always register the person at once).
    "PENDING_REGISTRATION_HOLD": timedelta(days=1),
    # ID-11: failures from one source, or on one national ID from anywhere, after which a
    # proof of work (ALTCHA's protocol, self-hosted) is asked; its largest number (the
    # work) and how long a challenge stays valid.
    "CHALLENGE_AFTER": {"source": 50, "account": 10},
    "CHALLENGE_MAX_NUMBER": 100_000,
    "CHALLENGE_VALIDITY": timedelta(minutes=10),
    # ID-11: messages (SMS or e-mail) one source, one mobile, one national ID may cause per
    # hour, on every path that sends one; the next request sends nothing.
    "SEND_CAPS": {"source": 100, "mobile": 10, "national_id": 10},
    "SEND_CAP_WINDOW": 3600,
}

# ID-13: staff second factor. The authenticator apps show this issuer; passkeys belong to
# RP_ID (the site's host name by default) and are accepted from ORIGINS (the request's own
# origin by default; set both behind a proxy that rewrites the host).
OTP_TOTP_ISSUER = "Daftar"
SECOND_FACTOR = {
    "RP_ID": os.environ.get("DAFTAR_WEBAUTHN_RP_ID", ""),
    "ORIGINS": env_list("DAFTAR_WEBAUTHN_ORIGINS"),
}

# --- Offices and appointments (OFF-*, APT-*) ---------------------------------------------
OFFICES = {
    # OFF-2: where an office's licence state comes from. A dotted path to an object with
    # `status(office) -> LicenceStatus`; the licensing app's provider reads its licences.
    "LICENCE_STATUS_PROVIDER": "licensing.provider.LicenceRecordStatus",
    # Default length and seats of a new office's slots (each office may change its own).
    "DEFAULT_SLOT_MINUTES": 30,
    "DEFAULT_SLOT_CAPACITY": 2,
}
APPOINTMENTS = {
    # APT-6: per-user limits, how far ahead booking opens and the minimum notice.
    "MAX_ACTIVE_PER_OFFICE_DAY": 1,
    "MAX_OPEN_BOOKINGS": 3,
    "BOOKING_HORIZON_DAYS": 14,
    "MIN_NOTICE": timedelta(hours=1),
    # APT-4: online booking ban after a no-show, counted from the end of that working day.
    "NO_SHOW_BAN": timedelta(days=7),
}

# --- Licensing and the Association (LIC-*, ASC-*) -------------------------------------------
LICENSING = {
    # LIC-5: how long a licence (and each renewal) runs. The regulation is silent; three years.
    "LICENCE_VALIDITY_DAYS": 3 * 365,
    # LIC-9: renewal may be requested this many days before expiry, and an expired licence
    # may still be renewed this many days after; later it needs a new application.
    "RENEWAL_WINDOW_DAYS": 90,
    "RENEWAL_GRACE_DAYS": 30,
    # LIC-4: members of the Council and the default length of a term (art. 23 is silent).
    "COUNCIL_SIZE": 5,
    "COUNCIL_TERM_DAYS": 3 * 365,
    # ASC-1: seats on an Association's board and the length of a term, in years (art. 26).
    "BOARD_SIZE": 7,
    "BOARD_TERM_YEARS": 3,
}

# --- Notices: electronic service (NOT-*) ------------------------------------------------------
NOTICES = {
    # NOT-5: an unviewed notice is deemed served this many days after its delivery.
    "DEEMED_SERVICE_DAYS": 10,
    # NOT-4: which moment starts legal deadlines: "first_view" (first view, or deemed service
    # when unviewed; seed 003) or "delivery" (reaching the recipient's account).
    "SERVICE_STARTS_AT": "first_view",
    # Attachments: type from the content, size limit per file, count per notice.
    "ATTACHMENT_MAX_BYTES": 10 * 1024 * 1024,
    "ATTACHMENT_MAX_COUNT": 20,
    "ATTACHMENT_STORAGE": "default",
    # Deadlines after service: calendars by name (pluggable), weekend days (Python weekday
    # numbers: 4 = Friday) and extra holidays as ISO dates (the Holiday table adds more).
    "CALENDARS": {
        "calendar": "notices.calendars.CalendarDays",
        "working": "notices.calendars.WorkingDays",
    },
    "WEEKEND_DAYS": [4],
    "HOLIDAYS": [],
    # How many overdue notices one run of the deemed-service sweep handles.
    "SWEEP_BATCH": 5000,
}

# --- Discipline (DIS-*) ---------------------------------------------------------------------
DISCIPLINE = {
    # DIS-6 (art. 36): the sanctioned person may appeal a grade 5-6 ruling within this many
    # calendar days of its SERVICE (notices: first view or deemed service), not of its issue.
    "APPEAL_DAYS": 20,
    # DIS-7: the centre head's objection window. Art. 36 sets no period; like the appeal, 20
    # days, counted from the ruling's issue (the centre head has it in the system at once).
    "OBJECTION_DAYS": 20,
    # Rulings one run of the finality sweep settles at most.
    "SWEEP_BATCH": 500,
}

# --- Filings (FIL-*) ------------------------------------------------------------------------
FILINGS = {
    # FIL-5: files by content (PDF, JPEG, ADOC/EDOC containers), size and count limits.
    "MAX_FILE_BYTES": 10 * 1024 * 1024,
    "MAX_DOCUMENTS": 30,
    # Largest total uncompressed size of an ADOC/EDOC container (zip bombs are refused).
    "MAX_CONTAINER_BYTES": 50 * 1024 * 1024,
    "STORAGE": "default",
    # FIL-6, FIL-9: one-time codes for signing and sending.
    "CODE_LENGTH": 6,
    "CODE_VALIDITY": timedelta(minutes=5),
    # FIL-7: the payment gateway (an object with `charge` and `status`, see filings.payments).
    "PAYMENT_GATEWAY": os.environ.get("DAFTAR_PAYMENT_GATEWAY", "filings.payments.TestGateway"),
    "PAYMENT_TIMEOUT_SECONDS": 30,
}

# --- Audit -----------------------------------------------------------------------------------
SIMPLE_HISTORY_REVERT_DISABLED = True
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

GUARDIAN_RAISE_403 = False
GUARDIAN_RENDER_403 = False
ANONYMOUS_USER_NAME = None

# --- Caches ------------------------------------------------------------------------------------
# "public": pages and API reads that are the same for every anonymous visitor
# (core.publiccache), kept by each process in its own memory for DAFTAR_PUBLIC_CACHE_SECONDS
# (0 turns it off; production: 60). 1,000 answers of a few tens of kilobytes per process.
PUBLIC_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "daftar-public",
    "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("DAFTAR_PUBLIC_CACHE_ENTRIES", "1000"))},
}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "public": PUBLIC_CACHE,
}
DAFTAR_PUBLIC_CACHE_SECONDS = int(os.environ.get("DAFTAR_PUBLIC_CACHE_SECONDS", "0"))

# --- Security defaults (tightened further in production) ------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = int(timedelta(hours=8).total_seconds())
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Browser features no page of the site uses (core.security.SecurityHeadersMiddleware).
DAFTAR_PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
)
# Content security policy (django-csp 4). Strict for the public site, the portal and the API:
# scripts and styles from this site only, or inline with the request's nonce
# (`nonce="{{ request.csp_nonce }}"`); no plugins, no framing, forms post here only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "report-uri": env_list("DAFTAR_CSP_REPORT_URI") or None,
    },
}
# Areas whose third-party front-ends need more; these directives replace the strict ones under
# the prefix. The Wagtail and Django admins render inline scripts and style attributes, preview
# pages in a same-origin frame and show uploaded images as data:/blob: URLs. The API browser
# (DRF) has two inline style attributes. The Swagger UI has its own policy on its view
# (core/api/docs.py).
_ADMIN_CSP = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
}
DAFTAR_CSP_PATH_POLICIES = {
    "/admin/": _ADMIN_CSP,
    "/django-admin/": _ADMIN_CSP,
    "/api/v1/": {"style-src-attr": [UNSAFE_INLINE]},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DAFTAR_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
