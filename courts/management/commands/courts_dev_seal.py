"""Make the development CA and court seal (CAS-5) if none exists: `manage.py courts_dev_seal`.

Never for production: there, COURTS["SEAL_PKCS12"] (DAFTAR_SEAL_PKCS12) names the real seal.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from courts import seal


class Command(BaseCommand):
    help = "Generate the development CA and court seal under COURTS['SEAL_DIR'] if missing."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Replace an existing one.")

    def handle(self, *args, force=False, **options):
        if settings.COURTS.get("SEAL_PKCS12"):
            self.stdout.write("A real seal is configured (COURTS['SEAL_PKCS12']); nothing to do.")
            return
        path = seal.make_dev_seal(force=force)
        self.stdout.write(f"Development seal: {path} (CA: {path.parent / 'ca.pem'})")
