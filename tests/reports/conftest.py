import pytest

from accounts.roles import Role
from licensing import association as association_services
from tests.factories import UserFactory
from tests.factories import filings as ff
from tests.factories.licensing import association, centre_head
from tests.factories.offices import operational_office, province
from tests.filings.conftest import _fresh_gateway, clerk, court, filer  # noqa: F401 (fixtures)


@pytest.fixture
def office(db):
    ff.ensure_fee_schedule()
    return operational_office(province=province("tehran"))


@pytest.fixture
def far_office(db):
    """An office of another province."""
    ff.ensure_fee_schedule()
    return operational_office(province=province("east-azerbaijan"))


@pytest.fixture
def gd(db):
    return UserFactory(roles=[Role.LICENSING_STAFF])


@pytest.fixture
def tehran_board(db):
    """A sitting board member of Tehran's Association."""
    user = UserFactory()
    association_services.board_appoint(
        actor=centre_head(),
        association_id=association("tehran").pk,
        user=user,
        seat="office_manager",
    )
    association("east-azerbaijan")
    return user
