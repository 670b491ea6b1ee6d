"""CAS-1: existing filings keep valid. A filing into a court of the reference data gets the
application type its kind stands for, when that court takes it; every other filing keeps its
branch, free-text subject and no type, which the wizard still accepts for a branch outside
the reference data."""

from django.db import migrations

KIND_TO_TYPE = {
    "petition": "civil_claim",
    "criminal_complaint": "criminal_complaint",
    "defence_brief": "case_request",
    "request": "case_request",
    "case_document": "case_request",
    "official_report": "case_request",
}


def forwards(apps, schema_editor):
    Filing = apps.get_model("filings", "Filing")
    CourtBranch = apps.get_model("courts", "CourtBranch")
    ApplicationType = apps.get_model("courts", "ApplicationType")
    types = {a.code: a for a in ApplicationType.objects.all()}
    court_types = dict(CourtBranch.objects.values_list("branch_id", "court__court_type"))
    for filing in Filing.objects.filter(application_type__isnull=True, court__isnull=False):
        court_type = court_types.get(filing.court_id)
        kind = types.get(KIND_TO_TYPE.get(filing.kind, ""))
        if court_type and kind and court_type in (kind.court_types or []):
            Filing.objects.filter(pk=filing.pk).update(application_type=kind)


class Migration(migrations.Migration):
    dependencies = [
        ("filings", "0003_filing_court_reference"),
        ("courts", "0002_reference_data"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
