"""Request and response shapes of the accounts API. Parsing only: rules live in services."""

import phonenumbers
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from phonenumber_field.serializerfields import PhoneNumberField
from rest_framework import serializers

from accounts.models import DeviceToken, LegalPerson, Level, User
from accounts.names import NameField
from accounts.national_id import scheme_choices, to_ascii_digits
from accounts.roles import roles_of


class MobileField(PhoneNumberField):
    """A mobile number, typed with Persian or ASCII digits."""

    default_error_messages = {
        "invalid": _("Enter a valid phone number."),
        "not_mobile": _("Enter a mobile phone number."),
    }

    def to_internal_value(self, data):
        number = super().to_internal_value(to_ascii_digits(str(data or "")).strip())
        kind = phonenumbers.number_type(number)
        if kind not in (
            phonenumbers.PhoneNumberType.MOBILE,
            phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
        ):
            self.fail("not_mobile")
        return number


class DetailSerializer(serializers.Serializer):
    detail = serializers.CharField(
        help_text=_("A message for the user, in the request's language.")
    )


# --- registration ---------------------------------------------------------------------------------


class RegisterSerializer(serializers.Serializer):
    national_id = serializers.CharField(max_length=20)
    id_scheme = serializers.ChoiceField(choices=[], default="ir")
    nationality = serializers.RegexField(
        r"^[A-Za-z]{2}$", default="IR", help_text=_("ISO 3166 country code, e.g. IR.")
    )
    mobile = MobileField()
    password = serializers.CharField(
        write_only=True, style={"input_type": "password"}, max_length=128
    )
    first_name = NameField(max_length=150)
    last_name = NameField(max_length=150)
    birth_date = serializers.DateField()
    id_card_serial = NameField(max_length=20)
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    preferred_language = serializers.ChoiceField(choices=settings.LANGUAGES, required=False)
    proof = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=2000,
        help_text=_(
            "A solved proof of work from `GET /api/v1/auth/challenge/`, needed only after a "
            "429 `challenge_required` (ID-11)."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["id_scheme"].choices = scheme_choices()


class ChallengeSerializer(serializers.Serializer):
    challenge = serializers.CharField(
        max_length=1024, help_text=_("The signed value returned by the first step.")
    )
    proof = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=2000,
        help_text=_(
            "A solved proof of work from `GET /api/v1/auth/challenge/`, needed only after a "
            "429 `challenge_required` (ID-11)."
        ),
    )


class ProofChallengeSerializer(serializers.Serializer):
    """A proof-of-work challenge (ALTCHA's protocol, ID-11)."""

    algorithm = serializers.CharField()
    challenge = serializers.CharField()
    maxnumber = serializers.IntegerField()
    salt = serializers.CharField()
    signature = serializers.CharField()


class RegisterStartedSerializer(serializers.Serializer):
    challenge = serializers.CharField()
    detail = serializers.CharField()


class RegisterVerifySerializer(ChallengeSerializer):
    code = serializers.CharField(max_length=12)


class RegisterResendSerializer(ChallengeSerializer):
    channel = serializers.ChoiceField(choices=["mobile", "email"], default="mobile")


# --- sign-in --------------------------------------------------------------------------------------


class SignInSerializer(serializers.Serializer):
    national_id = serializers.CharField(max_length=20)
    password = serializers.CharField(
        max_length=128, style={"input_type": "password"}, write_only=True
    )
    legal_id = serializers.CharField(
        max_length=20,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("The legal entity ID, when signing in as its representative (ID-3)."),
    )
    proof = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=2000,
        help_text=_(
            "A solved proof of work from `GET /api/v1/auth/challenge/`, needed only after a "
            "429 `challenge_required` (ID-11)."
        ),
    )


class SignInStartedSerializer(serializers.Serializer):
    challenge = serializers.CharField()
    already_sent = serializers.BooleanField(
        help_text=_("True when a still-valid temporary password was sent earlier and is reused.")
    )
    expires_at = serializers.DateTimeField(help_text=_("When the temporary password expires."))
    sent_to = serializers.CharField(help_text=_("The mobile number, partly hidden."))
    detail = serializers.CharField()


class SignInVerifySerializer(ChallengeSerializer):
    temp_password = serializers.CharField(max_length=16)
    issue_token = serializers.BooleanField(
        default=False,
        help_text=_(
            "Return an API token for this device, to send as `Authorization: Bearer <token>`. "
            "It expires, and the account's owner can list and revoke it."
        ),
    )
    device_name = NameField(
        max_length=100,
        required=False,
        allow_blank=True,
        default="",
        help_text=_('A name for this device in the list of tokens, e.g. "Office laptop".'),
    )


class DeviceTokenSerializer(serializers.ModelSerializer):
    key = serializers.CharField(source="token_key", read_only=True)
    current = serializers.SerializerMethodField()

    class Meta:
        model = DeviceToken
        fields = ["key", "name", "created", "expiry", "last_used_at", "current"]
        read_only_fields = fields

    def get_current(self, obj) -> bool:
        current = self.context.get("current")
        return bool(current is not None and getattr(current, "pk", None) == obj.pk)


class LegalPersonSerializer(serializers.ModelSerializer):
    class Meta:
        model = LegalPerson
        fields = ["id", "legal_id", "name", "kind"]
        read_only_fields = fields


class MeSerializer(serializers.ModelSerializer):
    roles = serializers.SerializerMethodField()
    mobile = serializers.CharField(read_only=True)
    level = serializers.ChoiceField(
        choices=Level.choices,
        read_only=True,
        help_text=_("registered: mobile proven; verified: identity verified (ID-9)."),
    )

    class Meta:
        model = User
        fields = [
            "id",
            "national_id",
            "id_scheme",
            "nationality",
            "first_name",
            "last_name",
            "preferred_language",
            "mobile",
            "mobile_verified_at",
            "email",
            "email_verified_at",
            "birth_date",
            "bar_licence_number",
            "status",
            "must_change_password",
            "level",
            "identity_verified_at",
            "identity_method",
            "roles",
        ]
        read_only_fields = [
            f for f in fields if f not in {"first_name", "last_name", "preferred_language"}
        ]

    def get_roles(self, obj) -> list[str]:
        return roles_of(obj)


class MeUpdateSerializer(serializers.Serializer):
    first_name = NameField(max_length=150, required=False)
    last_name = NameField(max_length=150, required=False)
    preferred_language = serializers.ChoiceField(choices=settings.LANGUAGES, required=False)


class IdentityVerifySerializer(serializers.Serializer):
    """The details as on the national ID card, checked with the civil registry (ID-9)."""

    first_name = NameField(label=_("First name"), max_length=150)
    last_name = NameField(label=_("Last name"), max_length=150)
    birth_date = serializers.DateField(label=_("Birth date"))
    id_card_serial = NameField(label=_("ID card serial"), max_length=20)


class SignedInSerializer(serializers.Serializer):
    user = MeSerializer()
    acting_for = LegalPersonSerializer(allow_null=True)
    token = serializers.CharField(
        allow_null=True,
        help_text=_("Only when `issue_token` was asked: send it as a Bearer token."),
    )
    must_change_password = serializers.BooleanField()


# --- recovery -------------------------------------------------------------------------------------


class RecoverySerializer(serializers.Serializer):
    national_id = serializers.CharField(max_length=20)
    birth_date = serializers.DateField()
    id_card_serial = NameField(max_length=20)
    mobile = MobileField()
    email = serializers.EmailField(
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Required when an email is registered on the account."),
    )
    proof = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=2000,
        help_text=_(
            "A solved proof of work from `GET /api/v1/auth/challenge/`, needed only after a "
            "429 `challenge_required` (ID-11)."
        ),
    )


class RecoveryConfirmSerializer(ChallengeSerializer):
    sms_code = serializers.CharField(max_length=12)
    email_code = serializers.CharField(
        max_length=12,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Required when an email is registered on the account."),
    )


# --- own account ----------------------------------------------------------------------------------


class PasswordChangeSerializer(serializers.Serializer):
    current_password = serializers.CharField(max_length=128, write_only=True)
    new_password = serializers.CharField(max_length=128, write_only=True)


class MobileChangeSerializer(serializers.Serializer):
    mobile = MobileField()


class EmailChangeSerializer(serializers.Serializer):
    email = serializers.EmailField()


class CodeSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=12)


# --- staff ----------------------------------------------------------------------------------------


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class UserStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "national_id", "first_name", "last_name", "status", "is_active"]
        read_only_fields = fields
