"""The second-factor pages (ID-13): the sign-in's last step, enrolment of an authenticator app
or a passkey, and recovery codes. The authenticator and recovery codes work without
JavaScript; passkeys need the browser's WebAuthn API (static/second_factor/passkey.js)."""

import json
from base64 import b32encode
from binascii import unhexlify

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import JsonResponse, RawPostDataException
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from accounts.authentication import client_address
from accounts.second_factor import forms, passkeys, policy, services
from accounts.second_factor.models import Passkey
from accounts.views import _show_error, _with_next, safe_next
from core.api.errors import error_body
from core.api.parsers import nesting_depth_exceeds
from core.exceptions import DomainError

NEW_CODES = "second_factor.new_codes"
PASSKEY_CHALLENGE = "second_factor.passkey_challenge"


def may_enrol(user) -> bool:
    """A first device right after the password and SMS steps; another one only once this
    session is verified (a stolen password and SMS cannot add the thief's device)."""
    return not services.is_enrolled(user) or policy.is_verified(user)


def _finish(request, device, next_url):
    otp_login(request, device)
    request.session.cycle_key()  # a new session id once the sign-in is complete
    return next_url


@method_decorator(never_cache, name="dispatch")
class VerifyView(LoginRequiredMixin, View):
    template_name = "second_factor/verify.html"

    def _render(self, request, form, status=200):
        context = {
            "form": form,
            "next": safe_next(request),
            "has_passkeys": Passkey.objects.filter(user=request.user, confirmed=True).exists(),
            "recovery_left": services.recovery_codes_left(request.user),
        }
        return render(request, self.template_name, context, status=status)

    def get(self, request):
        if not services.is_enrolled(request.user):
            return redirect(_with_next(reverse("second_factor:enrol"), safe_next(request)))
        return self._render(request, forms.CodeForm())

    def post(self, request):
        form = forms.CodeForm(request.POST)
        status = 200
        if form.is_valid():
            try:
                device = services.verify_code(
                    user=request.user,
                    code=form.cleaned_data["code"],
                    source=client_address(request),
                )
            except DomainError as exc:
                status = _show_error(form, exc)
            else:
                return redirect(_finish(request, device, safe_next(request)))
        return self._render(request, form, status)


@method_decorator(never_cache, name="dispatch")
class EnrolView(LoginRequiredMixin, View):
    """Set up an authenticator app: scan the QR code (or type the key), then give a code."""

    template_name = "second_factor/enrol.html"

    def _render(self, request, form, device, status=200):
        import qrcode
        import qrcode.image.svg

        secret = b32encode(unhexlify(device.key)).decode()
        image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
        context = {
            "form": form,
            "next": safe_next(request),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "qr_svg": mark_safe(image.to_string(encoding="unicode")),  # noqa: S308  # nosec B308 B703 # our own SVG
            "enrolled": services.is_enrolled(request.user),
        }
        return render(request, self.template_name, context, status=status)

    def get(self, request):
        if not may_enrol(request.user):
            return redirect(_with_next(reverse("second_factor:verify"), safe_next(request)))
        device = services.totp_pending(request.user) or services.totp_enrol_start(user=request.user)
        return self._render(request, forms.EnrolForm(), device)

    def post(self, request):
        if not may_enrol(request.user):
            return redirect(_with_next(reverse("second_factor:verify"), safe_next(request)))
        form = forms.EnrolForm(request.POST)
        status = 200
        if form.is_valid():
            try:
                device, codes = services.totp_enrol_confirm(
                    user=request.user,
                    code=form.cleaned_data["code"],
                    source=client_address(request),
                )
            except DomainError as exc:
                status = _show_error(form, exc)
            else:
                return redirect(self.after_enrolment(request, device, codes))
        device = services.totp_pending(request.user) or services.totp_enrol_start(user=request.user)
        return self._render(request, form, device, status)

    @staticmethod
    def after_enrolment(request, device, codes) -> str:
        next_url = _finish(request, device, safe_next(request))
        if codes:
            request.session[NEW_CODES] = codes
            return _with_next(reverse("second_factor:recovery_codes"), next_url)
        return next_url


@method_decorator(never_cache, name="dispatch")
class RecoveryCodesView(LoginRequiredMixin, View):
    """New recovery codes are shown once, right after they are made."""

    template_name = "second_factor/recovery_codes.html"

    def get(self, request):
        codes = request.session.pop(NEW_CODES, None)
        context = {
            "codes": codes,
            "next": safe_next(request),
            "left": services.recovery_codes_left(request.user),
            "verified": policy.is_verified(request.user),
        }
        return render(request, self.template_name, context)

    def post(self, request):
        if not policy.is_verified(request.user):
            return redirect(_with_next(reverse("second_factor:verify"), safe_next(request)))
        request.session[NEW_CODES] = services.recovery_codes_renew(user=request.user)
        return redirect(_with_next(reverse("second_factor:recovery_codes"), safe_next(request)))


# --- passkeys (JSON for passkey.js; same-origin, with the CSRF header) ----------------------


def _json_error(exc: DomainError) -> JsonResponse:
    fields = {k: [str(m) for m in v] for k, v in (exc.fields or {}).items()}
    return JsonResponse(error_body(exc.code, exc.message, fields), status=exc.status_code)


def _credential(request):
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, RecursionError, RawPostDataException):
        # Not JSON (a form's body, already read as one): no credential.
        return None
    return None if nesting_depth_exceeds(data) else data


class _PasskeyView(LoginRequiredMixin, View):
    http_method_names = ["post"]
    enrols = False  # adds a passkey: only where `may_enrol` allows

    def dispatch(self, request, *args, **kwargs):
        if self.enrols and request.user.is_authenticated and not may_enrol(request.user):
            code, message = "second_factor_required", _("Confirm your sign-in first.")
            return JsonResponse(error_body(code, message), status=403)
        return super().dispatch(request, *args, **kwargs)

    def ceremony(self, request, make_options):
        """Options for the browser; their challenge waits in the session for the answer."""
        rp_id, _origins = passkeys.relying_party(request)
        options, challenge = make_options(user=request.user, rp_id=rp_id)
        request.session[PASSKEY_CHALLENGE] = challenge
        return JsonResponse(json.loads(options))

    def answer(self, request, check, **extra):
        """Check the browser's answer against the waiting challenge with `check`; returns the
        device, or the refusal as a JSON response."""
        rp_id, origins = passkeys.relying_party(request)
        try:
            return check(
                user=request.user,
                credential=_credential(request),
                challenge=request.session.pop(PASSKEY_CHALLENGE, ""),
                rp_id=rp_id,
                origins=origins,
                **extra,
            )
        except DomainError as exc:
            return _json_error(exc)


class PasskeyOptionsView(_PasskeyView):
    """Options for the sign-in's passkey step (`navigator.credentials.get()`)."""

    def post(self, request):
        return self.ceremony(request, passkeys.authentication_options)


class PasskeyVerifyView(_PasskeyView):
    def post(self, request):
        device = self.answer(request, passkeys.authenticate, source=client_address(request))
        if isinstance(device, JsonResponse):
            return device
        return JsonResponse({"redirect": _finish(request, device, safe_next(request))})


class PasskeyRegisterOptionsView(_PasskeyView):
    """Options for adding a passkey (`navigator.credentials.create()`)."""

    enrols = True

    def post(self, request):
        return self.ceremony(request, passkeys.registration_options)


class PasskeyRegisterView(_PasskeyView):
    enrols = True

    def post(self, request):
        first = not services.is_enrolled(request.user)
        device = self.answer(request, passkeys.register)
        if isinstance(device, JsonResponse):
            return device
        codes = services.recovery_codes_renew(user=request.user) if first else []
        if not policy.is_verified(request.user):
            return JsonResponse({"redirect": EnrolView.after_enrolment(request, device, codes)})
        return JsonResponse({"redirect": safe_next(request, reverse("second_factor:verify"))})
