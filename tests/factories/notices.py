import io
from datetime import timedelta

import factory
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.roles import Role
from notices.models import Branch, Notice
from tests.factories.accounts import UserFactory


class BranchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Branch
        django_get_or_create = ("code",)

    kind = Branch.Kind.COURT
    code = factory.Sequence(lambda n: f"TEH-{n:04d}")
    name = factory.Sequence(lambda n: f"Branch {n} of the Tehran civil court")


def court_clerk(branch: Branch, **kwargs):
    """A user with the court_clerk role who is a clerk of `branch`."""
    clerk = UserFactory(**kwargs)
    group, _ = Group.objects.get_or_create(name=Role.COURT_CLERK.value)
    clerk.groups.add(group)
    branch.clerks.add(clerk)
    return clerk


class NoticeFactory(factory.django.DjangoModelFactory):
    """A notice written straight to the table (pending service, delivered now). Tests of
    issuing use the service instead."""

    class Meta:
        model = Notice

    notice_number = factory.Sequence(lambda n: f"1404{n + 1:014d}")
    case_number = factory.Sequence(lambda n: f"{9_000_000_000_000_000 + n:016d}")
    case_sub_row = 1
    issued_at = factory.LazyFunction(timezone.now)
    subject = "Summons to a hearing"
    body = "You are summoned to appear at the branch."
    branch = factory.SubFactory(BranchFactory)
    recipient_user = factory.SubFactory(UserFactory)
    recipient_legal = None
    delivered_at = factory.LazyAttribute(lambda o: o.issued_at)
    deemed_service_due_at = factory.LazyAttribute(lambda o: o.delivered_at + timedelta(days=10))


def pdf_bytes(pages: int = 1) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def jpeg_bytes() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, format="JPEG")
    return out.getvalue()


def pdf_upload(name="ruling.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


def jpeg_upload(name="scan.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, jpeg_bytes(), content_type="image/jpeg")
