"""Actions declared once, served by the API and the pages alike.

An app declares each thing a user can do to one of its objects in an `ActionTable`: the
action's name, the service it calls, the input serializer that validates its body, and
what to say. Two adapters are built from the same table:

- `ActionTable.viewset_actions` / `with_actions`: one DRF `@action` per row on a viewset
  (`POST /…/{pk}/<url_path>/`), documented in the OpenAPI schema with its own request body
  and response, answering errors in the one JSON shape;
- `ActionFormView`: the pages' form handler (`POST /…/{pk}/action/<name>/`), which binds the
  same serializer to the form, calls the same service, and turns refusals into page
  messages (with each field's label, never a raw key) and success into the action's
  `done` message.

Both validate with the same serializer, so services receive typed values, never raw form
strings. The object is looked up by the table's `visible(user, pk)` before anything else:
an object the user may not see answers 404 on both paths, whatever the input.

    REQUEST_ACTIONS = ActionTable(
        tags=["licensing"],
        lookup="request_id",
        visible=lambda user, pk: selectors.get_request(user, pk),
        actions=[
            Action("propose", services.request_propose, DecisionInput,
                   summary="The Council's proposal (LIC-3)", label=_("Council proposal"),
                   done=_("The proposal was recorded.")),
        ],
    )
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action as drf_action
from rest_framework.parsers import FormParser, MultiPartParser

from core.api.parsers import JSONParser
from core.exceptions import DomainError


@dataclass(frozen=True)
class Action:
    """One thing a user can do to an object.

    `service` is called as `service(actor=user, <table.lookup>=pk, **validated_input)`;
    `transition` names the FSM transition that decides whether the page shows the action's
    button (`available_transitions`), when it is one; `url_path` defaults to the name with
    dashes.
    """

    name: str
    service: Callable[..., Any]
    input: type[serializers.Serializer] | None = None
    summary: str = ""
    label: Any = ""
    done: Any = gettext_lazy("Done.")
    transition: str | None = None
    url_path: str | None = None
    status_code: int = status.HTTP_200_OK
    multipart: bool = False
    confirm: Any = ""
    extra: dict = field(default_factory=dict)

    @property
    def path(self) -> str:
        return self.url_path or self.name.replace("_", "-")

    def parse(self, data, *, context=None) -> dict:
        """Validate `data` (a JSON body or a form's QueryDict) with the action's serializer;
        bad input raises DRF's ValidationError."""
        if self.input is None:
            return {}
        serializer = self.input(data=data, context=context or {})
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    def run(self, *, actor, lookup: str, pk, data) -> Any:
        return self.service(actor=actor, **{lookup: pk}, **data)


@dataclass
class ActionTable:
    """An app's actions on one kind of object."""

    actions: Iterable[Action]
    lookup: str = "pk"
    visible: Callable[[Any, Any], Any] | None = None
    tags: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.actions = list(self.actions)
        self.by_name = {a.name: a for a in self.actions}
        if len(self.by_name) != len(self.actions):
            raise ValueError("two actions share a name")

    def __iter__(self):
        return iter(self.actions)

    def __getitem__(self, name: str) -> Action:
        return self.by_name[name]

    def get_visible(self, user, pk):
        """The object if `user` may see it, else 404 (forbidden looks missing)."""
        if self.visible is None:
            return None
        obj = self.visible(user, pk)
        if obj is None:
            raise Http404
        return obj

    def buttons(self, allowed: Iterable[str]) -> list[Action]:
        """The actions whose transition (or name) is among `allowed`, in table order."""
        allowed = set(allowed)
        return [a for a in self.actions if (a.transition or a.name) in allowed]

    # --- the API adapter ------------------------------------------------------------------
    def api_handler(self, act: Action, *, response, render: str = "_render"):
        """A viewset method for `act`: parse with its serializer, run its service, render the
        object with the viewset's `render` method (called as `render(pk, status_code)`)."""
        table = self

        def handler(viewset, request, pk=None):
            data = act.parse(request.data, context={"request": request, "view": viewset})
            act.run(actor=request.user, lookup=table.lookup, pk=pk, data=data)
            return getattr(viewset, render)(pk, act.status_code)

        handler.__name__ = act.name
        handler.__doc__ = act.summary
        schema = extend_schema(
            tags=self.tags or None,
            summary=act.summary,
            request=act.input,
            responses={act.status_code: response},
        )
        parsers = [MultiPartParser, FormParser] if act.multipart else [JSONParser, FormParser]
        return drf_action(detail=True, methods=["post"], url_path=act.path, parser_classes=parsers)(
            schema(handler)
        )


def with_actions(table: ActionTable, *, response, render: str = "_render"):
    """Class decorator: add one POST endpoint per action of `table` to a viewset."""

    def decorate(viewset):
        for act in table:
            setattr(viewset, act.name, table.api_handler(act, response=response, render=render))
        return viewset

    return decorate


# --- the pages adapter ------------------------------------------------------------------------
def form_data(request):
    """A form post (fields and files) as one QueryDict for a serializer."""
    data = request.POST.copy()
    for key in request.FILES:
        data.setlist(key, request.FILES.getlist(key))
    return data


def error_messages(exc: serializers.ValidationError, serializer_class) -> list[str]:
    """A serializer's errors as sentences naming each field by its label."""
    labels = {}
    if serializer_class is not None:
        for name, fld in serializer_class().fields.items():
            labels[name] = str(fld.label or name.replace("_", " ").capitalize())
    detail = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
    out = []
    for name, errors in detail.items():
        errors = errors if isinstance(errors, list) else [errors]
        for error in _flatten(errors):
            if name in ("non_field_errors", "__all__"):
                out.append(str(error))
            else:
                out.append(
                    _("%(field)s: %(error)s") % {"field": labels.get(name, name), "error": error}
                )
    return out


def _flatten(errors) -> list[str]:
    flat = []
    for error in errors:
        if isinstance(error, dict):
            for value in error.values():
                flat.extend(_flatten(value if isinstance(value, list) else [value]))
        elif isinstance(error, list):
            flat.extend(_flatten(error))
        else:
            flat.append(str(error))
    return flat


class ActionFormView(LoginRequiredMixin, View):
    """POST `<pk>/action/<name>/` for a page: one table, one service call, back to the page.

    Subclasses set `table` and `success_url` (a URL name taking `pk`, or a callable
    `(request, pk, result) -> url`)."""

    table: ActionTable
    success_url: str | Callable = ""

    def redirect_to(self, request, pk, result=None):
        if callable(self.success_url):
            return HttpResponseRedirect(self.success_url(request, pk, result))
        return HttpResponseRedirect(resolve_url(self.success_url, pk=pk))

    def post(self, request, pk, name):
        act = self.table.by_name.get(name)
        if act is None:
            raise Http404
        self.table.get_visible(request.user, pk)
        try:
            data = act.parse(form_data(request), context={"request": request})
            result = act.run(actor=request.user, lookup=self.table.lookup, pk=pk, data=data)
        except serializers.ValidationError as exc:
            for text in error_messages(exc, act.input):
                messages.error(request, text)
            return self.redirect_to(request, pk)
        except DomainError as exc:
            if exc.status_code == status.HTTP_404_NOT_FOUND:
                raise Http404 from None
            messages.error(request, str(exc.message))
            for text in _flatten(list(exc.fields.values())):
                messages.error(request, text)
            return self.redirect_to(request, pk)
        messages.success(request, str(act.done))
        return self.redirect_to(request, pk, result)
