"""Editors and moderators may translate pages ("Translate this page", Wagtail's simple
translation): the permission is created here, before the post-migrate step that would
otherwise create it, so that the default groups can be given it."""

from django.db import migrations

GROUPS = ("Editors", "Moderators")


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="simple_translation", model="simpletranslation"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="simple_translation", codename="submit_translation"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cms_pages", "0004_reprimandindexpage"),
        ("simple_translation", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
