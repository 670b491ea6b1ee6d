"""Where a staff caller without a verified second factor is stopped (ID-13): pages send them
to the second-factor step (or to enrolment), the API answers 403 with a code that says which.

Sessions are checked by `SecondFactorMiddleware` (after `DeviceMiddleware`, which puts the
session's verifying device on `request.user.otp_device`); API tokens by the token
authentication, through `check_token`. Both ask `policy.satisfied`."""

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.models import Device
from rest_framework.exceptions import PermissionDenied

from accounts.second_factor import policy, services
from core.api.errors import error_body

# What a staff user may reach before the second factor: finishing or leaving the sign-in.
EXEMPT_VIEWS = {
    "accounts:signin",
    "accounts:signin_code",
    "accounts:signout",
    "wagtailadmin_login_twostep",
    "set_language",
    "api:signin",
    "api:signin-verify",
    "api:signin-resend",
    "api:signout",
}
EXEMPT_NAMESPACES = {"second_factor"}
EXEMPT_API_VIEWS = {"api:signin-second-factor"}


def refusal(user) -> tuple[str, str]:
    """The code and message of the refusal: enrol first, or verify."""
    if services.is_enrolled(user):
        return "second_factor_required", _(
            "Confirm your sign-in with your authenticator app, a passkey or a recovery code."
        )
    return "second_factor_enrolment_required", str(services.ENROLMENT_REQUIRED)


class SecondFactorRequired(PermissionDenied):
    default_code = "second_factor_required"

    def __init__(self, user):
        code, message = refusal(user)
        super().__init__(message, code=code)


class DeviceMiddleware:
    """django-otp's `OTPMiddleware` without its `user.is_verified()` (the account's identity
    level, ID-9, has that name): puts the confirmed device of this user that verified the
    session on `request.user.otp_device`, or None, and forgets any other in the session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None:
            request.user = SimpleLazyObject(lambda: self._with_device(request, user))
        return self.get_response(request)

    @staticmethod
    def _with_device(request, user):
        user.otp_device = None
        if user.is_authenticated:
            persistent_id = request.session.get(DEVICE_ID_SESSION_KEY)
            device = Device.from_persistent_id(persistent_id) if persistent_id else None
            if device is not None and device.user_id == user.pk and device.confirmed:
                user.otp_device = device
            elif persistent_id:
                del request.session[DEVICE_ID_SESSION_KEY]
        return user


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or policy.satisfied(user):
            return None
        match = request.resolver_match
        name = match.view_name if match else ""
        if name in EXEMPT_VIEWS or name in EXEMPT_API_VIEWS:
            return None
        if match and EXEMPT_NAMESPACES & set(match.namespaces):
            return None
        if request.path_info.startswith("/api/"):
            code, message = refusal(user)
            return JsonResponse(error_body(code, message), status=403)
        target = "second_factor:verify" if services.is_enrolled(user) else "second_factor:enrol"
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")


# --- API tokens -------------------------------------------------------------------------------


def _digest(token) -> str:
    """The digest django-rest-knox keeps of a token: the stored one of a token object, or the
    digest of a token as issued (its text)."""
    from knox.crypto import hash_token

    return getattr(token, "digest", None) or hash_token(str(token))


def bind_token(token, device) -> None:
    """Remember that `device` verified the sign-in that issued `token`."""
    from accounts.second_factor.models import TokenDevice

    TokenDevice.objects.update_or_create(
        token_digest=_digest(token),
        defaults={"user_id": device.user_id, "device": device.persistent_id},
    )


def check_token(user, token) -> None:
    """Put the device that verified the token's sign-in on `user.otp_device`; refuse a staff
    user's token that no second factor verified (403)."""
    from accounts.second_factor.models import TokenDevice

    user.otp_device = None
    if not policy.needs_second_factor(user):
        return
    bound = TokenDevice.objects.filter(token_digest=_digest(token), user=user).first()
    if bound is not None:
        user.otp_device = Device.from_persistent_id(bound.device)
    if not policy.is_verified(user):
        raise SecondFactorRequired(user)
