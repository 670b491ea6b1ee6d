"""Reads on accounts, already filtered by what the actor may see."""

from django.db.models import QuerySet

from accounts.models import LegalPerson, User


def users_visible_to(actor) -> QuerySet[User]:
    """Staff holding `accounts.view_user` or `accounts.disable_user` see every account; anyone
    else sees only their own."""
    if not getattr(actor, "is_authenticated", False):
        return User.objects.none()
    if actor.has_perm("accounts.view_user") or actor.has_perm("accounts.disable_user"):
        return User.objects.all()
    return User.objects.filter(pk=actor.pk)


def user_timeline_visible_to(actor) -> QuerySet[User]:
    """Whose timeline the actor may read (AUD-3): their own, or everyone's with
    `accounts.view_user_timeline`."""
    if not getattr(actor, "is_authenticated", False):
        return User.objects.none()
    if actor.has_perm("accounts.view_user_timeline"):
        return User.objects.all()
    return User.objects.filter(pk=actor.pk)


def legal_persons_represented_by(actor) -> QuerySet[LegalPerson]:
    """The legal persons the actor currently represents (ID-3): an open representation."""
    if not getattr(actor, "is_authenticated", False):
        return LegalPerson.objects.none()
    return (
        LegalPerson.objects.filter(
            representations__user=actor, representations__revoked_at__isnull=True
        )
        .distinct()
        .order_by("name", "pk")
    )


def legal_person_for(actor, pk) -> LegalPerson | None:
    return legal_persons_represented_by(actor).filter(pk=pk).first()


def acting_legal_person(request) -> LegalPerson | None:
    """The legal person the signed-in user chose at sign-in (ID-3), if still represented."""
    pk = request.session.get("acting_for_legal_person") if hasattr(request, "session") else None
    if not pk:
        return None
    return legal_person_for(request.user, pk)
