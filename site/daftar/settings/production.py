"""Production. Every secret and address comes from the environment; see docs/deploy.md."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import PUBLIC_CACHE, REDIS_URL, env_bool, env_list, logging_config

DEBUG = False
# Production refuses to start on the development SMS backends and the test payment gateway
# (core.checks; `check --deploy` reports it). DAFTAR_ALLOW_DEVELOPMENT_GATEWAYS=1 lets a run on
# loopback (the load benchmark, the multi-node test) use them, with a warning.
DAFTAR_PRODUCTION = True
DAFTAR_ALLOW_DEVELOPMENT_GATEWAYS = env_bool("DAFTAR_ALLOW_DEVELOPMENT_GATEWAYS", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set to a long random value.")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Uploaded files (filing documents, notice attachments, receipts, CMS images) go to an
# S3-compatible bucket when one is named, else to DJANGO_MEDIA_ROOT. The bucket is private:
# objects are written with the private ACL, never overwritten, and any URL the storage makes is
# signed and expires. Private files are only ever streamed through the permission-checked views;
# only CMS images and documents are shown by signed URL. Credentials come from boto3's usual
# sources: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment, or the machine's role.
S3_BUCKET = os.environ.get("DAFTAR_S3_BUCKET", "")
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            # MinIO, Ceph or another S3-compatible service: its URL; AWS: unset.
            "endpoint_url": os.environ.get("DAFTAR_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("DAFTAR_S3_REGION") or None,
            # "path" for most self-hosted services; "virtual" or unset (automatic) for AWS.
            "addressing_style": os.environ.get("DAFTAR_S3_ADDRESSING_STYLE") or None,
            "location": os.environ.get("DAFTAR_S3_PREFIX", ""),
            "signature_version": "s3v4",
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": True,
            "querystring_expire": int(os.environ.get("DAFTAR_S3_URL_EXPIRY", "300")),
            "custom_domain": None,
            "object_parameters": (
                {"ServerSideEncryption": os.environ["DAFTAR_S3_SERVER_SIDE_ENCRYPTION"]}
                if os.environ.get("DAFTAR_S3_SERVER_SIDE_ENCRYPTION")
                else {}
            ),
        },
    }
# One cache shared by every web process and machine. Redis when DAFTAR_REDIS_URL names one
# (operations.py: the default and public caches, cached sessions). Otherwise, for one machine:
# the database's table (`manage.py createcachetable`; DAFTAR_CACHE_LOCATION names another
# table) and each process's memory for the public pages.
if not REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": os.environ.get("DAFTAR_CACHE_LOCATION", "daftar_cache"),
            # Django culls a third of the table past MAX_ENTRIES (300 by default), which would
            # erase what active clients keep there; size it for every client of a busy day
            # instead (expired entries go on the next write past the limit).
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("DAFTAR_CACHE_MAX_ENTRIES", "200000"))},
        },
        # Public pages for anonymous visitors (core.publiccache): each process's memory.
        "public": PUBLIC_CACHE,
    }
DAFTAR_PUBLIC_CACHE_SECONDS = int(os.environ.get("DAFTAR_PUBLIC_CACHE_SECONDS", "60"))
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = int(os.environ.get("DJANGO_EMAIL_TIMEOUT", "30"))

# JSON lines for the journal and the log service (DAFTAR_LOG_FORMAT=plain for a terminal).
LOGGING = logging_config(os.environ.get("DAFTAR_LOG_FORMAT", "json"))
# /ready/ also fails when no sweep has succeeded for ten minutes (the timer runs every minute).
DAFTAR_READY_SWEEP_MAX_AGE = int(os.environ.get("DAFTAR_READY_SWEEP_MAX_AGE", "600"))
# Load balancers probe these over plain HTTP on the node's own address.
SECURE_REDIRECT_EXEMPT = [r"^health/$", r"^ready/$", r"^metrics$"]
