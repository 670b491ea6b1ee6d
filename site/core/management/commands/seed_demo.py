from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def demo_modules():
    """Each app may add its demo data in a `demo` module with a `seed(stdout)` function (and
    a `user_table()` naming its sign-ins), run in the order of INSTALLED_APPS."""
    for config in apps.get_app_configs():
        name = f"{config.name}.demo"
        if find_spec(name) is not None:
            yield import_module(name)


class Command(BaseCommand):
    help = "Load the demo data (idempotent). Development only."

    def add_arguments(self, parser):
        parser.add_argument(
            "--print-users", action="store_true", help="Only print the demo sign-ins."
        )

    def handle(self, *args, print_users=False, **options):
        if print_users:
            for module in demo_modules():
                table = getattr(module, "user_table", None)
                if callable(table):
                    self.stdout.write(table())
            return
        if not settings.DEBUG:
            raise CommandError("Demo data is for development settings only.")
        for module in demo_modules():
            seed = getattr(module, "seed", None)
            if callable(seed):
                seed(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data is loaded."))
