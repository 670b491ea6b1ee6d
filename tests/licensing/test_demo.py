"""Demo data for `make run`: loads once, idempotent."""

import pytest
from django.core.management import call_command

from accounts import demo as accounts_demo
from licensing import demo
from licensing.models import Application, Licence, LicenceRequest
from tests.factories.offices import operational_office

pytestmark = pytest.mark.django_db


def test_demo_seed_is_idempotent():
    """The demo: a call, an application, a licence for the staffed office, and a request
    waiting in the Council's queue; a second run adds nothing; the sweep runs over it."""
    accounts_demo.seed_users()
    office = operational_office()
    demo.seed()
    demo.seed()
    assert Licence.objects.get().office == office
    assert LicenceRequest.objects.get().status == "submitted"
    assert Application.objects.count() == 1
    call_command("sweep")
