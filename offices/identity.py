"""In-person identity verification at an office (ID-9 b, art. 7).

The office's staff find the person by national ID — or register them — record that they saw
the national ID card with its serial, and the account becomes verified (the notices waiting
for that national ID are delivered at once). The action is declared once (`IDENTITY_ACTIONS`)
and served by the API (`POST /api/v1/offices/{code}/identity/`) and the staff page
(`/office/{code}/identity/`) with the same serializer; only the staff of that office may
use it (anyone else gets 404, as for a missing office). The record (`IdentityVerification`),
the account's history and the transition log keep who verified whom, where and when.
"""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import services as account_services
from accounts.names import NameField
from accounts.national_id import scheme_choices
from accounts.serializers import MobileField
from core.actions import Action, ActionFormView, ActionTable
from core.exceptions import NotFound
from offices import selectors
from offices.models import Office


def staffed_office(user, code) -> Office | None:
    """The office of this code if `user` holds a post in it (the staff who serve walk-ins),
    else None."""
    return selectors.post_office(user, code)


class InPersonSerializer(serializers.Serializer):
    national_id = serializers.CharField(label=_("National ID"), max_length=20)
    id_scheme = serializers.ChoiceField(label=_("Kind of national ID"), choices=[], default="ir")
    first_name = NameField(label=_("First name"), max_length=150)
    last_name = NameField(label=_("Last name"), max_length=150)
    birth_date = serializers.DateField(label=_("Birth date"))
    id_card_serial = NameField(label=_("ID card serial"), max_length=20)
    mobile = MobileField(label=_("Mobile number"))
    card_seen = serializers.BooleanField(
        label=_("I saw the person's national ID card"), default=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["id_scheme"].choices = scheme_choices()


class VerifiedPersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    national_id = serializers.CharField()
    name = serializers.CharField()
    level = serializers.CharField()
    created = serializers.BooleanField(help_text=_("True when the account was registered now."))


def verify_identity(*, actor, code, **data):
    """The staff of the office `code` verify a person in front of them (ID-9 b)."""
    office = staffed_office(actor, code)
    if office is None:
        raise NotFound()
    return account_services.identity_verify_in_person(staff=actor, office_id=office.pk, **data)


IDENTITY_ACTIONS = ActionTable(
    tags=["offices"],
    lookup="code",
    visible=staffed_office,
    actions=[
        Action(
            "verify_identity",
            verify_identity,
            InPersonSerializer,
            summary="Verify a person's identity in person at the office (ID-9)",
            label=_("Verify identity"),
            done=_("The person's identity is verified."),
            url_path="identity",
        )
    ],
)


class VerifyIdentityAPI(APIView):
    @extend_schema(
        tags=["offices"],
        request=InPersonSerializer,
        responses={200: VerifiedPersonSerializer},
        summary="Verify a person's identity in person at the office (ID-9)",
        description=(
            "Office staff only (404 for anyone else). Finds the account of the national ID or "
            "registers it, records the ID card's serial and makes the account verified; "
            "`card_seen` must be true. A changed mobile, or an account that was still pending, "
            "gets a new password by SMS and loses every other session and token."
        ),
    )
    def post(self, request, code):
        act = IDENTITY_ACTIONS["verify_identity"]
        IDENTITY_ACTIONS.get_visible(request.user, code)
        data = act.parse(request.data, context={"request": request})
        user, created = act.run(actor=request.user, lookup="code", pk=code, data=data)
        body = {
            "id": user.pk,
            "national_id": user.national_id,
            "name": user.get_full_name(),
            "level": user.level,
            "created": created,
        }
        return Response(VerifiedPersonSerializer(body).data, status=status.HTTP_200_OK)


class VerifyIdentityPage(LoginRequiredMixin, View):
    """The staff page: the form, and what the last verification did."""

    def get(self, request, code):
        office = IDENTITY_ACTIONS.get_visible(request.user, code)
        return render(
            request,
            "offices/identity.html",
            {
                "office": office,
                "form": InPersonSerializer(),
                "action": reverse("offices_staff:identity_post", kwargs={"code": office.code}),
            },
        )


class VerifyIdentityPost(ActionFormView):
    table = IDENTITY_ACTIONS

    def success_url(self, request, pk, result):
        return reverse("offices_staff:identity", kwargs={"code": pk})

    def post(self, request, code):
        return super().post(request, code, "verify_identity")


api_urlpatterns = [
    path("<str:code>/identity/", VerifyIdentityAPI.as_view(), name="office-identity"),
]
page_urlpatterns = [
    path("<str:code>/identity/", VerifyIdentityPage.as_view(), name="identity"),
    path("<str:code>/identity/verify/", VerifyIdentityPost.as_view(), name="identity_post"),
]
