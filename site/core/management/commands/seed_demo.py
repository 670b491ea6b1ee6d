from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core import demo


class Command(BaseCommand):
    help = "Load the demo data (idempotent). Development only."

    def add_arguments(self, parser):
        parser.add_argument(
            "--print-users", action="store_true", help="Only print the demo sign-ins."
        )

    def handle(self, *args, print_users=False, **options):
        if print_users:
            self.stdout.write(demo.user_table())
            return
        if not settings.DEBUG:
            raise CommandError("Demo data is for development settings only.")
        demo.seed_users(self.stdout)
        # Each app may add its demo data in a `demo` module with a `seed(stdout)` function.
        for config in apps.get_app_configs():
            name = f"{config.name}.demo"
            if config.name == "core" or find_spec(name) is None:
                continue
            seed = getattr(import_module(name), "seed", None)
            if callable(seed):
                seed(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data is loaded."))
