import pytest
from django.utils import translation

from tests.factories import UserFactory
from tests.factories import courts as cf


@pytest.fixture(autouse=True)
def _messages_in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def branch(db):
    return cf.branch_of("IR-THR-GEN", 1)


@pytest.fixture
def clerk(branch):
    return cf.clerk_of(branch)


@pytest.fixture
def party(db):
    return UserFactory(
        mobile="+989121110000", first_name="Sara", last_name="Ahmadi", preferred_language="en"
    )


@pytest.fixture
def opponent(db):
    return UserFactory(first_name="Reza", last_name="Karimi", preferred_language="en")


@pytest.fixture
def lawyer(db):
    from tests.factories import filings as ff

    return ff.lawyer(first_name="Nima", last_name="Vakil", preferred_language="en")


@pytest.fixture
def stranger(db):
    return UserFactory()


@pytest.fixture
def the_case(branch, clerk, party, opponent, lawyer):
    return cf.case(
        branch=branch,
        clerk=clerk,
        parties=[("claimant", party), ("defendant", opponent)],
        lawyers=[(lawyer, 0)],
    )
