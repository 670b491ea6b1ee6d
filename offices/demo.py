"""Demo offices for `make run` (development only). Idempotent: running it twice changes nothing.

One office in the capital of each of the 31 provinces, with the province's telephone area code.
The Tehran office is fully staffed with the demo office staff of `accounts.demo` (manager, legal
expert, IT expert, two clerks) and so takes appointments; so is the Tabriz office, with staff of
its own who sign in like the other demo users; the others have no staff yet, and the directory
shows why.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from accounts.demo import demo_user
from offices import reference_data, services
from offices.models import (
    Attestation,
    City,
    ComputerSkillsCertification,
    Degree,
    Experience,
    Membership,
    Office,
    Province,
    Service,
    StaffProfile,
    StaffRole,
    WorkingHours,
)

DEMO_STAFF = [
    ("0010000038", StaffRole.MANAGER, Degree.Level.MASTER, Degree.Field.LAW),
    ("0010000046", StaffRole.LEGAL_EXPERT, Degree.Level.BACHELOR, Degree.Field.JUDICIAL_SCIENCES),
    ("0010000054", StaffRole.IT_EXPERT, Degree.Level.BACHELOR, Degree.Field.COMPUTING),
    ("0010000062", StaffRole.CLERK, Degree.Level.ASSOCIATE, Degree.Field.OTHER),
    ("0010000070", StaffRole.CLERK, Degree.Level.BACHELOR, Degree.Field.OTHER),
]

# The Tabriz office's staff (national ID, first name, last name, mobile, role, degree).
TABRIZ_STAFF = [
    (
        "0010000216",
        "یوسف",
        "آذری",
        "+989140000021",
        StaffRole.MANAGER,
        Degree.Level.MASTER,
        Degree.Field.LAW,
    ),
    (
        "0010000224",
        "سمیرا",
        "تبریزی",
        "+989140000022",
        StaffRole.LEGAL_EXPERT,
        Degree.Level.BACHELOR,
        Degree.Field.JUDICIAL_SCIENCES,
    ),
    (
        "0010000232",
        "بابک",
        "رسولی",
        "+989140000023",
        StaffRole.IT_EXPERT,
        Degree.Level.BACHELOR,
        Degree.Field.COMPUTING,
    ),
    (
        "0010000240",
        "الناز",
        "قربانی",
        "+989140000024",
        StaffRole.CLERK,
        Degree.Level.ASSOCIATE,
        Degree.Field.OTHER,
    ),
    (
        "0010000259",
        "رامین",
        "ملکی",
        "+989140000025",
        StaffRole.CLERK,
        Degree.Level.BACHELOR,
        Degree.Field.OTHER,
    ),
]

# Telephone area codes of the provinces (without the trunk 0).
AREA_CODES = {
    "tehran": "21", "alborz": "26", "isfahan": "31", "east-azerbaijan": "41",
    "west-azerbaijan": "44", "ardabil": "45", "ilam": "84", "bushehr": "77",
    "chaharmahal-bakhtiari": "38", "south-khorasan": "56", "razavi-khorasan": "51",
    "north-khorasan": "58", "khuzestan": "61", "zanjan": "24", "semnan": "23",
    "sistan-baluchestan": "54", "fars": "71", "qazvin": "28", "qom": "25", "kurdistan": "87",
    "kerman": "34", "kermanshah": "83", "kohgiluyeh-boyerahmad": "74", "golestan": "17",
    "gilan": "13", "lorestan": "66", "mazandaran": "11", "markazi": "86", "hormozgan": "76",
    "hamadan": "81", "yazd": "35",
}  # fmt: skip


def _demo_pdf() -> bytes:
    """A real one-page PDF: attestation documents are checked by content when edited."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


PDF = _demo_pdf()


def _qualify(user, role, level, field) -> StaffProfile:
    profile, created = StaffProfile.objects.get_or_create(
        user=user, defaults={"sex": StaffProfile.Sex.MALE}
    )
    if created:
        for kind in Attestation.Kind.values:
            Attestation.objects.create(
                profile=profile,
                kind=kind,
                document=ContentFile(PDF, name=f"{kind}.pdf"),
                issued_on=dt.date(2024, 1, 1),
                verified_at=timezone.now(),
            )
        Degree.objects.create(
            profile=profile, level=level, field=field, institution="دانشگاه تهران"
        )
        Experience.objects.create(
            profile=profile, title="کارشناس حقوقی", started_on=dt.date(2012, 1, 1)
        )
        ComputerSkillsCertification.objects.create(
            profile=profile, role=role, certified_on=dt.date(2024, 1, 1)
        )
    return profile


def load(stdout=None) -> int:
    reference_data.load(Province, City, Service)
    User = get_user_model()
    created = 0
    with transaction.atomic():
        for index, province in enumerate(Province.objects.all(), start=1):
            capital = province.cities.get(is_capital=True)
            office, new = Office.objects.get_or_create(
                code=f"{index:02d}0001",
                defaults={
                    "name_fa": f"دفتر خدمات الکترونیک قضایی {capital.name_fa} ۱",
                    "name_en": f"{capital.name_en} judicial e-services office 1",
                    "province": province,
                    "city": capital,
                    "address": f"{capital.name_fa}، خیابان امام، پلاک {index}",
                    "latitude": province.latitude,
                    "longitude": province.longitude,
                    "phone": f"+98{AREA_CODES.get(province.code, '21')}3300{index:04d}",
                    "licence_active": True,
                },
            )
            if new:
                created += 1
                office.services.set(Service.objects.all())
                for weekday in (5, 6, 0, 1, 2):
                    WorkingHours.objects.create(
                        office=office, weekday=weekday, opens="08:00", closes="16:00"
                    )
                WorkingHours.objects.create(office=office, weekday=3, opens="08:00", closes="12:00")
        tehran = Office.objects.get(code="010001")
        regulator = User.objects.filter(is_superuser=True).first()
        for national_id, role, level, field in DEMO_STAFF:
            user = User.objects.filter(national_id=national_id).first()
            if user is None or regulator is None:
                continue
            profile = _qualify(user, role, level, field)
            if not Membership.objects.filter(profile=profile, ended_on__isnull=True).exists():
                services.staff_appoint(actor=regulator, office=tehran, profile=profile, role=role)
        _staff_tabriz(regulator)
    for office in Office.objects.all():
        services.slots_generate(office=office)
    if stdout:
        stdout.write(f"offices: {created} demo offices created, {Office.objects.count()} in all")
    return created


def _staff_tabriz(regulator) -> None:
    """The Tabriz office's own staff, each a demo sign-in (the demo password, a verified
    mobile), appointed through the service like Tehran's."""
    tabriz = Office.objects.filter(province__code="east-azerbaijan").order_by("code").first()
    if tabriz is None or regulator is None:
        return
    for national_id, first, last, mobile, role, level, field in TABRIZ_STAFF:
        user = demo_user(national_id, first, last, mobile)
        profile = _qualify(user, role, level, field)
        if not Membership.objects.filter(profile=profile, ended_on__isnull=True).exists():
            services.staff_appoint(actor=regulator, office=tabriz, profile=profile, role=role)


def seed(stdout=None) -> None:
    """Called by `manage.py seed_demo`."""
    load(stdout=stdout)


def user_table() -> str:
    lines = [f"{'Tabriz office staff':<24} {'national ID':<12} name"]
    for national_id, first, last, _mobile, role, _level, _field in TABRIZ_STAFF:
        lines.append(f"{role.value:<24} {national_id:<12} {first} {last}")
    return "\n".join(lines)
