"""The courts' cities in English, for the pages in English and Azerbaijani."""

from django.db import migrations, models

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
    dependencies = [("courts", "0002_reference_data")]

    operations = [
        migrations.AddField(
            model_name="court",
            name="city_en",
            field=models.CharField(blank=True, max_length=128, verbose_name="city in English"),
        ),
        migrations.AddField(
            model_name="historicalcourt",
            name="city_en",
            field=models.CharField(blank=True, max_length=128, verbose_name="city in English"),
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
