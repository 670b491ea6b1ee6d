"""Pages of the public site (CMS-1, CMS-5).

Every page type is translatable (Wagtail's locales, WAGTAIL_I18N_ENABLED), keeps revisions,
and goes through Wagtail's default moderation workflow before it is published. The same
fields are exposed to the headless pages API at /api/cms/v2/.

The tree is:

    Root
    └── HomePage (one per locale; the Persian one is the default Site's root)
        ├── GuideIndexPage
        │   └── GuidePage ...
        └── StandardPage
            └── StandardPage ...
"""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms_pages.blocks import GuideStepsBlock, HighlightsBlock, StandardBodyBlock

INTRO_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HomePage(Page):
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
    subpage_types = ["cms_pages.GuideIndexPage", "cms_pages.StandardPage"]

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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_guides"] = self.latest_guides()
        context["guide_index"] = self.guide_index()
        return context


class GuideIndexPage(Page):
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


class GuidePage(Page):
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


class StandardPage(Page):
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
