from django import template
from django.urls import reverse

from reports.scope import scope_of

register = template.Library()


@register.simple_tag(takes_context=True)
def reports_link(context) -> str:
    """The dashboard's address for a viewer with a scope (RPT-1), else an empty string."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or scope_of(user).empty:
        return ""
    return reverse("reports:dashboard")
