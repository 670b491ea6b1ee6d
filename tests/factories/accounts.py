import random

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import LegalPerson, User

DEFAULT_PASSWORD = "Correct-Horse-42"
# Names that are also months' names: a page's check for Gregorian dates would read
# "April Smith" as a date.
MONTH_NAMES = {
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
}  # fmt: skip


def _name(part: str) -> str:
    """A Faker first or last name that is no month's name."""
    faker = factory.Faker._get_faker()
    name = getattr(faker, part)()
    while name in MONTH_NAMES:
        name = getattr(faker, part)()
    return name


def national_code(seed: int | None = None) -> str:
    """A valid Iranian national code (ID-1 check digit)."""
    rnd = random.Random(seed)
    while True:
        body = [rnd.randint(0, 9) for _ in range(9)]
        if len(set(body)) == 1:
            continue
        total = sum(d * (10 - i) for i, d in enumerate(body)) % 11
        check = total if total < 2 else 11 - total
        return "".join(map(str, body)) + str(check)


def legal_entity_id(seed: int | None = None) -> str:
    rnd = random.Random(seed)
    while True:
        digits = [rnd.randint(0, 9) for _ in range(10)]
        bonus = digits[9] + 2
        weights = [29, 27, 23, 19, 17]
        total = sum((digits[i] + bonus) * weights[i % 5] for i in range(10)) % 11
        if total == 10:
            total = 0
        value = "".join(map(str, digits)) + str(total)
        if len(set(value)) > 1:
            return value


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("national_id",)
        skip_postgeneration_save = True

    national_id = factory.Sequence(lambda n: national_code(n + 1000))
    mobile = factory.Sequence(lambda n: f"+98912{n % 10_000_000:07d}")
    first_name = factory.LazyFunction(lambda: _name("first_name"))
    last_name = factory.LazyFunction(lambda: _name("last_name"))
    email = factory.Sequence(lambda n: f"user{n}@example.ir")
    birth_date = factory.Faker("date_of_birth", minimum_age=20, maximum_age=70)
    id_card_serial = factory.Sequence(lambda n: f"{n:06d}")
    status = User.Status.ACTIVE
    is_active = True
    mobile_verified_at = factory.LazyFunction(timezone.now)
    # ID-9: accounts are verified unless a test says otherwise (`identity_verified_at=None`).
    identity_verified_at = factory.LazyFunction(timezone.now)
    identity_method = "office"

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.set_password(extracted or DEFAULT_PASSWORD)
        if create:
            obj.save(update_fields=["password"])

    @factory.post_generation
    def roles(obj, create, extracted, **kwargs):
        if create and extracted:
            for role in extracted:
                group, _ = Group.objects.get_or_create(name=str(role))
                obj.groups.add(group)


class LegalPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalPerson

    legal_id = factory.Sequence(lambda n: legal_entity_id(n + 5000))
    name = factory.Sequence(lambda n: f"Company {n}")
    email = factory.Sequence(lambda n: f"company{n}@example.ir")
    mobile = factory.Sequence(lambda n: f"+98935{n % 10_000_000:07d}")
