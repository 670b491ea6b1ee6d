"""Demo data (development only): every demo staff user gets an authenticator with the one
demo key below, so `make run` shows every staff journey. Add the key to an authenticator
app, or print the current code with `manage.py demo_totp <national ID>`."""

from base64 import b32decode

DEMO_TOTP_SECRET = "DAFTARDEMO2FACTORSECRETKEY234567"  # nosec B105 # a published demo key


def demo_key_hex() -> str:
    return b32decode(DEMO_TOTP_SECRET).hex()


def seed(stdout=None) -> None:
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.second_factor import policy

    User = get_user_model()
    with transaction.atomic():
        for user in User.objects.filter(is_active=True).prefetch_related("groups"):
            if not policy.needs_second_factor(user):
                continue
            TOTPDevice.objects.get_or_create(
                user=user,
                name="demo",
                defaults={"key": demo_key_hex(), "confirmed": True},
            )
