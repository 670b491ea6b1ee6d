from django.core.management.base import BaseCommand

from reports import tallies


class Command(BaseCommand):
    help = "Rebuild every report tally from the records (after a bulk load; RPT-1)."

    def handle(self, *args, **options):
        made = tallies.rebuild(progress=lambda f: self.stdout.write(f"{f.name} done"))
        self.stdout.write(f"{made} tallies")
