"""Passkeys, and which second factor verified the sign-in behind each API token (ID-13).

TOTP devices and recovery codes are django-otp's own (`otp_totp`, `otp_static`). A passkey is
a django-otp device too, so one session key (`otp_device_id`) says which device verified a
session, whatever its kind."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, ThrottlingMixin, TimestampMixin


class Passkey(TimestampMixin, ThrottlingMixin, Device):
    """A WebAuthn credential: its id and public key, never a secret. Assertions are checked by
    `accounts.second_factor.passkeys`, not by `verify_token`."""

    credential_id = models.CharField(_("credential ID"), max_length=1024, unique=True)
    public_key = models.BinaryField(_("public key"))
    sign_count = models.PositiveBigIntegerField(default=0)
    transports = models.JSONField(default=list, blank=True)
    aaguid = models.CharField(max_length=36, blank=True)

    class Meta(Device.Meta):
        verbose_name = _("passkey")
        verbose_name_plural = _("passkeys")

    def verify_token(self, token):
        return False

    def get_throttle_factor(self):
        return getattr(settings, "OTP_PASSKEY_THROTTLE_FACTOR", 1)


class TokenDevice(models.Model):
    """The device that verified the sign-in which issued an API token, keyed by a digest of
    the token (never the token itself)."""

    token_digest = models.CharField(max_length=128, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    device = models.CharField(max_length=128)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.user_id}: {self.device}"
