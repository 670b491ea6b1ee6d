"""Staff posts (OFF-2 … OFF-5), the licence decisions that change an office's manager or
address (LIC-5, LIC-7, OFF-7), and an applicant's own qualification record (LIC-2)."""

from datetime import date

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import OFFICE_STAFF_ROLES, Role, has_role
from core.exceptions import Conflict, Forbidden, NotFound, ValidationFailed
from core.records import locked, save_as
from offices.models import Membership, Office, StaffProfile, StaffRole
from offices.permissions import grant_post, revoke_post
from offices.qualifications import evaluate
from offices.text import normalize

ROLE_GROUP = {
    StaffRole.MANAGER: Role.OFFICE_MANAGER,
    StaffRole.LEGAL_EXPERT: Role.OFFICE_LEGAL_EXPERT,
    StaffRole.IT_EXPERT: Role.OFFICE_IT_EXPERT,
    StaffRole.CLERK: Role.OFFICE_CLERK,
}


# --- Staff posts (OFF-2 … OFF-5) ------------------------------------------------------------------
def _is_regulator(actor) -> bool:
    return bool(actor and (actor.is_superuser or has_role(actor, Role.LICENSING_STAFF)))


def manager_search_text(user) -> str:
    return normalize(f"{user.first_name} {user.last_name}")


def office_refresh_manager_search(*, office: Office) -> None:
    """Bring the directory's copy of the manager's name up to date (after a name change)."""
    text = manager_search_text(office.manager) if office.manager_id else ""
    Office.objects.filter(pk=office.pk).update(manager_search=text)
    office.manager_search = text


def _authorise_staffing(actor, office: Office, role) -> None:
    if _is_regulator(actor):
        return
    if role != StaffRole.MANAGER and actor.has_perm("offices.manage_staff", office):
        return
    if actor.has_perm("offices.view_office", office):
        raise Forbidden(
            _("Only the General Directorate appoints managers; managers appoint their staff.")
        )
    raise NotFound()


def staff_appoint(
    *,
    actor,
    office: Office,
    profile: StaffProfile,
    role: str,
    full_time: bool = True,
    started_on: date | None = None,
) -> Membership:
    """Give a qualified person a post in an office (art. 15-21). The manager is the licence
    holder and must work full time; a person holds one post at a time."""
    role = StaffRole(role)
    _authorise_staffing(actor, office, role)
    return _appoint(
        actor=actor,
        office=office,
        profile=profile,
        role=role,
        full_time=full_time,
        started_on=started_on,
    )


def _appoint(*, actor, office, profile, role, full_time=True, started_on=None) -> Membership:
    unmet = evaluate(profile, role)
    if unmet:
        raise ValidationFailed(
            _("The person does not meet the conditions of the post."),
            code="unqualified",
            fields={"profile": [str(u) for u in unmet]},
        )
    if role == StaffRole.MANAGER and not full_time:
        raise ValidationFailed(
            _("Article 15: the manager works full time in the office."),
            code="manager_full_time",
            fields={"full_time": [_("The manager works full time.")]},
        )
    with transaction.atomic():
        office = locked(Office.objects.all(), office.pk)
        if Membership.objects.filter(profile=profile, ended_on__isnull=True).exists():
            raise Conflict(_("The person already holds a post."), code="already_employed")
        if (
            role == StaffRole.MANAGER
            and Membership.objects.filter(
                office=office, role=StaffRole.MANAGER, ended_on__isnull=True
            ).exists()
        ):
            raise Conflict(_("The office already has a manager."), code="manager_exists")
        membership = Membership(
            office=office,
            profile=profile,
            role=role,
            full_time=full_time,
            started_on=started_on or timezone.localdate(),
        )
        save_as(membership, actor=actor)
        if role == StaffRole.MANAGER:
            office.manager = profile.user
            office.manager_search = manager_search_text(profile.user)
            save_as(office, actor=actor, update_fields=["manager", "manager_search", "updated_at"])
        user = profile.user
        grant_post(user, office, role)
        user.groups.add(Group.objects.get_or_create(name=ROLE_GROUP[role].value)[0])
        if not user.is_staff:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
    return membership


def staff_release(*, actor, membership: Membership, ended_on: date | None = None) -> Membership:
    """End a post: the person loses access to the office at once."""
    _authorise_staffing(actor, membership.office, membership.role)
    return _release(actor=actor, membership=membership, ended_on=ended_on)


def _release(*, actor, membership: Membership, ended_on: date | None = None) -> Membership:
    with transaction.atomic():
        membership = locked(
            Membership.objects.select_related("office", "profile__user"), membership.pk
        )
        if membership.ended_on is not None:
            raise Conflict(_("The post has already ended."), code="wrong_state")
        membership.ended_on = ended_on or timezone.localdate()
        save_as(membership, actor=actor, update_fields=["ended_on"])
        office, user = membership.office, membership.profile.user
        if membership.role == StaffRole.MANAGER and office.manager_id == user.pk:
            office.manager = None
            office.manager_search = ""
            save_as(office, actor=actor, update_fields=["manager", "manager_search", "updated_at"])
        revoke_post(user, office, membership.role)
        user.groups.remove(*Group.objects.filter(name__in=[r.value for r in OFFICE_STAFF_ROLES]))
        if user.is_staff and not user.is_superuser and not user.groups.exists():
            user.is_staff = False
            user.save(update_fields=["is_staff"])
    return membership


# --- Licence decisions (LIC-5, LIC-7, OFF-7) --------------------------------------------------
# Called by the licensing app's services when the centre head's decision is applied; that
# service has authorised the decision, so these do not check the actor's role again.
def manager_install(*, actor, office: Office, profile: StaffProfile) -> Membership:
    """Make `profile` the office's manager under a new licence (issue, replacement): the
    previous manager's post ends; the new manager must meet art. 16-21 like any manager."""
    with transaction.atomic():
        locked(Office.objects.all(), office.pk)
        current = (
            Membership.objects.select_for_update()
            .filter(office=office, role=StaffRole.MANAGER, ended_on__isnull=True)
            .first()
        )
        if current is not None and current.profile_id == profile.pk:
            return current
        if current is not None:
            _release(actor=actor, membership=current)
        return _appoint(actor=actor, office=office, profile=profile, role=StaffRole.MANAGER)


def office_relocate(
    *, actor, office: Office, address: str, city=None, latitude=None, longitude=None
) -> Office:
    """Move the office to an approved new address (LIC-7)."""
    with transaction.atomic():
        office = locked(Office.objects.all(), office.pk)
        if city is not None and city.province_id != office.province_id:
            raise ValidationFailed(
                _("The new city is in another province."),
                code="other_province",
                fields={"city": [_("The office moves within its province.")]},
            )
        office.address = address
        fields = ["address", "updated_at"]
        for name, value in (("city", city), ("latitude", latitude), ("longitude", longitude)):
            if value is not None:
                setattr(office, name, value)
                fields.append(name)
        save_as(office, actor=actor, reason="relocation", update_fields=fields)
    return office


def qualifications_declare(
    *, actor, sex: str, declarations: dict, degrees=(), experience=()
) -> StaffProfile:
    """The actor's own qualification record, as an applicant declares it (LIC-2): sex, the
    declarations of art. 21, degrees and work periods. Attestations and computer-skills
    certifications are recorded and verified by the General Directorate."""
    allowed = {
        "practising_lawyer",
        "legal_adviser",
        "official_expert",
        "dismissed_judge_or_notary",
        "merchant",
        "government_employee",
    }
    with transaction.atomic():
        profile, _created = StaffProfile.objects.select_for_update().get_or_create(
            user=actor, defaults={"sex": sex}
        )
        profile.sex = sex
        for name, value in declarations.items():
            if name in allowed:
                setattr(profile, name, bool(value))
        save_as(profile, actor=actor)
        for degree in degrees:
            profile.degrees.create(**degree)
        for period in experience:
            profile.experience.create(**{**period, "approved": False})
    return profile
