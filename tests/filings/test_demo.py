import pytest

from filings import demo as filings_demo
from filings.models import Filing
from tests.factories import UserFactory
from tests.factories import filings as ff

pytestmark = pytest.mark.django_db


def test_demo_filings_load_once(office):
    """The demo lawyer gets a draft and a filing sent to an operational office; a second run
    adds nothing. (The demo accounts are made here: core.demo's role sync is for a fresh
    database, not for a test run.)"""
    ff.lawyer(national_id=filings_demo.LAWYER)
    UserFactory(national_id=filings_demo.PARTY)
    filings_demo.seed()
    filings_demo.seed()
    statuses = sorted(Filing.objects.values_list("status", flat=True))
    assert statuses == ["draft", "sent"]
