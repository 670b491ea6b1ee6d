"""Pages of the public site (CMS-1, CMS-5).

Every page type is translatable (Wagtail's locales, WAGTAIL_I18N_ENABLED), keeps revisions,
and goes through Wagtail's default moderation workflow before it is published. The same
fields are exposed to the headless pages API at /api/cms/v2/.

The tree is:

    Root
    └── HomePage (one per locale; the Persian one is the default Site's root)
        ├── GuideIndexPage
        │   └── GuidePage ...
        ├── RegulationPage (CMS-2)
        ├── OfficeDirectoryPage (CMS-3; /<code>/ is each office's page)
        ├── ReprimandIndexPage (CMS-4; /<id>/ is each published reprimand)
        └── StandardPage
            └── StandardPage ...
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms_pages.blocks import (
    GuideStepsBlock,
    HighlightsBlock,
    RegulationBodyBlock,
    StandardBodyBlock,
)
from core.publiccache import PublicCacheMixin
from offices import selectors as office_selectors

INTRO_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HomePage(PublicCacheMixin, Page):
    """The front page: what the platform is for, highlighted links and the latest guides."""

    intro = RichTextField(features=INTRO_FEATURES, blank=True, verbose_name=_("introduction"))
    highlights = StreamField(
        HighlightsBlock(),
        blank=True,
        verbose_name=_("highlighted links"),
        help_text=_("The main tasks a visitor comes for, shown as cards under the introduction."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("highlights")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("highlights")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms_pages.GuideIndexPage",
        "cms_pages.RegulationPage",
        "cms_pages.OfficeDirectoryPage",
        "cms_pages.ReprimandIndexPage",
        "cms_pages.StandardPage",
    ]

    latest_guides_count = 6

    class Meta:
        verbose_name = _("home page")

    def latest_guides(self):
        return (
            GuidePage.objects.live()
            .public()
            .descendant_of(self)
            .filter(locale_id=self.locale_id)
            .order_by("-last_published_at", "-pk")[: self.latest_guides_count]
        )

    def guide_index(self):
        return GuideIndexPage.objects.live().public().child_of(self).first()

    def office_directory(self):
        return OfficeDirectoryPage.objects.live().public().child_of(self).first()

    def regulation(self):
        return RegulationPage.objects.live().public().child_of(self).first()

    def sections(self) -> dict:
        """The guide index, the office directory and the regulation (the first live, public
        child of each type, as `guide_index()` and the others find them) in one query."""
        from django.contrib.contenttypes.models import ContentType

        names = {
            ContentType.objects.get_for_model(model).pk: name
            for name, model in (
                ("guide_index", GuideIndexPage),
                ("office_directory", OfficeDirectoryPage),
                ("regulation", RegulationPage),
            )
        }
        found = dict.fromkeys(names.values())
        children = Page.objects.live().public().child_of(self).filter(content_type_id__in=names)
        for child in children.order_by("path"):
            if found[names[child.content_type_id]] is None:
                found[names[child.content_type_id]] = child.specific_deferred
        return found

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_guides"] = self.latest_guides()
        context.update(self.sections())
        return context


class GuideIndexPage(PublicCacheMixin, Page):
    """Lists the guides of one locale."""

    intro = RichTextField(features=INTRO_FEATURES, blank=True, verbose_name=_("introduction"))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["cms_pages.HomePage"]
    subpage_types = ["cms_pages.GuidePage"]

    guides_per_page = 20

    class Meta:
        verbose_name = _("guide index")

    def guides(self):
        return GuidePage.objects.live().public().child_of(self).order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.guides(), self.guides_per_page)
        context["guides"] = paginator.get_page(request.GET.get("page"))
        return context


class GuidePage(PublicCacheMixin, Page):
    """A step-by-step guide (CMS-1), like seeds 000, 001 and 003.

    ``steps`` holds numbered steps (each with optional image, notes and warnings) and free
    note/warning callouts between them.
    """

    class Audience(models.TextChoices):
        EVERYONE = "everyone", _("Everyone")
        PUBLIC = "public", _("The public")
        PARTIES = "parties", _("Parties to a case")
        LAWYERS = "lawyers", _("Lawyers")
        OFFICE_STAFF = "office_staff", _("Office staff")

    summary = models.TextField(
        verbose_name=_("summary"),
        help_text=_("One or two sentences: what the reader will be able to do at the end."),
    )
    audience = models.CharField(
        max_length=20,
        choices=Audience.choices,
        default=Audience.EVERYONE,
        verbose_name=_("audience"),
    )
    steps = StreamField(GuideStepsBlock(), verbose_name=_("steps"))
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("last reviewed"),
        help_text=_("The day an editor last checked the guide against the live service."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("summary"), FieldPanel("audience"), FieldPanel("last_reviewed")],
            heading=_("About this guide"),
        ),
        FieldPanel("steps"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("steps"),
        index.AutocompleteField("summary"),
        index.FilterField("audience"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("audience"),
        APIField("last_reviewed"),
        APIField("steps"),
    ]

    parent_page_types = ["cms_pages.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guide")

    def step_groups(self):
        """The stream as runs of consecutive steps (numbered across the whole guide) and the
        callouts between them, so that the template can keep each run in one ordered list
        and still number the steps 1..n."""
        groups = []
        number = 0
        for block in self.steps:
            if block.block_type == "step":
                number += 1
                if not groups or groups[-1]["kind"] != "steps":
                    groups.append({"kind": "steps", "start": number, "items": []})
                groups[-1]["items"].append({"number": number, "block": block})
            else:
                groups.append({"kind": "callout", "block": block})
        return groups

    def step_count(self):
        return sum(1 for block in self.steps if block.block_type == "step")


class StandardPage(PublicCacheMixin, Page):
    """A plain page of text: about, contact, terms."""

    introduction = models.TextField(blank=True, verbose_name=_("introduction"))
    body = StreamField(StandardBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("introduction"), APIField("body")]

    parent_page_types = ["cms_pages.HomePage", "cms_pages.StandardPage"]
    subpage_types = ["cms_pages.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class RegulationPage(PublicCacheMixin, Page):
    """A regulation as pages (CMS-2): chapters and numbered articles with their notes.

    Every article has the anchor ``article-<number>`` and the page opens with a table of
    contents. ``text_language`` is the language of the articles' text: a translation of the
    page may translate its title and headings and keep the authoritative Persian text, which
    is then marked with its own language and direction.
    """

    introduction = models.TextField(blank=True, verbose_name=_("introduction"))
    approved = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("approval"),
        help_text=_("Who approved the text and when, as the text itself says."),
    )
    text_language = models.CharField(
        max_length=8,
        choices=settings.LANGUAGES,
        default="fa",
        verbose_name=_("language of the text"),
    )
    body = StreamField(RegulationBodyBlock(), verbose_name=_("chapters and articles"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("approved"), FieldPanel("text_language")], heading=_("About the text")
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("introduction"),
        APIField("approved"),
        APIField("text_language"),
        APIField("body"),
    ]

    parent_page_types = ["cms_pages.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("regulation")

    def clean(self):
        super().clean()
        numbers = [b.value["number"] for b in self.body if b.block_type == "article"]
        repeated = sorted({n for n in numbers if numbers.count(n) > 1})
        if repeated:
            raise ValidationError(
                {
                    "body": _("Article numbers must be unique; repeated: %(numbers)s.")
                    % {"numbers": ", ".join(map(str, repeated))}
                }
            )

    def articles(self):
        return [block.value for block in self.body if block.block_type == "article"]

    def table_of_contents(self):
        """[{"chapter": value or None, "articles": [value, ...]}, ...] in the page's order;
        articles before the first chapter form a group without a chapter."""
        groups = []
        for block in self.body:
            if block.block_type == "chapter":
                groups.append({"chapter": block.value, "articles": []})
            else:
                if not groups:
                    groups.append({"chapter": None, "articles": []})
                groups[-1]["articles"].append(block.value)
        return groups

    def text_is_foreign(self):
        """Whether the articles are in another language than the page (a translation)."""
        return self.text_language != self.locale.language_code


class OfficeDirectoryPage(PublicCacheMixin, RoutablePageMixin, Page):
    """The office directory inside the public site (CMS-3).

    Nothing about an office is stored on the page: the list, the search and each office's
    page (``<directory>/<code>/``) read the offices app's selectors, so an office added,
    changed or closed in the offices data shows at once to signed-in users and within the
    public cache's time (core.publiccache, a minute in production) to anonymous visitors.
    Headless clients use the offices API, named in the page's API representation.
    """

    intro = RichTextField(features=INTRO_FEATURES, blank=True, verbose_name=_("introduction"))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("directory_api")]

    parent_page_types = ["cms_pages.HomePage"]
    subpage_types = []

    offices_per_page = 20
    directory_api = "/api/v1/offices/"

    class Meta:
        verbose_name = _("office directory")

    @path("")
    def search_view(self, request):
        from cms_pages import directory

        context = directory.search(
            request,
            per_page=self.offices_per_page,
            office_url=lambda code: self.office_url(code, request),
        )
        return self.render(request, context_overrides=context)

    @re_path(r"^(?P<code>\d{4,12})/$", name="office")
    def office_view(self, request, code):
        from cms_pages import directory

        context = directory.office(code)
        if context is None:
            raise Http404
        return self.render(
            request,
            template="cms_pages/office_page.html",
            context_overrides={**context, "directory_url": self.get_url(request)},
        )

    def office_url(self, code, request=None):
        return (self.get_url(request) or self.url) + self.reverse_subpage("office", args=[code])

    def get_sitemap_urls(self, request=None):
        """The directory and every office's page (CMS-3), for the sitemaps (cms_pages.seo)."""
        urls = super().get_sitemap_urls(request)
        directory_url = self.get_full_url(request)
        if directory_url:
            codes = (
                office_selectors.directory(prefetch=False)
                .order_by("code")
                .values_list("code", flat=True)
            )
            urls += [
                {"location": directory_url + self.reverse_subpage("office", args=[code])}
                for code in codes
            ]
        return urls


class ReprimandIndexPage(RoutablePageMixin, Page):
    """Published reprimands (CMS-4; grade 4 of art. 35, DIS-8), read live from discipline.

    Nothing about a reprimand is stored on the page: the list (filterable by province,
    office and year, paginated) and each entry's page (``<index>/<id>/``) ask discipline's
    public selector on every request, so a ruling appears the moment it is final and
    enforced, and never before (see ``cms_pages.reprimands``). Headless clients get the
    entries as the ``reprimands`` API field of the page.
    """

    intro = RichTextField(features=INTRO_FEATURES, blank=True, verbose_name=_("introduction"))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("reprimands"), APIField("reprimands_api")]

    parent_page_types = ["cms_pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    reprimands_per_page = 20
    api_limit = 100
    reprimands_api = "/api/v1/discipline/reprimands/"

    class Meta:
        verbose_name = _("published reprimands")

    @property
    def reprimands(self) -> list[dict]:
        """The latest published reprimands (at most ``api_limit``; the discipline API pages
        through all of them), each with its page on this site."""
        from cms_pages import reprimands

        entries = reprimands.public_reprimands().select_related("case__office__province")
        data = []
        for ruling in entries[: self.api_limit]:
            item = reprimands.as_data(ruling)
            item["url"] = self.entry_url(ruling.pk)
            data.append(item)
        return data

    def uses_jalali(self) -> bool:
        return self.locale.language_code == "fa"

    @path("")
    def list_view(self, request):
        from cms_pages import reprimands

        context = reprimands.listing(
            request,
            per_page=self.reprimands_per_page,
            jalali=self.uses_jalali(),
            entry_url=lambda pk: self.entry_url(pk, request),
        )
        return self.render(request, context_overrides=context)

    @re_path(r"^(?P<ruling_id>\d{1,10})/$", name="reprimand")
    def entry_view(self, request, ruling_id):
        from cms_pages import reprimands

        ruling = reprimands.entry(ruling_id)
        if ruling is None:
            raise Http404
        office_directory = (
            OfficeDirectoryPage.objects.live().public().sibling_of(self, inclusive=False).first()
        )
        return self.render(
            request,
            template="cms_pages/reprimand_page.html",
            context_overrides={
                "reprimand": ruling,
                "violations": list(ruling.case.violations.all()),
                "index_url": self.get_url(request),
                "office_url": (
                    office_directory.office_url(ruling.case.office.code, request)
                    if office_directory
                    else ""
                ),
            },
        )

    def entry_url(self, ruling_id, request=None):
        return (self.get_url(request) or self.url or "") + self.reverse_subpage(
            "reprimand", args=[ruling_id]
        )
