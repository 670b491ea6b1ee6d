"""Register imports: every row checked against OFF-1 (offices) or OFF-3 … OFF-5 (a licence's
holder), the refused rows listed with their reasons, the valid ones loaded, nothing twice."""

import csv
import io

import pytest
from django.core.management import call_command

from licensing.models import Licence
from offices.models import Office, Service
from reports import imports
from tests.factories.offices import city, qualified_profile

pytestmark = pytest.mark.django_db

HEAD = [
    "code",
    "name_fa",
    "name_en",
    "province",
    "city",
    "address",
    "latitude",
    "longitude",
    "phone",
    "services",
]


def office_row(code, **changes):
    tehran = city("tehran")
    row = {
        "code": code,
        "name_fa": f"دفتر {code}",
        "name_en": f"Office {code}",
        "province": "tehran",
        "city": tehran.name_en,
        "address": "خیابان آزادی",
        "latitude": "35.6892",
        "longitude": "51.3890",
        "phone": "+982188001234",
        "services": ";".join(Service.objects.values_list("code", flat=True)[:2]),
    }
    row.update(changes)
    return row


def as_csv(rows, head=HEAD) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=head)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


@pytest.mark.rule("OFF-1")
def test_a_file_with_bad_rows_loads_the_good_ones_and_lists_the_bad(tmp_path):
    rows = [
        office_row("51000001"),
        office_row("51000002", province="atlantis"),
        office_row("51000003"),
        office_row("5100x"),
        office_row("51000005", latitude="200"),
        office_row("51000001", name_en="Twice"),
        office_row("51000007", services=""),
        office_row("51000008", address=""),
    ]
    path = tmp_path / "offices.csv"
    path.write_bytes(as_csv(rows))
    out = io.StringIO()
    call_command("import_register", "offices", str(path), "--no-progress", stdout=out)
    text = out.getvalue()
    assert sorted(
        Office.objects.filter(code__startswith="5100").values_list("code", flat=True)
    ) == [
        "51000001",
        "51000003",
    ]
    assert "created 2, updated 0, unchanged 0, refused 6" in text
    assert "line 3: refused: Unknown province 'atlantis'." in text
    assert "line 5: refused: code:" in text
    assert "line 6: refused: latitude:" in text
    assert "line 7: refused: The same key appears twice" in text
    assert "line 8: refused: Unknown or missing services" in text
    assert "line 9: refused: address:" in text

    out = io.StringIO()
    call_command("import_register", "offices", str(path), "--no-progress", stdout=out)
    assert "created 0, updated 0, unchanged 2, refused 6" in out.getvalue()

    outcome = imports.run(
        "offices", imports.read(as_csv([office_row("51000003", name_en="Renamed")]), "o.csv")
    )
    assert (outcome.updated, outcome.refused) == (1, [])
    assert Office.objects.get(code="51000003").name_en == "Renamed"


@pytest.mark.rule("OFF-5")
def test_a_licence_of_a_prohibited_holder_is_refused():
    imports.run("offices", imports.read(as_csv([office_row("52000001")]), "o.csv"))
    good = qualified_profile("manager")
    lawyer = qualified_profile("manager", practising_lawyer=True)
    head = ["number", "office", "holder", "issued_on", "expires_on"]
    rows = [
        {
            "number": "L-1",
            "office": "52000001",
            "holder": good.user.national_id,
            "issued_on": "2026-01-01",
            "expires_on": "2031-01-01",
        },
        {
            "number": "L-2",
            "office": "52000001",
            "holder": lawyer.user.national_id,
            "issued_on": "2026-01-01",
            "expires_on": "2031-01-01",
        },
        {
            "number": "L-3",
            "office": "99999999",
            "holder": good.user.national_id,
            "issued_on": "2026-01-01",
            "expires_on": "2031-01-01",
        },
    ]
    outcome = imports.run("licences", imports.read(as_csv(rows, head), "l.csv"))
    assert outcome.created == 1 and [line for line, _r in outcome.refused] == [3, 4]
    assert "21" in outcome.refused[0][1]  # article 21: prohibited
    assert list(Licence.objects.values_list("number", flat=True)) == ["L-1"]
    again = imports.run("licences", imports.read(as_csv(rows[:1], head), "l.csv"))
    assert (again.created, again.unchanged) == (0, 1)


@pytest.mark.rule("OFF-3")
@pytest.mark.rule("OFF-4")
def test_staff_posts_go_to_qualified_people_only(gd):
    imports.run("offices", imports.read(as_csv([office_row("53000001")]), "o.csv"))
    clerk = qualified_profile("clerk")
    lawyer = qualified_profile("clerk", practising_lawyer=True)
    unqualified = qualified_profile("clerk")
    unqualified.degrees.all().delete()
    head = ["national_id", "office", "role", "full_time"]
    rows = [
        {
            "national_id": p.user.national_id,
            "office": "53000001",
            "role": "clerk",
            "full_time": "yes",
        }
        for p in (clerk, lawyer, unqualified)
    ] + [{"national_id": "0000000000", "office": "53000001", "role": "clerk", "full_time": "yes"}]
    outcome = imports.run("staff", imports.read(as_csv(rows, head), "s.csv"), actor=gd)
    assert outcome.created == 1
    assert [line for line, _r in outcome.refused] == [3, 4, 5]
    assert "21" in outcome.refused[0][1] and "No qualification record" in outcome.refused[2][1]
    office = Office.objects.get(code="53000001")
    assert list(office.memberships.values_list("profile_id", flat=True)) == [clerk.pk]
    again = imports.run("staff", imports.read(as_csv(rows[:1], head), "s.csv"), actor=gd)
    assert (again.created, again.unchanged) == (0, 1)
