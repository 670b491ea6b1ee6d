"""A case's history (DIS-13) and what of it each reader may see (NOT-4, NOT-8).

Until a ruling's notice is served, the accused may know that a ruling exists but not what it
decided: the reason of its issue names the sanction, its enforcement acts on the licence,
and the centre head's objection argues with it. `redact_ruling` and `redact_case` are the
hooks `Ruling` and `Case` register with `core.audit`; the timeline endpoint
(`/api/v1/audit/timeline/…`) and `case_history` below both go through them, so one decision
(`selectors.ruling_content_visible`) covers every path that shows those steps.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import audit
from core.models import TransitionLog
from discipline import selectors
from discipline.models import Case, Challenge, Ruling, Session
from notices.models import Notice

WITHHELD = gettext_lazy("Withheld until the ruling is served.")

# Fields of a ruling that say what it decided or how it was enforced.
CONTENT_FIELDS = frozenset(
    {
        "outcome",
        "grade",
        "suspension_months",
        "text",
        "mitigation_note",
        "enforcement",
        "suspension_starts_on",
        "suspension_ends_on",
    }
)


def _withheld(entry: dict) -> dict:
    entry = dict(entry)
    if entry.get("reason"):
        entry["reason"] = str(WITHHELD)
    if entry.get("changes"):
        entry["changes"] = [c for c in entry["changes"] if c["field"] not in CONTENT_FIELDS]
    return entry


def redact_ruling(ruling: Ruling, viewer, entries: list[dict]) -> list[dict]:
    """The steps of a ruling whose content `viewer` may not read keep their time, actor and
    states; their reasons and the changes of its content are withheld."""
    if selectors.ruling_content_visible(viewer, ruling):
        return entries
    return [_withheld(e) for e in entries]


def redact_case(case: Case, viewer, entries: list[dict]) -> list[dict]:
    """An appeal or objection lodged against a ruling `viewer` may not read yet: its grounds
    (the reason of the case's step) are withheld with the ruling."""
    hidden = [
        r
        for r in case.rulings.exclude(status=Ruling.Status.DRAFT).select_related("case")
        if not selectors.ruling_content_visible(viewer, r)
    ]
    if not hidden:
        return entries
    grounds = set(Challenge.objects.filter(ruling__in=hidden).values_list("grounds", flat=True))
    return [_withheld(e) if e.get("reason") in grounds else e for e in entries]


def _logs(model, ids) -> dict[int, list[TransitionLog]]:
    if not ids:
        return {}
    ct = ContentType.objects.get_for_model(model, for_concrete_model=True)
    out: dict[int, list[TransitionLog]] = {}
    for log in TransitionLog.objects.filter(
        content_type=ct, object_id__in=[str(i) for i in ids]
    ).select_related("actor"):
        out.setdefault(int(log.object_id), []).append(log)
    return out


def _who(user, label=""):
    if user is not None:
        return {"id": user.pk, "name": user.get_full_name() or str(user)}
    return {"id": None, "name": label or "system"}


def _record(time, kind, pk, user, reason) -> dict:
    return {
        "time": time,
        "object": kind,
        "object_id": pk,
        "action": "recorded",
        "from": "",
        "to": "",
        "actor": _who(user),
        "reason": reason,
    }


def _vote_reason(vote) -> str:
    reason = str(vote.get_outcome_display())
    if vote.grade:
        reason += ", " + _("grade %(grade)d") % {"grade": vote.grade}
    if vote.suspension_months:
        reason += ", " + _("%(months)d months") % {"months": vote.suspension_months}
    return f"{reason} — {vote.reasons}"


def case_history(case, *, actor=None) -> list[dict]:
    """Every step of the case, oldest first, each with actor, time and reason: the transitions
    of the case, its hearings, rulings and their notices (service), and the records made along
    the way (attendance, votes, referrals, challenges, documents), as `actor` may see them
    (`actor=None`: everything). The accused does not see how each member voted, nor what a
    ruling decided before it is served."""
    board_side = actor is None or selectors.is_board_side(actor, case)
    sessions = list(case.sessions.all())
    rulings = list(case.rulings.select_related("case"))
    notices = {
        n.pk: n
        for n in Notice.objects.filter(
            pk__in=[s.summons_id for s in sessions if s.summons_id]
            + [r.notice_id for r in rulings if r.notice_id]
        )
    }
    objects = (
        [("case", case)]
        + [("session", s) for s in sessions]
        + [("ruling", r) for r in rulings]
        + [("notice", n) for n in notices.values()]
    )
    logs = {
        kind: _logs(model, ids)
        for kind, model, ids in (
            ("case", Case, [case.pk]),
            ("session", Session, [s.pk for s in sessions]),
            ("ruling", Ruling, [r.pk for r in rulings]),
            ("notice", Notice, list(notices)),
        )
    }
    # The records made along the way that belong to one ruling share its redaction.
    of_ruling: dict[int, list[dict]] = {}
    for c in Challenge.objects.filter(ruling__case=case).select_related("lodged_by"):
        of_ruling.setdefault(c.ruling_id, []).append(
            _record(c.lodged_at, c.kind, c.pk, c.lodged_by, c.grounds)
        )
    entries = []
    for kind, obj in objects:
        steps = [
            {
                "time": log.created_at,
                "object": kind,
                "object_id": obj.pk,
                "action": log.transition,
                "from": log.source,
                "to": log.target,
                "actor": _who(log.actor, log.actor_label),
                "reason": log.reason,
            }
            for log in logs[kind].get(obj.pk, [])
        ]
        if kind == "ruling":
            steps += of_ruling.get(obj.pk, [])
        entries += steps if actor is None else audit.redact(obj, actor, steps)
    for s in sessions:
        for a in s.attendance.select_related("member", "recorded_by"):
            name = a.member.get_full_name() or str(a.member)
            state = _("present") if a.present else _("absent")
            entries.append(
                _record(a.recorded_at, "attendance", a.pk, a.recorded_by, f"{name}: {state}")
            )
        for v in s.votes.select_related("member"):
            entries.append(
                _record(v.cast_at, "vote", v.pk, v.member, _vote_reason(v) if board_side else "")
            )
    for r in case.referrals.select_related("referred_by"):
        entries.append(
            _record(
                r.referred_at, "criminal_referral", r.pk, r.referred_by, f"{r.authority}: {r.facts}"
            )
        )
    for d in case.documents.select_related("uploaded_by"):
        entries.append(_record(d.uploaded_at, "document", d.pk, d.uploaded_by, d.title))
    entries.sort(key=lambda e: (e["time"], e["object"]))
    return entries
