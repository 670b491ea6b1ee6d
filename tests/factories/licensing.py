"""Factories for licensing: the regulator's people, calls, licences and requests at any step."""

import datetime as dt

import factory
from django.utils import timezone

from accounts.roles import Role
from licensing import services
from licensing.models import (
    Application,
    Association,
    Call,
    CouncilMembership,
    Licence,
    LicenceRequest,
    ServiceArea,
)
from offices.models import StaffRole
from tests.factories.accounts import UserFactory
from tests.factories.offices import operational_office, province, qualified_profile


def licensing_staff(**kwargs):
    return UserFactory(roles=[Role.LICENSING_STAFF], is_staff=True, **kwargs)


def centre_head(**kwargs):
    return UserFactory(roles=[Role.CENTRE_HEAD], **kwargs)


def council_member(**kwargs):
    """A sitting Council member (LIC-4): the role and a running term."""
    user = UserFactory(roles=[Role.COUNCIL_MEMBER], **kwargs)
    today = timezone.localdate()
    CouncilMembership.objects.create(
        user=user,
        starts_on=today - dt.timedelta(days=30),
        ends_on=today + dt.timedelta(days=1000),
        appointed_by=UserFactory(roles=[Role.CENTRE_HEAD]),
    )
    return user


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call

    title = factory.Sequence(lambda n: f"Call {n}")
    province = factory.LazyFunction(province)
    places = 3
    opens_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))
    created_by = factory.LazyFunction(licensing_staff)


def accepted_application(call=None, profile=None) -> Application:
    """A qualified manager's application, accepted by the GD (LIC-2)."""
    call = call or CallFactory()
    profile = profile or qualified_profile(StaffRole.MANAGER)
    application = services.application_submit(actor=profile.user, call_id=call.pk)
    return services.application_accept(
        actor=licensing_staff(), application_id=application.pk, reasons="Meets every condition."
    )


def licence_for(office, *, holder=None, issued_on=None, expires_on=None, **fields) -> Licence:
    today = timezone.localdate()
    issued_on = issued_on or today - dt.timedelta(days=100)
    return Licence.objects.create(
        number=f"1404-{office.code}-{Licence.objects.filter(office=office).count() + 1:02d}",
        office=office,
        holder=holder or office.manager,
        issued_on=issued_on,
        expires_on=expires_on or issued_on + dt.timedelta(days=3 * 365),
        **fields,
    )


def licensed_office(**licence_fields):
    """An operational office (full staff, art. 15) whose manager holds an active licence."""
    office = operational_office()
    office.licence = licence_for(office, **licence_fields)
    return office


def association(province_code="tehran", name=None) -> Association:
    p = province(province_code)
    assoc, _ = Association.objects.get_or_create(
        province=p, defaults={"name": name or f"Association of {p.name_en}"}
    )
    ServiceArea.objects.update_or_create(province=p, defaults={"association": assoc})
    return assoc


STEPS = {
    LicenceRequest.Status.COUNCIL_REVIEW: ("start_review", council_member),
    LicenceRequest.Status.GD_OPINION: ("propose", council_member),
    LicenceRequest.Status.AWAITING_DECISION: ("give_opinion", licensing_staff),
    LicenceRequest.Status.APPROVED: ("decide", centre_head),
}
ORDER = list(STEPS)


def advance(request: LicenceRequest, to: str, *, decision="approve") -> LicenceRequest:
    """Take a request through the pipeline (LIC-3) up to the state `to`."""
    service = {
        "start_review": services.request_start_review,
        "propose": services.request_propose,
        "give_opinion": services.request_give_opinion,
        "decide": services.request_decide,
    }
    target = LicenceRequest.Status.APPROVED if to == LicenceRequest.Status.REJECTED else to
    for state in ORDER[: ORDER.index(target) + 1]:
        name, who = STEPS[state]
        kwargs = {"reason": ""} if name == "start_review" else {}
        if name != "start_review":
            step_decision = decision if to != LicenceRequest.Status.REJECTED else "reject"
            kwargs = {"decision": step_decision, "reasons": f"{name} reasons"}
        request = service[name](actor=who(), request_id=request.pk, **kwargs)
    return request


def licence_request(kind=LicenceRequest.Kind.SUSPENSION, *, status=None, office=None, **kwargs):
    """A request of `kind` submitted by the GD (or given kwargs), taken to `status`."""
    office = office or licensed_office()
    actor = kwargs.pop("actor", None) or licensing_staff()
    K = LicenceRequest.Kind
    if kind in (K.ISSUE, K.REPLACEMENT):
        kwargs.setdefault("office_id", office.pk)
        kwargs.setdefault("application_id", accepted_application().pk)
    else:
        kwargs.setdefault("licence_id", office.licence.pk)
    if kind == K.SUSPENSION:
        kwargs.setdefault("suspend_until", timezone.localdate() + dt.timedelta(days=90))
    if kind == K.RELOCATION:
        kwargs.setdefault("new_address", "خیابان آزادی، پلاک ۸")
    request = services.request_submit(actor=actor, kind=kind, reasons="Grounds.", **kwargs)
    request.test_office = office
    if status and status != LicenceRequest.Status.SUBMITTED:
        request = advance(request, status)
        request.test_office = office
    return request
