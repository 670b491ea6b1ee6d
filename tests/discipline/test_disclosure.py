"""What a ruling decided reaches the accused only through its notice (DIS-6, NOT-4):
before the notice is served, no path that shows the case's steps — the case's history, the
audit timeline of the ruling and of the case — carries the sanction, nor the centre head's
grounds against it; the board side sees everything throughout (DIS-13)."""

import pytest

from discipline import services
from tests.factories import discipline as f
from tests.factories.clients import client_for
from tests.factories.licensing import centre_head

pytestmark = pytest.mark.django_db
SANCTION = "Temporary suspension of the licence"
WITHHELD = "Withheld until the ruling is served."


def shown(user, url) -> str:
    """The body `user` reads at `url` (which they may see)."""
    response = client_for(user).get(url)
    assert response.status_code == 200, response.content
    assert response.json()  # a history or a timeline, never empty here
    return response.content.decode()


def paths(case, ruling) -> list[str]:
    return [
        f"/api/v1/discipline/cases/{case.pk}/history/",
        f"/api/v1/audit/timeline/discipline.ruling/{ruling.pk}/",
        f"/api/v1/audit/timeline/discipline.case/{case.pk}/",
    ]


@pytest.mark.rule("DIS-6")
@pytest.mark.rule("DIS-13")
def test_the_accused_reads_the_sanction_in_the_history_and_timeline_only_once_served():
    """DIS-6, DIS-13: before service, the accused's history and timelines show that the ruling was
    issued but not the sanction; once the notice is opened they show it; the board sees it
    throughout."""
    case = f.open_case()
    ruling = f.ruling(case, grade=5, months=3)
    accused, chair = case.accused, case.test_board.chair
    for url in paths(case, ruling):
        assert SANCTION not in shown(accused, url), url
    history = client_for(accused).get(paths(case, ruling)[0]).json()
    [issue] = [e for e in history if (e["object"], e["action"]) == ("ruling", "issue")]
    assert issue["reason"] == WITHHELD and issue["to"] == "issued"
    assert SANCTION in shown(chair, paths(case, ruling)[0])
    assert SANCTION in shown(chair, paths(case, ruling)[1])
    assert SANCTION in shown(f.gd(), paths(case, ruling)[1])
    f.serve(ruling)
    assert SANCTION in shown(accused, paths(case, ruling)[0])
    assert SANCTION in shown(accused, paths(case, ruling)[1])
    assert WITHHELD not in shown(accused, paths(case, ruling)[1])


@pytest.mark.rule("DIS-7")
@pytest.mark.rule("DIS-13")
def test_the_centre_heads_grounds_against_an_unserved_ruling_are_withheld_from_the_accused():
    """DIS-7, DIS-13: the centre head may object before the accused opened the ruling; the
    grounds, which argue with the sanction, are withheld from the accused with it."""
    case = f.open_case()
    ruling = f.ruling(case, grade=1)
    head = centre_head()
    grounds = "An oral warning is too lenient for receipts withheld twice."
    services.ruling_object(actor=head, case_id=case.pk, grounds=grounds)
    for url in paths(case, ruling):
        assert grounds not in shown(case.accused, url), url
    assert grounds in shown(head, paths(case, ruling)[0])
    assert grounds in shown(head, paths(case, ruling)[2])


@pytest.mark.rule("DIS-4")
def test_a_draft_ruling_is_the_boards_on_the_timeline_too():
    """DIS-4: a draft is the board's until the chair issues it — its timeline answers the
    accused 404 like the ruling itself, and the board 200."""
    case = f.open_case()
    draft = f.ruling(case, issue=False)
    url = f"/api/v1/audit/timeline/discipline.ruling/{draft.pk}/"
    response = client_for(case.accused).get(url)
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    response = client_for(case.accused).get(f"/api/v1/discipline/rulings/{draft.pk}/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert shown(case.test_board.chair, url).count('"created"') == 1
