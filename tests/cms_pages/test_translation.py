"""Editors translate a page from the admin ("Translate this page", Wagtail's simple
translation): the translation is created as a draft in the other language's tree, for the
editor to translate and a moderator to publish (CMS-1, CMS-5)."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import Locale

from cms_pages.models import RegulationPage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def editor():
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.mark.rule("CMS-5")
def test_translate_this_page_creates_the_translation_as_a_draft(client, seeded):
    """CMS-5: an editor asks for the Azerbaijani translation of the regulation; it is created
    under the Azerbaijani home page as a draft (not live, nothing public changes), and the
    editor lands on its edit form."""
    user = editor()
    assert user.has_perm("simple_translation.submit_translation")
    azerbaijani = Locale.objects.get(language_code="az")
    assert not seeded.regulation.has_translation(azerbaijani)
    client.force_login(user)
    url = f"/admin/translation/submit/page/{seeded.regulation.pk}/"

    form = client.get(url)
    assert form.status_code == 200
    assert f'value="{azerbaijani.pk}"' in form.content.decode()

    response = client.post(url, {"locales": [azerbaijani.pk]})

    translation = RegulationPage.objects.get(
        translation_key=seeded.regulation.translation_key, locale=azerbaijani
    )
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{translation.pk}/edit/"
    assert not translation.live and translation.has_unpublished_changes
    assert translation.get_parent().pk == seeded.home_az.pk
    assert translation.title == seeded.regulation.title  # copied, to be translated
    assert client.get("/az/regulation/").status_code == 404


def test_only_staff_with_the_permission_may_translate(client, seeded):
    """A staff member who may use the admin but is in neither editors' group is refused (the
    admin sends them back to its dashboard) and no translation is made."""
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(user)

    response = client.post(
        f"/admin/translation/submit/page/{seeded.regulation.pk}/",
        {"locales": [Locale.objects.get(language_code="az").pk]},
    )

    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not user.has_perm("simple_translation.submit_translation")
    assert not RegulationPage.objects.filter(
        translation_key=seeded.regulation.translation_key, locale__language_code="az"
    ).exists()
