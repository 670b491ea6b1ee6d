"""Demo content for `make run`: the home page and the guides (idempotent)."""

from cms_pages.seed import seed_pages


def seed(stdout=None):
    seed_pages()
