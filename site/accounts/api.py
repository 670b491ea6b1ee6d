"""The accounts API (ID-1 … ID-8): parse, call a service, render. No rules here."""

from django.contrib.auth import login, logout, update_session_auth_hash
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import selectors, serializers, services
from accounts.authentication import client_address
from accounts.second_factor.api import SecondFactorPendingSerializer, second_factor_pending
from accounts.second_factor.gate import bind_token
from accounts.second_factor.policy import needs_second_factor
from core.api import require_csrf
from core.api import validated_input as _valid
from core.exceptions import NotFound

AUTH_TAG = ["auth"]
ACCOUNT_TAG = ["accounts"]


def _detail(message, code=status.HTTP_200_OK):
    return Response({"detail": str(message)}, status=code)


def sign_in_session(request, signed_in: services.SignedIn) -> None:
    """Start a session for the user (and the legal person they act for, ID-3)."""
    django_request = getattr(request, "_request", request)
    login(django_request, signed_in.user, backend="django.contrib.auth.backends.ModelBackend")
    django_request.session["acting_for_legal_person"] = (
        signed_in.legal_person.pk if signed_in.legal_person else None
    )


class AuthView(APIView):
    """Anonymous endpoints of sign-in, codes and recovery: throttled per source (ID-7)."""

    permission_classes = [AllowAny]
    throttle_scope = "auth"


# --- registration (ID-1, ID-2) --------------------------------------------------------------------


class RegisterView(AuthView):
    @extend_schema(
        tags=ACCOUNT_TAG,
        request=serializers.RegisterSerializer,
        responses={202: serializers.RegisterStartedSerializer},
        summary="Register a natural person (sends a mobile code)",
        description=(
            "Creates a pending account and sends a code to the mobile (and another to the email, "
            "when given). The answer is the same whether or not the national ID is already "
            "registered."
        ),
    )
    def post(self, request):
        data = _valid(serializers.RegisterSerializer, request)
        started = services.register_start(**data, source=client_address(request))
        return Response(
            {
                "challenge": started.challenge,
                "detail": _(
                    "If the details are valid, a code has been sent to the mobile number. "
                    "Enter it to complete the registration."
                ),
            },
            status=status.HTTP_202_ACCEPTED,
        )


class RegisterVerifyView(AuthView):
    @extend_schema(
        tags=ACCOUNT_TAG,
        request=serializers.RegisterVerifySerializer,
        responses={200: serializers.DetailSerializer},
        summary="Verify the mobile code and activate the account",
    )
    def post(self, request):
        data = _valid(serializers.RegisterVerifySerializer, request)
        services.register_verify(**data, source=client_address(request))
        return _detail(_("Your account is active. You can now sign in."))


class RegisterVerifyEmailView(AuthView):
    @extend_schema(
        tags=ACCOUNT_TAG,
        request=serializers.RegisterVerifySerializer,
        responses={200: serializers.DetailSerializer},
        summary="Verify the email code sent at registration",
    )
    def post(self, request):
        data = _valid(serializers.RegisterVerifySerializer, request)
        services.register_verify_email(**data, source=client_address(request))
        return _detail(_("Your email address is verified."))


class RegisterResendView(AuthView):
    @extend_schema(
        tags=ACCOUNT_TAG,
        request=serializers.RegisterResendSerializer,
        responses={202: serializers.DetailSerializer},
        summary="Send the registration code again",
    )
    def post(self, request):
        data = _valid(serializers.RegisterResendSerializer, request)
        services.register_resend(**data, source=client_address(request))
        return _detail(
            _("If the registration is still waiting for it, a new code has been sent."),
            status.HTTP_202_ACCEPTED,
        )


# --- sign-in (ID-3, ID-4) -------------------------------------------------------------------------


def _started_body(started: services.SignInStarted) -> dict:
    if started.already_sent:
        message = _("The temporary password was already sent to you. Enter it to sign in.")
    else:
        message = _("Your temporary password was sent to your mobile. Enter it to sign in.")
    return {
        "challenge": started.challenge,
        "already_sent": started.already_sent,
        "expires_at": started.expires_at,
        "sent_to": started.sent_to,
        "detail": message,
    }


class SignInView(AuthView):
    @extend_schema(
        tags=AUTH_TAG,
        request=serializers.SignInSerializer,
        responses={200: serializers.SignInStartedSerializer},
        summary="Sign-in, step 1: national ID and password",
        description=(
            "On success a temporary password is sent by SMS (valid 24 hours). While a valid one "
            "exists it is not sent again and `already_sent` is true. Wrong credentials, unknown, "
            "pending and disabled accounts all get the same 400 `invalid_credentials`."
        ),
    )
    def post(self, request):
        data = _valid(serializers.SignInSerializer, request)
        started = services.signin_start(**data, source=client_address(request))
        body = serializers.SignInStartedSerializer(_started_body(started)).data
        return Response(body)


class SignInResendView(AuthView):
    @extend_schema(
        tags=AUTH_TAG,
        request=serializers.ChallengeSerializer,
        responses={200: serializers.SignInStartedSerializer},
        summary="Sign-in: send a new temporary password (the old one stops working)",
    )
    def post(self, request):
        data = _valid(serializers.ChallengeSerializer, request)
        started = services.signin_resend(**data, source=client_address(request))
        return Response(serializers.SignInStartedSerializer(_started_body(started)).data)


class SignInVerifyView(AuthView):
    @extend_schema(
        tags=AUTH_TAG,
        request=serializers.SignInVerifySerializer,
        responses={
            200: serializers.SignedInSerializer,
            202: SecondFactorPendingSerializer,
        },
        summary="Sign-in, step 2: the temporary password",
        description=(
            "Starts a session, or with `issue_token` returns a token for "
            "`Authorization: Bearer <token>`. Staff (ID-13) get 202 and a challenge for "
            "`/api/v1/auth/signin/second-factor/` instead. A session is started only for a "
            "request with the CSRF cookie and the `X-CSRFToken` header (403 `csrf_failed` "
            "otherwise)."
        ),
    )
    def post(self, request):
        data = _valid(serializers.SignInVerifySerializer, request)
        if not data["issue_token"]:
            require_csrf(request)  # a session is about to start: no login CSRF
        signed_in = services.signin_verify(
            challenge=data["challenge"],
            temp_password=data["temp_password"],
            source=client_address(request),
        )
        if needs_second_factor(signed_in.user):  # staff: one more step (ID-13)
            return second_factor_pending(request, signed_in)
        return complete_sign_in(
            request, signed_in, issue_token=data["issue_token"], device_name=data["device_name"]
        )


def complete_sign_in(
    request, signed_in: services.SignedIn, *, issue_token: bool, device_name: str = "", device=None
):
    """Start the session (or issue the token) and answer with the account; `device` is the
    second factor that verified a staff sign-in."""
    token = None
    if issue_token:
        token = services.api_token_issue(user=signed_in.user, name=device_name)
        if device is not None:
            bind_token(token, device)
    else:
        if device is not None:
            signed_in.user.otp_device = device  # django-otp keeps it in the session at login
        sign_in_session(request, signed_in)
    body = {
        "user": serializers.MeSerializer(signed_in.user).data,
        "acting_for": (
            serializers.LegalPersonSerializer(signed_in.legal_person).data
            if signed_in.legal_person
            else None
        ),
        "token": token,
        "must_change_password": signed_in.user.must_change_password,
    }
    return Response(body)


class SignOutView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        tags=AUTH_TAG,
        request=None,
        responses={200: serializers.DetailSerializer},
        summary="Sign out (ends the session; revokes this device's token when called with one)",
    )
    def post(self, request):
        if request.auth is not None and hasattr(request.auth, "token_key"):
            services.api_token_revoke(user=request.user, token=request.auth)
        logout(getattr(request, "_request", request))
        return _detail(_("You have signed out."))


# --- recovery (ID-5) ------------------------------------------------------------------------------


class RecoveryView(AuthView):
    @extend_schema(
        tags=AUTH_TAG,
        request=serializers.RecoverySerializer,
        responses={200: serializers.RegisterStartedSerializer},
        summary="Password recovery, step 1: identity details",
        description=(
            "Always the same answer. Only when every detail matches, separate activation codes "
            "go by SMS and by email (when an email is registered)."
        ),
    )
    def post(self, request):
        data = _valid(serializers.RecoverySerializer, request)
        challenge = services.recovery_start(**data, source=client_address(request))
        return Response(
            {
                "challenge": challenge,
                "detail": _(
                    "If the details match our records, activation codes have been sent to the "
                    "registered mobile and email."
                ),
            }
        )


class RecoveryConfirmView(AuthView):
    @extend_schema(
        tags=AUTH_TAG,
        request=serializers.RecoveryConfirmSerializer,
        responses={200: serializers.DetailSerializer},
        summary="Password recovery, step 2: both activation codes; a new password goes by SMS",
    )
    def post(self, request):
        data = _valid(serializers.RecoveryConfirmSerializer, request)
        services.recovery_confirm(**data, source=client_address(request))
        return _detail(_("Your new personal password was sent to your mobile."))


# --- own account (ID-6, ID-8) ---------------------------------------------------------------------


class MeView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=ACCOUNT_TAG, responses={200: serializers.MeSerializer}, summary="My account"
    )
    def get(self, request):
        return Response(serializers.MeSerializer(request.user).data)

    @extend_schema(
        tags=ACCOUNT_TAG,
        request=serializers.MeUpdateSerializer,
        responses={200: serializers.MeSerializer},
        summary="Change my name or language",
        description="Mobile, email and national ID change only through their own endpoints.",
    )
    def patch(self, request):
        data = _valid(serializers.MeUpdateSerializer, request)
        user = services.profile_update(actor=request.user, **data)
        return Response(serializers.MeSerializer(user).data)


class PasswordChangeView(APIView):
    permission_classes = [IsAuthenticated]
    throttle_scope = "auth"

    @extend_schema(
        tags=ACCOUNT_TAG,
        request=serializers.PasswordChangeSerializer,
        responses={200: serializers.DetailSerializer},
        summary="Change my password (the user is told by SMS)",
        description=(
            "Every other session and device token of the account stops working (ID-12); the "
            "token or session the change was made with keeps working."
        ),
    )
    def post(self, request):
        data = _valid(serializers.PasswordChangeSerializer, request)
        user = services.password_change(
            actor=request.user,
            **data,
            source=client_address(request),
            keep_token=request.auth if hasattr(request.auth, "token_key") else None,
        )
        if request.auth is None:
            update_session_auth_hash(getattr(request, "_request", request), user)
        return _detail(_("Your password was changed."))


class MobileChangeView(APIView):
    permission_classes = [IsAuthenticated]
    throttle_scope = "auth"

    @extend_schema(
        tags=ACCOUNT_TAG,
        request=serializers.MobileChangeSerializer,
        responses={202: serializers.DetailSerializer},
        summary="Change my mobile, step 1: a code goes to the new number",
    )
    def post(self, request):
        data = _valid(serializers.MobileChangeSerializer, request)
        services.mobile_change_request(
            actor=request.user, mobile=data["mobile"], source=client_address(request)
        )
        return _detail(_("A code was sent to the new mobile number."), status.HTTP_202_ACCEPTED)


class MobileConfirmView(APIView):
    permission_classes = [IsAuthenticated]
    throttle_scope = "auth"

    @extend_schema(
        tags=ACCOUNT_TAG,
        request=serializers.CodeSerializer,
        responses={200: serializers.MeSerializer},
        summary="Change my mobile, step 2: the code",
    )
    def post(self, request):
        data = _valid(serializers.CodeSerializer, request)
        user = services.mobile_change_confirm(
            actor=request.user, code=data["code"], source=client_address(request)
        )
        return Response(serializers.MeSerializer(user).data)


class EmailChangeView(APIView):
    permission_classes = [IsAuthenticated]
    throttle_scope = "auth"

    @extend_schema(
        tags=ACCOUNT_TAG,
        request=serializers.EmailChangeSerializer,
        responses={202: serializers.DetailSerializer},
        summary="Change (or verify) my email, step 1: a code goes to the address",
    )
    def post(self, request):
        data = _valid(serializers.EmailChangeSerializer, request)
        services.email_change_request(
            actor=request.user, email=data["email"], source=client_address(request)
        )
        return _detail(_("A code was sent to the email address."), status.HTTP_202_ACCEPTED)


class EmailConfirmView(APIView):
    permission_classes = [IsAuthenticated]
    throttle_scope = "auth"

    @extend_schema(
        tags=ACCOUNT_TAG,
        request=serializers.CodeSerializer,
        responses={200: serializers.MeSerializer},
        summary="Change (or verify) my email, step 2: the code",
    )
    def post(self, request):
        data = _valid(serializers.CodeSerializer, request)
        user = services.email_change_confirm(
            actor=request.user, code=data["code"], source=client_address(request)
        )
        return Response(serializers.MeSerializer(user).data)


# --- legal persons (ID-3) -------------------------------------------------------------------------


@extend_schema(tags=ACCOUNT_TAG, summary="Legal persons I represent")
class LegalPersonListView(generics.ListAPIView):
    serializer_class = serializers.LegalPersonSerializer
    filter_backends = []

    def get_queryset(self):
        return selectors.legal_persons_represented_by(self.request.user)


@extend_schema(tags=ACCOUNT_TAG, summary="A legal person I represent (404 otherwise)")
class LegalPersonDetailView(generics.RetrieveAPIView):
    serializer_class = serializers.LegalPersonSerializer

    def get_queryset(self):
        return selectors.legal_persons_represented_by(self.request.user)

    def get_object(self):
        obj = selectors.legal_person_for(self.request.user, self.kwargs["pk"])
        if obj is None:
            raise NotFound()
        return obj


# --- staff ----------------------------------------------------------------------------------------


class _UserTransitionView(APIView):
    permission_classes = [IsAuthenticated]
    service = None

    def post(self, request, pk):
        data = _valid(serializers.ReasonSerializer, request)
        user = type(self).service(actor=request.user, user_id=pk, reason=data["reason"])
        return Response(serializers.UserStatusSerializer(user).data)


class UserDisableView(_UserTransitionView):
    service = staticmethod(services.user_disable)

    @extend_schema(
        tags=ACCOUNT_TAG,
        request=serializers.ReasonSerializer,
        responses={200: serializers.UserStatusSerializer},
        summary="Disable an account (licensing staff)",
    )
    def post(self, request, pk):
        return super().post(request, pk)


class UserEnableView(_UserTransitionView):
    service = staticmethod(services.user_enable)

    @extend_schema(
        tags=ACCOUNT_TAG,
        request=serializers.ReasonSerializer,
        responses={200: serializers.UserStatusSerializer},
        summary="Enable a disabled account again (licensing staff)",
    )
    def post(self, request, pk):
        return super().post(request, pk)
