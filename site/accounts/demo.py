"""Demo accounts for `make run` (development only): one sign-in per role and a represented
legal person. Idempotent: running it twice changes nothing. `manage.py seed_demo` runs this
app's `seed` first (accounts comes first in INSTALLED_APPS), then the other apps'."""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from guardian.shortcuts import assign_perm

from accounts.models import LegalPerson, Representation
from accounts.roles import Role, sync_role_groups

DEMO_PASSWORD = os.environ.get("DAFTAR_DEMO_PASSWORD", "Daftar-Demo-1405")

# (national ID, first name, last name, mobile, role or None, extra fields)
DEMO_USERS = [
    ("0010000011", "مریم", "احمدی", "+989120000001", Role.PARTY, {}),
    ("0010000021", "علی", "رضایی", "+989120000002", Role.LAWYER, {"bar_licence_number": "B-12345"}),
    ("0010000038", "حسن", "کریمی", "+989120000003", Role.OFFICE_MANAGER, {}),
    ("0010000046", "زهرا", "موسوی", "+989120000004", Role.OFFICE_LEGAL_EXPERT, {}),
    ("0010000054", "رضا", "حسینی", "+989120000005", Role.OFFICE_IT_EXPERT, {}),
    ("0010000062", "فاطمه", "نوری", "+989120000006", Role.OFFICE_CLERK, {}),
    ("0010000070", "محمد", "صادقی", "+989120000007", Role.OFFICE_CLERK, {}),
    ("0010000089", "نرگس", "جعفری", "+989120000008", Role.LICENSING_STAFF, {"is_staff": True}),
    ("0010000097", "مهدی", "طاهری", "+989120000009", Role.COUNCIL_MEMBER, {}),
    ("0010000100", "احمد", "شریفی", "+989120000010", Role.CENTRE_HEAD, {}),
    ("0010000119", "سارا", "کاظمی", "+989120000011", Role.ASSOCIATION_BOARD, {}),
    ("0010000127", "امیر", "یوسفی", "+989120000012", Role.ASSOCIATION_INSPECTOR, {}),
    ("0010000135", "لیلا", "باقری", "+989120000013", Role.BOARD_MEMBER, {}),
    ("0010000143", "جواد", "قاسمی", "+989120000014", Role.COURT_CLERK, {}),
    # ID-9: the one demo account whose identity is not verified (README: verify it at an office).
    ("0010000178", "نیما", "رحیمی", "+989120000016", Role.PARTY, {"identity_verified_at": None}),
    (
        "0010000151",
        "مدیر",
        "سامانه",
        "+989120000015",
        None,
        {"is_staff": True, "is_superuser": True},
    ),
]
DEMO_LEGAL_PERSON = ("10100000010", "شرکت نمونه پارس")


def demo_user(national_id, first, last, mobile, **extra):
    """A demo sign-in (created once): the demo password, active, mobile and e-mail verified,
    identity verified at an office unless `extra` says otherwise."""
    User = get_user_model()
    user = User.objects.filter(national_id=national_id).first()
    if user is None:
        now = timezone.now()
        user = User(
            national_id=national_id,
            first_name=first,
            last_name=last,
            mobile=mobile,
            email=f"{national_id}@demo.daftar.local",
            email_verified_at=now,
            mobile_verified_at=now,
            status=User.Status.ACTIVE,
            birth_date=timezone.datetime(1985, 3, 21).date(),
            id_card_serial="123456",
            **{"identity_verified_at": now, "identity_method": "office", **extra},
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


def seed_users(stdout=None) -> None:
    User = get_user_model()
    sync_role_groups()
    with transaction.atomic():
        for national_id, first, last, mobile, role, extra in DEMO_USERS:
            user = demo_user(national_id, first, last, mobile, **extra)
            if role is not None:
                user.groups.add(Group.objects.get(name=role.value))
        legal_id, name = DEMO_LEGAL_PERSON
        company, _ = LegalPerson.objects.get_or_create(
            legal_id=legal_id, defaults={"name": name, "email": "info@pars.demo.daftar.local"}
        )
        party = User.objects.get(national_id=DEMO_USERS[0][0])
        if not Representation.objects.filter(
            legal_person=company, user=party, revoked_at__isnull=True
        ).exists():
            Representation.objects.create(legal_person=company, user=party, title="مدیرعامل")
            assign_perm("accounts.act_for_legalperson", party, company)


def user_table() -> str:
    lines = [f"{'role':<24} {'national ID':<12} name"]
    for national_id, first, last, _mobile, role, _extra in DEMO_USERS:
        label = role.value if role else "superuser"
        lines.append(f"{label:<24} {national_id:<12} {first} {last}")
    lines.append(f"password for all: {DEMO_PASSWORD}")
    lines.append(f"legal person {DEMO_LEGAL_PERSON[0]} is represented by {DEMO_USERS[0][0]}")
    return "\n".join(lines)


seed = seed_users
