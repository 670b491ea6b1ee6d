"""The two remote checks of ID-9, each a pluggable provider with a clear interface.

* `CivilRegistry.check(person) -> bool`: does the civil registry hold this national ID with
  this name, birth date and ID-card serial?
* `MobileOwnership.check(national_id, mobile) -> bool`: does the mobile operators' national
  check say that this mobile is registered to this national ID?

A provider answers True or False, or raises `ProviderUnavailable` when it cannot tell
(timeout, connection error, an answer it does not understand). `call()` gives each call its
timeout and retries an unavailable provider with a growing pause; after the last try the
caller answers 503 `provider_unavailable`, never "not verified".

Settings, `ACCOUNTS["IDENTITY_PROVIDERS"]`:

    {"CIVIL_REGISTRY": {"BACKEND": "dotted.path", "OPTIONS": {...}, "TIMEOUT": 5, "RETRIES": 2},
     "MOBILE_OWNERSHIP": {...}}

Development and tests use `accounts.identity.local`, which reads a data set of demo people
(`people.csv` beside it); `accounts.identity.http` talks JSON over HTTPS to a real service.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from core.exceptions import DomainError


class ProviderUnavailable(DomainError):
    status_code = 503
    default_code = "provider_unavailable"
    default_message = _(
        "The identity check is not available right now. Please try again later, or verify "
        "your identity at an office."
    )


@dataclass(frozen=True)
class Person:
    national_id: str
    first_name: str
    last_name: str
    birth_date: date | None
    id_card_serial: str


class CivilRegistry:
    def __init__(self, **options):
        self.options = options

    def check(self, person: Person, *, timeout: float) -> bool:
        raise NotImplementedError


class MobileOwnership:
    def __init__(self, **options):
        self.options = options

    def check(self, national_id: str, mobile: str, *, timeout: float) -> bool:
        raise NotImplementedError


def _conf(kind: str) -> dict:
    return settings.ACCOUNTS["IDENTITY_PROVIDERS"][kind]


def provider(kind: str):
    """The configured provider of `kind` ("CIVIL_REGISTRY" or "MOBILE_OWNERSHIP")."""
    conf = _conf(kind)
    return import_string(conf["BACKEND"])(**conf.get("OPTIONS", {}))


def call(kind: str, *args) -> bool:
    """Ask the provider of `kind`, with its timeout and retries (see the module docstring)."""
    conf = _conf(kind)
    timeout = float(conf.get("TIMEOUT", 5))
    retries = int(conf.get("RETRIES", 2))
    pause = float(conf.get("RETRY_PAUSE", 0.2))
    backend = provider(kind)
    for attempt in range(retries + 1):
        try:
            return bool(backend.check(*args, timeout=timeout))
        except ProviderUnavailable:
            if attempt == retries:
                raise
        except (OSError, TimeoutError, ValueError) as exc:
            if attempt == retries:
                raise ProviderUnavailable() from exc
        time.sleep(pause * (2**attempt))
    raise ProviderUnavailable()
