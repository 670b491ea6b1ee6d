"""The objects the permission matrix requests, built once per module through the factories.

One user per role of DOMAIN.md §1 (accounts.roles.Role), each with an object in their scope
(`own`), and a second set of the same objects outside every one of those scopes (`other`):
another office, another board, another filer, another recipient, another legal person,
another Association and inspector. A route is requested with the `own` objects for the
matrix and with the `other` objects for the isolation test (which expects 404).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.core.files.images import ImageFile
from django.utils import timezone
from guardian.shortcuts import assign_perm

from accounts.models import Representation
from accounts.roles import Role
from courts import services as court_services
from courts.models import Hearing
from discipline.models import Violation
from discipline.services import cases as case_services
from discipline.violations import load as load_violations
from filings import services as filing_services
from licensing import services as licensing_services
from licensing.models import CouncilMembership, FeeSchedule, Inspection
from notices import services as notice_services
from offices import services as office_services
from offices.models import Service, Slot, StaffRole, WaitingListEntry
from tests.factories import LegalPersonFactory, UserFactory
from tests.factories import discipline as df
from tests.factories import filings as ff
from tests.factories import licensing as lf
from tests.factories.notices import BranchFactory, court_clerk, jpeg_bytes, pdf_upload
from tests.factories.offices import (
    ensure_reference_data,
    operational_office,
    province,
    qualified_profile,
)

ANONYMOUS = "anonymous"
ROLES = [ANONYMOUS, *[r.value for r in Role]]


@dataclass
class Scope:
    """One set of objects; `kwargs` maps a url keyword to the object's id."""

    office: object = None
    filing: object = None
    document: object = None
    notice: object = None
    attachment: object = None
    legal_person: object = None
    appointment: object = None
    board: object = None
    seat: object = None
    case: object = None
    session: object = None
    ruling: object = None
    case_document: object = None
    application: object = None
    licence: object = None
    request: object = None
    association: object = None
    inspection: object = None
    complaint: object = None
    extra: dict = field(default_factory=dict)


@dataclass
class World:
    users: dict
    own: Scope
    other: Scope
    shared: dict


def _free_slot(office, *, after_days=2) -> Slot:
    start = timezone.now() + dt.timedelta(days=after_days)
    return (
        Slot.objects.filter(office=office, starts_at__gte=start, booked__lt=office.slot_capacity)
        .order_by("starts_at")
        .first()
    )


def _appointment(user, office):
    return office_services.appointment_book(
        actor=user, slot_id=_free_slot(office).pk, service_code="petition"
    )


def _licensed(province_code):
    office = operational_office(province=province(province_code))
    office.licence = lf.licence_for(office)
    return office


def _side(*, office, filer, court, court_clerk_user, legal_person, board, inspector, assoc):
    """The objects of one scope (an office, its filing, notice, case, licence…)."""
    s = Scope(office=office, legal_person=legal_person, board=board, association=assoc)
    s.filing = ff.forwarded(filer, court=court, office=office, staff=office.people["clerk"][0])
    s.filing = filing_services.court_accept(actor=court_clerk_user, filing_id=s.filing.pk)
    s.document = s.filing.documents.first()
    s.extra["payment"] = s.filing.payments.first()
    s.notice = notice_services.issue_notice(
        actor=court_clerk_user,
        branch=court,
        recipient=filer,
        case_number="1403123456789012",
        subject="Summons to a hearing",
        body="You are summoned to the hearing.",
        attachments=[pdf_upload()],
    )
    s.attachment = s.notice.attachments.get()
    s.extra["legal_notice"] = notice_services.issue_notice(
        actor=court_clerk_user,
        branch=court,
        recipient=legal_person,
        case_number="1403123456789013",
        subject="Summons of the company",
        body="The company is summoned.",
    )
    s.appointment = _appointment(filer, office)
    s.extra["waiting"] = WaitingListEntry.objects.create(
        office=office,
        service=Service.objects.get(code="petition"),
        user=filer,
        day=s.appointment.day + dt.timedelta(days=1),
    )
    # The court case of the party (CAS-*): a hearing and an act (minutes, not final).
    court_case = court_services.case_open_or_join(
        actor=court_clerk_user,
        number=f"14049{court.pk:011d}",
        branch=court,
        people=[court_services.Joining(role="claimant", name="Party", user=filer)],
    )
    s.extra["court_case"] = court_case
    s.extra["hearing"] = Hearing.objects.create(
        case=court_case, starts_at=timezone.now() + dt.timedelta(days=3), room="Room 1"
    )
    s.extra["act"] = court_services.act_issue(
        actor=court_clerk_user,
        case_id=court_case.pk,
        kind="minutes",
        title="Minutes",
        text="Heard.",
    )
    s.seat = board.seats.filter(ended_on__isnull=True).order_by("pk").last()
    s.case = df.open_case(office=office, first_board=board)
    s.ruling = df.ruling(s.case, board)
    s.session = s.ruling.session
    s.case_document = case_services.case_add_document(
        actor=board.chair, case_id=s.case.pk, title="Inspection report", file=pdf_upload()
    )
    profile = qualified_profile(StaffRole.MANAGER, user=filer)
    s.application = lf.accepted_application(profile=profile)
    s.licence = office.licence
    s.request = lf.licence_request(office=office)
    s.inspection = Inspection.objects.create(
        association=assoc,
        office=office,
        kind=Inspection.Kind.AD_HOC,
        inspector=inspector,
        scheduled_for=timezone.localdate() - dt.timedelta(days=5),
        planned_by=lf.licensing_staff(),
    )
    from licensing import association as association_services

    s.complaint = association_services.complaint_file(
        actor=filer, office_id=office.pk, subject="Overcharging", body="Charged twice the fee."
    )
    return s


def build() -> World:
    ensure_reference_data()
    ff.ensure_fee_schedule()
    if Violation.objects.count() != 14:
        load_violations(Violation)

    office_a = _licensed("tehran")
    office_b = _licensed("isfahan")
    assoc_a, assoc_b = lf.association("tehran"), lf.association("isfahan")
    court_a, court_b = BranchFactory(), BranchFactory()
    board_a, board_b = df.board(), df.board()

    party = UserFactory(roles=[Role.PARTY], birth_date=dt.date(1985, 3, 21))
    stranger = UserFactory(roles=[Role.PARTY], birth_date=dt.date(1980, 1, 1))
    company_a, company_b = LegalPersonFactory(), LegalPersonFactory()
    for person, company in ((party, company_a), (stranger, company_b)):
        Representation.objects.create(legal_person=company, user=person, title="CEO")
        assign_perm("accounts.act_for_legalperson", person, company)

    clerk_a, clerk_b = court_clerk(court_a), court_clerk(court_b)
    inspector_a = UserFactory(roles=[Role.ASSOCIATION_INSPECTOR])
    inspector_b = UserFactory(roles=[Role.ASSOCIATION_INSPECTOR])
    head = lf.centre_head()
    board_member_a = df.association_board_member()  # on the Tehran Association's board

    users = {
        ANONYMOUS: None,
        Role.PARTY.value: party,
        Role.LAWYER.value: ff.lawyer(),
        Role.OFFICE_MANAGER.value: office_a.people["manager"],
        Role.OFFICE_LEGAL_EXPERT.value: office_a.people["legal_expert"][0],
        Role.OFFICE_IT_EXPERT.value: office_a.people["it_expert"][0],
        Role.OFFICE_CLERK.value: office_a.people["clerk"][0],
        Role.LICENSING_STAFF.value: lf.licensing_staff(),
        Role.COUNCIL_MEMBER.value: lf.council_member(),
        Role.CENTRE_HEAD.value: head,
        Role.ASSOCIATION_BOARD.value: board_member_a,
        Role.ASSOCIATION_INSPECTOR.value: inspector_a,
        Role.BOARD_MEMBER.value: board_a.chair,
        Role.COURT_CLERK.value: clerk_a,
    }
    own = _side(
        office=office_a,
        filer=party,
        court=court_a,
        court_clerk_user=clerk_a,
        legal_person=company_a,
        board=board_a,
        inspector=inspector_a,
        assoc=assoc_a,
    )
    other = _side(
        office=office_b,
        filer=stranger,
        court=court_b,
        court_clerk_user=clerk_b,
        legal_person=company_b,
        board=board_b,
        inspector=inspector_b,
        assoc=assoc_b,
    )

    fee = licensing_services.fee_propose(
        actor=users[Role.COUNCIL_MEMBER.value],
        kind=FeeSchedule.Kind.CALL,
        amount=1_000_000,
        effective_from=timezone.localdate() + dt.timedelta(days=30),
        reasons="Costs of the call.",
    )
    shared = {
        "call": lf.CallFactory(),
        "fee": fee,
        "council_membership": CouncilMembership.objects.filter(
            user=users[Role.COUNCIL_MEMBER.value]
        ).first(),
        "target_user": stranger,
        "lawyer_national_id": users[Role.LAWYER.value].national_id,
        "image": _image(),
        "document": _document(),
        "page": _page(),
        "association": assoc_a,
        "office_code": office_a.code,
    }
    return World(users=users, own=own, other=other, shared=shared)


def _image():
    import io

    from wagtail.images.models import Image

    return Image.objects.create(
        title="Seal", file=ImageFile(io.BytesIO(jpeg_bytes()), name="seal.jpg")
    )


def _document():
    from wagtail.documents.models import Document

    return Document.objects.create(title="Fee schedule", file=pdf_upload("fees.pdf"))


def _page():
    from wagtail.models import Page

    return Page.objects.filter(depth__gt=1, live=True).order_by("depth", "pk").first()
