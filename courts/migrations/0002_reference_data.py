"""CAS-1: the courts, branches, application types and categories of `courts.reference`."""

from django.db import migrations

from courts import reference


def load(apps, schema_editor):
    reference.load(
        Court=apps.get_model("courts", "Court"),
        CourtBranch=apps.get_model("courts", "CourtBranch"),
        Branch=apps.get_model("notices", "Branch"),
        ApplicationType=apps.get_model("courts", "ApplicationType"),
        Category=apps.get_model("courts", "Category"),
    )


class Migration(migrations.Migration):
    dependencies = [("courts", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
