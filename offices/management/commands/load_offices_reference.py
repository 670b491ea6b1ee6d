from django.core.management.base import BaseCommand

from offices import reference_data
from offices.models import City, Province, Service


class Command(BaseCommand):
    help = "Create or update the provinces, cities and services (idempotent)."

    def handle(self, *args, **options):
        created = reference_data.load(Province, City, Service)
        self.stdout.write(", ".join(f"{count} {name} created" for name, count in created.items()))
