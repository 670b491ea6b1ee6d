"""Representation of legal persons (ID-3)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.shortcuts import assign_perm, remove_perm

from accounts.models import LegalPerson, Representation, User
from accounts.services.common import _open_representation
from core.exceptions import Conflict, Forbidden


def representation_grant(
    *, actor: User | None, legal_person: LegalPerson, user: User, title: str = ""
) -> Representation:
    """Authorise `user` to act for `legal_person`: the record and the object permission."""
    if actor is not None and not actor.has_perm("accounts.add_representation"):
        raise Forbidden()
    with transaction.atomic():
        legal_person = LegalPerson.objects.select_for_update().get(pk=legal_person.pk)
        if _open_representation(user, legal_person.pk):
            raise Conflict(_("This person already represents the legal person."), code="exists")
        representation = Representation(
            legal_person=legal_person,
            user=user,
            title=title,
            granted_by=actor if getattr(actor, "pk", None) else None,
        )
        representation._history_user = actor if getattr(actor, "pk", None) else None
        representation._change_reason = "representation granted"
        representation.save()
        assign_perm("accounts.act_for_legalperson", user, legal_person)
    return representation


def representation_revoke(*, actor: User | None, representation: Representation) -> Representation:
    if actor is not None and not actor.has_perm("accounts.change_representation"):
        raise Forbidden()
    with transaction.atomic():
        representation = Representation.objects.select_for_update().get(pk=representation.pk)
        if representation.revoked_at is not None:
            raise Conflict(_("This representation is already revoked."), code="wrong_state")
        representation.revoked_at = timezone.now()
        representation._history_user = actor if getattr(actor, "pk", None) else None
        representation._change_reason = "representation revoked"
        representation.save()
        remove_perm(
            "accounts.act_for_legalperson", representation.user, representation.legal_person
        )
    return representation
