from django.core.management.base import BaseCommand

from core import sweeping as sweeps


class Command(BaseCommand):
    help = "Run every time-driven job once (idempotent; schedule it every minute)."

    def add_arguments(self, parser):
        parser.add_argument("--only", nargs="*", help="Run only these sweeps.")
        parser.add_argument("--list", action="store_true", help="List the sweeps and exit.")

    def handle(self, *args, only=None, list=False, **options):
        if list:
            for name in sweeps.registered():
                self.stdout.write(name)
            return
        for name, count in sweeps.run_all(only=only).items():
            self.stdout.write(f"{name}: {count}")
