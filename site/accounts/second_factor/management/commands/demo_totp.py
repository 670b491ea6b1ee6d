from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Print the current authenticator code of a demo staff user (development only)."

    def add_arguments(self, parser):
        parser.add_argument("national_id")

    def handle(self, *args, national_id, **options):
        if not settings.DEBUG:
            raise CommandError("Demo codes are for development settings only.")
        device = TOTPDevice.objects.filter(
            user__national_id=national_id, name="demo", confirmed=True
        ).first()
        if device is None:
            raise CommandError(f"{national_id} has no demo authenticator.")
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        self.stdout.write(f"{totp.token():0{device.digits}d}")
