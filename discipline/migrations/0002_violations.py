"""DIS-12: the catalogue of violations of art. 37, in Persian and English."""

from django.db import migrations


def load(apps, schema_editor):
    from discipline.violations import load as load_catalogue

    load_catalogue(apps.get_model("discipline", "Violation"))


class Migration(migrations.Migration):
    dependencies = [("discipline", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
