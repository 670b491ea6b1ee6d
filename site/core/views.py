"""Error pages: JSON under /api/, readable pages elsewhere."""

from django.shortcuts import render
from django.views.defaults import page_not_found
from django.views.defaults import server_error as django_server_error

from core.api.errors import json_not_found, json_server_error


def not_found(request, exception=None):
    if request.path.startswith("/api/"):
        return json_not_found(request, exception)
    return page_not_found(request, exception)


def server_error(request):
    import sys

    from core.middleware import database_unavailable, service_unavailable

    if database_unavailable(sys.exc_info()[1]):  # lost before the view, e.g. the session
        return service_unavailable(request)
    if request.path.startswith("/api/"):
        return json_server_error(request)
    return django_server_error(request)


def render_error(request, template, status):
    return render(request, template, status=status)
