"""The portal's sections and who sees them: the one place that maps the roles of DOMAIN.md §1
to the links of the navigation (the header of every page, the home page's shortcuts).

A section is shown to a user holding any of its roles; `SIGNED_IN` sections are everyone's
once signed in (anyone may book, file and receive notices as a party). Pages still check
what the user may do: the navigation only hides what would be empty or refused.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.roles import OFFICE_STAFF_ROLES, Role, roles_of

SIGNED_IN = "*"

REGULATOR_ROLES = (Role.LICENSING_STAFF, Role.COUNCIL_MEMBER, Role.CENTRE_HEAD)
DISCIPLINE_ROLES = (
    Role.BOARD_MEMBER,
    Role.ASSOCIATION_BOARD,
    Role.ASSOCIATION_INSPECTOR,
    Role.LICENSING_STAFF,
    Role.CENTRE_HEAD,
)
# RPT-1: the dashboards' viewers (the reports app narrows each to its scope).
REPORTING_ROLES = (
    Role.LICENSING_STAFF,
    Role.CENTRE_HEAD,
    Role.ASSOCIATION_BOARD,
    Role.OFFICE_MANAGER,
)


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    url_name: str
    roles: tuple

    @property
    def url(self) -> str:
        return reverse(self.url_name)


SECTIONS = (
    Section("home", _("My desk"), "portal:home", (SIGNED_IN,)),
    Section("notices", _("My notices"), "notices:inbox", (SIGNED_IN,)),
    Section("filings", _("My filings"), "filings:list", (SIGNED_IN,)),
    Section("cases", _("My cases"), "courts:cases", (SIGNED_IN,)),
    Section("hearings", _("My hearings"), "courts:hearings", (SIGNED_IN,)),
    Section("appointments", _("My appointments"), "offices_portal:mine", (SIGNED_IN,)),
    Section("office_queue", _("Office queue"), "filings:queue", OFFICE_STAFF_ROLES),
    Section("office_desk", _("Office desk"), "offices_staff:desk-home", OFFICE_STAFF_ROLES),
    Section("court_queue", _("Court queue"), "filings:court-queue", (Role.COURT_CLERK,)),
    Section("licensing", _("Licence requests"), "licensing:queue", REGULATOR_ROLES),
    Section("discipline", _("Discipline"), "discipline:dashboard", DISCIPLINE_ROLES),
    Section("reports", _("Reports"), "reports:dashboard", REPORTING_ROLES),
)


def sections_for(user) -> list[Section]:
    """The sections `user` may open, in the navigation's order; none when signed out."""
    if not getattr(user, "is_authenticated", False):
        return []
    held = set(roles_of(user)) | {SIGNED_IN}
    return [s for s in SECTIONS if held & {str(r) for r in s.roles}]


def section_keys(user) -> list[str]:
    return [s.key for s in sections_for(user)]
