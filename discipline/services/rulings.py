"""Rulings: drafted by the chair from the majority (DIS-4), issued and served as a notice
(DIS-6), appealed or objected to (DIS-6, DIS-7), final and enforced (DIS-8)."""

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dates import format_date
from core.exceptions import Conflict, Forbidden, ValidationFailed
from core.notify import in_language_of
from core.records import locked, save_as
from core.transitions import apply_transition
from discipline import selectors
from discipline.models import (
    Case,
    Challenge,
    Grade,
    Outcome,
    Ruling,
    Session,
    Tier,
    current_member_ids,
)
from discipline.services.common import conf
from discipline.services.decisions import check_decision
from discipline.services.hearings import majority
from licensing import selectors as licensing_selectors
from licensing.services import licence_revoke, licence_suspend
from notices import services as notice_services

SYSTEM = "system:discipline"


def ruling_draft(*, actor, session_id, text: str, mitigation_note: str = "") -> Ruling:
    """The chair writes the ruling of the majority (note 2 of art. 34) once every member of a
    session held with all of them has voted."""
    with transaction.atomic():
        session = locked(selectors.sessions_visible_to(actor), session_id)
        if session.status == Session.Status.INCOMPLETE:
            raise Conflict(
                _("Not all members were present: this session cannot rule (note 2 of art. 34)."),
                code="session_incomplete",
            )
        apply_transition(session, "conclude", actor=actor, reason=_("Ruling drafted by the chair"))
        members = current_member_ids(session.board_id)
        decision, votes = majority(session)
        if {v.member_id for v in votes} != members:
            raise Conflict(_("Every member's vote must be recorded first."), code="votes_missing")
        if decision is None:
            raise Conflict(
                _("No decision has a majority of the votes; hold another session."),
                code="no_majority",
            )
        outcome, grade, months = decision
        case = Case.objects.select_for_update(of=("self",)).get(pk=session.case_id)
        if case.status not in (Case.Status.FIRST_INSTANCE, Case.Status.APPEAL):
            raise Conflict(code="wrong_state")
        problems = selectors.composition_problems(session.board)
        if problems:
            raise Conflict(" ".join(problems), code="board_incomplete")
        grade, months = check_decision(case, outcome, grade, months)
        if session.tier == Tier.APPEAL:
            first = (
                case.rulings.filter(tier=Tier.FIRST_INSTANCE)
                .exclude(status=Ruling.Status.DRAFT)
                .first()
            )
            sat_below = (
                set(first.session.votes.values_list("member_id", flat=True)) if first else set()
            )
            if sat_below & members:
                raise Conflict(
                    _("A member of the appeal board took part in the first-instance ruling."),
                    code="sat_at_first_instance",
                )
        if case.complaint_withdrawn_at and outcome == Outcome.SANCTION and not mitigation_note:
            raise ValidationFailed(
                _(
                    "The complaint was withdrawn: the ruling must say how this mitigated the "
                    "sanction (note 2 of art. 38)."
                ),
                code="mitigation_required",
                fields={"mitigation_note": [_("Required: the complaint was withdrawn.")]},
            )
        ruling = Ruling(
            case=case,
            session=session,
            board=session.board,
            tier=session.tier,
            outcome=outcome,
            grade=grade,
            suspension_months=months,
            text=text,
            mitigation_note=mitigation_note,
            drafted_by=actor,
        )
        save_as(ruling, actor=actor, reason="drafted")
    return ruling


def _rights(ruling: Ruling) -> str:
    if ruling.tier == Tier.APPEAL:
        return _("This ruling of the appeal board is final.")
    if selectors.is_appealable(ruling):
        return _(
            "You may appeal to the appeal board within %(days)d days of the service of this "
            "notice (art. 36)."
        ) % {"days": conf("APPEAL_DAYS")}
    return _(
        "This ruling is final as regards you (art. 36); the head of the centre may object to it "
        "within %(days)d days."
    ) % {"days": conf("OBJECTION_DAYS")}


def _notice_body(ruling: Ruling) -> str:
    case = ruling.case
    lines = [
        _("Ruling of %(board)s in disciplinary case %(number)s (office %(office)s).")
        % {"board": ruling.board.name, "number": case.number, "office": case.office.code},
        _("Decision: %(decision)s") % {"decision": ruling.sanction_name},
    ]
    if ruling.grade == Grade.SUSPENSION:
        lines.append(_("Suspension: %(months)d months") % {"months": ruling.suspension_months})
    lines += ["", ruling.text]
    if ruling.mitigation_note:
        lines += ["", _("Mitigation: %(note)s") % {"note": ruling.mitigation_note}]
    lines += ["", _rights(ruling)]
    return "\n".join(lines)


def ruling_issue(*, actor, ruling_id) -> Ruling:
    """The chair issues the ruling: it is served on the accused as a notice of the board
    (DIS-6); the clocks start at service, not now. An appeal ruling is final at once, replaces
    the first-instance ruling and is enforced (DIS-8)."""
    with transaction.atomic():
        ruling = locked(selectors.rulings_visible_to(actor), ruling_id)
        apply_transition(
            ruling,
            "issue",
            actor=actor,
            reason=_("Ruling issued: %(d)s") % {"d": ruling.sanction_name},
        )
        case = Case.objects.select_for_update(of=("self",)).get(pk=ruling.case_id)
        accused = case.accused
        subject = in_language_of(
            accused, lambda: _("Ruling in disciplinary case %(number)s") % {"number": case.number}
        )
        body = in_language_of(accused, lambda: _notice_body(ruling))
        ruling.notice = notice_services.issue_board_notice(
            actor=actor,
            board_code=ruling.board.notice_code,
            board_name=ruling.board.name,
            recipient=accused,
            case_number=case.number,
            subject=subject,
            body=body,
        )
        save_as(
            ruling, actor=actor, reason="served through the notice system", update_fields=["notice"]
        )
        if ruling.tier == Tier.FIRST_INSTANCE:
            apply_transition(case, "rule", actor=actor, reason=_("First-instance ruling issued"))
        else:
            for earlier in case.rulings.select_for_update(of=("self",)).filter(
                status=Ruling.Status.CHALLENGED
            ):
                apply_transition(
                    earlier,
                    "supersede",
                    actor=None,
                    actor_label=SYSTEM,
                    reason=_("Replaced by the appeal ruling"),
                )
            apply_transition(
                case, "rule_on_appeal", actor=actor, reason=_("Appeal ruling issued: final")
            )
            apply_transition(
                ruling,
                "finalise",
                actor=None,
                actor_label=SYSTEM,
                reason=_("A ruling on appeal is final (art. 36)"),
                at=ruling.issued_at,
            )
            _enforce(ruling, case)
    return ruling


# --- Appeal and objection (DIS-6, DIS-7) ----
def _challengeable(actor, case_id) -> tuple[Case, Ruling]:
    case = locked(selectors.cases_visible_to(actor), case_id)
    ruling = (
        case.rulings.select_for_update(of=("self",))
        .filter(
            tier=Tier.FIRST_INSTANCE, status__in=[Ruling.Status.ISSUED, Ruling.Status.CHALLENGED]
        )
        .first()
    )
    return case, ruling


def _challenge(*, actor, case, ruling, kind, grounds, reason) -> Challenge:
    if Challenge.objects.filter(ruling=ruling, kind=kind).exists():
        raise Conflict(_("Already lodged."), code="already_lodged")
    if ruling.status == Ruling.Status.ISSUED:
        apply_transition(ruling, "challenge", actor=None, actor_label=SYSTEM, reason=reason)
    challenge = Challenge(ruling=ruling, kind=kind, lodged_by=actor, grounds=grounds)
    return save_as(challenge, actor=actor)


def ruling_appeal(*, actor, case_id, grounds: str, now=None) -> Challenge:
    """DIS-6 (art. 36): the sanctioned person appeals a first-instance grade 5-6 ruling within
    APPEAL_DAYS of its SERVICE. Grades 1-4 are final for them; before service no clock runs
    and after the window the ruling can no longer be appealed."""
    now = now or timezone.now()
    with transaction.atomic():
        case, ruling = _challengeable(actor, case_id)
        if actor.pk != case.accused_id:
            raise Forbidden(_("Only the sanctioned person appeals."))
        if ruling is None or case.status not in (Case.Status.RULED, Case.Status.APPEAL):
            raise Conflict(_("There is no first-instance ruling to appeal."), code="wrong_state")
        if not selectors.is_appealable(ruling):
            raise Conflict(
                _(
                    "Acquittals and sanctions of grades 1 to 4 are final for the sanctioned person "
                    "at first instance (art. 36); only grades 5 and 6 can be appealed."
                ),
                code="not_appealable",
            )
        window = selectors.appeal_window(ruling, now=now)
        if not window.started:
            raise Conflict(
                _("The ruling has not been served yet: open its notice first."), code="not_served"
            )
        if not window.is_open(now):
            raise Conflict(
                _("The %(days)d days to appeal after service ended on %(day)s.")
                % {"days": conf("APPEAL_DAYS"), "day": format_date(window.last_day, "long")},
                code="appeal_window_closed",
            )
        apply_transition(case, "appeal", actor=actor, reason=grounds)
        return _challenge(
            actor=actor,
            case=case,
            ruling=ruling,
            kind=Challenge.Kind.APPEAL,
            grounds=grounds,
            reason=_("Appealed by the sanctioned person"),
        )


def ruling_object(*, actor, case_id, grounds: str, now=None) -> Challenge:
    """DIS-7 (art. 36): the centre head objects to any first-instance ruling — an acquittal or
    any grade — within OBJECTION_DAYS; the case goes to the appeal board."""
    now = now or timezone.now()
    with transaction.atomic():
        case, ruling = _challengeable(actor, case_id)
        apply_transition(case, "object", actor=actor, reason=grounds)
        if ruling is None:
            raise Conflict(_("There is no first-instance ruling to object to."), code="wrong_state")
        window = selectors.objection_window(ruling)
        if not window.is_open(now):
            raise Conflict(
                _("The %(days)d days to object ended on %(day)s.")
                % {"days": conf("OBJECTION_DAYS"), "day": format_date(window.last_day, "long")},
                code="objection_window_closed",
            )
        return _challenge(
            actor=actor,
            case=case,
            ruling=ruling,
            kind=Challenge.Kind.OBJECTION,
            grounds=grounds,
            reason=_("Objected to by the centre head"),
        )


# --- Finality and enforcement (DIS-8) ----
def finalise_due(*, now=None, limit=None) -> int:
    """The sweep: every issued ruling whose windows have all closed becomes final at the moment
    they closed (not at `now`: a late sweep records the same moment) and is enforced. A second
    run finds nothing to do."""
    now = now or timezone.now()
    limit = limit or conf("SWEEP_BATCH")
    done = 0
    with transaction.atomic():
        candidates = selectors.due_for_finality(now).select_for_update(
            of=("self",), skip_locked=True
        )[:limit]
        for ruling in candidates:
            moment = selectors.finality_moment(ruling, now=now)
            if moment is None:
                continue
            # Someone is acting on the case (an appeal, an objection): leave it to them and
            # to the next run, rather than wait for its lock in the opposite order.
            case = (
                Case.objects.select_for_update(of=("self",), skip_locked=True)
                .filter(pk=ruling.case_id)
                .first()
            )
            if case is None:
                continue
            apply_transition(
                ruling,
                "finalise",
                actor=None,
                actor_label=SYSTEM,
                reason=_("No appeal or objection is possible any more"),
                at=moment,
            )
            apply_transition(
                case, "finalise", actor=None, actor_label=SYSTEM, reason=_("Ruling final")
            )
            _enforce(ruling, case)
            done += 1
    return done


def _enforce(ruling: Ruling, case: Case) -> None:
    """DIS-8: only a final ruling is enforced — a suspension (grade 5) suspends the licence
    until its end, a revocation (grade 6) revokes it, both through licensing's named verbs; a
    published reprimand (grade 4) appears on the centre's website; grades 1-3 go in the
    office's file. An acquittal has nothing to enforce."""
    if ruling.outcome != Outcome.SANCTION:
        return
    grade = Grade(ruling.grade)
    at = ruling.final_at
    starts_on = ends_on = None
    reason = _("Final ruling in disciplinary case %(number)s") % {"number": case.number}
    if grade.acts_on_licence:
        licence = licensing_selectors.live_licence(case.office)
        if licence is None or licence.holder_id != case.accused_id:
            note = _("No live licence of the sanctioned manager for this office to act on.")
        elif grade == Grade.SUSPENSION:
            starts_on = timezone.localdate(at)
            ends_on = starts_on + relativedelta(months=ruling.suspension_months)
            try:
                licence_suspend(licence=licence, until=ends_on, actor=None, reason=reason)
                note = _("Licence %(number)s suspended until %(until)s.") % {
                    "number": licence.number,
                    "until": format_date(ends_on, "long"),
                }
            except Conflict:
                note = _(
                    "Licence %(number)s is not active: the suspension could not be applied."
                ) % {"number": licence.number}
        else:
            licence_revoke(licence=licence, actor=None, reason=reason)
            note = _("Licence %(number)s revoked.") % {"number": licence.number}
    elif grade.published:
        note = _("Reprimand published on the centre's website.")
    else:
        note = _("Recorded in the office's file.")
    apply_transition(
        ruling,
        "enforce",
        actor=None,
        actor_label=SYSTEM,
        reason=note,
        at=timezone.now(),
        note=note,
        starts_on=starts_on,
        ends_on=ends_on,
    )


__all__ = [
    "finalise_due",
    "ruling_appeal",
    "ruling_draft",
    "ruling_issue",
    "ruling_object",
]
