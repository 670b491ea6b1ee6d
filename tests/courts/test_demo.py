"""Demo data for `make run`: the demo lawyer and party have cases at several stages, with
hearings, an act, an enforcement file and a case password in their inbox; loading twice
adds nothing."""

import pytest
from django.contrib.auth import get_user_model

from accounts import demo as accounts_demo
from courts import demo, selectors
from courts.models import Case, CourtAct, Enforcement, Hearing
from notices.models import Notice
from tests.factories import courts as cf


@pytest.mark.rule("CAS-3")
@pytest.mark.rule("CAS-7")
def test_the_demo_cabinet(db, tmp_path, settings):
    settings.COURTS = {**settings.COURTS, "SEAL_DIR": str(tmp_path / "seal"), "SEAL_PKCS12": ""}
    accounts_demo.seed_users()
    cf.load_reference()
    demo.seed()
    User = get_user_model()
    lawyer = User.objects.get(national_id=demo.LAWYER)
    party = User.objects.get(national_id=demo.PARTY)
    for person in (lawyer, party):
        cases = selectors.my_cases(actor=person)
        assert {c.status for c in cases} == {"open", "final", "closed"}
        assert selectors.my_hearings(actor=person).filter(status="scheduled").exists()
        assert (
            Notice.objects.filter(recipient_user=person, branch__code="CASE-PASSWORDS").count() == 3
        )
    assert CourtAct.objects.filter(kind="judgment", final=True).count() == 1
    assert Enforcement.objects.count() == 1
    counts = (Case.objects.count(), Hearing.objects.count(), CourtAct.objects.count())
    demo.seed()
    assert (Case.objects.count(), Hearing.objects.count(), CourtAct.objects.count()) == counts
