import pytest
from django.core.cache import cache
from guardian.shortcuts import assign_perm

from accounts.models import Representation
from notices import services
from tests.factories import LegalPersonFactory, UserFactory
from tests.factories.notices import BranchFactory, court_clerk


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield


@pytest.fixture
def branch(db):
    return BranchFactory(name="Branch 12 of the Tehran civil court")


@pytest.fixture
def clerk(branch):
    return court_clerk(branch)


@pytest.fixture
def recipient(db):
    return UserFactory(mobile="+989121111111", email="recipient@example.ir")


@pytest.fixture
def stranger(db):
    return UserFactory()


@pytest.fixture
def company(db):
    return LegalPersonFactory(name="Pars Trading Co.")


@pytest.fixture
def representative(company):
    """An authorised person of `company`: an open representation and the permission."""
    user = UserFactory()
    Representation.objects.create(legal_person=company, user=user, title="CEO")
    assign_perm("accounts.act_for_legalperson", user, company)
    return user


@pytest.fixture
def issue(clerk, branch, recipient, django_capture_on_commit_callbacks):
    """Issue a notice through the service, running the after-commit alerts."""

    def make(**kwargs):
        params = {
            "actor": clerk,
            "branch": branch,
            "recipient": recipient,
            "case_number": "1403123456789012",
            "case_sub_row": 1,
            "subject": "Summons to a hearing",
            "body": "You are summoned to the hearing of 1404/06/01 at 10:00.",
        }
        params.update(kwargs)
        with django_capture_on_commit_callbacks(execute=True):
            return services.issue_notice(**params)

    return make
