"""The accounts pages (server-rendered, no JavaScript needed). They call the same services as
the API; the state between two steps of a flow is the flow's signed challenge, kept in the
session."""

from django.contrib import messages
from django.contrib.auth import logout, update_session_auth_hash
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views import View

from accounts import forms, services
from accounts.api import sign_in_session
from accounts.authentication import client_address
from core.exceptions import DomainError, Locked

SIGNIN_FLOW = "accounts.signin_flow"
REGISTER_FLOW = "accounts.register_flow"
RECOVERY_FLOW = "accounts.recovery_flow"


def safe_next(request, default="/") -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


def _with_next(url: str, next_url: str) -> str:
    return f"{url}?{urlencode({'next': next_url})}" if next_url and next_url != "/" else url


def _show_error(form, exc: DomainError) -> int:
    """Put a service's refusal on the form; return the status to answer with."""
    if exc.code in ("challenge_required", "too_many_messages"):
        # ID-11: the page's script solves the proof of work; or nothing is sent for a while.
        form.proof_required = exc.code == "challenge_required"
        form.add_error(None, exc.message)
        return 429
    if isinstance(exc, Locked):
        minutes = max(
            1, int((exc.retry_after or 60) // 60) + (1 if (exc.retry_after or 0) % 60 else 0)
        )
        form.add_error(
            None,
            _("Too many failed attempts. Try again in %(minutes)d minutes.") % {"minutes": minutes},
        )
        return 429
    placed = False
    for field, found in (exc.fields or {}).items():
        for message in found if isinstance(found, (list, tuple)) else [found]:
            form.add_error(field if field in form.fields else None, message)
            placed = True
    if not placed:
        form.add_error(None, exc.message)
    return 200


def _restart(request, flow_key, url_name, message=None):
    request.session.pop(flow_key, None)
    messages.error(request, message or _("This step has expired. Please start again."))
    return redirect(reverse(url_name))


# --- sign-in (ID-3, ID-4) -------------------------------------------------------------------------


class SignInView(View):
    """Step 1: national ID, password and (for a representative) the legal entity ID.

    Also serves /admin/login/ and /django-admin/login/: staff sign in the same way."""

    template_name = "accounts/signin.html"

    def get(self, request):
        form = forms.SignInForm()
        return render(request, self.template_name, {"form": form, "next": safe_next(request)})

    def post(self, request):
        form = forms.SignInForm(request.POST)
        next_url = safe_next(request)
        status = 200
        if form.is_valid():
            try:
                started = services.signin_start(**form.cleaned_data, source=client_address(request))
            except DomainError as exc:
                status = _show_error(form, exc)
            else:
                request.session[SIGNIN_FLOW] = {
                    "challenge": started.challenge,
                    "already_sent": started.already_sent,
                    "sent_to": started.sent_to,
                    "next": next_url,
                }
                return redirect(_with_next(reverse("accounts:signin_code"), next_url))
        return render(request, self.template_name, {"form": form, "next": next_url}, status=status)


class SignInCodeView(View):
    """Step 2: the temporary password sent by SMS, with "resend"."""

    template_name = "accounts/signin_code.html"

    def _flow(self, request):
        return request.session.get(SIGNIN_FLOW)

    def _render(self, request, form, flow, status=200):
        return render(
            request,
            self.template_name,
            {"form": form, "flow": flow, "next": flow.get("next", "/")},
            status=status,
        )

    def get(self, request):
        flow = self._flow(request)
        if not flow:
            return redirect(_with_next(reverse("accounts:signin"), safe_next(request)))
        return self._render(request, forms.SignInCodeForm(), flow)

    def post(self, request):
        flow = self._flow(request)
        if not flow:
            return redirect(_with_next(reverse("accounts:signin"), safe_next(request)))
        source = client_address(request)
        if "resend" in request.POST:
            try:
                started = services.signin_resend(
                    challenge=flow["challenge"], source=source, proof=request.POST.get("proof", "")
                )
            except DomainError as exc:
                if exc.code == "challenge_invalid":
                    return _restart(request, SIGNIN_FLOW, "accounts:signin")
                form = forms.SignInCodeForm()
                return self._render(request, form, flow, _show_error(form, exc))
            flow.update(already_sent=False, sent_to=started.sent_to, resent=True)
            request.session[SIGNIN_FLOW] = flow
            messages.success(request, _("A new temporary password was sent to your mobile."))
            return redirect(_with_next(reverse("accounts:signin_code"), flow.get("next", "/")))

        form = forms.SignInCodeForm(request.POST)
        status = 200
        if form.is_valid():
            try:
                signed_in = services.signin_verify(
                    challenge=flow["challenge"],
                    temp_password=form.cleaned_data["temp_password"],
                    proof=form.cleaned_data["proof"],
                    source=source,
                )
            except DomainError as exc:
                if exc.code == "challenge_invalid":
                    return _restart(request, SIGNIN_FLOW, "accounts:signin")
                status = _show_error(form, exc)
            else:
                # Without a page to return to, the user lands on their desk (what waits).
                next_url = flow.get("next") or "/"
                if next_url == "/":
                    next_url = reverse("portal:home")
                request.session.pop(SIGNIN_FLOW, None)
                sign_in_session(request, signed_in)
                if signed_in.user.must_change_password:
                    messages.warning(request, _("Please choose a new password now."))
                    return redirect(_with_next(reverse("accounts:password_change"), next_url))
                return redirect(next_url)
        return self._render(request, form, flow, status)


class SignOutView(View):
    template_name = "accounts/signout.html"

    def get(self, request):
        return render(request, self.template_name)

    def post(self, request):
        logout(request)
        return redirect("/")


# --- registration (ID-1, ID-2) --------------------------------------------------------------------


class RegisterView(View):
    template_name = "accounts/register.html"

    def get(self, request):
        return render(request, self.template_name, {"form": forms.RegisterForm()})

    def post(self, request):
        form = forms.RegisterForm(request.POST)
        status = 200
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != "password2"}
            try:
                started = services.register_start(**data, source=client_address(request))
            except DomainError as exc:
                status = _show_error(form, exc)
            else:
                request.session[REGISTER_FLOW] = {
                    "challenge": started.challenge,
                    "with_email": bool(data.get("email")),
                }
                return redirect("accounts:register_verify")
        return render(request, self.template_name, {"form": form}, status=status)


class RegisterVerifyView(View):
    template_name = "accounts/register_verify.html"

    def get(self, request):
        flow = request.session.get(REGISTER_FLOW)
        if not flow:
            return redirect("accounts:register")
        return render(
            request, self.template_name, {"form": forms.RegisterVerifyForm(), "flow": flow}
        )

    def post(self, request):
        flow = request.session.get(REGISTER_FLOW)
        if not flow:
            return redirect("accounts:register")
        source = client_address(request)
        if "resend" in request.POST:
            try:
                services.register_resend(
                    challenge=flow["challenge"], source=source, proof=request.POST.get("proof", "")
                )
            except DomainError as exc:
                if exc.code == "challenge_invalid":
                    return _restart(request, REGISTER_FLOW, "accounts:register")
                form = forms.RegisterVerifyForm()
                status = _show_error(form, exc)
                return render(
                    request, self.template_name, {"form": form, "flow": flow}, status=status
                )
            messages.success(
                request, _("If the registration is still waiting for it, a new code has been sent.")
            )
            return redirect("accounts:register_verify")

        form = forms.RegisterVerifyForm(request.POST)
        status = 200
        if form.is_valid():
            try:
                services.register_verify(
                    challenge=flow["challenge"],
                    code=form.cleaned_data["code"],
                    source=source,
                    proof=form.cleaned_data["proof"],
                )
            except DomainError as exc:
                if exc.code == "challenge_invalid":
                    return _restart(request, REGISTER_FLOW, "accounts:register")
                status = _show_error(form, exc)
            else:
                messages.success(request, _("Your account is active. You can now sign in."))
                if form.cleaned_data.get("email_code"):
                    try:
                        services.register_verify_email(
                            challenge=flow["challenge"],
                            code=form.cleaned_data["email_code"],
                            source=source,
                        )
                        messages.success(request, _("Your email address is verified."))
                    except DomainError:
                        messages.warning(
                            request,
                            _(
                                "The email code was not accepted. You can verify your email "
                                "later from your account."
                            ),
                        )
                request.session.pop(REGISTER_FLOW, None)
                return redirect("accounts:signin")
        return render(request, self.template_name, {"form": form, "flow": flow}, status=status)


# --- recovery (ID-5) ------------------------------------------------------------------------------


class RecoveryView(View):
    template_name = "accounts/recovery.html"

    def get(self, request):
        return render(request, self.template_name, {"form": forms.RecoveryForm()})

    def post(self, request):
        form = forms.RecoveryForm(request.POST)
        status = 200
        if form.is_valid():
            try:
                challenge = services.recovery_start(
                    **form.cleaned_data, source=client_address(request)
                )
            except DomainError as exc:
                status = _show_error(form, exc)
            else:
                request.session[RECOVERY_FLOW] = {"challenge": challenge}
                messages.info(
                    request,
                    _(
                        "If the details match our records, activation codes have been sent to "
                        "the registered mobile and email."
                    ),
                )
                return redirect("accounts:recovery_confirm")
        return render(request, self.template_name, {"form": form}, status=status)


class RecoveryConfirmView(View):
    template_name = "accounts/recovery_confirm.html"

    def get(self, request):
        if not request.session.get(RECOVERY_FLOW):
            return redirect("accounts:recovery")
        return render(request, self.template_name, {"form": forms.RecoveryConfirmForm()})

    def post(self, request):
        flow = request.session.get(RECOVERY_FLOW)
        if not flow:
            return redirect("accounts:recovery")
        form = forms.RecoveryConfirmForm(request.POST)
        status = 200
        if form.is_valid():
            try:
                services.recovery_confirm(
                    challenge=flow["challenge"], **form.cleaned_data, source=client_address(request)
                )
            except DomainError as exc:
                if exc.code == "challenge_invalid":
                    return _restart(request, RECOVERY_FLOW, "accounts:recovery")
                status = _show_error(form, exc)
            else:
                request.session.pop(RECOVERY_FLOW, None)
                messages.success(
                    request,
                    _(
                        "Your new personal password was sent to your mobile. Sign in with it and "
                        "change it at the first opportunity."
                    ),
                )
                return redirect("accounts:signin")
        return render(request, self.template_name, {"form": form}, status=status)


# --- password change (ID-6) -----------------------------------------------------------------------


class PasswordChangeView(LoginRequiredMixin, View):
    template_name = "accounts/password_change.html"

    def get(self, request):
        return render(
            request,
            self.template_name,
            {"form": forms.PasswordChangeForm(), "next": safe_next(request, "")},
        )

    def post(self, request):
        form = forms.PasswordChangeForm(request.POST)
        status = 200
        if form.is_valid():
            try:
                user = services.password_change(
                    actor=request.user,
                    current_password=form.cleaned_data["current_password"],
                    new_password=form.cleaned_data["new_password"],
                    source=client_address(request),
                )
            except DomainError as exc:
                status = _show_error(form, exc)
            else:
                update_session_auth_hash(request, user)
                messages.success(request, _("Your password was changed."))
                return redirect(safe_next(request, reverse("accounts:password_change")))
        return render(
            request,
            self.template_name,
            {"form": form, "next": safe_next(request, "")},
            status=status,
        )


# --- identity assurance (ID-9) --------------------------------------------------------------------


class IdentityVerifyView(LoginRequiredMixin, View):
    """The account's level, and online verification with the civil registry and the operator;
    the page also says how to verify at an office."""

    template_name = "accounts/verify.html"

    def _render(self, request, form, status=200):
        return render(request, self.template_name, {"form": form}, status=status)

    def get(self, request):
        user = request.user
        initial = {
            "first_name": user.first_name,
            "last_name": user.last_name,
            "birth_date": user.birth_date,
            "id_card_serial": user.id_card_serial,
        }
        return self._render(request, forms.IdentityVerifyForm(initial=initial))

    def post(self, request):
        form = forms.IdentityVerifyForm(request.POST)
        status = 200
        if form.is_valid():
            try:
                services.identity_verify_remote(
                    actor=request.user, **form.cleaned_data, source=client_address(request)
                )
            except DomainError as exc:
                status = _show_error(form, exc)
                if status == 200 and exc.status_code >= 500:
                    status = exc.status_code
            else:
                messages.success(request, _("Your identity is verified."))
                return redirect("accounts:verify")
        return self._render(request, form, status)
