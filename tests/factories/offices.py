"""Factories for offices, qualified staff and operational offices."""

import datetime as dt

import factory
from django.core.files.base import ContentFile

from accounts.roles import Role
from core.dates import to_persian_digits
from offices import reference_data, services
from offices.models import (
    Attestation,
    City,
    ComputerSkillsCertification,
    Degree,
    Experience,
    Office,
    Province,
    Service,
    StaffProfile,
    StaffRole,
    WorkingHours,
)
from tests.factories.accounts import UserFactory
from tests.factories.notices import pdf_bytes

# A real one-page PDF: uploads are opened and checked in full (FIL-5, LIC-2).
PDF_BYTES = pdf_bytes()


def ensure_reference_data() -> None:
    """Migration 0002 loads it; a transactional test's flush removes it, so load it again."""
    if not Province.objects.exists() or not Service.objects.exists():
        reference_data.load(Province, City, Service)


def province(code="tehran") -> Province:
    ensure_reference_data()
    return Province.objects.get(code=code)


def city(province_code="tehran", name_en=None) -> City:
    p = province(province_code)
    return p.cities.get(name_en=name_en) if name_en else p.cities.get(is_capital=True)


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"{11000000 + n}")
    name_fa = factory.Sequence(lambda n: f"دفتر خدمات الکترونیک قضایی شماره {to_persian_digits(n)}")
    name_en = factory.Sequence(lambda n: f"Judicial e-services office {n}")
    province = factory.LazyFunction(province)
    city = factory.LazyAttribute(lambda o: o.province.cities.get(is_capital=True))
    address = "خیابان ولیعصر، پلاک ۱۲"
    latitude = factory.LazyAttribute(lambda o: o.province.latitude)
    longitude = factory.LazyAttribute(lambda o: o.province.longitude)
    phone = factory.Sequence(lambda n: f"+98218800{n % 10000:04d}")
    licence_active = True
    slot_minutes = 30
    slot_capacity = 2

    @factory.post_generation
    def services(obj, create, extracted, **kwargs):
        if create:
            obj.services.set(extracted if extracted is not None else Service.objects.all())

    @factory.post_generation
    def hours(obj, create, extracted, **kwargs):
        """Default: Saturday to Thursday, 08:00-16:00 (Friday closed)."""
        if not create:
            return
        spans = (
            extracted
            if extracted is not None
            else [(d, "08:00", "16:00") for d in (5, 6, 0, 1, 2, 3)]
        )
        for weekday, opens, closes in spans:
            WorkingHours.objects.create(
                office=obj,
                weekday=weekday,
                opens=dt.time.fromisoformat(opens),
                closes=dt.time.fromisoformat(closes),
            )


class StaffProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffProfile

    user = factory.SubFactory(UserFactory, birth_date=dt.date(1985, 3, 21))
    sex = StaffProfile.Sex.MALE


def attest(profile, kinds=None, **extra):
    kinds = kinds or list(Attestation.Kind.values)
    for kind in kinds:
        Attestation.objects.create(
            profile=profile,
            kind=kind,
            document=ContentFile(PDF_BYTES, name=f"{kind}.pdf"),
            issued_on=dt.date(2024, 1, 1),
            verified_at=dt.datetime(2024, 1, 2, tzinfo=dt.UTC),
            **extra,
        )


def qualified_profile(role, *, user=None, **profile_fields) -> StaffProfile:
    """A person who meets every condition of art. 16-21 for `role`."""
    role = StaffRole(role)
    profile = StaffProfileFactory(**({"user": user} if user else {}), **profile_fields)
    attest(profile)
    field = {
        StaffRole.MANAGER: Degree.Field.LAW,
        StaffRole.LEGAL_EXPERT: Degree.Field.JUDICIAL_SCIENCES,
        StaffRole.IT_EXPERT: Degree.Field.COMPUTING,
        StaffRole.CLERK: Degree.Field.OTHER,
    }[role]
    level = (
        Degree.Level.ASSOCIATE
        if role in (StaffRole.IT_EXPERT, StaffRole.CLERK)
        else Degree.Level.BACHELOR
    )
    Degree.objects.create(profile=profile, level=level, field=field)
    if role == StaffRole.MANAGER:
        Experience.objects.create(
            profile=profile, title="Legal officer", started_on=dt.date(2012, 1, 1)
        )
    ComputerSkillsCertification.objects.create(
        profile=profile, role=role, certified_on=dt.date(2024, 1, 1)
    )
    return profile


def regulator():
    return UserFactory(roles=[Role.LICENSING_STAFF], is_staff=True)


def staff_office(office, *, actor=None, legal=1, it=1, clerks=2, manager=True) -> dict:
    """Appoint a full staff (art. 15) to `office`; returns the users by post."""
    actor = actor or regulator()
    people = {"manager": None, "legal_expert": [], "it_expert": [], "clerk": []}
    if manager:
        profile = qualified_profile(StaffRole.MANAGER)
        services.staff_appoint(actor=actor, office=office, profile=profile, role=StaffRole.MANAGER)
        people["manager"] = profile.user
    for role, count in (
        (StaffRole.LEGAL_EXPERT, legal),
        (StaffRole.IT_EXPERT, it),
        (StaffRole.CLERK, clerks),
    ):
        for _ in range(count):
            profile = qualified_profile(role)
            services.staff_appoint(actor=actor, office=office, profile=profile, role=role)
            people[role.value].append(profile.user)
    office.refresh_from_db()
    return people


def operational_office(**kwargs) -> Office:
    office = OfficeFactory(**kwargs)
    office.people = staff_office(office)
    services.slots_generate(office=office)
    return office
