import pytest

from cms_pages.seed import seed_pages


@pytest.fixture
def seeded(db):
    """The public site as `seed_pages()` leaves it: Persian home, guides, the booking guide
    (seed 001), and their English translations."""
    return seed_pages()
