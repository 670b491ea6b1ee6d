from django.core.management.base import BaseCommand, CommandError

from core import sweeping as sweeps


class Command(BaseCommand):
    help = (
        "Run every time-driven job once (idempotent; schedule it every minute, on any number "
        "of machines: a sweep another runner holds is skipped)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--only", nargs="*", help="Run only these sweeps.")
        parser.add_argument("--list", action="store_true", help="List the sweeps and exit.")

    def handle(self, *args, only=None, list=False, **options):
        if list:
            for name in sweeps.registered():
                self.stdout.write(name)
            return
        results = sweeps.run_each(only=only)
        for name, outcome in results.items():
            self.stdout.write(f"{name}: {outcome}")
        failed = sorted(name for name, outcome in results.items() if outcome.error)
        if failed:
            raise CommandError(f"{len(failed)} sweep(s) failed: {', '.join(failed)}")
