"""The notices settings (`settings.NOTICES`) the services read."""

from datetime import timedelta

from django.conf import settings


def conf(key):
    return settings.NOTICES[key]


def deemed_service_period() -> timedelta:
    return timedelta(days=conf("DEEMED_SERVICE_DAYS"))
