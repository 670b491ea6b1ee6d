"""CAS-1: courts and branches as reference data, the court picker, application types and the
category taxonomy by court type, and the filing wizard that uses them."""

from importlib import import_module

import pytest
from django.apps import apps

from courts.models import ApplicationType, Category, Court, CourtType
from filings import services as filing_services
from filings.models import Filing, Kind
from tests.factories import courts as cf

pytestmark = pytest.mark.rule("CAS-1")


def test_the_reference_data_covers_iran_and_azerbaijan(db):
    cf.load_reference()
    iran = Court.objects.filter(country="IR")
    for court_type in ("general", "criminal", "family", "administrative", "appeal"):
        assert iran.filter(court_type=court_type).exists(), court_type
    assert iran.values("province").distinct().count() >= 6
    azerbaijan = Court.objects.filter(country="AZ")
    assert set(azerbaijan.values_list("court_type", flat=True)) >= {
        "general_jurisdiction",
        "admin_economic",
    }
    # Every court has numbered branches that issue notices in its name.
    court = Court.objects.get(code="IR-TBZ-GEN")
    assert [b.number for b in court.branches.all()] == [1, 2, 3]
    assert court.branches.first().branch.kind == "court"
    # Each first-instance type takes at least one application that starts a case, and has a
    # category with subcategories.
    for court_type in CourtType.values:
        taken = [a for a in ApplicationType.objects.all() if a.taken_by(court_type)]
        assert any(a.starts_case for a in taken), court_type
        assert Category.objects.filter(court_type=court_type, parent__isnull=False).exists()


def test_seed_002_kinds_of_application_by_court(db):
    """Seed 002 §10.1: claims and small claims at a general-jurisdiction court; administrative,
    economic and small economic claims at an administrative-economic court; a court order at
    both."""
    cf.load_reference()
    by_code = {a.code: a for a in ApplicationType.objects.all()}
    assert by_code["small_claim"].taken_by("general_jurisdiction")
    assert not by_code["small_claim"].taken_by("admin_economic")
    assert by_code["economic_claim"].taken_by("admin_economic")
    assert by_code["court_order"].taken_by("general_jurisdiction")
    assert by_code["court_order"].taken_by("admin_economic")
    assert not by_code["criminal_complaint"].taken_by("family")


def test_the_court_picker_searches_by_city_type_and_name(db, client_for):
    cf.load_reference()
    from tests.factories import UserFactory

    api = client_for(UserFactory())
    rows = api.get("/api/v1/courts/", {"city": "تبریز", "type": "family"}).json()["results"]
    assert [r["code"] for r in rows] == ["IR-TBZ-FAM-1", "IR-TBZ-FAM-2"]
    assert rows[0]["court_type"] == "family" and rows[0]["court"] == "Tabriz family court"
    rows = api.get("/api/v1/courts/", {"q": "İnzibati-İqtisadi", "country": "AZ"}).json()
    assert {r["court_code"] for r in rows["results"]} == {"AZ-BAK-IIM", "AZ-GNJ-IIM"}
    types = api.get("/api/v1/courts/application-types/", {"type": "admin_economic"}).json()
    assert "economic_claim" in {t["code"] for t in types}
    assert "civil_claim" not in {t["code"] for t in types}
    categories = api.get("/api/v1/courts/categories/", {"type": "family"}).json()
    divorce = next(c for c in categories if c["code"] == "fam-marriage-divorce")
    assert divorce["parent"] == "fam-marriage" and divorce["name"] == "Divorce"


def _draft(filer, kind=Kind.PETITION) -> Filing:
    return filing_services.filing_create(actor=filer, kind=kind)


def test_the_wizard_refuses_an_application_type_the_court_does_not_take(db, client_for):
    cf.load_reference()
    from tests.factories import UserFactory

    filer = UserFactory()
    filing = _draft(filer)
    api = client_for(filer)
    response = api.put(
        f"/api/v1/filings/{filing.pk}/steps/kind/",
        {"court": "IR-TBZ-CRI-1", "application_type": "civil_claim", "category": ""},
        format="json",
    )
    assert response.status_code == 400
    assert "application_type" in response.json()["fields"]
    # A category of another court type is refused too.
    response = api.put(
        f"/api/v1/filings/{filing.pk}/steps/kind/",
        {"court": "IR-TBZ-GEN-1", "application_type": "civil_claim", "category": "fam-children"},
        format="json",
    )
    assert response.status_code == 400
    assert "category" in response.json()["fields"]
    filing.refresh_from_db()
    assert filing.application_type_id is None


def test_the_wizard_takes_the_picked_court_type_and_category(db, client_for):
    cf.load_reference()
    from tests.factories import UserFactory

    filer = UserFactory()
    filing = _draft(filer)
    api = client_for(filer)
    # A court of the reference data needs the kind of application and the category.
    response = api.put(
        f"/api/v1/filings/{filing.pk}/steps/kind/", {"court": "IR-TBZ-GEN-1"}, format="json"
    )
    assert response.status_code == 400
    assert {"application_type", "category"} <= set(response.json()["fields"])
    response = api.put(
        f"/api/v1/filings/{filing.pk}/steps/kind/",
        {
            "court": "IR-TBZ-GEN-1",
            "application_type": "civil_claim",
            "category": "gen-contract-loan",
            "claim_value": 1000,
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    filing.refresh_from_db()
    assert filing.application_type.code == "civil_claim"
    assert filing.category.code == "gen-contract-loan"
    # The subject comes from the taxonomy, not free text.
    assert filing.subject == Category.objects.get(code="gen-contract-loan").name
    detail = api.get(f"/api/v1/filings/{filing.pk}/").json()
    assert detail["application_type"] == "civil_claim"
    assert detail["category"] == "gen-contract-loan"


def test_the_data_migration_keeps_existing_filings_valid(db):
    """A filing made before the reference data keeps its branch and subject; one into a
    reference court gets the application type its kind stands for."""
    cf.load_reference()
    from tests.factories import UserFactory

    filer = UserFactory()
    filing = _draft(filer)
    Filing.objects.filter(pk=filing.pk).update(
        court=cf.branch_of("IR-TBZ-GEN"), subject="Claim for the price of goods"
    )
    migration = import_module("filings.migrations.0004_filings_application_types")
    migration.forwards(apps, None)
    filing.refresh_from_db()
    assert filing.application_type.code == "civil_claim"
    assert filing.subject == "Claim for the price of goods"


@pytest.mark.rule("CMS-5")
def test_a_court_and_its_branch_are_named_in_the_readers_language(db):
    """CMS-5: a court's branch reads as the court writes it in its own language, and in the
    reader's language elsewhere: number, court and city from the reference data, never the
    other language's words."""
    from django.utils import translation

    cf.load_reference()
    tabriz = Court.objects.get(code="IR-TBZ-GEN").branches.get(number=2)
    baku = Court.objects.get(code="AZ-BAK-NSM").branches.get(number=1)
    with translation.override("fa"):
        assert tabriz.branch.name == "شعبه 2 دادگاه عمومی حقوقی تبریز"
        assert tabriz.label == "شعبه ۲ دادگاه عمومی حقوقی تبریز"
        assert tabriz.court.city_label == "تبریز"
    with translation.override("en"):
        assert tabriz.label == "Branch 2, Tabriz general civil court"
        assert tabriz.court.city_label == "Tabriz"
        assert baku.court.city_label == "Baku"
    with translation.override("az"):
        assert baku.label == baku.branch.name == "Bakı şəhəri Nəsimi rayon məhkəməsi, 1 saylı"
        assert baku.court.city_label == "Bakı"
        assert tabriz.label == "2 saylı şöbə, Tabriz general civil court"
