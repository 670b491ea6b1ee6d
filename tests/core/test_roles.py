"""Role groups for every actor of the specification."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group

from accounts.roles import Role, sync_role_groups

pytestmark = pytest.mark.django_db


def test_every_actor_has_a_group_and_sync_is_idempotent():
    sync_role_groups()
    sync_role_groups()
    assert set(Group.objects.filter(name__in=Role.values).values_list("name", flat=True)) == set(
        Role.values
    )
    assert (
        Group.objects.get(name=Role.LICENSING_STAFF)
        .permissions.filter(codename="disable_user")
        .exists()
    )


def test_sync_leaves_the_app_registry_untouched():
    before = {c.label: c.models_module for c in apps.get_app_configs()}
    sync_role_groups()
    assert {c.label: c.models_module for c in apps.get_app_configs()} == before
