"""Provinces and cities of Iran, and the services offices offer (idempotent)."""

from django.db import migrations


def load(apps, schema_editor):
    from offices.reference_data import load as load_reference

    load_reference(apps.get_model("offices", "Province"), apps.get_model("offices", "City"), apps.get_model("offices", "Service"))


class Migration(migrations.Migration):
    dependencies = [("offices", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
