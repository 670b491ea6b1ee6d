import pytest

from core import demo
from filings import demo as filings_demo
from filings.models import Filing

pytestmark = pytest.mark.django_db


def test_demo_filings_load_once(office):
    demo.seed_users()
    filings_demo.seed()
    filings_demo.seed()
    statuses = sorted(Filing.objects.values_list("status", flat=True))
    assert statuses == ["draft", "sent"]
