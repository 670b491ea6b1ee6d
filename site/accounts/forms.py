"""Forms of the accounts pages: they parse input; the services decide."""

import re
from datetime import date

import jdatetime
import phonenumbers
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField

from accounts.names import NameFormField
from accounts.national_id import scheme_choices, to_ascii_digits


class MobileFormField(PhoneNumberField):
    default_error_messages = {"not_mobile": _("Enter a mobile phone number.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("region", settings.PHONENUMBER_DEFAULT_REGION)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "tel", "dir": "ltr"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        number = super().to_python(to_ascii_digits(value or "").strip())
        if number and number.is_valid():
            kind = phonenumbers.number_type(number)
            if kind not in (
                phonenumbers.PhoneNumberType.MOBILE,
                phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
            ):
                raise ValidationError(self.error_messages["not_mobile"], code="not_mobile")
        return number


class JalaliOrGregorianDateField(forms.Field):
    """A date typed as year/month/day: a year before 1700 is read as Jalali (e.g. 1370/05/14),
    otherwise Gregorian (1991-08-05). Persian digits are accepted."""

    default_error_messages = {"invalid": _("Enter a date as year/month/day, e.g. 1370/05/14.")}

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"placeholder": "1370/05/14", "dir": "ltr", "maxlength": 10}),
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, date):
            return value
        value = to_ascii_digits(str(value or "")).strip()
        if not value:
            return None
        match = re.fullmatch(r"(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})", value)
        if not match:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        year, month, day = (int(part) for part in match.groups())
        try:
            if year < 1700:
                return jdatetime.date(year, month, day).togregorian()
            return date(year, month, day)
        except ValueError as exc:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from exc


def _proof_field():
    """The proof of work the page's script fills in when one is asked (ID-11)."""
    return forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)


def _digits_input(**attrs):
    return forms.TextInput(attrs={"inputmode": "numeric", "dir": "ltr", **attrs})


class SignInForm(forms.Form):
    proof = _proof_field()
    national_id = forms.CharField(
        label=_("National ID"), max_length=20, widget=_digits_input(autocomplete="username")
    )
    password = forms.CharField(
        label=_("Password"),
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    legal_id = forms.CharField(
        label=_("Legal entity ID"),
        max_length=20,
        required=False,
        help_text=_("Only when you sign in as the representative of a company or public body."),
        widget=_digits_input(),
    )


class SignInCodeForm(forms.Form):
    proof = _proof_field()
    temp_password = forms.CharField(
        label=_("Temporary password"),
        max_length=16,
        widget=_digits_input(autocomplete="one-time-code"),
    )


class RegisterForm(forms.Form):
    proof = _proof_field()
    nationality = forms.CharField(
        label=_("Nationality"),
        max_length=2,
        initial="IR",
        help_text=_("Two-letter country code, e.g. IR."),
    )
    id_scheme = forms.ChoiceField(label=_("Kind of national ID"), choices=())
    national_id = forms.CharField(label=_("National ID"), max_length=20, widget=_digits_input())
    first_name = NameFormField(label=_("First name"), max_length=150)
    last_name = NameFormField(label=_("Last name"), max_length=150)
    birth_date = JalaliOrGregorianDateField(label=_("Birth date"))
    id_card_serial = NameFormField(label=_("ID card serial"), max_length=20, widget=_digits_input())
    mobile = MobileFormField(label=_("Mobile number"))
    email = forms.EmailField(label=_("Email (optional)"), required=False)
    password = forms.CharField(
        label=_("Password"),
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Repeat the password"),
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["id_scheme"].choices = scheme_choices()

    def clean_nationality(self):
        value = self.cleaned_data["nationality"].strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", value):
            raise ValidationError(_("Enter a two-letter country code."))
        return value

    def clean(self):
        data = super().clean()
        if data.get("password") and data.get("password2") and data["password"] != data["password2"]:
            self.add_error("password2", _("The two passwords differ."))
        return data


class RegisterVerifyForm(forms.Form):
    proof = _proof_field()
    code = forms.CharField(
        label=_("Code sent to your mobile"), max_length=12, widget=_digits_input()
    )
    email_code = forms.CharField(
        label=_("Code sent to your email (if you gave one)"),
        max_length=12,
        required=False,
        widget=_digits_input(),
    )


class RecoveryForm(forms.Form):
    proof = _proof_field()
    national_id = forms.CharField(label=_("National ID"), max_length=20, widget=_digits_input())
    birth_date = JalaliOrGregorianDateField(label=_("Birth date"))
    id_card_serial = NameFormField(
        label=_("ID card serial"),
        max_length=20,
        help_text=_("The serial only, without its series."),
        widget=_digits_input(),
    )
    mobile = MobileFormField(label=_("Registered mobile number"))
    email = forms.EmailField(
        label=_("Registered email"),
        required=False,
        help_text=_("Required if you registered an email address."),
    )


class RecoveryConfirmForm(forms.Form):
    proof = _proof_field()
    sms_code = forms.CharField(
        label=_("Activation code sent by SMS"), max_length=12, widget=_digits_input()
    )
    email_code = forms.CharField(
        label=_("Activation code sent by email"),
        max_length=12,
        required=False,
        help_text=_("Required if you registered an email address."),
        widget=_digits_input(),
    )


class PasswordChangeForm(forms.Form):
    current_password = forms.CharField(
        label=_("Current password"),
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    new_password = forms.CharField(
        label=_("New password"),
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    new_password2 = forms.CharField(
        label=_("Repeat the new password"),
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("new_password")
            and data.get("new_password2")
            and data["new_password"] != data["new_password2"]
        ):
            self.add_error("new_password2", _("The two passwords differ."))
        return data


class IdentityVerifyForm(forms.Form):
    """The details as on the national ID card, for the civil registry (ID-9)."""

    first_name = NameFormField(label=_("First name"), max_length=150)
    last_name = NameFormField(label=_("Last name"), max_length=150)
    birth_date = JalaliOrGregorianDateField(label=_("Birth date"))
    id_card_serial = NameFormField(label=_("ID card serial"), max_length=20, widget=_digits_input())
