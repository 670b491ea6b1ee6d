"""A filing's history as people read it: each step a translated sentence, never a code
(FIL-11, FIL-8)."""

import re

import pytest
from django.test import Client

from tests.factories import filings as ff
from tests.factories.pages import latin, people_names

pytestmark = pytest.mark.django_db

CODES = re.compile(
    r"\((draft|confirmed|sent|verified|forwarded) → |fees computed|time_limit|jurisdiction"
    r"|payment online|step \w+ saved|\bsend\b|\bforward\b|\bprepare\b"
)


def _timeline(html: str) -> str:
    """The text of the page's timeline."""
    section = html.split('id="timeline"', 1)[1].split("</ol>", 1)[0]
    return re.sub(r"<[^>]+>", " ", section.split(">", 1)[1])


@pytest.mark.rule("FIL-11")
@pytest.mark.rule("FIL-8")
def test_the_rejected_filings_history_reads_as_sentences(
    filer, court, office, staff, clerk, client_for
):
    filing = ff.forwarded(filer, court=court, office=office, staff=staff, kind="petition")
    rejected = client_for(clerk).post(
        f"/api/v1/filings/{filing.pk}/reject/",
        {
            "reason_category": "time_limit",
            "reason": "مهلت گذشته",
            "case_number": "1404000011112222",
        },
    )
    assert rejected.json()["status"] == "rejected"
    web = Client()
    web.force_login(filer)
    persian = web.get(f"/filings/{filing.pk}/").content.decode()
    timeline = _timeline(persian)
    assert not CODES.search(timeline), CODES.search(timeline)
    assert "خارج از مهلت — مهلت گذشته" in persian  # the category's label and the text
    assert "time_limit" not in persian
    assert latin(timeline, people_names()) == []
    english = _timeline(web.get(f"/en/filings/{filing.pk}/").content.decode())
    assert not CODES.search(english), CODES.search(english)
    for sentence in (
        "Sent to the office",
        "Forwarded to the court",
        "Rejected by the court: from “Forwarded to the court” to “Rejected by the court”",
        "Out of time — مهلت گذشته",
    ):
        assert sentence in english
    assert re.search(r"Fees computed: court fee [\d,]+ rials, office tariff [\d,]+ rials", english)
