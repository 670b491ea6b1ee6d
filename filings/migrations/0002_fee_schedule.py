"""The fee schedule in force from 1404/01/01 (2025-03-21), in rials (FIL-7).

The amounts are the deployment's starting data, edited later in the admin with new
effective dates (never by changing a rule in force): a monetary petition pays 2.5% of the
claim up to 200,000,000 rials and 3.5% above it; a non-monetary petition, a criminal
complaint and a request a fixed fee; defence briefs, documents into a case and officials'
reports no court fee. Every filing pays the office's service tariff.
"""

import datetime as dt
from decimal import Decimal

from django.db import migrations

FROM = dt.date(2025, 3, 21)

COURT_FEES = [
    # kind, min claim, max claim, fixed, rate %
    ("petition", 0, 0, 1_500_000, "0"),
    ("petition", 1, 200_000_000, 0, "2.5"),
    ("petition", 200_000_001, None, 0, "3.5"),
    ("criminal_complaint", 0, None, 1_000_000, "0"),
    ("request", 0, None, 600_000, "0"),
    ("defence_brief", 0, None, 0, "0"),
    ("case_document", 0, None, 0, "0"),
    ("official_report", 0, None, 0, "0"),
]
TARIFFS = [("", 450_000), ("case_document", 250_000), ("official_report", 0)]


def load(apps, schema_editor):
    CourtFeeRule = apps.get_model("filings", "CourtFeeRule")
    ServiceTariff = apps.get_model("filings", "ServiceTariff")
    for kind, low, high, fixed, rate in COURT_FEES:
        CourtFeeRule.objects.get_or_create(
            kind=kind,
            min_claim=Decimal(low),
            effective_from=FROM,
            defaults={
                "max_claim": None if high is None else Decimal(high),
                "fixed_amount": Decimal(fixed),
                "rate_percent": Decimal(rate),
            },
        )
    for kind, amount in TARIFFS:
        ServiceTariff.objects.get_or_create(
            office=None, kind=kind, effective_from=FROM, defaults={"amount": Decimal(amount)}
        )


class Migration(migrations.Migration):
    dependencies = [("filings", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
