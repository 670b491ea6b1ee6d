"""Histories people can read: each timeline entry (`core.audit.timeline`) as a sentence in
the reader's language, never a code ("send (confirmed → sent)", "fees computed: court 0 +
office 450000", "time_limit — …").

An app describes its object's history once, in a `Story`:

    FILING_STORY = Story(
        states=Filing.Status.choices,
        verbs={"send": _("Sent to the office"), ...},          # transitions and actions
        reasons=[(r"^fees computed: court (?P<court>\\d+) \\+ office (?P<office>\\d+)$",
                  _("Fees computed: court %(court)s, office %(office)s rials"))],
        categories=ReturnReason.choices + RejectReason.choices,
        labels=Payment.Method.choices,   # codes inside a pattern's groups
        amounts={"court", "office"},     # groups shown as grouped amounts
    )
    FILING_STORY.tell(entries)   # each entry gains "sentence" and "note"

An action without a verb is matched against the same patterns as reasons. `sentence` says
what happened ("Sent to the office: from “Confirmed” to “Sent”"), `note` the
reason as a reader may read it: a reason the services wrote is translated by the first
pattern that matches it, a `category: text` reason shows the category's label and the text
a person wrote, and any other reason (a person's own words) is shown as written. Numbers in
both are in the reader's digits, the groups named in `amounts` grouped in thousands.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from core.dates import local_digits
from core.numbers import format_number

GENERIC = {
    "created": pgettext_lazy("history", "Created"),
    "changed": pgettext_lazy("history", "Changed"),
    "deleted": pgettext_lazy("history", "Deleted"),
}


@dataclass
class Story:
    states: Iterable[tuple[str, object]] = ()
    verbs: dict[str, object] = field(default_factory=dict)
    reasons: list[tuple[str, object]] = field(default_factory=list)
    categories: Iterable[tuple[str, object]] = ()
    labels: Iterable[tuple[str, object]] = ()
    amounts: Iterable[str] = ()

    def __post_init__(self):
        self.states = dict(self.states)
        self.categories = dict(self.categories)
        self.labels = {**self.states, **self.categories, **dict(self.labels)}
        self.patterns = [(re.compile(p), text) for p, text in self.reasons]
        self.amounts = frozenset(self.amounts)

    def phrase(self, text: str) -> str | None:
        """A code the services wrote (an action, a reason) as a sentence, or None: the first
        pattern that matches, its named groups shown as labels or numbers."""
        for pattern, sentence in self.patterns:
            match = pattern.match(text)
            if match:
                values = {k: self.value(k, v) for k, v in match.groupdict().items()}
                return str(sentence) % values if values else str(sentence)
        return None

    def value(self, name, code) -> str:
        """A pattern's group: a code's label, an amount grouped, any other text in the
        reader's digits."""
        if code in self.labels:
            return str(self.labels[code])
        if name in self.amounts:
            return format_number(code)
        return local_digits(code or "")

    def state(self, code) -> str:
        return str(self.states.get(code, code or ""))

    def sentence(self, entry: dict) -> str:
        action = entry.get("action", "")
        verb = self.verbs.get(action) or GENERIC.get(action)
        text = str(verb) if verb is not None else (self.phrase(action) or _("Recorded"))
        if entry.get("from") and entry.get("to") and entry["from"] != entry["to"]:
            text = _("%(what)s: from “%(from)s” to “%(to)s”") % {
                "what": text,
                "from": self.state(entry["from"]),
                "to": self.state(entry["to"]),
            }
        return text

    def note(self, reason: str) -> str:
        reason = (reason or "").strip()
        if not reason:
            return ""
        phrase = self.phrase(reason)
        if phrase is not None:
            return phrase
        category, sep, rest = reason.partition(": ")
        if sep and category in self.categories:
            return f"{self.categories[category]} — {rest}"
        return reason

    def tell(self, entries: list[dict]) -> list[dict]:
        """The entries, each with its `sentence` and `note` (its reason, readable)."""
        return [
            {**e, "sentence": self.sentence(e), "note": self.note(e.get("reason", ""))}
            for e in entries
        ]
