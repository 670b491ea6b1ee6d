"""The evaluator of art. 16-21 (OFF-3, OFF-4, OFF-5) and its use when staff are appointed."""

import datetime as dt

import pytest

from core.exceptions import ValidationFailed
from offices import services
from offices.models import (
    Attestation,
    ComputerSkillsCertification,
    Degree,
    Experience,
    Membership,
    StaffRole,
)
from offices.qualifications import evaluate, related_experience_days
from tests.factories.offices import (
    OfficeFactory,
    StaffProfileFactory,
    attest,
    qualified_profile,
    regulator,
)

pytestmark = pytest.mark.django_db

ON = dt.date(2025, 10, 4)


def requirements(unmet):
    return {u.requirement: u.article for u in unmet}


@pytest.mark.rule("OFF-4")
@pytest.mark.parametrize("role", list(StaffRole))
def test_a_fully_qualified_person_meets_every_condition_of_the_post(role):
    """OFF-4: the right degree, age, experience and certification leave nothing unmet."""
    assert evaluate(qualified_profile(role), role, on=ON) == []


@pytest.mark.rule("OFF-5")
def test_a_manager_who_is_a_practising_lawyer_is_refused_citing_article_21():
    """OFF-5: a bar licence number makes the person a practising lawyer, barred by art. 21(1)."""
    profile = qualified_profile(StaffRole.MANAGER)
    profile.user.bar_licence_number = "B-98765"
    profile.user.save()

    unmet = evaluate(profile, StaffRole.MANAGER, on=ON)

    assert [(u.requirement, u.article) for u in unmet] == [
        ("prohibited.practising_lawyer", "21(1)")
    ]
    assert "21(1)" in str(unmet[0])

    office = OfficeFactory()
    with pytest.raises(ValidationFailed) as refused:
        services.staff_appoint(
            actor=regulator(), office=office, profile=profile, role=StaffRole.MANAGER
        )
    assert refused.value.code == "unqualified"
    assert any("21(1)" in message for message in refused.value.fields["profile"])
    assert not Membership.objects.filter(office=office).exists()
    office.refresh_from_db()
    assert office.manager_id is None


@pytest.mark.rule("OFF-5")
@pytest.mark.parametrize(
    ("flag", "requirement", "article"),
    [
        ("practising_lawyer", "prohibited.practising_lawyer", "21(1)"),
        ("legal_adviser", "prohibited.legal_adviser", "21(1)"),
        ("official_expert", "prohibited.official_expert", "21(1)"),
        ("dismissed_judge_or_notary", "prohibited.dismissed_judge_or_notary", "21(2)"),
        ("merchant", "prohibited.merchant", "21(3)"),
        ("government_employee", "prohibited.government_employee", "21(4)"),
    ],
)
def test_every_prohibition_of_article_21_bars_every_post(flag, requirement, article):
    """OFF-5: each prohibited occupation is refused for any post, with its article."""
    for role in StaffRole:
        profile = qualified_profile(role, **{flag: True})
        assert requirements(evaluate(profile, role, on=ON)) == {requirement: article}


@pytest.mark.rule("OFF-3")
def test_general_qualifications_need_verified_unexpired_attestations():
    """OFF-3: each art. 16 condition is a verified, unexpired attestation with a document."""
    profile = StaffProfileFactory()
    Degree.objects.create(profile=profile, level=Degree.Level.ASSOCIATE, field=Degree.Field.OTHER)
    ComputerSkillsCertification.objects.create(
        profile=profile, role=StaffRole.CLERK, certified_on=ON
    )
    assert requirements(evaluate(profile, StaffRole.CLERK, on=ON)) == {
        "general.nationality": "16(1)",
        "general.no_addiction": "16(4)",
        "general.no_criminal_record": "16(5)",
        "general.military_service": "16(6)",
        "general.fitness": "16(7)",
    }
    attest(
        profile,
        [Attestation.Kind.NATIONALITY, Attestation.Kind.NO_ADDICTION, Attestation.Kind.FITNESS],
    )
    # Unverified: does not count yet.
    attest(profile, [Attestation.Kind.NO_CRIMINAL_RECORD], valid_until=ON - dt.timedelta(days=1))
    Attestation.objects.filter(kind=Attestation.Kind.NO_CRIMINAL_RECORD).update(verified_at=None)
    assert requirements(evaluate(profile, StaffRole.CLERK, on=ON)) == {
        "general.no_criminal_record": "16(5)",
        "general.military_service": "16(6)",
    }
    # Verified but expired: still does not count.
    Attestation.objects.filter(kind=Attestation.Kind.NO_CRIMINAL_RECORD).update(
        verified_at=dt.datetime.now(dt.UTC)
    )
    assert "general.no_criminal_record" in requirements(evaluate(profile, StaffRole.CLERK, on=ON))


@pytest.mark.rule("OFF-3")
def test_military_service_is_required_of_men_only():
    """OFF-3: the military-service card or exemption applies to men only (art. 16(6))."""
    woman = qualified_profile(StaffRole.CLERK, sex="female")
    Attestation.objects.filter(profile=woman, kind=Attestation.Kind.MILITARY_SERVICE).delete()
    assert evaluate(woman, StaffRole.CLERK, on=ON) == []
    man = qualified_profile(StaffRole.CLERK)
    Attestation.objects.filter(profile=man, kind=Attestation.Kind.MILITARY_SERVICE).delete()
    assert requirements(evaluate(man, StaffRole.CLERK, on=ON)) == {
        "general.military_service": "16(6)"
    }


@pytest.mark.rule("OFF-3")
def test_a_foreign_national_is_refused():
    """OFF-3: Iranian nationality (art. 16(1)) is read from the account as well as attested."""
    profile = qualified_profile(StaffRole.CLERK)
    profile.user.nationality = "AZ"
    profile.user.save()
    assert requirements(evaluate(profile, StaffRole.CLERK, on=ON)) == {
        "general.nationality": "16(1)"
    }


@pytest.mark.rule("OFF-4")
@pytest.mark.parametrize(
    ("role", "level", "field", "ok"),
    [
        (StaffRole.MANAGER, Degree.Level.BACHELOR, Degree.Field.LAW, True),
        (StaffRole.MANAGER, Degree.Level.MASTER, Degree.Field.FIQH, True),
        (StaffRole.MANAGER, Degree.Level.SEMINARY_2, Degree.Field.OTHER, True),
        (StaffRole.MANAGER, Degree.Level.SEMINARY_1, Degree.Field.FIQH, False),
        (StaffRole.MANAGER, Degree.Level.ASSOCIATE, Degree.Field.LAW, False),
        (StaffRole.MANAGER, Degree.Level.DOCTORATE, Degree.Field.COMPUTING, False),
        (StaffRole.LEGAL_EXPERT, Degree.Level.BACHELOR, Degree.Field.JUDICIAL_SCIENCES, True),
        (StaffRole.LEGAL_EXPERT, Degree.Level.BACHELOR, Degree.Field.OTHER, False),
        (StaffRole.IT_EXPERT, Degree.Level.ASSOCIATE, Degree.Field.IT, True),
        (StaffRole.IT_EXPERT, Degree.Level.MASTER, Degree.Field.LAW, False),
        (StaffRole.IT_EXPERT, Degree.Level.DIPLOMA, Degree.Field.COMPUTING, False),
        (StaffRole.CLERK, Degree.Level.ASSOCIATE, Degree.Field.OTHER, True),
        (StaffRole.CLERK, Degree.Level.DIPLOMA, Degree.Field.OTHER, False),
    ],
)
def test_degree_level_and_field_per_post(role, level, field, ok):
    """OFF-4: degree level and field of art. 17(1), 18(1), 19(1), 20(1)."""
    profile = qualified_profile(role)
    profile.degrees.all().delete()
    Degree.objects.create(profile=profile, level=level, field=field)
    unmet = requirements(evaluate(profile, role, on=ON))
    article = {"manager": "17(1)", "legal_expert": "18(1)", "it_expert": "19(1)", "clerk": "20(1)"}[
        role
    ]
    assert unmet == ({} if ok else {"specific.degree": article})


@pytest.mark.rule("OFF-4")
def test_minimum_age_is_25_on_the_day_of_evaluation():
    """OFF-4: at least 25 years old (art. 17(2) … 20(2)); a missing birth date is unmet too."""
    profile = qualified_profile(StaffRole.CLERK)
    profile.user.birth_date = dt.date(2000, 10, 5)
    profile.user.save()
    assert requirements(evaluate(profile, StaffRole.CLERK, on=ON)) == {"specific.age": "20(2)"}
    assert evaluate(profile, StaffRole.CLERK, on=dt.date(2025, 10, 5)) == []
    profile.user.birth_date = None
    profile.user.save()
    assert requirements(evaluate(profile, StaffRole.CLERK, on=ON)) == {"specific.age": "20(2)"}


@pytest.mark.rule("OFF-4")
def test_the_manager_needs_five_years_of_related_experience_counted_once():
    """OFF-4: five years of related work (art. 17(3)); overlapping periods count once and
    unrelated work does not count."""
    profile = qualified_profile(StaffRole.MANAGER)
    profile.experience.all().delete()
    Experience.objects.create(
        profile=profile, title="A", started_on=dt.date(2021, 1, 1), ended_on=dt.date(2023, 12, 31)
    )
    Experience.objects.create(
        profile=profile, title="B", started_on=dt.date(2022, 1, 1), ended_on=dt.date(2024, 12, 31)
    )
    Experience.objects.create(
        profile=profile,
        title="Shop",
        related=False,
        started_on=dt.date(2010, 1, 1),
        ended_on=dt.date(2020, 1, 1),
    )
    assert (
        related_experience_days(profile, ON) == (dt.date(2024, 12, 31) - dt.date(2021, 1, 1)).days
    )
    assert requirements(evaluate(profile, StaffRole.MANAGER, on=ON)) == {
        "specific.experience": "17(3)"
    }
    Experience.objects.create(
        profile=profile, title="C", started_on=dt.date(2019, 6, 1), ended_on=dt.date(2021, 1, 1)
    )
    assert evaluate(profile, StaffRole.MANAGER, on=ON) == []
    # Other posts need no experience.
    assert "specific.experience" not in requirements(
        evaluate(qualified_profile(StaffRole.LEGAL_EXPERT), "legal_expert")
    )


@pytest.mark.rule("OFF-4")
def test_computer_skills_must_be_certified_for_the_post_itself():
    """OFF-4: the General Directorate certifies per post (art. 17(4), 18(3), 19(3), 20(3))."""
    profile = qualified_profile(StaffRole.CLERK)
    assert requirements(evaluate(profile, StaffRole.LEGAL_EXPERT, on=ON)) == {
        "specific.degree": "18(1)",
        "specific.computer_skills": "18(3)",
    }


@pytest.mark.rule("OFF-4")
def test_every_unmet_condition_is_returned_at_once():
    """OFF-4: the evaluator lists every unmet requirement, not only the first."""
    profile = StaffProfileFactory(user__birth_date=dt.date(2005, 1, 1), merchant=True)
    unmet = requirements(evaluate(profile, StaffRole.MANAGER, on=ON))
    assert {
        "specific.degree",
        "specific.age",
        "specific.experience",
        "specific.computer_skills",
    } <= set(unmet)
    assert unmet["prohibited.merchant"] == "21(3)"
    assert len([k for k in unmet if k.startswith("general.")]) == 5
