"""Every transition of a filing: the allowed actor moves it and one log row is written; a
forbidden actor changes nothing (403, or 404 when they may not see it); a wrong state gives
409 (FIL-8, FIL-9)."""

import pytest

from core.exceptions import Conflict, Forbidden, NotFound
from core.models import TransitionLog
from filings import services
from filings.models import Filing
from tests.factories import filings as ff

pytestmark = [pytest.mark.django_db, pytest.mark.rule("FIL-8")]


def logs(filing):
    return TransitionLog.objects.filter(content_type__app_label="filings", object_id=str(filing.pk))


@pytest.fixture
def world(filer, court, office, staff, clerk, other_staff, stranger):
    return {
        "filer": filer,
        "court": court,
        "office": office,
        "staff": staff,
        "clerk": clerk,
        "other_staff": other_staff,
        "stranger": stranger,
    }


def _state(w, state):
    f, c, o, s = w["filer"], w["court"], w["office"], w["staff"]
    return {
        "draft": lambda: ff.draft(f, court=c),
        "confirmed": lambda: ff.signed(f, court=c),
        "sent": lambda: ff.sent(f, court=c, office=o),
        "verified": lambda: ff.verified(f, court=c, office=o, staff=s),
        "forwarded": lambda: ff.forwarded(f, court=c, office=o, staff=s),
        "accepted": lambda: services.court_accept(
            actor=w["clerk"], filing_id=ff.forwarded(f, court=c, office=o, staff=s).pk
        ),
    }[state]()


CASES = [
    # transition, source, target, allowed, forbidden (visible), wrong state, call
    (
        "prepare",
        "draft",
        "confirmed",
        "filer",
        None,
        "sent",
        lambda a, pk: services.filing_prepare(actor=a, filing_id=pk),
    ),
    (
        "reopen",
        "confirmed",
        "draft",
        "filer",
        None,
        "draft",
        lambda a, pk: services.filing_reopen(actor=a, filing_id=pk),
    ),
    (
        "cancel",
        "sent",
        "cancelled",
        "filer",
        "staff",
        "verified",
        lambda a, pk: services.filing_cancel(actor=a, filing_id=pk),
    ),
    (
        "verify",
        "sent",
        "verified",
        "staff",
        "filer",
        "verified",
        lambda a, pk: services.office_verify(actor=a, filing_id=pk),
    ),
    (
        "forward",
        "verified",
        "forwarded",
        "staff",
        "filer",
        "sent",
        lambda a, pk: services.office_forward(actor=a, filing_id=pk),
    ),
    (
        "office_return",
        "sent",
        "returned",
        "staff",
        "filer",
        "forwarded",
        lambda a, pk: services.office_return(actor=a, filing_id=pk, category="illegible", text="x"),
    ),
    (
        "court_return",
        "forwarded",
        "returned",
        "clerk",
        "filer",
        "accepted",
        lambda a, pk: services.court_return(actor=a, filing_id=pk, category="formal", text="x"),
    ),
    (
        "accept",
        "forwarded",
        "accepted",
        "clerk",
        "staff",
        "accepted",
        lambda a, pk: services.court_accept(actor=a, filing_id=pk),
    ),
    (
        "reject",
        "forwarded",
        "rejected",
        "clerk",
        "staff",
        "accepted",
        lambda a, pk: services.court_reject(actor=a, filing_id=pk, category="formal", text="x"),
    ),
]


@pytest.mark.parametrize(
    "name,source,target,allowed,forbidden,wrong,call", CASES, ids=[c[0] for c in CASES]
)
def test_transition(world, name, source, target, allowed, forbidden, wrong, call):
    filing = _state(world, source)
    before = logs(filing).count()
    # A forbidden actor: 403 if they can see the filing, 404 if not; nothing changes.
    for who in [forbidden, "stranger", "other_staff"]:
        if who is None:
            continue
        with pytest.raises((Forbidden, NotFound)):
            call(world[who], filing.pk)
        assert Filing.objects.get(pk=filing.pk).status == source
    assert logs(filing).count() == before
    # The allowed actor.
    call(world[allowed], filing.pk)
    filing.refresh_from_db()
    assert filing.status == target
    new = list(logs(filing).filter(transition=name))
    assert len(new) == 1 and logs(filing).count() == before + 1
    assert new[0].actor == world[allowed]
    assert (new[0].source, new[0].target) == (source, target)
    # The wrong state.
    other = _state(world, wrong)
    with pytest.raises(Conflict):
        call(world[allowed], other.pk)
    assert Filing.objects.get(pk=other.pk).status == wrong


@pytest.mark.rule("FIL-9")
def test_api_one_endpoint_per_transition_with_its_status_codes(world, client_for):
    filing = _state(world, "sent")
    assert (
        client_for(world["filer"]).post(f"/api/v1/filings/{filing.pk}/verify/").status_code == 403
    )
    assert (
        client_for(world["stranger"]).post(f"/api/v1/filings/{filing.pk}/verify/").status_code
        == 404
    )
    api = client_for(world["staff"])
    assert api.post(f"/api/v1/filings/{filing.pk}/forward/").status_code == 409
    assert api.post(f"/api/v1/filings/{filing.pk}/verify/").status_code == 200
    assert api.post(f"/api/v1/filings/{filing.pk}/verify/").status_code == 409
