"""A filing's history as sentences (`core.history`): what each transition, signature and
payment did and why, in the reader's language, never the codes the services record."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.history import Story
from filings.actions import STEP_TITLES
from filings.models import DocumentPurpose, Filing, Payment, RejectReason, ReturnReason

FILING_STORY = Story(
    states=Filing.Status.choices,
    categories=ReturnReason.choices + RejectReason.choices,
    labels=[
        *Payment.Method.choices,
        *Payment.Status.choices,
        *DocumentPurpose.choices,
        *STEP_TITLES.items(),
    ],
    amounts={"court", "office"},
    verbs={
        "prepare": pgettext_lazy("history", "Prepared for fees and sending"),
        "reopen": pgettext_lazy("history", "Reopened for changes"),
        "send": pgettext_lazy("history", "Sent to the office"),
        "cancel": pgettext_lazy("history", "Cancelled"),
        "verify": pgettext_lazy("history", "The office verified the originals"),
        "forward": pgettext_lazy("history", "Forwarded to the court"),
        "office_return": pgettext_lazy("history", "Returned for correction by the office"),
        "court_return": pgettext_lazy("history", "Returned for correction by the court"),
        "accept": pgettext_lazy("history", "Accepted by the court"),
        "reject": pgettext_lazy("history", "Rejected by the court"),
        "signed": pgettext_lazy("history", "Signed"),
        "signature voided": pgettext_lazy("history", "The signature was voided"),
    },
    reasons=[
        (r"^payment (?P<method>\w+): (?P<status>\w+)$", _("Payment (%(method)s): %(status)s")),
        (
            r"^fees computed: court (?P<court>\d+) \+ office (?P<office>\d+)$",
            _("Fees computed: court fee %(court)s rials, office tariff %(office)s rials"),
        ),
        (r"^step (?P<step>\w+) saved \(draft\)$", _("Step “%(step)s” saved as a draft")),
        (r"^step (?P<step>\w+) saved$", _("Step “%(step)s” saved")),
        (r"^(?P<purpose>\w+) added$", _("File added: %(purpose)s")),
        (r"^sent to office (?P<code>\S+)$", _("Sent to office %(code)s")),
        (r"^copied from (?P<source>\S+)$", _("Copied from filing %(source)s")),
        (
            r"^receipt (?P<receipt>\d+) reused from filing (?P<source>\d+)$",
            _("Receipt %(receipt)s reused from another filing"),
        ),
        (r"^gateway: failed ?(?P<message>.*)$", _("The payment failed: %(message)s")),
        (r"^gateway: succeeded$", _("The payment succeeded")),
        (r"^exempt: (?P<reason>\w+)$", _("Exempt from the fee")),
        (r"^already paid$", _("Already paid (receipt number)")),
        (r"^document removed$", _("A file was removed")),
        (r"^(filing )?reopened for changes$", _("Reopened for changes")),
        (r"^content (no longer matches the signature|changed)$", _("The content changed")),
        (r"^fees cleared$", _("The fees were cleared")),
        (r"^(created|prepared|accepted|signed|forwarded to the court|originals verified)$", ""),
    ],
)


def told(entries: list[dict]) -> list[dict]:
    """The filing's timeline (`selectors.timeline`) as sentences for a page."""
    return FILING_STORY.tell(entries)
