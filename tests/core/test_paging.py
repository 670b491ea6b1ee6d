"""`{% pagination %}`: the links under every paginated list of the portal."""

from django.core.paginator import Paginator
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation


def render(url, page_number, **options):
    request = RequestFactory().get(url)
    page = Paginator(list(range(60)), 25).get_page(page_number)
    arguments = " ".join(f'{name}="{value}"' for name, value in options.items())
    template = Template("{% load paging %}{% pagination page " + arguments + " %}")
    with translation.override("en"):
        return template.render(Context({"request": request, "page": page}))


def test_links_keep_the_other_parameters_of_the_query():
    html = render("/filings/?status=sent&kind=petition&page=2", 2)

    assert 'href="?status=sent&amp;kind=petition&amp;page=1" rel="prev"' in html
    assert 'href="?status=sent&amp;kind=petition&amp;page=3" rel="next"' in html
    assert "Page 2 of 3" in html


def test_a_second_list_on_the_page_keeps_the_first_ones_page():
    html = render("/staff/licensing/?page=2", 1, param="applications_page", anchor="apps")

    assert 'href="?page=2&amp;applications_page=2#apps" rel="next"' in html
    assert 'rel="prev"' not in html


def test_no_links_for_a_single_page():
    request = RequestFactory().get("/")
    page = Paginator([1, 2], 25).get_page(1)
    html = Template("{% load paging %}{% pagination page %}").render(
        Context({"request": request, "page": page})
    )
    assert html.strip() == ""
