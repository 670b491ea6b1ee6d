"""One JSON error shape for the whole API: {"code", "message", "fields"}."""

import logging

from django.core.exceptions import PermissionDenied, RequestDataTooBig, TooManyFieldsSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from core.exceptions import DomainError, Locked

logger = logging.getLogger(__name__)


def _flatten(detail):
    """DRF error details -> {field: [messages]}; nested serializers use dotted paths."""
    fields = {}

    def walk(prefix, value):
        if isinstance(value, dict):
            for key, item in value.items():
                walk(f"{prefix}.{key}" if prefix else str(key), item)
        elif isinstance(value, list):
            if value and all(not isinstance(item, (dict, list)) for item in value):
                fields.setdefault(prefix or "non_field_errors", []).extend(str(v) for v in value)
            else:
                for index, item in enumerate(value):
                    walk(f"{prefix}.{index}" if prefix else str(index), item)
        else:
            fields.setdefault(prefix or "non_field_errors", []).append(str(value))

    walk("", detail)
    return fields


def field_errors(detail) -> dict:
    """A serializer's errors as the error shape's `fields` ({dotted field: [messages]}), for
    pages that show a refused form the way the API reports it."""
    return _flatten(detail)


def error_body(code, message, fields=None):
    return {"code": code, "message": str(message), "fields": fields or {}}


def exception_handler(exc, context):
    if isinstance(exc, DomainError):
        headers = {}
        if isinstance(exc, Locked) and exc.retry_after:
            headers["Retry-After"] = str(int(exc.retry_after))
        return Response(
            error_body(
                exc.code,
                exc.message,
                {
                    k: [str(m) for m in v] if isinstance(v, (list, tuple)) else [str(v)]
                    for k, v in exc.fields.items()
                },
            ),
            status=exc.status_code,
            headers=headers,
        )
    if isinstance(exc, RecursionError):
        # Input nested past the interpreter's recursion limit, in a view that names DRF's own
        # JSON parser (core.api.parsers refuses it first otherwise).
        exc = exceptions.ParseError(_("The JSON body is nested too deeply."))
    elif isinstance(exc, (RequestDataTooBig, TooManyFieldsSent)):
        # Django's own refusal would be its HTML 400 page.
        return Response(
            error_body("request_too_large", _("The request body is too large.")),
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, (OperationalError, InterfaceError)):
        logger.exception("Database unavailable")
        return Response(
            error_body("service_unavailable", _("The service is briefly unavailable. Try again.")),
            status=status.HTTP_503_SERVICE_UNAVAILABLE,
            headers={"Retry-After": "5"},
        )
    elif isinstance(exc, DatabaseError):
        logger.exception("Database error")
        return Response(
            error_body("conflict", _("The request conflicts with the stored data. Try again.")),
            status=status.HTTP_409_CONFLICT,
        )

    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = error_body("invalid", _("Some fields are invalid."), _flatten(exc.detail))
    else:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
        code = getattr(exc, "default_code", "error")
        if isinstance(detail, (dict, list)):
            response.data = error_body(code, _("The request was refused."), _flatten(detail))
        else:
            code = getattr(detail, "code", None) or code
            response.data = error_body(code, detail)
    return response


def json_not_found(request, exception=None):
    return JsonResponse(error_body("not_found", _("Not found.")), status=404)


def json_server_error(request):
    return JsonResponse(error_body("server_error", _("An unexpected error occurred.")), status=500)
