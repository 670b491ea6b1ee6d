"""A filing's signature needs the signer's verified identity (ID-9, FIL-6)."""

import pytest

from accounts.identity import VerificationRequired
from filings import services
from filings.models import Signature
from tests.factories import UserFactory
from tests.factories import filings as ff

pytestmark = pytest.mark.django_db


@pytest.mark.rule("ID-9")
@pytest.mark.rule("FIL-6")
def test_an_unverified_signer_cannot_ask_for_the_code_or_sign(court, sms_outbox):
    """ID-9: the signing code is refused with `verification_required` (saying how to get
    verified) until the signer's identity is verified; no code is sent, nothing is signed."""
    filer = UserFactory(identity_verified_at=None)
    filing = ff.prepared(filer, court=court)
    with pytest.raises(VerificationRequired) as refused:
        services.sign_code_request(actor=filer, filing_id=filing.pk)
    assert refused.value.code == "verification_required" and refused.value.status_code == 403
    assert "identity" in refused.value.fields
    with pytest.raises(VerificationRequired):
        services.filing_sign(actor=filer, filing_id=filing.pk, acknowledged=True, code="123456")
    assert not Signature.objects.filter(filing=filing).exists()
    assert not [m for m in sms_outbox if m.recipient == str(filer.mobile)]
