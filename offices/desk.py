"""The office's desk (art. 7, ID-9, ID-10): the staff serve a person who has no account or
no online access — find them, register them, verify them, book for them, file for them.

The actions are declared once (`DESK_ACTIONS`: register, the in-person verification of
`offices.identity`, book) and served by the API (`/api/v1/offices/{code}/desk/…`) and the
desk page (`/office/{code}/desk/`) with the same serializers and services
(`offices.services.desk`). Filing for the person is the office channel of filings (its own
page and API). Only the staff holding a post in the office reach its desk: anyone else gets
404, as for a missing office, and nothing changes.
"""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.services.common import mask_mobile
from core.actions import Action, ActionFormView, ActionTable, labelled_errors
from core.api.errors import field_errors
from core.dates import format_date, format_time
from core.normalise import normalise_value
from offices import selectors
from offices.api.serializers import AppointmentSerializer
from offices.identity import IDENTITY_ACTIONS, InPersonSerializer
from offices.models import Appointment, Office
from offices.portal import _parse_day, calendar_context
from offices.services import desk_book, desk_register


class DeskBookSerializer(serializers.Serializer):
    national_id = serializers.CharField(label=gettext_lazy("National ID"), max_length=20)
    slot = serializers.IntegerField(label=gettext_lazy("Time"), min_value=1)
    service = serializers.SlugField(label=gettext_lazy("Service"))


class DeskPersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    national_id = serializers.CharField()
    name = serializers.CharField()
    mobile = serializers.CharField(help_text=gettext_lazy("Masked: the person says it."))
    verified = serializers.BooleanField()


def person_row(user) -> dict:
    return {
        "id": user.pk,
        "national_id": user.national_id,
        "name": user.get_full_name(),
        "mobile": mask_mobile(user.mobile),
        "verified": user.is_verified,
    }


def _registered(user) -> str:
    return _("%(name)s is registered and verified. An SMS tells them how to choose a password.") % {
        "name": user.get_full_name()
    }


def _booked(appointment) -> str:
    when = appointment.starts_at
    return _("Booked for %(day)s at %(time)s. Check-in code: %(code)s.") % {
        "day": format_date(when, "long"),
        "time": format_time(when),
        "code": appointment.check_in_code,
    }


DESK_ACTIONS = ActionTable(
    tags=["offices"],
    lookup="code",
    visible=selectors.post_office,
    actions=[
        Action(
            "register",
            desk_register,
            InPersonSerializer,
            summary="Register a walk-in who has no account, verified in person (ID-9, ID-10)",
            label=gettext_lazy("Register and verify"),
            done=_registered,
            result=DeskPersonSerializer,
            status_code=status.HTTP_201_CREATED,
        ),
        IDENTITY_ACTIONS["verify_identity"],
        Action(
            "book",
            desk_book,
            DeskBookSerializer,
            summary="Book an appointment at the office for a person (APT-2, APT-6, art. 7)",
            label=gettext_lazy("Book this time for them"),
            done=_booked,
            result=AppointmentSerializer,
            status_code=status.HTTP_201_CREATED,
        ),
    ],
)


class _DeskActAPI(APIView):
    """POST one desk action: the office first (404 outside it), then the input, the service,
    and what it made."""

    name = ""

    def post(self, request, code):
        act = DESK_ACTIONS[self.name]
        DESK_ACTIONS.get_visible(request.user, code)
        data = act.parse(request.data, context={"request": request})
        result = act.run(actor=request.user, lookup="code", pk=code, data=data)
        body = person_row(result) if act.result is DeskPersonSerializer else result
        return Response(act.result(body).data, status=act.status_code)


def _desk_api(name: str):
    act = DESK_ACTIONS[name]
    schema = extend_schema(
        tags=["offices"],
        summary=act.summary,
        description="Office staff of this office only (404 for anyone else, nothing changes).",
        request=act.input,
        responses={act.status_code: act.result},
    )

    def post(self, request, code):
        return _DeskActAPI.post(self, request, code)

    view = type(f"Desk{name.title()}API", (_DeskActAPI,), {"name": name, "post": schema(post)})
    return view.as_view()


class DeskPeopleAPI(APIView):
    @extend_schema(
        tags=["offices"],
        summary="Find a person at the office's desk by national ID or mobile (art. 7)",
        parameters=[OpenApiParameter("q", str, description="A national ID or a mobile number.")],
        responses={200: DeskPersonSerializer(many=True)},
    )
    def get(self, request, code):
        DESK_ACTIONS.get_visible(request.user, code)
        people = selectors.desk_people(request.query_params.get("q", ""))
        return Response(DeskPersonSerializer([person_row(p) for p in people], many=True).data)


# --- pages -------------------------------------------------------------------------------------
def desk_url(code, national_id: str = "") -> str:
    url = reverse("offices_staff:desk", kwargs={"code": code})
    return f"{url}?{urlencode({'q': national_id})}" if national_id else url


class DeskHome(LoginRequiredMixin, View):
    """The section's entry: the desk of the office where the user holds a post (a choice
    when they hold posts in several)."""

    def get(self, request):
        ids = selectors.office_ids_with_permission(request.user, "manage_appointments")
        offices = list(Office.objects.filter(pk__in=ids).order_by("code"))
        if not offices:
            raise Http404
        if len(offices) == 1:
            return redirect(desk_url(offices[0].code))
        return render(request, "offices/desk_home.html", {"offices": offices})


def desk_context(request, office, query: str, day=None) -> dict:
    """The desk page: the search, then the one person found (their card: verify, book,
    file), several (a choice) or none (the registration form)."""
    people = list(selectors.desk_people(query)) if query else []
    person = people[0] if len(people) == 1 else None
    context = {
        "office": office,
        "query": query,
        "people": people,
        "person": person,
        "status": selectors.operational_status(office),
        "form": InPersonSerializer(),
        "typed": {},
        "errors": {},
    }
    if person is not None:
        context.update(calendar_context(office, day=day))
        context["appointments"] = Appointment.objects.filter(
            user=person,
            office=office,
            status=Appointment.Status.BOOKED,
            starts_at__gte=timezone.now(),
        ).select_related("service")
    return context


class DeskPage(LoginRequiredMixin, View):
    """Find the person; then their card: verify, book, file; or register them."""

    def get(self, request, code):
        office = DESK_ACTIONS.get_visible(request.user, code)
        query = request.GET.get("q", "").strip()
        day = _parse_day(request.GET.get("day"))
        return render(request, "offices/desk.html", desk_context(request, office, query, day))


class DeskActionPost(ActionFormView):
    """A desk form's post. A refused registration or verification shows the form again with
    what was typed and each error beside its field; a refused booking goes back to the card
    with the refusal."""

    table = DESK_ACTIONS
    card_forms = ("register", "verify_identity")

    def success_url(self, request, pk, result):
        person = result[0] if isinstance(result, tuple) else getattr(result, "user", result)
        return desk_url(pk, person.national_id)

    def redirect_to(self, request, pk, result=None):
        if result is None:
            return redirect(desk_url(pk, request.POST.get("national_id", "")))
        return super().redirect_to(request, pk, result)

    def _again(self, request, pk, act, message, fields, status_code):
        office = DESK_ACTIONS.get_visible(request.user, pk)
        query = normalise_value(request.POST.get("national_id", "")).strip()
        context = desk_context(request, office, query)
        context.update(
            typed=request.POST,
            errors=fields,
            refusal=message,
            summary=labelled_errors(fields, act.input),
            failed=act.name,
        )
        return render(request, "offices/desk.html", context, status=status_code)

    def invalid(self, request, pk, act, exc):
        if act.name not in self.card_forms:
            return super().invalid(request, pk, act, exc)
        return self._again(request, pk, act, "", field_errors(exc.detail), 400)

    def refused(self, request, pk, act, exc):
        if act.name not in self.card_forms:
            return super().refused(request, pk, act, exc)
        return self._again(request, pk, act, exc.message, exc.fields, exc.status_code)

    def post(self, request, code, name):
        return super().post(request, code, name)


api_urlpatterns = [
    path("<str:code>/desk/people/", DeskPeopleAPI.as_view(), name="office-desk-people"),
    path("<str:code>/desk/register/", _desk_api("register"), name="office-desk-register"),
    path("<str:code>/desk/book/", _desk_api("book"), name="office-desk-book"),
]
page_urlpatterns = [
    path("desk/", DeskHome.as_view(), name="desk-home"),
    path("<str:code>/desk/", DeskPage.as_view(), name="desk"),
    path("<str:code>/desk/<str:name>/", DeskActionPost.as_view(), name="desk-action"),
]
