"""Actions declared once, served by the API and the pages alike.

An app declares each thing a user can do to one of its objects in an `ActionTable`: the
action's name, the service it calls, the input serializer that validates its body, and
what to say. Two adapters are built from the same table:

- `ActionTable.viewset_actions` / `with_actions`: one DRF `@action` per row on a viewset
  (`POST /…/{pk}/<url_path>/`), documented in the OpenAPI schema with its own request body
  and response, answering errors in the one JSON shape; `api_view` serves one action at a
  URL pattern of its own, for apps whose URLs are not router-based;
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
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action as drf_action
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.errors import field_errors
from core.api.parsers import FormParser, JSONParser, MultiPartParser
from core.dates import local_digits
from core.exceptions import DomainError


@dataclass(frozen=True)
class Action:
    """One thing a user can do to an object.

    `service` is called as `service(actor=user, <table.lookup>=pk, **validated_input)`
    (plus any named group of `url_path`, e.g. `seats/(?P<seat_id>\\d+)/end`);
    `transition` names the FSM transition that decides whether the page shows the action's
    button (`available_transitions`), when it is one; `url_path` defaults to the name with
    dashes, and `url_name` (the API route's name after the basename) to DRF's default, the
    name with dashes; `extra={"operation_id": …}` keeps an endpoint's published operation id.
    The API answers the object rendered by the viewset, or, with `result` (alias `response`),
    what the service returned, rendered by that serializer (a hearing scheduled on a case
    answers the hearing). `done` is what the page says once the action succeeded: a text,
    or a function of the service's result that returns one.
    """

    name: str
    service: Callable[..., Any]
    input: type[serializers.Serializer] | None = None
    summary: str = ""
    label: Any = ""
    done: Any = gettext_lazy("Done.")
    transition: str | None = None
    url_path: str | None = None
    url_name: str | None = None
    response: type[serializers.Serializer] | None = None
    result: type[serializers.Serializer] | None = None
    status_code: int = status.HTTP_200_OK
    multipart: bool = False
    confirm: Any = ""
    extra: dict = field(default_factory=dict)

    def said(self, result=None) -> str:
        """What the page tells the user the action did: `done`, or `done(result)` when it is
        a function of the service's result ("A code was sent to 0912…23")."""
        return str(self.done(result) if callable(self.done) else self.done)

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

    def run(self, *, actor, lookup: str, pk, data, path=None) -> Any:
        return self.service(actor=actor, **{lookup: pk}, **(path or {}), **data)


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
        object with the viewset's `render` method (called as `render(pk, status_code)`), or
        the service's result with `(act.result or act.response)`."""
        table = self

        def handler(viewset, request, pk=None, **path):
            context = {"request": request, "view": viewset}
            data = act.parse(request.data, context=context)
            result = act.run(actor=request.user, lookup=table.lookup, pk=pk, data=data, path=path)
            if (act.result or act.response) is not None:
                return Response(
                    (act.result or act.response)(result, context=context).data,
                    status=act.status_code,
                )
            return getattr(viewset, render)(pk, act.status_code)

        handler.__name__ = act.name
        body = act.input
        if act.multipart and act.input is not None:
            body = {"multipart/form-data": act.input}
        schema = extend_schema(
            operation_id=act.extra.get("operation_id"),
            tags=self.tags or None,
            summary=act.summary,
            request=body,
            responses={act.status_code: (act.result or act.response) or response},
        )
        # A multipart action still reads a JSON body, so that one without its file is refused
        # by the serializer (400, the one error shape) rather than by the parser (415).
        # Any other action takes the API's usual parsers (JSON, forms, multipart).
        parsers = (
            {"parser_classes": [MultiPartParser, FormParser, JSONParser]} if act.multipart else {}
        )
        # The schema goes on top of the action: `@action` replaces the function's `kwargs`,
        # where drf-spectacular keeps it.
        return schema(
            drf_action(
                detail=True,
                methods=["post"],
                url_path=act.path,
                url_name=act.url_name or act.name.replace("_", "-"),
                **parsers,
            )(handler)
        )


def api_view(
    table: ActionTable,
    act: Action,
    *,
    response,
    render,
    method: str = "post",
    parsers=None,
    **schema,
) -> Callable:
    """An API endpoint for one action at a URL pattern of its own (for apps whose URLs are
    not router-based): POST `…/<pk>/…` parses the body with the action's serializer, runs its
    service and answers `render(request, pk, result)`. The schema documents the action's
    body and `response`; `schema` adds to or overrides that (`responses`, `description`,
    `parameters`, `request`); `method` is the HTTP method (`put` for a step of a form)."""

    def handle(view, request, pk):
        data = act.parse(request.data, context={"request": request, "view": view})
        result = act.run(actor=request.user, lookup=table.lookup, pk=pk, data=data)
        return render(request, pk, result)

    handle.__name__ = method
    options = {
        "tags": table.tags or None,
        "summary": act.summary,
        "request": act.input,
        "responses": {act.status_code: response},
        **schema,
    }
    if parsers is None:
        parsers = [MultiPartParser, FormParser] if act.multipart else [JSONParser, FormParser]
    name = "".join(part.title() for part in act.name.split("_")) + "View"
    attrs = {method: extend_schema(**options)(handle), "parser_classes": parsers}
    return type(name, (APIView,), attrs).as_view()


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


def field_id(path: str) -> str:
    """The HTML id of a form's input for a field path (`parties.0.national_id` →
    `f-parties-0-national_id`), which the error summary links to."""
    return "f-" + str(path).replace(".", "-")


def field_label(serializer_class, path: str, labels: dict | None = None) -> str:
    """A field path of a serializer's errors as a person reads it: its label, and for a row
    of a list its number (`parties.0.national_id` → "Parties 1: National ID"). The one place
    where pages turn the API's field paths into labels; never a raw key. `labels` names what
    a service refuses beyond the serializer's fields (a step of a form)."""
    fields = serializer_class().fields if serializer_class is not None else {}
    words: list[str] = []
    for part in str(path).split("."):
        if part.isdigit():
            if words:
                words[-1] = f"{words[-1]} {local_digits(int(part) + 1)}"
            continue
        found = fields.get(part) if hasattr(fields, "get") else None
        if found is None:
            words.append(str((labels or {}).get(part, part.replace("_", " ").capitalize())))
            fields = {}
            continue
        words.append(str(found.label or part.replace("_", " ").capitalize()))
        inner = getattr(found, "child", found)
        fields = getattr(inner, "fields", {})
    return ": ".join(words)


def labelled_errors(fields: dict, serializer_class, labels: dict | None = None) -> list[dict]:
    """The error shape's `fields` ({path: [messages]}) as the summary at the top of a form
    lists them: each with its label, its messages and the id of its input."""
    out = []
    for path, errors in (fields or {}).items():
        errors = errors if isinstance(errors, (list, tuple)) else [errors]
        if path in ("non_field_errors", "__all__"):
            out.append({"path": path, "label": "", "messages": [str(e) for e in errors]})
            continue
        out.append(
            {
                "path": path,
                "label": field_label(serializer_class, path, labels),
                "messages": [str(e) for e in errors],
                "id": field_id(path),
            }
        )
    return out


def error_messages(exc: serializers.ValidationError, serializer_class) -> list[str]:
    """A serializer's errors as sentences naming each field by its label."""
    out = []
    for entry in labelled_errors(field_errors(exc.detail), serializer_class):
        for error in entry["messages"]:
            if not entry["label"]:
                out.append(error)
            else:
                out.append(_("%(field)s: %(error)s") % {"field": entry["label"], "error": error})
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
    `(request, pk, result) -> url`). A page whose buttons show only what the user may do now
    sets `forbidden_is_403`: the service's `Forbidden` then answers 403 (a forged post)
    instead of a message on the page."""

    table: ActionTable
    success_url: str | Callable = ""
    forbidden_is_403: bool = False

    def redirect_to(self, request, pk, result=None):
        if callable(self.success_url):
            return HttpResponseRedirect(self.success_url(request, pk, result))
        return HttpResponseRedirect(resolve_url(self.success_url, pk=pk))

    def target(self, request, pk, name) -> tuple[ActionTable, Action, Any]:
        """The table, the action and the pk of the object a post acts on: by default the
        page's own object, once `table.visible` has found it (404 otherwise). A page that
        also serves the actions of the object's parts (a case page posting for one of its
        hearings) overrides this."""
        act = self.table.by_name.get(name)
        if act is None:
            raise Http404
        self.table.get_visible(request.user, pk)
        return self.table, act, pk

    def post(self, request, pk, name):
        table, act, target = self.target(request, pk, name)
        return self.perform(request, pk, act, table=table, target=target)

    def form_input(self, request, act: Action):
        """The form as the action's serializer reads it."""
        return form_data(request)

    def path_args(self, request, act: Action) -> dict:
        """The named groups of the action's `url_path` (a hearing's id), which a page sends
        as form fields; none by default."""
        return {}

    def perform(self, request, pk, act: Action, *, table=None, target=None):
        """Validate, run the action on `target` (the page's object unless `target` says
        otherwise; already checked), answer with the page."""
        table = table or self.table
        target = pk if target is None else target
        try:
            data = act.parse(self.form_input(request, act), context={"request": request})
            result = act.run(
                actor=request.user,
                lookup=table.lookup,
                pk=target,
                data=data,
                path=self.path_args(request, act),
            )
        except serializers.ValidationError as exc:
            return self.invalid(request, pk, act, exc)
        except DomainError as exc:
            if exc.status_code == status.HTTP_404_NOT_FOUND:
                raise Http404 from None
            if exc.status_code == status.HTTP_403_FORBIDDEN and self.forbidden_is_403:
                raise PermissionDenied from None
            return self.refused(request, pk, act, exc)
        messages.success(request, act.said(result))
        return self.redirect_to(request, pk, result)

    def invalid(self, request, pk, act: Action, exc: serializers.ValidationError):
        """The form's input is refused by the action's serializer."""
        for text in error_messages(exc, act.input):
            messages.error(request, text)
        return self.redirect_to(request, pk)

    def refused(self, request, pk, act: Action, exc: DomainError):
        """The service refused the action."""
        messages.error(request, str(exc.message))
        for text in _flatten(list(exc.fields.values())):
            messages.error(request, text)
        return self.redirect_to(request, pk)
