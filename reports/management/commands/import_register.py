from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.roles import Role, has_role
from reports import imports


class Command(BaseCommand):
    help = (
        "Load a register (offices, staff or licences) from a CSV or XLSX file: every row is "
        "checked, refused rows are listed with their reasons, the valid ones are written in one "
        "transaction; a second run of the same file changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(imports.KINDS))
        parser.add_argument("path")
        parser.add_argument("--no-progress", action="store_true")
        parser.add_argument(
            "--actor", default="", help="national ID of the GD's staff member appointing staff"
        )

    def handle(self, kind, path, no_progress=False, actor="", **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {path}")
        appointing = None
        if kind == "staff":
            appointing = get_user_model().objects.filter(national_id=actor).first()
            if appointing is None or not has_role(appointing, Role.LICENSING_STAFF):
                raise CommandError("staff: --actor must name a member of the GD's staff")
        rows = imports.read(file.read_bytes(), file.name)
        outcome = imports.run(kind, rows, progress=not no_progress, actor=appointing)
        for line, reason in outcome.refused:
            self.stdout.write(f"line {line}: refused: {reason}")
        self.stdout.write(
            f"created {outcome.created}, updated {outcome.updated}, "
            f"unchanged {outcome.unchanged}, refused {len(outcome.refused)}"
        )
