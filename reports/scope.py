"""Whose offices a viewer's figures cover (RPT-1): the GD's staff and the centre head every
office (and the court notices, which belong to no office), an Association's board members
their province's offices, a manager the offices they manage. Anyone else has no scope."""

from dataclasses import dataclass

from django.db.models import Q

from accounts.roles import Role, has_role
from licensing.models import Association
from licensing.selectors import board_associations_of
from offices.models import Office
from offices.selectors import offices_managed_by


@dataclass(frozen=True)
class Scope:
    everything: bool = False
    provinces: frozenset = frozenset()
    offices: frozenset = frozenset()

    @property
    def empty(self) -> bool:
        return not (self.everything or self.provinces or self.offices)

    def q(self, office: str = "office", province: str = "province") -> Q:
        """The rows of this scope, given the rows' office and province fields."""
        if self.everything:
            return Q()
        which = Q(pk__in=[])
        if self.provinces:
            which |= Q(**{f"{province}__in": self.provinces})
        if self.offices:
            which |= Q(**{f"{office}__in": self.offices})
        return which

    def office_list(self):
        return Office.objects.filter(self.q(office="pk", province="province")).select_related(
            "province"
        )

    def sees(self, office: Office) -> bool:
        return self.everything or office.province_id in self.provinces or office.pk in self.offices


def scope_of(actor) -> Scope:
    if not getattr(actor, "is_authenticated", False):
        return Scope()
    if has_role(actor, Role.LICENSING_STAFF, Role.CENTRE_HEAD):
        return Scope(everything=True)
    provinces = frozenset(
        Association.objects.filter(pk__in=board_associations_of(actor)).values_list(
            "province_id", flat=True
        )
    )
    offices = frozenset()
    if has_role(actor, Role.OFFICE_MANAGER):
        offices = frozenset(offices_managed_by(actor).values_list("pk", flat=True))
    return Scope(provinces=provinces, offices=offices)
