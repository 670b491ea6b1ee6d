import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from offices.models import Slot
from tests.factories.accounts import UserFactory
from tests.factories.clients import client_for
from tests.factories.offices import operational_office

TEHRAN = ZoneInfo("Asia/Tehran")
# A Saturday, the first working day of the Iranian week.
NOW = dt.datetime(2025, 10, 4, 9, 0, tzinfo=TEHRAN)


def at(day: dt.date, hh: int, mm: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hh, mm), tzinfo=TEHRAN)


def slot_at(office, when: dt.datetime) -> Slot:
    return Slot.objects.get(office=office, starts_at=when)


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def office(db, clock):
    return operational_office()


@pytest.fixture
def citizen(db):
    return UserFactory()


@pytest.fixture
def citizen_api(citizen):
    return client_for(citizen)


@pytest.fixture(autouse=True)
def _licence_state_from_the_office_flag(settings):
    """These tests set the licence state with `Office.licence_active` (the default provider);
    the licensing app's provider is proven by its own tests."""
    settings.OFFICES = {
        **settings.OFFICES,
        "LICENCE_STATUS_PROVIDER": "offices.licence.FieldLicenceStatus",
    }
