"""The actors of DOMAIN.md §1 as groups. A user's role is membership of a group; what a
role may do to a given object is decided by each app's selectors and object permissions.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PARTY = "party", _("Party")
    LAWYER = "lawyer", _("Lawyer")
    OFFICE_MANAGER = "office_manager", _("Office manager")
    OFFICE_LEGAL_EXPERT = "office_legal_expert", _("Office legal expert")
    OFFICE_IT_EXPERT = "office_it_expert", _("Office IT expert")
    OFFICE_CLERK = "office_clerk", _("Office clerk")
    LICENSING_STAFF = "licensing_staff", _("Licensing staff (General Directorate)")
    COUNCIL_MEMBER = "council_member", _("Council member")
    CENTRE_HEAD = "centre_head", _("Head of the IT centre")
    ASSOCIATION_BOARD = "association_board", _("Association board member")
    ASSOCIATION_INSPECTOR = "association_inspector", _("Association inspector")
    BOARD_MEMBER = "board_member", _("Disciplinary board member")
    COURT_CLERK = "court_clerk", _("Court clerk")


OFFICE_STAFF_ROLES = (
    Role.OFFICE_MANAGER,
    Role.OFFICE_LEGAL_EXPERT,
    Role.OFFICE_IT_EXPERT,
    Role.OFFICE_CLERK,
)

# Model-level permissions each role holds (object scope is decided per app).
ROLE_PERMISSIONS: dict[str, list[str]] = {
    Role.LICENSING_STAFF: [
        "accounts.disable_user",
        "accounts.view_user_timeline",
        "accounts.view_user",
    ],
    Role.CENTRE_HEAD: ["accounts.view_user_timeline", "accounts.view_user"],
}


def has_role(user, *roles) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    wanted = {str(r) for r in roles}
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._role_names = cached
    return bool(cached & wanted)


def roles_of(user) -> list[str]:
    if not getattr(user, "is_authenticated", False):
        return []
    return sorted(user.groups.filter(name__in=Role.values).values_list("name", flat=True))


def sync_role_groups(apps=None, schema_editor=None):
    """Create every role group and give it its model permissions (idempotent)."""
    from django.contrib.auth.management import create_permissions

    historical = apps is not None
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    for config in apps.get_app_configs():
        if historical:
            # Historical app configs have no models module; create_permissions needs one.
            saved = getattr(config, "models_module", None)
            config.models_module = True
            create_permissions(config, verbosity=0, apps=apps)
            config.models_module = saved
        elif config.models_module is not None:
            create_permissions(config, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role in Role:
        group, _ = Group.objects.get_or_create(name=role.value)
        codes = ROLE_PERMISSIONS.get(role, [])
        perms = []
        for code in codes:
            app_label, codename = code.split(".")
            perm = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if perm:
                perms.append(perm)
        group.permissions.add(*perms)
