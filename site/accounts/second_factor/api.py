"""The API's second-factor step of a staff sign-in (ID-13).

`POST /api/v1/auth/signin/verify/` answers staff with 202 and a signed challenge (no session,
no token yet); `POST /api/v1/auth/signin/second-factor/` takes it with an authenticator code,
a recovery code or a passkey assertion and completes the sign-in. Enrolment happens on the
site's pages (`/accounts/second-factor/enrol/`)."""

import json

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import LegalPerson, User
from accounts.second_factor import passkeys, services
from accounts.second_factor.models import Passkey
from accounts.serializers import SignedInSerializer
from core.api import require_csrf
from core.api import validated_input as _valid
from core.exceptions import Forbidden, ValidationFailed

SALT = "accounts.second_factor.signin"
EXPIRED = _("This step has expired. Please start again.")


class SecondFactorPendingSerializer(serializers.Serializer):
    second_factor_required = serializers.BooleanField()
    challenge = serializers.CharField()
    enrolled = serializers.BooleanField()
    methods = serializers.ListField(child=serializers.ChoiceField(["totp", "recovery", "passkey"]))
    passkey_options = serializers.JSONField(
        allow_null=True, help_text="Options for `navigator.credentials.get()`."
    )
    detail = serializers.CharField()


class SecondFactorSerializer(serializers.Serializer):
    challenge = serializers.CharField(max_length=4096)
    code = serializers.CharField(max_length=32, required=False, allow_blank=True, default="")
    passkey = serializers.JSONField(
        required=False, allow_null=True, default=None, help_text="The passkey's assertion."
    )
    issue_token = serializers.BooleanField(default=False)
    device_name = serializers.CharField(
        max_length=100, required=False, allow_blank=True, default=""
    )


def second_factor_pending(request, signed_in) -> Response:
    """202: the password and SMS steps are done; the second factor is next."""
    user = signed_in.user
    enrolled = services.is_enrolled(user)
    methods, options, webauthn_challenge = [], None, None
    if enrolled:
        from django_otp.plugins.otp_totp.models import TOTPDevice

        if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            methods.append("totp")
        if services.recovery_codes_left(user):
            methods.append("recovery")
        if Passkey.objects.filter(user=user, confirmed=True).exists():
            rp_id, _origins = passkeys.relying_party(request)
            text, webauthn_challenge = passkeys.authentication_options(user=user, rp_id=rp_id)
            options = json.loads(text)
            methods.append("passkey")
    payload = {
        "u": user.pk,
        "lp": signed_in.legal_person.pk if signed_in.legal_person else None,
        "w": webauthn_challenge,
    }
    detail = (
        _("Enter the code of your authenticator app, a recovery code, or use your passkey.")
        if enrolled
        else str(services.ENROLMENT_REQUIRED)
    )
    body = {
        "second_factor_required": True,
        "challenge": signing.dumps(payload, salt=SALT, compress=True),
        "enrolled": enrolled,
        "methods": methods,
        "passkey_options": options,
        "detail": detail,
    }
    return Response(body, status=status.HTTP_202_ACCEPTED)


def _unsign(challenge):
    try:
        return signing.loads(challenge, salt=SALT, max_age=settings.ACCOUNTS["CHALLENGE_MAX_AGE"])
    except signing.BadSignature as exc:
        raise ValidationFailed(
            EXPIRED, code="challenge_invalid", fields={"challenge": [EXPIRED]}
        ) from exc


class SecondFactorView(APIView):
    permission_classes = [AllowAny]
    throttle_scope = "auth"

    @extend_schema(
        tags=["auth"],
        request=SecondFactorSerializer,
        responses={200: SignedInSerializer},
        summary="Sign-in, staff step 3: the second factor (ID-13)",
        description=(
            "The challenge of the 202 answer of `/api/v1/auth/signin/verify/`, with `code` (the "
            "authenticator's code or a recovery code) or `passkey` (the assertion for its "
            "`passkey_options`). Starts a session (with the CSRF token) or, with `issue_token`, "
            "returns a token. Wrong codes are throttled and counted like wrong passwords."
        ),
    )
    def post(self, request):
        from accounts import api as accounts_api
        from accounts import services as account_services
        from accounts.authentication import client_address

        data = _valid(SecondFactorSerializer, request)
        if not data["issue_token"]:
            require_csrf(request)
        payload = _unsign(data["challenge"])
        user = User.objects.filter(pk=payload.get("u")).first()
        if user is None or not user.is_usable:
            raise ValidationFailed(EXPIRED, code="challenge_invalid")
        legal_person = None
        if payload.get("lp"):
            legal_person = LegalPerson.objects.filter(pk=payload["lp"]).first()
        source = client_address(request)
        if data["passkey"]:
            if not payload.get("w"):
                raise Forbidden(_("This account has no passkey."), code="no_passkey")
            rp_id, origins = passkeys.relying_party(request)
            device = passkeys.authenticate(
                user=user,
                credential=data["passkey"],
                challenge=payload["w"],
                rp_id=rp_id,
                origins=origins,
                source=source,
            )
        else:
            device = services.verify_code(user=user, code=data["code"], source=source)
        signed_in = account_services.SignedIn(user=user, legal_person=legal_person)
        return accounts_api.complete_sign_in(
            request,
            signed_in,
            issue_token=data["issue_token"],
            device_name=data["device_name"],
            device=device,
        )
