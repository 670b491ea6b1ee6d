from django.core.management.base import BaseCommand

from offices import demo


class Command(BaseCommand):
    help = "Reference data and one demo office per province (idempotent; development only)."

    def handle(self, *args, **options):
        demo.load(stdout=self.stdout)
