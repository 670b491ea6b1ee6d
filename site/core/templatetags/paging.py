"""`{% pagination page %}`: the previous/next links and "page n of N" under a paginated list.

    {% load paging %}
    {% pagination page %}
    {% translate "Pages of applications" as label %}
    {% pagination applications param="applications_page" anchor="applications" label=label %}

The links keep every other parameter of the current query (filters, a tab, the page of
another list on the same page) and change only `param`."""

from django import template
from django.http import QueryDict
from django.utils.translation import gettext as _

register = template.Library()


@register.inclusion_tag("includes/pagination.html", takes_context=True)
def pagination(context, page, param="page", anchor="", label=None):
    request = context.get("request")

    def link(number: int) -> str:
        query = request.GET.copy() if request is not None else QueryDict(mutable=True)
        query[param] = number
        return f"?{query.urlencode()}" + (f"#{anchor}" if anchor else "")

    return {
        "page": page,
        "label": label or _("Pages"),
        "previous_url": link(page.previous_page_number()) if page.has_previous() else "",
        "next_url": link(page.next_page_number()) if page.has_next() else "",
    }
