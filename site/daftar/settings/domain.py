"""Jobs, messaging and the domain apps' own settings (the rules' numbers)."""

import os
from datetime import time, timedelta
from pathlib import Path

from .env import VAR_DIR

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
MESSAGE_REQUEUE_AFTER = timedelta(
    seconds=int(os.environ.get("DAFTAR_MESSAGE_REQUEUE_AFTER_SECONDS", str(5 * 60)))
)
MESSAGE_MAX_ATTEMPTS = 5
# After a failed attempt a message waits this long times 2 ** (attempts - 1) before the sweep
# tries it again (capped at an hour).
MESSAGE_RETRY_BACKOFF = timedelta(
    seconds=int(os.environ.get("DAFTAR_MESSAGE_RETRY_BACKOFF_SECONDS", "60"))
)
# The SMS provider of core.messaging.provider (DAFTAR_SMS_BACKEND=
# core.messaging.provider.KavenegarSMSBackend): its address, the account's API key, the
# sender line, the seconds to wait for an answer, and how long to ask for delivery reports.
SMS_PROVIDER = {
    "BASE_URL": os.environ.get("DAFTAR_SMS_BASE_URL", "https://api.kavenegar.com"),
    "API_KEY": os.environ.get("DAFTAR_SMS_API_KEY", ""),
    "SENDER": os.environ.get("DAFTAR_SMS_SENDER", ""),
    "TIMEOUT": float(os.environ.get("DAFTAR_SMS_TIMEOUT_SECONDS", "10")),
    # The secret path of the provider's delivery callback, /sms/delivery/<secret>/ (unset: off).
    "CALLBACK_SECRET": os.environ.get("DAFTAR_SMS_CALLBACK_SECRET", ""),
    "DELIVERY_REPORT_FOR": timedelta(days=2),
    "DELIVERY_POLL_EVERY": timedelta(minutes=5),
}

# --- Accounts (ID-*) -------------------------------------------------------------------------
# National ID schemes: code -> validator. Add a scheme by adding a dotted path.
NATIONAL_ID_SCHEMES = {
    "ir": "accounts.national_id.IranianNationalCode",
    "az": "accounts.national_id.AzerbaijaniFIN",
}
PHONENUMBER_DEFAULT_REGION = "IR"
ACCOUNTS = {
    # ID-4: the temporary password of the second sign-in step.
    "TEMP_PASSWORD_VALIDITY": timedelta(hours=24),
    "TEMP_PASSWORD_LENGTH": 6,  # nosec B105 # a length
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
    "RECOVERY_PASSWORD_LENGTH": 12,  # nosec B105 # a length
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

# ID-12: per-device API tokens (django-rest-knox), hashed, with an expiry.
KNOX_TOKEN_MODEL = "accounts.DeviceToken"  # nosec B105 # a model name
# knox's own migrations would create its default token table beside ours (it is swapped
# out): without them, only accounts.DeviceToken exists.
MIGRATION_MODULES = {"knox": None}
REST_KNOX = {
    "AUTH_HEADER_PREFIX": "Bearer",
    "TOKEN_TTL": timedelta(days=int(os.environ.get("DAFTAR_TOKEN_TTL_DAYS", "30"))),
    "TOKEN_LIMIT_PER_USER": 20,  # nosec B105 # a count
    "AUTO_REFRESH": False,
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
    # The reminder SMS goes the day before an appointment, from this local time on (an
    # appointment booked on that day itself has just had its booking SMS and gets none).
    "REMINDER_FROM": time(9, 0),
    # How long a seat freed for the waiting list is held for the person offered it.
    "WAITLIST_OFFER_HOLD": timedelta(hours=2),
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
COURTS = {
    # CAS-5: where the sealed court acts are kept (a storage alias), and the seal. The seal is
    # a PKCS#12 file (key, certificate and chain) with its passphrase; without one,
    # `manage.py courts_dev_seal` makes a development CA and seal under SEAL_DIR (never for
    # production: set DAFTAR_SEAL_PKCS12 and DAFTAR_SEAL_PASSPHRASE to the real one).
    "STORAGE": "default",
    "SEAL_PKCS12": os.environ.get("DAFTAR_SEAL_PKCS12", ""),
    "SEAL_PASSPHRASE": os.environ.get("DAFTAR_SEAL_PASSPHRASE", ""),
    "SEAL_DIR": os.environ.get("DAFTAR_SEAL_DIR", str(VAR_DIR / "seal")),
    # CAS-7: case passwords' length (digits).
    "CASE_PASSWORD_LENGTH": 8,  # nosec B105 # a length
}

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
    # FIL-7: the payment gateway (a core.payments.Gateway): the development TestGateway, or
    # core.payments.redirect.RedirectGateway (configured by PAYMENT_REDIRECT below).
    "PAYMENT_GATEWAY": os.environ.get("DAFTAR_PAYMENT_GATEWAY", "filings.payments.TestGateway"),
    "PAYMENT_TIMEOUT_SECONDS": 30,
    # A payment still pending this long after it began is settled by asking the gateway
    # (the sweep filings.reconcile_payments).
    "PAYMENT_RECONCILE_AFTER": timedelta(
        minutes=int(os.environ.get("DAFTAR_PAYMENT_RECONCILE_MINUTES", "15"))
    ),
}

# The card gateway's redirect-and-verify protocol (core.payments.redirect): its address, the
# merchant id it gave us, how long to wait for it, and the public address of this site that
# the gateway sends payers back to.
PAYMENT_REDIRECT = {
    "BASE_URL": os.environ.get("DAFTAR_PAYMENT_GATEWAY_URL", ""),
    "MERCHANT_ID": os.environ.get("DAFTAR_PAYMENT_MERCHANT_ID", ""),
    "CONNECT_TIMEOUT": float(os.environ.get("DAFTAR_PAYMENT_CONNECT_TIMEOUT", "5")),
    "READ_TIMEOUT": float(os.environ.get("DAFTAR_PAYMENT_READ_TIMEOUT", "20")),
    "CALLBACK_BASE_URL": os.environ.get(
        "DAFTAR_PAYMENT_CALLBACK_BASE_URL",
        os.environ.get("DAFTAR_BASE_URL", "http://127.0.0.1:8000"),
    ),
}

# --- Audit -----------------------------------------------------------------------------------
SIMPLE_HISTORY_REVERT_DISABLED = True
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

GUARDIAN_RAISE_403 = False
GUARDIAN_RENDER_403 = False
ANONYMOUS_USER_NAME = None
