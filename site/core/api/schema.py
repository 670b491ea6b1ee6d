"""OpenAPI generation: every operation documents the error responses it can give."""

import copy

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _
from drf_spectacular import openapi
from rest_framework import serializers
from rest_framework.permissions import AllowAny


class ErrorSerializer(serializers.Serializer):
    code = serializers.CharField(
        help_text=_("Stable machine-readable code, e.g. `invalid`, `not_found`.")
    )
    message = serializers.CharField(
        help_text=_("Human-readable message in the request's language.")
    )
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text=_("Messages per field at fault (dotted paths for nested fields)."),
    )


ERROR_DESCRIPTIONS = {
    "400": _("Invalid input: `fields` names each field at fault."),
    "401": _("Not signed in."),
    "403": _("Signed in, but not allowed to take this action."),
    "404": _("Not found, or not visible to the caller."),
    "405": _("Method not allowed."),
    "409": _("The object's state does not allow this action, or it changed meanwhile."),
    "415": _("Unsupported media type."),
    "429": _("Too many requests or failed attempts; see Retry-After."),
    "503": _("The service is briefly unavailable."),
}


LOCAL_TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?$"


def _may_be_blank(field) -> bool:
    """A read-only choice field of a model CharField with blank=True: DRF drops `allow_blank`
    from read-only fields, so the documented enum would leave out the "" the field holds
    until it is set."""
    if not (isinstance(field, serializers.ChoiceField) and field.read_only):
        return False
    if field.allow_blank or "." in (field.source or ""):
        return False
    model = getattr(getattr(field.parent, "Meta", None), "model", None)
    if model is None:
        return False
    try:
        model_field = model._meta.get_field(field.source)
    except FieldDoesNotExist:
        return False
    return isinstance(model_field, models.CharField) and model_field.blank


class AutoSchema(openapi.AutoSchema):
    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        if isinstance(field, serializers.TimeField):
            # A wall-clock time of day ("08:00:00"), not RFC 3339's full-time with an offset,
            # which is what JSON Schema's `"format": "time"` means.
            return {"type": "string", "pattern": LOCAL_TIME_PATTERN, "example": "08:00:00"}
        if _may_be_blank(field):
            field = copy.copy(field)
            field.allow_blank = True
        return super()._map_serializer_field(field, direction, bypass_extensions)

    def _error_codes(self):
        codes = {"400", "404", "405", "429", "503"}
        if not any(isinstance(p, AllowAny) for p in self.view.get_permissions()):
            codes |= {"401", "403"}
        if self.method in {"POST", "PUT", "PATCH", "DELETE"}:
            codes |= {"403", "409", "415"}
        return codes

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code in sorted(self._error_codes()):
            if code not in responses:
                body = self._get_response_for_code(ErrorSerializer, code, direction=direction)
                body["description"] = str(ERROR_DESCRIPTIONS[code])
                responses[code] = body
        return responses


def only_domain_api(endpoints, **kwargs):
    """Keep the domain API in the schema; Wagtail's pages and admin APIs have their own."""
    return [e for e in endpoints if e[0].startswith("/api/v1/")]


# The types an uploaded file can be once its content is checked (filings.attachments): a
# download serves the stored file's own type, so its 200 is documented for each of them.
STORED_FILE_TYPES = (
    "application/pdf",
    "image/jpeg",
    "image/png",
    "application/vnd.lt.archyvai.adoc-2008",
    "application/vnd.etsi.asic-e+zip",
)


def stored_file_responses(description="") -> dict:
    """`responses=` of an endpoint that streams an uploaded file in its own content type."""
    from drf_spectacular.types import OpenApiTypes
    from drf_spectacular.utils import OpenApiResponse

    return {
        (200, content_type): OpenApiResponse(OpenApiTypes.BINARY, description=description)
        for content_type in STORED_FILE_TYPES
    }
