"""StreamField blocks of the public site: guide steps, callouts and links (CMS-1)."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class APIImageChooserBlock(ImageChooserBlock):
    """An image chooser whose API form carries what a headless client needs to show it.

    Wagtail's own block answers only the image id; a mobile client would need a second
    request per image. The alt text is the image's description (Wagtail's default alt text).
    """

    def get_api_representation(self, value, context=None):
        if value is None:
            return None
        rendition = value.get_rendition("max-1200x1200|format-webp")
        return {
            "id": value.pk,
            "title": value.title,
            "alt": value.default_alt_text,
            "url": rendition.url,
            "width": rendition.width,
            "height": rendition.height,
        }


class NoteBlock(blocks.StructBlock):
    """A callout with advice the reader should know."""

    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))

    class Meta:
        icon = "help"
        label = _("Note")
        template = "cms_pages/blocks/note.html"


class WarningBlock(blocks.StructBlock):
    """A callout about a consequence the reader must not miss (a ban, a lost right)."""

    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))

    class Meta:
        icon = "warning"
        label = _("Warning")
        template = "cms_pages/blocks/warning.html"


class StepBlock(blocks.StructBlock):
    """One numbered step of a guide: what to do, a screenshot, and its notes and warnings."""

    title = blocks.CharBlock(max_length=200, label=_("Title"))
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("What to do"))
    image = APIImageChooserBlock(
        required=False,
        label=_("Image"),
        help_text=_("Optional screenshot. Its description is read out as the alternative text."),
    )
    notes = blocks.ListBlock(blocks.TextBlock(label=_("Note")), label=_("Notes"), default=[])
    warnings = blocks.ListBlock(
        blocks.TextBlock(label=_("Warning")), label=_("Warnings"), default=[]
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")


class LinkStructValue(blocks.StructValue):
    def href(self):
        page = self.get("page")
        if page is not None:
            return page.localized.url
        return self.get("url") or ""


def validate_site_or_web_url(value):
    """A path on this site ("/api/docs/") or an absolute http(s) address."""
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(schemes=["http", "https"])(value)


class LinkBlock(blocks.StructBlock):
    """A highlighted link on the home page: to a page of the site or to any address."""

    title = blocks.CharBlock(max_length=120, label=_("Title"))
    description = blocks.TextBlock(required=False, label=_("Description"))
    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    url = blocks.CharBlock(
        required=False,
        max_length=500,
        label=_("Address"),
        help_text=_("A path on this site such as /api/docs/, or a full https:// address."),
        validators=[validate_site_or_web_url],
    )

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose a page or give an address, not both.")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        return value

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context=context)
        data["href"] = value.href()
        return data

    class Meta:
        icon = "link"
        label = _("Link")
        value_class = LinkStructValue
        template = "cms_pages/blocks/link.html"


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "cms_pages/blocks/heading.html"


class FigureBlock(blocks.StructBlock):
    image = APIImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "cms_pages/blocks/figure.html"


class GuideStepsBlock(blocks.StreamBlock):
    step = StepBlock()
    note = NoteBlock()
    warning = WarningBlock()


class StandardBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["h3", "bold", "italic", "link", "ol", "ul"], label=_("Paragraph")
    )
    figure = FigureBlock()
    note = NoteBlock()
    warning = WarningBlock()


class HighlightsBlock(blocks.StreamBlock):
    link = LinkBlock()


# --- The regulation (CMS-2) --------------------------------------------------------------------
class RegulationNoteBlock(blocks.StructBlock):
    """A note (تبصره) of an article; numbered when the article has more than one."""

    number = blocks.IntegerBlock(
        required=False, min_value=1, label=pgettext_lazy("regulation note", "Number")
    )
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        icon = "help"
        label = _("Note (tabsareh)")


class ArticleStructValue(blocks.StructValue):
    def anchor(self):
        return f"article-{self.get('number')}"


class ArticleBlock(blocks.StructBlock):
    """One article of the regulation. Its anchor is ``article-<number>``, so a link such as
    ``/regulation/#article-17`` lands on it, on the site and in the API."""

    number = blocks.IntegerBlock(min_value=1, label=_("Article number"))
    title = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("Title"),
        help_text=_("A short heading for the table of contents; not part of the text."),
    )
    body = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"], label=_("Text"))
    notes = blocks.ListBlock(RegulationNoteBlock(), label=_("Notes"), default=[])

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context=context)
        data["anchor"] = value.anchor()
        return data

    class Meta:
        icon = "doc-full"
        label = _("Article")
        value_class = ArticleStructValue


class ChapterBlock(blocks.StructBlock):
    """A chapter heading; the articles after it, up to the next chapter, belong to it."""

    number = blocks.IntegerBlock(min_value=1, label=_("Chapter number"))
    label = blocks.CharBlock(max_length=60, label=_("Label"), help_text=_("E.g. «فصل دوم»."))
    title = blocks.CharBlock(max_length=200, label=_("Title"))

    class Meta:
        icon = "title"
        label = _("Chapter")


class RegulationBodyBlock(blocks.StreamBlock):
    chapter = ChapterBlock()
    article = ArticleBlock()
