"""The guides written from seeds 000, 001 and 003 and from the cabinet's screens (Persian with
English translations) and, in Azerbaijani, from seed 002 (CMS-1, CMS-5)."""

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Locale

from cms_pages.models import GuidePage

pytestmark = pytest.mark.django_db


def html_tag(body):
    return re.search(r"<html[^>]*>", body).group(0)


def step_titles(page):
    return [block.value["title"] for block in page.steps if block.block_type == "step"]


def step_texts(page):
    """Every text of the guide's steps, notes and warnings, as stored."""
    texts = []
    for block in page.steps:
        if block.block_type == "step":
            texts += [block.value["title"], block.value["body"].source]
            texts += [*block.value["notes"], *block.value["warnings"]]
        else:
            texts.append(block.value["text"].source)
    return texts


def relative_links(page):
    return [
        href
        for text in step_texts(page)
        for href in re.findall(r'href="([^"]+)"', text)
        if href.startswith("/")
    ]


@pytest.mark.rule("CMS-1")
@pytest.mark.rule("CMS-5")
@pytest.mark.parametrize(
    ("persian", "english", "audience", "persian_words", "english_words"),
    [
        (
            "defence_guide",
            "defence_guide_en",
            GuidePage.Audience.LAWYERS,
            ["لایحه دفاعیه", "منضمات", "اخذ امضای الکترونیک", "جی‌پگ"],
            ["Defence brief", "Attachments", "Electronic signature", "JPEG"],
        ),
        (
            "notices_guide",
            "notices_guide_en",
            GuidePage.Audience.PARTIES,
            ["ثنا", "رمز موقت", "دیدن ابلاغیه، ابلاغ است", "ماده ۷۱"],
            ["Sana", "temporary password", "Viewing a notice is service", "article 71"],
        ),
        (
            "cases_guide",
            "cases_guide_en",
            GuidePage.Audience.PARTIES,
            ["پرونده‌های من", "ردیف فرعی", "صحت‌سنجی سند قضایی", "خوراک تقویم من"],
            ["My cases", "sub-row", "Verify a court document", "My calendar feed"],
        ),
    ],
)
def test_guides_render_steps_notes_and_warnings_in_both_languages(
    client, seeded, persian, english, audience, persian_words, english_words
):
    """CMS-1, CMS-5: each guide is published in Persian (right to left, numbered steps in
    Persian digits, its notes and warnings labelled) and as an English translation (left to
    right) with the same number of steps."""
    fa, en = getattr(seeded, persian), getattr(seeded, english)
    assert en.translation_key == fa.translation_key
    assert en.locale.language_code == "en"
    assert fa.audience == en.audience == audience
    assert len(step_titles(fa)) == len(step_titles(en)) >= 10

    fa_body = client.get(fa.url).content.decode()
    en_body = client.get(en.url).content.decode()

    assert 'dir="rtl"' in html_tag(fa_body)
    assert 'dir="ltr"' in html_tag(en_body)
    for title in step_titles(fa):
        assert escape(title) in fa_body
    for title in step_titles(en):
        assert escape(title) in en_body
    assert "مرحلهٔ ۱:" in fa_body and "Step 1:" in en_body
    assert 'class="callout callout--warning"' in fa_body and ">هشدار</p>" in fa_body
    assert 'class="callout callout--note"' in fa_body and ">نکته</p>" in fa_body
    assert ">Warning</p>" in en_body and ">Note</p>" in en_body
    for word in persian_words:
        assert word in fa_body
    for word in english_words:
        assert word in en_body
    assert '<time datetime="2026-11-23">۲ آذر ۱۴۰۵</time>' in fa_body
    assert '<time datetime="2026-11-23">23 November 2026</time>' in en_body


@pytest.mark.rule("CMS-1")
def test_notice_guide_warns_that_viewing_is_service_and_not_visiting_is_refusal(seeded):
    """CMS-1 (seed 003, NOT-4, NOT-5): the two consequences a reader must not miss are
    warnings, not buried in a step."""
    steps = seeded.notices_guide.steps
    warnings = [b.value["text"].source for b in steps if b.block_type == "warning"]
    assert any("دیدن ابلاغیه، ابلاغ است" in text for text in warnings)
    assert any("امتناع از قبول اوراق" in text for text in warnings)


@pytest.mark.rule("CMS-1")
def test_guide_index_lists_all_guides_of_its_language(client, seeded):
    """CMS-1: the Persian index lists the four Persian guides; the English one the four
    translations."""
    fa = client.get(seeded.guide_index.url).content.decode()
    en = client.get(seeded.guide_index_en.url).content.decode()

    for guide in (
        seeded.booking_guide,
        seeded.defence_guide,
        seeded.notices_guide,
        seeded.cases_guide,
    ):
        assert guide.title in fa
    for guide in (
        seeded.booking_guide_en,
        seeded.defence_guide_en,
        seeded.notices_guide_en,
        seeded.cases_guide_en,
    ):
        assert escape(guide.title) in en
    assert escape(seeded.defence_guide_en.title) not in fa


@pytest.mark.rule("CMS-1")
@pytest.mark.rule("CMS-5")
def test_azerbaijani_guide_from_seed_2_under_the_azerbaijani_home(client, seeded):
    """CMS-1, CMS-5 (Azerbaijani where texts exist): the e-court personal cabinet guide of
    seed 002 is published at /az/ under an Azerbaijani home page and guide index, left to
    right, with Gregorian dates."""
    az = Locale.objects.get(language_code="az")
    assert seeded.home_az.locale == az
    assert seeded.home_az.translation_key == seeded.home.translation_key
    assert seeded.guide_index_az.get_parent().specific == seeded.home_az
    guide = seeded.cabinet_guide_az
    assert guide.locale == az and guide.get_parent().specific == seeded.guide_index_az

    body = client.get(guide.url).content.decode()

    assert guide.url.startswith("/az/")
    assert 'lang="az"' in html_tag(body) and 'dir="ltr"' in html_tag(body)
    for title in step_titles(guide):
        assert escape(title) in body
    for word in ("ASAN İmza", "FİN", "VÖEN", "Qaralama", "Qəbul edilmiş", "9 rəqəmli"):
        assert word in body
    assert '<time datetime="2026-11-23">' in body
    index = client.get(seeded.guide_index_az.url).content.decode()
    assert guide.title in index
    assert seeded.booking_guide.title not in index


@pytest.mark.rule("CMS-5")
def test_new_guides_are_on_the_pages_api_with_their_steps(api, seeded):
    """CMS-5: the guides are headless, with steps, notes and warnings, in each language."""
    url = "/api/cms/v2/pages/?type=cms_pages.GuidePage&fields=steps,audience,summary"
    by_locale = {}
    for locale in ("fa", "en", "az"):
        items = api.get(f"{url}&locale={locale}").json()["items"]
        by_locale[locale] = {item["id"]: item for item in items}

    assert set(by_locale["fa"]) == {
        seeded.booking_guide.pk,
        seeded.defence_guide.pk,
        seeded.notices_guide.pk,
        seeded.cases_guide.pk,
    }
    assert set(by_locale["en"]) == {
        seeded.booking_guide_en.pk,
        seeded.defence_guide_en.pk,
        seeded.notices_guide_en.pk,
        seeded.cases_guide_en.pk,
    }
    assert set(by_locale["az"]) == {seeded.cabinet_guide_az.pk}
    notices = by_locale["en"][seeded.notices_guide_en.pk]
    types = [block["type"] for block in notices["steps"]]
    assert types.count("warning") == 2 and "note" in types and types.count("step") >= 10
    assert notices["audience"] == "parties"


@pytest.mark.rule("CMS-1")
@pytest.mark.rule("APT-1")
def test_booking_guide_describes_daftars_own_sign_up_and_booking(client, seeded):
    """CMS-1 (seed 001, APT-1 … APT-5): the booking guide walks Daftar's screens (sign-up with
    the national ID and a code sent to the mobile, the office directory, the check-in code),
    not another system's (the mobile number as user name, a «عضویت» button, a captcha)."""
    fa = " ".join(step_texts(seeded.booking_guide))
    en = " ".join(step_texts(seeded.booking_guide_en))

    for gone in ("عضویت", "کد امنیتی", "ثبت نام کاربران", "نام کاربری شما در سامانه خواهد بود"):
        assert gone not in fa
    for gone in ("Join", "security code", "becomes your user name"):
        assert gone not in en
    for label in ("«ثبت نام»", "«تأیید و تکمیل ثبت نام»", "«مرحله بعد»", "«دریافت نوبت»"):
        assert label in fa
    for label in ("«دریافت نوبت در این زمان»", "«نوبت‌های من»", "«لغو این نوبت»", "کد پذیرش"):
        assert label in fa
    for label in ("Confirm and complete the registration", "Book this time", "Check-in code"):
        assert label.lower() in en.lower()
    assert {"/accounts/register/", "/offices/", "/appointments/"} <= set(
        relative_links(seeded.booking_guide)
    )
    assert {"/en/accounts/register/", "/en/offices/", "/en/appointments/"} <= set(
        relative_links(seeded.booking_guide_en)
    )
    body = client.get(seeded.booking_guide.url).content.decode()
    assert 'href="/offices/"' in body and "عضویت" not in body


@pytest.mark.rule("CMS-1")
def test_every_link_in_the_guides_leads_to_a_real_page(client, seeded):
    """CMS-1: each relative link in every guide's steps, notes and warnings answers an anonymous
    visitor, either with the page (200) or by sending them to sign in, in the guide's own
    language (English links carry the /en prefix)."""
    guides = GuidePage.objects.live().select_related("locale")
    checked = set()
    for guide in guides:
        language = guide.locale.language_code
        with translation.override(language):
            signin = reverse("accounts:signin")
        for href in relative_links(guide):
            if language == "en":
                assert href.startswith("/en/"), (guide.slug, href)
            elif language == "fa":
                assert not href.startswith(("/en/", "/az/")), (guide.slug, href)
            response = client.get(href)
            if response.status_code == 302:
                assert urlsplit(response["Location"]).path == signin, (guide.slug, href)
            else:
                assert response.status_code == 200, (guide.slug, href, response.status_code)
            checked.add(href)

    # The booking and cabinet guides link into the portal in both languages.
    assert len(checked) >= 16
    assert {"/cases/verify/", "/en/cases/verify/", "/offices/", "/en/offices/"} <= checked


@pytest.mark.rule("CMS-1")
@pytest.mark.rule("CAS-7")
def test_cabinet_guide_is_a_translation_pair_linking_into_the_cabinet(client, seeded):
    """CMS-1 (CAS-3 … CAS-8): the my-cases guide is published in Persian under the guide index
    with its English translation, and leads to the cabinet's pages: my cases, my hearings,
    following a case by its password and the public verification page."""
    fa, en = seeded.cases_guide, seeded.cases_guide_en
    assert fa.slug == "my-cases" and fa.locale.language_code == "fa"
    assert fa.get_parent().specific == seeded.guide_index
    assert en.translation_key == fa.translation_key and en.locale.language_code == "en"
    assert en.get_parent().specific == seeded.guide_index_en
    assert fa.url == "/guides/my-cases/" and en.url == "/en/guides/my-cases/"
    assert len(step_titles(fa)) == len(step_titles(en))

    fa_links, en_links = set(relative_links(fa)), set(relative_links(en))
    assert {"/cases/", "/cases/hearings/", "/cases/follow/", "/cases/verify/"} <= fa_links
    assert {"/en/cases/", "/en/cases/follow/", "/en/cases/verify/", "/en/notices/"} <= en_links
    fa_text = " ".join(step_texts(fa))
    for label in ("«تجدید رمز پرونده من»", "«افزودن به تقویم من»", "«دریافت پی‌دی‌اف دارای مهر»"):
        assert label in fa_text
    body = client.get(fa.url).content.decode()
    assert 'href="/cases/"' in body and 'href="/cases/verify/"' in body
