from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reports import imports


class Command(BaseCommand):
    help = (
        "Load a register (offices or licences) from a CSV or XLSX file: every row is checked, "
        "refused rows are listed with their reasons, the valid ones are written in one "
        "transaction; a second run of the same file changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(imports.KINDS))
        parser.add_argument("path")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, kind, path, no_progress=False, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {path}")
        rows = imports.read(file.read_bytes(), file.name)
        outcome = imports.run(kind, rows, progress=not no_progress)
        for line, reason in outcome.refused:
            self.stdout.write(f"line {line}: refused: {reason}")
        self.stdout.write(
            f"created {outcome.created}, updated {outcome.updated}, "
            f"unchanged {outcome.unchanged}, refused {len(outcome.refused)}"
        )
