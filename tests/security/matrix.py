"""The permission matrix: what every route answers to every role of DOMAIN.md §1
(`accounts.roles.Role`) and to anonymous callers. tests/security/test_permission_matrix.py
checks that every URL pattern of the project has an entry here and requests each entry as
each role.

Outcome classes:

- OK: the request passed access control — a page, data, a redirect that is not the sign-in
  page, or a refusal of the (empty) input or of the object's state (400, 405, 409);
- LOGIN: sign in first — 401/403 from the API, a redirect to the sign-in page from a page;
- DENY: 403 — the role may not use the endpoint at all (no object involved);
- HIDDEN: 404 — the object is outside the role's scope and looks missing.

Adding an endpoint: add an `Entry` with its url name, its methods and, per method, the
outcome for each role (`public()`, `signed_in()`, `only(...)`, then `.but(...)` for the
exceptions). `kwargs` names the objects of tests/security/world.py that fill the URL
(`"filing"` is the role's own filing; `"@call"` a shared object; `"=value"` a literal). A
route with object kwargs is also requested with another scope's objects, where every role
allowed on its own object must get 404 (list such a role in `sees_all` when the rules let it
see every object, e.g. the General Directorate).
"""

from dataclasses import dataclass, field

from accounts.roles import Role
from tests.security.world import ANONYMOUS, ROLES

OK, LOGIN, DENY, HIDDEN = "ok", "login", "deny", "hidden"
# Input is validated before the object is looked up: the request proves only that signing in
# is required (and such an entry is not requested with another scope's objects); the
# services' refusals are proven by the app's own tests.
INPUT_FIRST = "input checked before the object"

ANON = ANONYMOUS
PARTY = Role.PARTY.value
LAWYER = Role.LAWYER.value
MANAGER = Role.OFFICE_MANAGER.value
LEGAL = Role.OFFICE_LEGAL_EXPERT.value
IT = Role.OFFICE_IT_EXPERT.value
CLERK = Role.OFFICE_CLERK.value
GD = Role.LICENSING_STAFF.value
COUNCIL = Role.COUNCIL_MEMBER.value
HEAD = Role.CENTRE_HEAD.value
ASSOC_BOARD = Role.ASSOCIATION_BOARD.value
INSPECTOR = Role.ASSOCIATION_INSPECTOR.value
BOARD = Role.BOARD_MEMBER.value
COURT = Role.COURT_CLERK.value
OFFICE = (MANAGER, LEGAL, IT, CLERK)
REGULATORS = (GD, COUNCIL, HEAD)
REPORTERS = (GD, HEAD, ASSOC_BOARD, MANAGER)
SIGNED_IN = tuple(r for r in ROLES if r != ANON)


class Expect(dict):
    """role → outcome class."""

    def but(self, outcome, *roles):
        out = Expect(self)
        for role in roles:
            out[role] = outcome
        return out


def public() -> Expect:
    return Expect(dict.fromkeys(ROLES, OK))


def signed_in() -> Expect:
    return public().but(LOGIN, ANON)


def only(*roles, others=DENY) -> Expect:
    """Anonymous signs in; `roles` pass; every other role gets `others`."""
    return Expect(dict.fromkeys(SIGNED_IN, others)).but(OK, *roles).but(LOGIN, ANON)


def nobody(outcome) -> Expect:
    return Expect(dict.fromkeys(SIGNED_IN, outcome)).but(LOGIN, ANON)


@dataclass
class Entry:
    route: str
    methods: dict  # method → Expect
    kwargs: dict = field(default_factory=dict)
    api: bool = True
    query: object = None  # a callable (world) → query string
    body: dict | None = None
    sees_all: tuple = ()  # roles whose scope is every object (skipped by the isolation test)
    roles: tuple = tuple(ROLES)  # the roles requested (a costly public page may sample a few)
    url: object = None  # a callable (world, scope) → url, for patterns reverse() cannot build
    make_body: object = None  # a callable (world, scope) → body, when it needs world objects
    note: str = ""

    def __post_init__(self):
        if self.body is None:
            self.body = {}

    @property
    def scoped(self) -> bool:
        """Requested again with another scope's objects (unless the input is checked first)."""
        if self.note == INPUT_FIRST:
            return False
        return any(not str(v).startswith(("=", "@")) for v in self.kwargs.values())


def resolve(spec, scope, world):
    """A url keyword's value: '=literal', '@shared-object', 'scope-object[.attribute]'."""
    if spec.startswith("="):
        return spec[1:]
    if spec.startswith("@"):
        value = world.shared[spec[1:]]
        return getattr(value, "pk", value)
    name, _, attr = spec.partition(".")
    obj = getattr(scope, name) if hasattr(scope, name) else scope.extra[name]
    return getattr(obj, attr) if attr else obj.pk


def page(route, methods, **kwargs) -> Entry:
    return Entry(route, methods, api=False, **kwargs)


@dataclass
class PrefixRule:
    probe: str
    expect: Expect
    note: str = ""


# Bodies that get past input validation, so the object and role checks answer.
STEP_PARTIES = {"parties": []}
CODE = {"code": "000000"}
RETURN = {"reason_category": "incomplete_documents", "reason": "Pages missing."}
REJECT = {"reason_category": "formal", "reason": "Not signed."}

APPOINTMENT = only(PARTY, others=HIDDEN)  # APT-3: an appointment is its booker's
FILER_SIDE = (PARTY, *OFFICE, COURT)  # who sees the party's filing sent to office A and court A
# The filer's own actions: office A and court A see the filing but may not act for the filer.
FILER_ACTION = only(PARTY, others=HIDDEN).but(DENY, *OFFICE, COURT)
# A state-driven action the filer side reaches: the (forwarded) filing refuses it with 409.
FILING_STATE = only(*FILER_SIDE, others=HIDDEN)


def _another_slot(scope) -> int:
    """A free slot of the scope's office other than its appointment's."""
    from offices.models import Slot

    return (
        Slot.objects.filter(office=scope.office, day=scope.appointment.day)
        .exclude(pk=scope.appointment.slot_id)
        .order_by("starts_at")
        .values_list("pk", flat=True)
        .first()
    )


MATRIX = [
    # --- accounts (ID-*) -----------------------------------------------------------------------
    Entry("api:register", {"POST": public()}),
    Entry("api:register-verify", {"POST": public()}),
    Entry("api:register-verify-email", {"POST": public()}),
    Entry("api:register-resend", {"POST": public()}),
    Entry("api:signin", {"POST": public()}),
    Entry("api:signin-verify", {"POST": public()}),
    Entry("api:signin-resend", {"POST": public()}),
    Entry("api:signout", {"POST": public()}),
    Entry("api:signin-second-factor", {"POST": public()}),
    Entry("api:recovery", {"POST": public()}),
    Entry("api:recovery-confirm", {"POST": public()}),
    Entry("api:me", {"GET": signed_in(), "PATCH": signed_in()}),
    Entry("api:me-password", {"POST": signed_in()}),
    Entry("api:me-mobile", {"POST": signed_in()}),
    Entry("api:me-mobile-confirm", {"POST": signed_in()}),
    Entry("api:me-email", {"POST": signed_in()}),
    Entry("api:me-email-confirm", {"POST": signed_in()}),
    # ID-9: verify my identity online; ID-11: the proof-of-work challenge.
    Entry("api:me-verify", {"POST": signed_in()}),
    Entry("api:auth-challenge", {"GET": public()}),
    # ID-12: my device tokens; another account's token key answers 404 like a missing one.
    Entry("api:me-tokens", {"GET": signed_in()}),
    Entry("api:me-token-detail", {"DELETE": nobody(HIDDEN)}, kwargs={"key": "=notakey"}),
    Entry("api:legal-person-list", {"GET": signed_in()}),
    # ID-3: a legal person is visible to its authorised persons only.
    Entry(
        "api:legal-person-detail",
        {"GET": only(PARTY, others=HIDDEN)},
        kwargs={"pk": "legal_person"},
    ),
    Entry(
        "api:user-disable",
        {"POST": signed_in()},
        kwargs={"pk": "@target_user"},
        note=INPUT_FIRST,
    ),
    Entry(
        "api:user-enable",
        {"POST": signed_in()},
        kwargs={"pk": "@target_user"},
        note=INPUT_FIRST,
    ),
    # AUD-3: the timeline of an object the caller may see (here the party's filing).
    Entry(
        "api:audit-timeline",
        {"GET": only(*FILER_SIDE, others=HIDDEN)},
        kwargs={"label": "=filings.filing", "pk": "filing"},
    ),
    # --- licensing (LIC-*, ASC-*) ----------------------------------------------------------------
    Entry("api:licensing:call-list", {"GET": public(), "POST": signed_in()}, note=INPUT_FIRST),
    Entry("api:licensing:call-detail", {"GET": public()}, kwargs={"pk": "@call"}),
    Entry(
        "api:licensing:application-list",
        {"GET": signed_in(), "POST": signed_in()},
        note=INPUT_FIRST,
    ),
    Entry(
        "api:licensing:application-detail",
        {"GET": only(PARTY, *REGULATORS, others=HIDDEN)},
        kwargs={"pk": "application"},
        sees_all=REGULATORS,
    ),
    *[
        Entry(
            f"api:licensing:application-{name}",
            {"POST": signed_in()},
            kwargs={"pk": "application"},
            note=INPUT_FIRST,
        )
        for name in ("accept", "reject", "documents")
    ],
    Entry(
        "api:licensing:application-vet",
        {"POST": only(GD, others=HIDDEN).but(DENY, PARTY, COUNCIL, HEAD)},
        kwargs={"pk": "application"},
        sees_all=REGULATORS,
    ),
    Entry(
        "api:licensing:application-withdraw",
        {"POST": only(PARTY, *REGULATORS, others=HIDDEN)},
        kwargs={"pk": "application"},
        sees_all=REGULATORS,
    ),
    Entry(
        "api:licensing:request-list", {"GET": signed_in(), "POST": signed_in()}, note=INPUT_FIRST
    ),
    Entry(
        "api:licensing:request-detail",
        {"GET": only(MANAGER, *REGULATORS, others=HIDDEN)},
        kwargs={"pk": "request"},
        sees_all=REGULATORS,
    ),
    Entry(
        "api:licensing:request-cancel",
        {"POST": nobody(HIDDEN).but(DENY, MANAGER, *REGULATORS)},
        kwargs={"pk": "request"},
        note="only the submitter cancels; the holder and the regulators see the request",
    ),
    Entry(
        "api:licensing:request-start-review",
        {"POST": only(COUNCIL, others=HIDDEN).but(DENY, MANAGER, GD, HEAD)},
        kwargs={"pk": "request"},
        sees_all=REGULATORS,
    ),
    *[
        Entry(
            f"api:licensing:request-{name}",
            {"POST": signed_in()},
            kwargs={"pk": "request"},
            note=INPUT_FIRST,
        )
        for name in ("propose", "opinion", "decide")
    ],
    Entry("api:licensing:licence-list", {"GET": signed_in()}),
    Entry(
        "api:licensing:licence-detail",
        {"GET": only(MANAGER, *REGULATORS, others=HIDDEN)},
        kwargs={"pk": "licence"},
        sees_all=REGULATORS,
    ),
    Entry("api:licensing:fee-list", {"GET": signed_in(), "POST": signed_in()}, note=INPUT_FIRST),
    # LIC-8: a proposed fee is the regulators' business; the public sees approved fees.
    Entry(
        "api:licensing:fee-detail",
        {"GET": only(*REGULATORS, others=HIDDEN)},
        kwargs={"pk": "@fee"},
    ),
    Entry(
        "api:licensing:fee-opinion", {"POST": signed_in()}, kwargs={"pk": "@fee"}, note=INPUT_FIRST
    ),
    Entry(
        "api:licensing:fee-decide", {"POST": signed_in()}, kwargs={"pk": "@fee"}, note=INPUT_FIRST
    ),
    Entry(
        "api:licensing:council-list", {"GET": signed_in(), "POST": signed_in()}, note=INPUT_FIRST
    ),
    # LIC-4: the centre head appoints and ends Council terms.
    Entry(
        "api:licensing:council-end",
        {"POST": only(HEAD)},
        kwargs={"pk": "@council_membership"},
    ),
    Entry(
        "api:licensing:association-list",
        {"GET": signed_in(), "POST": signed_in()},
        note=INPUT_FIRST,
    ),
    Entry(
        "api:licensing:association-detail",
        {"GET": signed_in()},
        kwargs={"pk": "@association"},
        note="the Associations and their provinces are public knowledge (ASC-1)",
    ),
    Entry(
        "api:licensing:association-board",
        {"POST": signed_in()},
        kwargs={"pk": "@association"},
        note=INPUT_FIRST,
    ),
    Entry(
        "api:licensing:association-inspectors",
        {"POST": signed_in()},
        kwargs={"pk": "@association"},
        note=INPUT_FIRST,
    ),
    Entry(
        "api:licensing:inspection-list", {"GET": signed_in(), "POST": signed_in()}, note=INPUT_FIRST
    ),
    # ASC-2: an inspection is seen by the GD, the centre head, the serving Association's
    # board and its inspector.
    Entry(
        "api:licensing:inspection-detail",
        {"GET": only(GD, HEAD, ASSOC_BOARD, INSPECTOR, others=HIDDEN)},
        kwargs={"pk": "inspection"},
        sees_all=(GD, HEAD),
    ),
    Entry(
        "api:licensing:inspection-review",
        {"POST": only(GD, HEAD, ASSOC_BOARD, INSPECTOR, others=HIDDEN)},
        kwargs={"pk": "inspection"},
        sees_all=(GD, HEAD),
    ),
    *[
        Entry(
            f"api:licensing:inspection-{name}",
            {"POST": signed_in()},
            kwargs={"pk": "inspection"},
            note=INPUT_FIRST,
        )
        for name in ("report", "refer")
    ],
    Entry(
        "api:licensing:complaint-list", {"GET": signed_in(), "POST": signed_in()}, note=INPUT_FIRST
    ),
    # ASC-3: a complaint is seen by its complainant, the Association it went to, GD and head.
    Entry(
        "api:licensing:complaint-detail",
        {"GET": only(PARTY, GD, HEAD, ASSOC_BOARD, others=HIDDEN)},
        kwargs={"pk": "complaint"},
        sees_all=(GD, HEAD),
    ),
    *[
        Entry(
            f"api:licensing:complaint-{name}",
            {"POST": signed_in()},
            kwargs={"pk": "complaint"},
            note=INPUT_FIRST,
        )
        for name in ("dismiss", "forward", "refer")
    ],
    # --- filings (FIL-*) ------------------------------------------------------------------------
    Entry("api:filings:list", {"GET": signed_in(), "POST": signed_in()}, note=INPUT_FIRST),
    Entry("api:filings:office-queue", {"GET": only(*OFFICE)}),
    Entry("api:filings:court-queue", {"GET": only(COURT)}),
    Entry(
        "api:filings:lawyer",
        {"GET": signed_in()},
        kwargs={"national_id": "@lawyer_national_id"},
        note="FIL-3: a filer looks the presenting lawyer up by national ID",
    ),
    Entry("api:filings:detail", {"GET": FILING_STATE}, kwargs={"pk": "filing"}),
    Entry("api:filings:timeline", {"GET": FILING_STATE}, kwargs={"pk": "filing"}),
    Entry("api:filings:receipt", {"GET": FILING_STATE}, kwargs={"pk": "filing"}),
    *[
        Entry(f"api:filings:step-{step}", {"PUT": FILER_ACTION}, kwargs={"pk": "filing"})
        for step in ("kind", "case", "documents", "text")
    ],
    Entry(
        "api:filings:step-parties",
        {"PUT": FILER_ACTION},
        kwargs={"pk": "filing"},
        body=STEP_PARTIES,
    ),
    Entry(
        "api:filings:step-presenter",
        {"PUT": FILER_ACTION},
        kwargs={"pk": "filing"},
        body={"presenter_kind": "self"},
    ),
    Entry(
        "api:filings:documents", {"POST": signed_in()}, kwargs={"pk": "filing"}, note=INPUT_FIRST
    ),
    Entry(
        "api:filings:document",
        {"DELETE": FILER_ACTION},
        kwargs={"pk": "filing", "document_id": "document"},
    ),
    Entry(
        "api:filings:document-file",
        {"GET": FILING_STATE},
        kwargs={"pk": "filing", "document_id": "document"},
    ),
    *[
        Entry(f"api:filings:{name}", {"POST": FILING_STATE}, kwargs={"pk": "filing"})
        for name in ("prepare", "reopen", "cancel", "verify", "forward")
    ],
    *[
        Entry(f"api:filings:{name}", {"POST": FILER_ACTION}, kwargs={"pk": "filing"})
        for name in ("copy", "sign-code", "send-code", "fees")
    ],
    Entry(
        "api:filings:sign",
        {"POST": FILER_ACTION},
        kwargs={"pk": "filing"},
        body={"acknowledged": True, "code": "000000"},
    ),
    Entry("api:filings:send", {"POST": FILER_ACTION}, kwargs={"pk": "filing"}, body=CODE),
    Entry(
        "api:filings:payments",
        {"POST": FILER_ACTION},
        kwargs={"pk": "filing"},
        body={"method": "online"},
    ),
    Entry(
        "api:filings:payment-check",
        {"POST": FILER_ACTION},
        kwargs={"pk": "filing", "payment_id": "payment"},
    ),
    # The court has accepted the filing: whoever sees it gets 409 for the court's and the
    # office's answers, everyone else 404.
    Entry(
        "api:filings:office-return", {"POST": FILING_STATE}, kwargs={"pk": "filing"}, body=RETURN
    ),
    Entry("api:filings:accept", {"POST": FILING_STATE}, kwargs={"pk": "filing"}),
    Entry("api:filings:reject", {"POST": FILING_STATE}, kwargs={"pk": "filing"}, body=REJECT),
    Entry("api:filings:court-return", {"POST": FILING_STATE}, kwargs={"pk": "filing"}, body=RETURN),
    # --- discipline (DIS-*) ---------------------------------------------------------------------
    Entry("api:discipline:violation-list", {"GET": public()}),
    Entry("api:discipline:reprimand-list", {"GET": public()}, note="CMS-4: published reprimands"),
    Entry("api:discipline:office-record-list", {"GET": only(GD, HEAD, others=HIDDEN)}),
    Entry("api:discipline:board-list", {"GET": signed_in(), "POST": signed_in()}, note=INPUT_FIRST),
    Entry(
        "api:discipline:board-detail",
        {"GET": only(GD, HEAD, BOARD, others=HIDDEN)},
        kwargs={"pk": "board"},
        sees_all=(GD, HEAD),
    ),
    Entry(
        "api:discipline:board-end-seat",
        {"POST": only(HEAD)},
        kwargs={"pk": "board", "seat_id": "seat"},
        sees_all=(HEAD,),
    ),
    *[
        Entry(
            f"api:discipline:board-{name}",
            {"POST": signed_in()},
            kwargs={"pk": "board"},
            note=INPUT_FIRST,
        )
        for name in ("seats", "elect-chair")
    ],
    Entry("api:discipline:case-list", {"GET": signed_in(), "POST": signed_in()}, note=INPUT_FIRST),
    # DIS-13 / §1: a case is seen by the regulators, its boards' members and the accused (the
    # manager of office A).
    *[
        Entry(
            f"api:discipline:{name}",
            {"GET": only(MANAGER, GD, HEAD, BOARD, others=HIDDEN)},
            kwargs={"pk": key},
            sees_all=(GD, HEAD),
        )
        for name, key in (
            ("case-detail", "case"),
            ("case-history", "case"),
            ("session-detail", "session"),
            ("ruling-detail", "ruling"),
        )
    ],
    Entry(
        "api:discipline:case-document",
        {"GET": only(MANAGER, GD, HEAD, BOARD, others=HIDDEN)},
        kwargs={"pk": "case", "document_id": "case_document"},
        sees_all=(GD, HEAD),
    ),
    Entry(
        "api:discipline:ruling-issue",
        {"POST": only(MANAGER, GD, HEAD, BOARD, others=HIDDEN)},
        kwargs={"pk": "ruling"},
        sees_all=(GD, HEAD),
        note="the ruling is already issued: every role that sees it gets 409",
    ),
    *[
        Entry(
            f"api:discipline:{name}",
            {"POST": signed_in()},
            kwargs={"pk": key},
            note=INPUT_FIRST,
        )
        for name, key in (
            ("case-appeal", "case"),
            ("case-assign-appeal-board", "case"),
            ("case-documents", "case"),
            ("case-object", "case"),
            ("case-referrals", "case"),
            ("case-sessions", "case"),
            ("case-withdrawal", "case"),
            ("session-attendance", "session"),
            ("session-ruling", "session"),
            ("session-vote", "session"),
        )
    ],
    # --- notices (NOT-*) ------------------------------------------------------------------------
    # --- courts and cases (CAS-*) -----------------------------------------------------------------
    *[
        Entry(f"api:courts:{name}", {"GET": signed_in()})
        for name in ("picker", "application-types", "categories", "hearings", "deadlines")
    ],
    Entry("api:courts:follow", {"POST": signed_in()}, note=INPUT_FIRST),
    Entry("api:courts:verify", {"GET": public()}, note="input checked first (400)"),
    Entry("api:courts:case-list", {"GET": signed_in()}),
    *[
        Entry(f"api:courts:{name}", {"GET": only(PARTY, COURT, others=HIDDEN)}, kwargs=kwargs)
        for name, kwargs in (
            ("case-detail", {"pk": "court_case"}),
            ("case-timeline", {"pk": "court_case"}),
            ("act-file", {"pk": "act"}),
        )
    ],
    *[
        Entry(f"api:courts:case-{name}", {"POST": signed_in()}, kwargs=kwargs, note=INPUT_FIRST)
        for name, kwargs in (
            ("participants", {"pk": "court_case"}),
            ("hearings", {"pk": "court_case"}),
            ("reschedule", {"pk": "court_case", "hearing_id": "hearing"}),
            ("hearing-result", {"pk": "court_case", "hearing_id": "hearing"}),
            ("acts", {"pk": "court_case"}),
            ("periods", {"pk": "court_case"}),
        )
    ],
    # The clerk's actions without a body: the party sees the case but may not act (403).
    *[
        Entry(
            f"api:courts:case-{name}",
            {"POST": only(COURT, others=HIDDEN).but(DENY, PARTY)},
            kwargs=kwargs,
        )
        for name, kwargs in (
            ("update", {"pk": "court_case"}),
            ("remove-participant", {"pk": "court_case", "sub_row": "=1"}),
            ("enforcement", {"pk": "court_case", "act_id": "act"}),
        )
    ],
    # A participant's own: the clerk sees the case but holds no case password there.
    Entry(
        "api:courts:case-renew-password",
        {"POST": only(PARTY, others=HIDDEN)},
        kwargs={"pk": "court_case"},
    ),
    Entry("api:notices:inbox", {"GET": signed_in()}),
    Entry("api:notices:unseen-count", {"GET": signed_in()}),
    Entry("api:notices:issued", {"GET": only(BOARD, COURT), "POST": only(BOARD, COURT)}),
    Entry("api:notices:lookup-case", {"POST": signed_in()}, note=INPUT_FIRST),
    Entry("api:notices:lookup-number", {"POST": signed_in()}, note=INPUT_FIRST),
    # NOT-7: the recipient (party) and the issuing branch's clerk, nobody else.
    Entry(
        "api:notices:detail",
        {"GET": only(PARTY, COURT, others=HIDDEN)},
        kwargs={"pk": "notice"},
    ),
    Entry(
        "api:notices:service",
        {"GET": only(PARTY, COURT, others=HIDDEN)},
        kwargs={"pk": "notice"},
    ),
    Entry(
        "api:notices:attachment",
        {"GET": only(PARTY, COURT, others=HIDDEN)},
        kwargs={"pk": "notice", "attachment_id": "attachment"},
        note="NOT-4: the recipient opens the notice before its attachments (409 until then)",
    ),
    # NOT-8: only the recipient's open counts as a view; the issuer sees it but may not view it.
    Entry(
        "api:notices:view",
        {"POST": only(PARTY, others=HIDDEN).but(DENY, COURT)},
        kwargs={"pk": "notice"},
    ),
    # --- offices and appointments (OFF-*, APT-*) ------------------------------------------------
    Entry("api:province-list", {"GET": public()}),
    Entry("api:city-list", {"GET": public()}, kwargs={"province": "=tehran"}),
    Entry("api:service-list", {"GET": public()}),
    Entry("api:office-list", {"GET": public()}),
    Entry("api:office-detail", {"GET": public()}, kwargs={"code": "@office_code"}),
    Entry("api:office-slots", {"GET": public()}, kwargs={"code": "@office_code"}),
    # APT-5: the office's own staff run its day and check people in.
    Entry(
        "api:office-day",
        {"GET": only(*OFFICE, others=HIDDEN)},
        kwargs={"code": "office.code"},
    ),
    # ID-9: the office's own staff verify people's identity in person.
    Entry(
        "api:office-identity",
        {"POST": only(*OFFICE, others=HIDDEN)},
        kwargs={"code": "office.code"},
    ),
    # Art. 7, ID-9, ID-10, APT-2: the office's desk, its own staff only.
    *[
        Entry(
            f"api:office-desk-{name}",
            {method: only(*OFFICE, others=HIDDEN)},
            kwargs={"code": "office.code"},
        )
        for name, method in (("people", "GET"), ("register", "POST"), ("book", "POST"))
    ],
    Entry(
        "api:office-check-in",
        {"POST": only(*OFFICE, others=HIDDEN)},
        kwargs={"code": "office.code"},
        make_body=lambda world, scope: {
            "code": scope.appointment.check_in_code,
            "national_id": scope.appointment.user.national_id,
        },
    ),
    Entry("api:appointment-list", {"GET": signed_in(), "POST": signed_in()}, note=INPUT_FIRST),
    # APT-3: an appointment is its booker's.
    *[
        Entry(
            f"api:{name}",
            {method: only(PARTY, others=HIDDEN)},
            kwargs={"pk": "appointment"},
        )
        for name, method in (
            ("appointment-detail", "GET"),
            ("appointment-receipt", "GET"),
            ("appointment-calendar", "GET"),
            ("appointment-cancel", "POST"),
        )
    ],
    # A booking moves by its booker, or by its office's staff.
    Entry(
        "api:appointment-reschedule",
        {"POST": only(PARTY, *OFFICE, others=HIDDEN)},
        kwargs={"pk": "appointment"},
        make_body=lambda world, scope: {"slot": _another_slot(scope)},
    ),
    Entry(
        "api:office-service-schedule",
        {"POST": only(MANAGER, others=HIDDEN)},
        kwargs={"code": "office.code"},
        body={"service": "petition", "slot_minutes": 60, "slot_capacity": 1},
    ),
    Entry("api:waitlist-list", {"GET": signed_in(), "POST": signed_in()}, note=INPUT_FIRST),
    # A place on a waiting list is its person's.
    *[
        Entry(f"api:{name}", {method: only(PARTY, others=HIDDEN)}, kwargs={"pk": "waiting"})
        for name, method in (
            ("waitlist-detail", "GET"),
            ("waitlist-accept", "POST"),
            ("waitlist-leave", "POST"),
        )
    ],
    # --- schema, docs, CMS API (CMS-5) ----------------------------------------------------------
    # Public and costly to build: anonymous and two roles are enough.
    Entry("schema", {"GET": public()}, roles=(ANON, PARTY, GD)),
    Entry("api-docs", {"GET": public()}, roles=(ANON, PARTY, GD)),
    Entry("api-redoc", {"GET": public()}, roles=(ANON, PARTY, GD)),
    # --- for search engines: robots.txt and the sitemaps (cms_pages.seo) --------------------
    Entry("robots-txt", {"GET": public()}, api=False, roles=(ANON, PARTY, GD)),
    Entry("sitemap", {"GET": public()}, api=False, roles=(ANON, PARTY, GD)),
    Entry(
        "sitemap-language",
        {"GET": public()},
        api=False,
        roles=(ANON, PARTY, GD),
        url=lambda world, scope: "/sitemap-fa.xml",
    ),
    # Any other path under /api/: the API's JSON 404, whatever the method and the caller.
    Entry(
        "api-not-found",
        {"GET": Expect(dict.fromkeys(ROLES, HIDDEN)), "POST": Expect(dict.fromkeys(ROLES, HIDDEN))},
        url=lambda world, scope: "/api/v1/no-such-endpoint/",
        roles=(ANON, PARTY, GD),
    ),
    # --- operations: liveness, readiness, metrics -------------------------------------------
    # Liveness and readiness answer anyone (the proxy refuses /ready/ from outside); metrics
    # answer the machine itself or a bearer of DAFTAR_METRICS_TOKEN (tests/core/test_operations).
    Entry("health", {"GET": public()}, api=False, roles=(ANON, PARTY, GD)),
    Entry("ready", {"GET": public()}, api=False, roles=(ANON, PARTY, GD)),
    Entry(
        "metrics",
        {"GET": public()},
        api=False,
        roles=(ANON, PARTY, GD),
        note="from 127.0.0.1 (the test client); refused from elsewhere without the token",
    ),
    # The SMS provider's delivery reports: a secret path, none set in the tests, so 404 to all
    # (tests/core/test_sms_provider: the right secret records a report, any other is 404).
    Entry(
        "sms-delivery",
        {"POST": Expect(dict.fromkeys(ROLES, HIDDEN))},
        kwargs={"secret": "=guessed"},
        api=False,
        roles=(ANON, PARTY, GD),
    ),
    Entry("wagtailapi:pages:listing", {"GET": public()}),
    Entry("wagtailapi:pages:detail", {"GET": public()}, kwargs={"pk": "@page"}),
    Entry("wagtailapi:pages:find", {"GET": public()}, query=lambda w: "html_path=/"),
    Entry("wagtailapi:images:listing", {"GET": public()}),
    Entry("wagtailapi:images:detail", {"GET": public()}, kwargs={"pk": "@image"}),
    Entry(
        "wagtailapi:images:find", {"GET": public()}, query=lambda w: f"id={w.shared['image'].pk}"
    ),
    # Wagtail's documents endpoint ignores collection privacy: signed-in callers only.
    Entry("wagtailapi:documents:listing", {"GET": signed_in()}),
    Entry("wagtailapi:documents:detail", {"GET": signed_in()}, kwargs={"pk": "@document"}),
    Entry(
        "wagtailapi:documents:find",
        {"GET": signed_in()},
        query=lambda w: f"id={w.shared['document'].pk}",
    ),
    # --- site shell ---------------------------------------------------------------------------
    page("set_language", {"POST": public()}, body={"language": "en", "next": "/"}),
    page(
        "wagtaildocs_serve",
        {"GET": Expect(dict.fromkeys(ROLES, HIDDEN))},
        url=lambda world, scope: world.shared["document"].url,
        note="no role is sent to sign in; the tests' in-memory storage serves no file (404)",
    ),
    page(
        "wagtaildocs_authenticate_with_password",
        {"GET": Expect(dict.fromkeys(ROLES, HIDDEN))},
        kwargs={"restriction_id": "=999999"},
        note="no such restriction: the form is public and answers 404",
    ),
    page(
        "wagtailcore_authenticate_with_password",
        {"GET": Expect(dict.fromkeys(ROLES, HIDDEN))},
        kwargs={"page_view_restriction_id": "=999999", "page_id": "@page"},
        note="no such restriction: the form is public and answers 404",
    ),
    page("wagtailcore_login", {"GET": public()}),
    # CMS-4, CMS-5: the public site's search (the reprimands index is a page under the catch-all).
    page("cms_pages:search", {"GET": public()}, query=lambda w: "q=office"),
    page("wagtail_serve", {"GET": public()}, url=lambda world, scope: "/"),
    # --- portal pages: accounts -----------------------------------------------------------------
    page("accounts:signin", {"GET": public(), "POST": public()}),
    page(
        "accounts:signin_code",
        {"GET": Expect(dict.fromkeys(ROLES, LOGIN)), "POST": Expect(dict.fromkeys(ROLES, LOGIN))},
        note="the second step without a first one goes back to the first",
    ),
    page("accounts:signout", {"POST": public()}),
    page("accounts:register", {"GET": public(), "POST": public()}),
    page("accounts:register_verify", {"GET": public(), "POST": public()}),
    page("accounts:recovery", {"GET": public(), "POST": public()}),
    page("accounts:recovery_confirm", {"GET": public(), "POST": public()}),
    page("accounts:password_change", {"GET": signed_in(), "POST": signed_in()}),
    page("accounts:verify", {"GET": signed_in(), "POST": signed_in()}),
    # ID-9: in-person identity verification, the office's own staff only.
    page(
        "offices_staff:identity",
        {"GET": only(*OFFICE, others=HIDDEN)},
        kwargs={"code": "office.code"},
    ),
    page(
        "offices_staff:identity_post",
        {"POST": only(*OFFICE, others=HIDDEN)},
        kwargs={"code": "office.code"},
    ),
    # Art. 7: the office's desk, and a filing opened there for a person (FIL-2).
    page("offices_staff:desk-home", {"GET": only(*OFFICE, others=HIDDEN)}),
    page(
        "offices_staff:desk", {"GET": only(*OFFICE, others=HIDDEN)}, kwargs={"code": "office.code"}
    ),
    page(
        "offices_staff:desk-action",
        {"POST": only(*OFFICE, others=HIDDEN)},
        kwargs={"code": "office.code", "name": "=register"},
    ),
    page(
        "filings:office-new",
        {"GET": only(*OFFICE, others=HIDDEN), "POST": only(*OFFICE, others=HIDDEN)},
        url=lambda world, scope: (
            f"/filings/office/new/?office={scope.office.code}"
            f"&national_id={scope.filing.filer.national_id}"
        ),
        make_body=lambda world, scope: {
            "office": scope.office.code,
            "filer_national_id": scope.filing.filer.national_id,
        },
    ),
    # --- the staff second factor (ID-13) --------------------------------------------------------
    page("second_factor:verify", {"GET": signed_in(), "POST": signed_in()}),
    page("second_factor:enrol", {"GET": signed_in(), "POST": signed_in()}),
    page("second_factor:recovery_codes", {"GET": signed_in(), "POST": signed_in()}),
    page("second_factor:passkey_options", {"POST": signed_in()}),
    page("second_factor:passkey_verify", {"POST": signed_in()}),
    page("second_factor:passkey_register_options", {"POST": signed_in()}),
    page("second_factor:passkey_register", {"POST": signed_in()}),
    # --- portal pages: appointments -------------------------------------------------------------
    page("offices_portal:mine", {"GET": signed_in()}),
    page(
        "offices_portal:office",
        {"GET": public(), "POST": signed_in()},
        kwargs={"code": "@office_code"},
    ),
    page(
        "offices_portal:receipt", {"GET": only(PARTY, others=HIDDEN)}, kwargs={"pk": "appointment"}
    ),
    page(
        "offices_portal:calendar", {"GET": only(PARTY, others=HIDDEN)}, kwargs={"pk": "appointment"}
    ),
    page(
        "offices_portal:cancel",
        {"GET": APPOINTMENT, "POST": APPOINTMENT},
        kwargs={"pk": "appointment"},
        note="GET is the confirmation page; only its POST cancels",
    ),
    page(
        "offices_portal:reschedule",
        {"GET": APPOINTMENT, "POST": only(PARTY, *OFFICE, others=HIDDEN)},
        kwargs={"pk": "appointment"},
        make_body=lambda world, scope: {"slot": _another_slot(scope)},
        note="the page is the booker's; its form's action is also the office's (a move)",
    ),
    page("offices_portal:waitlist_join", {"POST": signed_in()}),
    page(
        "offices_portal:waitlist_action",
        {"POST": only(PARTY, others=HIDDEN)},
        kwargs={"pk": "waiting", "name": "=leave"},
    ),
    # --- portal pages: the user's desk ----------------------------------------------------------
    page("portal:home", {"GET": signed_in()}),
    # --- portal pages: filings ------------------------------------------------------------------
    page("filings:list", {"GET": signed_in(), "POST": signed_in()}),
    page("filings:queue", {"GET": only(*OFFICE, others=HIDDEN)}),
    page("filings:court-queue", {"GET": only(COURT, others=HIDDEN)}),
    page(
        "filings:court-decision",
        {"GET": nobody(HIDDEN), "POST": nobody(HIDDEN)},
        kwargs={"pk": "filing", "name": "=reject"},
        body=REJECT,
        note="the world's filing is decided already: only a forwarded filing has a decision "
        "page (tests/filings/test_court_pages.py proves the clerk's decisions)",
    ),
    page(
        "filings:filing",
        {"GET": FILING_STATE, "POST": FILING_STATE},
        kwargs={"pk": "filing"},
        body={"action": "copy"},
        note="the office's and the court's refusal to copy comes back as a message",
    ),
    page(
        "filings:document",
        {"GET": FILING_STATE},
        kwargs={"pk": "filing", "document_id": "document"},
    ),
    page("filings:receipt", {"GET": FILING_STATE}, kwargs={"pk": "filing"}),
    # FIL-7: the card gateway sends the payer back here, signed in or not. A callback whose
    # token is not the payment's changes nothing and shows nothing, to anyone.
    page(
        "filings:payment-callback",
        {"GET": Expect(dict.fromkeys(ROLES, HIDDEN)), "POST": Expect(dict.fromkeys(ROLES, HIDDEN))},
        url=lambda world, scope: (
            f"/filings/payments/callback/?token=forged&reference={scope.extra['payment'].reference}"
        ),
    ),
    # --- portal pages: discipline ---------------------------------------------------------------
    page("discipline:dashboard", {"GET": signed_in()}),
    page(
        "discipline:case",
        {"GET": only(MANAGER, GD, HEAD, BOARD, others=HIDDEN)},
        kwargs={"pk": "case"},
        sees_all=(GD, HEAD),
    ),
    page(
        "discipline:action",
        {"POST": only(MANAGER, GD, HEAD, BOARD, others=HIDDEN)},
        kwargs={"pk": "case", "name": "=schedule"},
        sees_all=(GD, HEAD),
        note="the service's refusal comes back as a message on the case page",
    ),
    # DIS-6, NOT-4: the accused reads the ruling once served through its notice; before that
    # the PDF is the board's and the regulators' only.
    page(
        "discipline:ruling-pdf",
        {"GET": only(GD, HEAD, BOARD, others=HIDDEN)},
        kwargs={"pk": "ruling"},
        sees_all=(GD, HEAD),
    ),
    # --- portal pages: notices ------------------------------------------------------------------
    page("notices:inbox", {"GET": signed_in()}),
    page("notices:lookup", {"GET": signed_in(), "POST": signed_in()}),
    *[
        page(f"notices:{name}", {"GET": only(PARTY, COURT, others=HIDDEN)}, kwargs=kwargs)
        for name, kwargs in (
            ("notice", {"pk": "notice"}),
            ("print", {"pk": "notice"}),
            ("attachment", {"pk": "notice", "attachment_id": "attachment"}),
        )
    ],
    # --- reports (RPT-1 … RPT-3): the GD, the centre head, an Association's board, a manager --
    page("reports:dashboard", {"GET": only(*REPORTERS)}),
    page("reports:export-figures", {"GET": only(*REPORTERS)}, kwargs={"fmt": "=csv"}),
    page(
        "reports:export-records",
        {"GET": only(*REPORTERS)},
        kwargs={"dataset": "=filings", "fmt": "=csv"},
    ),
    page(
        "reports:office-reports",
        {"GET": only(*REPORTERS)},
        kwargs={"code": "office.code"},
        sees_all=(GD, HEAD),
    ),
    page(
        "reports:office-report",
        {"GET": only(*REPORTERS)},
        kwargs={"code": "office.code", "period": "=1404-01"},
        sees_all=(GD, HEAD),
    ),
    # --- portal pages: the cabinet (CAS-*) --------------------------------------------------------
    page("courts:cases", {"GET": signed_in()}),
    page("courts:hearings", {"GET": signed_in()}),
    page("courts:feed-renew", {"POST": signed_in()}),
    page("courts:follow", {"GET": signed_in(), "POST": signed_in()}),
    page("courts:picker", {"GET": signed_in()}),
    page("courts:verify", {"GET": public(), "POST": public()}),
    # A feed is read by its unguessable token, without signing in: an unknown one is 404.
    page("courts:feed", {"GET": Expect(dict.fromkeys(ROLES, HIDDEN))}, kwargs={"token": "=x"}),
    *[
        page(f"courts:{name}", {"GET": only(PARTY, COURT, others=HIDDEN)}, kwargs=kwargs)
        for name, kwargs in (
            ("case", {"pk": "court_case"}),
            ("hearing-ics", {"pk": "hearing"}),
            ("act", {"pk": "act"}),
        )
    ],
    page(
        "courts:case-action",
        {"POST": only(COURT, others=HIDDEN).but(DENY, PARTY)},
        kwargs={"pk": "court_case", "name": "=case_update"},
    ),
    # --- staff pages: licensing -----------------------------------------------------------------
    page("licensing:queue", {"GET": signed_in()}),
    page(
        "licensing:request",
        {"GET": only(MANAGER, *REGULATORS, others=HIDDEN)},
        kwargs={"pk": "request"},
        sees_all=REGULATORS,
    ),
    page(
        "licensing:request-action",
        {"POST": only(MANAGER, *REGULATORS, others=HIDDEN)},
        kwargs={"pk": "request", "name": "=propose"},
        sees_all=REGULATORS,
        note="the service's refusal comes back as a message on the request page",
    ),
]

# Wagtail's admin and Django's admin: hundreds of patterns, one rule each. Anonymous is sent to
# sign in; no role of DOMAIN.md §1 gets into either admin by its role alone.
PREFIX_RULES = {
    "admin/": PrefixRule("/admin/", Expect(dict.fromkeys(ROLES, LOGIN))),
    # Office staff (marked `is_staff` with their post, offices.services) and the GD are staff:
    # they reach the admin's index, which shows only the models their permissions allow.
    "django-admin/": PrefixRule(
        "/django-admin/", Expect(dict.fromkeys(ROLES, LOGIN)).but(OK, *OFFICE, GD)
    ),
}
