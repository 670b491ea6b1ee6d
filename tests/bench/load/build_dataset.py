"""The load benchmark's data set, built with set-based SQL on the database of DATABASE_URL.

    DJANGO_SETTINGS_MODULE=daftar.settings.production DATABASE_URL=... \\
        .venv/bin/python tests/bench/load/build_dataset.py [--out var/bench/load.json]

Volumes (each part is skipped when its rows are already there, so a second run only renews the
sessions):

- 10,000 offices with five staff each, hours, slots and 1,000,000 appointments of 50,000
  citizens, and 1,000,000 notices for 100,000 recipients (the builders of tests/bench);
- a live licence for every office, 5,000 licence requests at every step of LIC-3;
- 100,000 filings of 20,000 filers, 60% presented by one of 2,000 lawyers, sent to 2,000
  offices and 50 court branches, at every status of FIL-8: two parties and two documents
  each, a live signature once confirmed, a succeeded payment and the submission once sent;
- 34 disciplinary boards (one first-instance board per province, three appeal boards) with
  their three seats, and 10,000 cases at every status: hearings with attendance and three
  votes, and the ruling, for the cases ruled, appealed or closed.

Then it writes a session for a sample of each kind of user (recipients, citizens, lawyers,
office staff, board members, licensing staff) straight into Django's session store, so the
load test never goes through the two-step sign-in, and saves their session keys with the
public sample (office codes, cities) as JSON for the locustfile.
"""

import argparse
import json
import os
import secrets
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daftar.settings.production")

import django  # noqa: E402

django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.contrib.sessions.models import Session  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from tests.bench import datasets  # noqa: E402

OFFICES = int(os.environ.get("BENCH_OFFICES", 10_000))
APPOINTMENTS = int(os.environ.get("BENCH_APPOINTMENTS", 1_000_000))
CITIZENS = 50_000
NOTICES = int(os.environ.get("BENCH_NOTICES", 1_000_000))
RECIPIENTS = int(os.environ.get("BENCH_RECIPIENTS", 100_000))
FILINGS = int(os.environ.get("BENCH_FILINGS", 100_000))
FILERS = 20_000
LAWYERS = 2_000
FILING_OFFICES = 2_000
CASES = int(os.environ.get("BENCH_CASES", 10_000))
LICENCE_REQUESTS = 5_000
GD_STAFF = 20
# Sessions written per kind of user.
SESSIONS = {
    "recipient": 2000,
    "citizen": 1000,
    "lawyer": 500,
    "office_staff": 500,
    "board_member": 102,
    "licensing_staff": GD_STAFF,
}
SESSION_PREFIX = "loadbench"


def log(message, started=None):
    suffix = f" ({time.perf_counter() - started:.1f} s)" if started else ""
    print(f"  {message}{suffix}", flush=True)


def exists(cursor, sql) -> bool:
    cursor.execute(f"SELECT EXISTS ({sql})")  # noqa: S608 - fixed statements
    return cursor.fetchone()[0]


def add_to_group(cursor, role: str, user_sql: str) -> None:
    cursor.execute(
        f"""
        INSERT INTO accounts_user_groups (user_id, group_id)
        SELECT u.id, g.id FROM ({user_sql.replace("%", "%%")}) AS u
        CROSS JOIN auth_group g WHERE g.name = %s
        ON CONFLICT DO NOTHING
        """,  # noqa: S608 - fixed statements
        [role],
    )


# --- Offices, appointments, notices (the existing benches' builders) ----------------------------
def build_offices(cursor):
    if exists(cursor, "SELECT 1 FROM offices_office"):
        return log("offices: already there")
    started = time.perf_counter()
    datasets.load_offices(cursor, offices=OFFICES, appointments=APPOINTMENTS, citizens=CITIZENS)
    # Each post's group and the guardian object permissions granted with it (offices.permissions).
    for role, group in (
        ("manager", "office_manager"),
        ("legal_expert", "office_legal_expert"),
        ("it_expert", "office_it_expert"),
        ("clerk", "office_clerk"),
    ):
        add_to_group(
            cursor,
            group,
            "SELECT sp.user_id AS id FROM offices_membership m "
            f"JOIN offices_staffprofile sp ON sp.id = m.profile_id WHERE m.role = '{role}'",
        )
    cursor.execute(
        """
        INSERT INTO offices_officeuserobjectpermission (permission_id, user_id, content_object_id)
        SELECT p.id, sp.user_id, m.office_id
        FROM offices_membership m
        JOIN offices_staffprofile sp ON sp.id = m.profile_id
        JOIN auth_permission p ON p.codename IN ('view_office', 'manage_appointments')
             OR (m.role = 'manager' AND p.codename IN ('change_office', 'manage_staff'))
        JOIN django_content_type ct ON ct.id = p.content_type_id
             AND ct.app_label = 'offices' AND ct.model = 'office'
        """
    )
    cursor.execute("ANALYZE offices_officeuserobjectpermission")
    log(f"{OFFICES:,} offices, {APPOINTMENTS:,} appointments", started)


def build_notices(cursor):
    if exists(cursor, "SELECT 1 FROM notices_notice"):
        return log("notices: already there")
    started = time.perf_counter()
    datasets.load_notices(cursor, notices=NOTICES, recipients=RECIPIENTS)
    log(f"{NOTICES:,} notices for {RECIPIENTS:,} recipients", started)


# --- Licensing ---------------------------------------------------------------------------------
def build_licensing(cursor):
    from licensing.models import Licence, LicenceRequest

    if exists(cursor, "SELECT 1 FROM licensing_licence"):
        return log("licensing: already there")
    started = time.perf_counter()
    datasets.insert_users(
        cursor, letter="G", mobile_prefix="+98932", email_prefix="gd-bench", count=GD_STAFF
    )
    add_to_group(
        cursor, "licensing_staff", "SELECT id FROM accounts_user WHERE national_id LIKE 'G%'"
    )
    datasets.insert_select(
        cursor,
        Licence,
        {
            "number": "'L-' || o.code",
            "office_id": "o.id",
            "holder_id": "o.manager_id",
            "issued_on": "date '2025-01-01' + (o.id %% 300)::int",
            "expires_on": "date '2028-01-01' + (o.id %% 300)::int",
            "status": "'active'",
        },
        "FROM offices_office o",
    )
    datasets.insert_select(
        cursor,
        LicenceRequest,
        {
            "kind": "(ARRAY['renewal', 'relocation', 'suspension'])[1 + g %% 3]",
            "status": "(ARRAY['submitted', 'council_review', 'gd_opinion', 'awaiting_decision',"
            " 'approved', 'rejected'])[1 + g %% 6]",
            "office_id": "o.id",
            "licence_id": "l.id",
            "reasons": "'Renewal of the licence of office ' || o.code",
            "suspend_until": "CASE WHEN g %% 3 = 2 THEN current_date + 90 END",
            "requested_by_id": "o.manager_id",
            "submitted_at": "now() - (g %% 400) * interval '1 day'",
            "decided_at": "CASE WHEN g %% 6 >= 4 THEN now() - (g %% 100) * interval '1 hour' END",
        },
        """
        FROM generate_series(1, %(n)s) AS g
        JOIN offices_office o ON o.id = (SELECT min(id) FROM offices_office) + g %% %(offices)s
        JOIN licensing_licence l ON l.office_id = o.id
        """,
        {"n": LICENCE_REQUESTS, "offices": OFFICES},
    )
    for table in ("licensing_licence", "licensing_licencerequest"):
        cursor.execute(f"ANALYZE {table}")
    log(f"{OFFICES:,} licences, {LICENCE_REQUESTS:,} licence requests", started)


# --- Filings -----------------------------------------------------------------------------------
# Status by g % 20: 4 draft, 2 confirmed, 4 sent, 2 verified, 2 forwarded, 3 accepted,
# 1 rejected, 1 returned, 1 cancelled.
FILING_STATUS = (
    "(ARRAY['draft','draft','draft','draft','confirmed','confirmed','sent','sent','sent','sent',"
    "'verified','verified','forwarded','forwarded','accepted','accepted','accepted','rejected',"
    "'returned','cancelled'])[1 + g %% 20]"
)
SENT = "g %% 20 BETWEEN 6 AND 18"


def build_filings(cursor):
    from filings.models import Document, Filing, Party, Payment, Signature, Submission

    if exists(cursor, "SELECT 1 FROM filings_filing"):
        return log("filings: already there")
    started = time.perf_counter()
    datasets.insert_users(
        cursor, letter="F", mobile_prefix="+98933", email_prefix="filer-bench", count=FILERS
    )
    datasets.insert_users(
        cursor, letter="L", mobile_prefix="+98934", email_prefix="lawyer-bench", count=LAWYERS
    )
    add_to_group(cursor, "lawyer", "SELECT id FROM accounts_user WHERE national_id LIKE 'L%'")
    add_to_group(cursor, "party", "SELECT id FROM accounts_user WHERE national_id LIKE 'F%'")
    cursor.execute("SET TIME ZONE 'Asia/Tehran'")
    datasets.insert_select(
        cursor,
        Filing,
        {
            "kind": "(ARRAY['petition', 'criminal_complaint', 'request', 'defence_brief'])"
            "[1 + g %% 4]",
            "channel": "CASE WHEN g %% 25 = 0 THEN 'office' ELSE 'portal' END",
            "status": FILING_STATUS,
            "filer_id": "f.id",
            "created_by_id": "f.id",
            "subject": "'Claim for the price of goods no. ' || g",
            "court_id": "b.id",
            "claim_value": "1000000 * (1 + g %% 500)",
            "case_mode": "'new'",
            "presenter_kind": "CASE WHEN g %% 10 < 6 THEN 'lawyer' ELSE 'self' END",
            "presenter_lawyer_id": "CASE WHEN g %% 10 < 6 THEN l.id END",
            "text_title": "'Petition'",
            "text_html": "'<p>The defendant has not paid the price of the goods delivered.</p>'",
            "steps_done": """'["kind", "case", "parties", "documents", "presenter", "text"]'""",
            "content_hash": "CASE WHEN g %% 20 BETWEEN 4 AND 18 THEN md5(g::text) ELSE '' END",
            "prepared_at": "CASE WHEN g %% 20 BETWEEN 4 AND 18 THEN t.at END",
            "office_id": "o.id",
            "court_fee": "CASE WHEN g %% 20 BETWEEN 4 AND 18 THEN 350000 END",
            "service_fee": "CASE WHEN g %% 20 BETWEEN 4 AND 18 THEN 120000 END",
            "fees_computed_at": "CASE WHEN g %% 20 BETWEEN 4 AND 18 THEN t.at END",
            "tracking_code": f"CASE WHEN {SENT} THEN 'T' || lpad(g::text, 15, '0') END",
            "sent_at": f"CASE WHEN {SENT} THEN t.at + interval '1 hour' END",
            "verified_at": "CASE WHEN g %% 20 BETWEEN 10 AND 17 THEN t.at + interval '1 day' END",
            "forwarded_at": "CASE WHEN g %% 20 BETWEEN 12 AND 17 THEN t.at + interval '2 days' END",
            "decided_at": "CASE WHEN g %% 20 BETWEEN 14 AND 17 THEN t.at + interval '5 days' END",
            "returned_at": "CASE WHEN g %% 20 = 18 THEN t.at + interval '1 day' END",
            "cancelled_at": "CASE WHEN g %% 20 = 19 THEN t.at + interval '1 hour' END",
            "case_number": "CASE WHEN g %% 20 BETWEEN 14 AND 17 "
            "THEN (1404000000000000 + g)::text ELSE '' END",
            "created_at": "t.at",
        },
        """
        FROM generate_series(1, %(n)s) AS g
        CROSS JOIN LATERAL (SELECT now() - ((g::bigint * 7919) %% (365 * 24 * 60))
                                   * interval '1 minute' AS at) t
        JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn FROM accounts_user
              WHERE national_id LIKE 'F%%') f ON f.rn = g %% %(filers)s
        JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn FROM accounts_user
              WHERE national_id LIKE 'L%%') l ON l.rn = g %% %(lawyers)s
        JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn FROM offices_office) o
             ON o.rn = g %% %(offices)s
        JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn FROM notices_branch) b
             ON b.rn = g %% 50
        """,
        {"n": FILINGS, "filers": FILERS, "lawyers": LAWYERS, "offices": FILING_OFFICES},
    )
    # Two parties: the plaintiff (the filer) and a defendant.
    datasets.insert_select(
        cursor,
        Party,
        {
            "filing_id": "f.id",
            "position": "p",
            "role": "CASE WHEN p = 0 THEN 'plaintiff' ELSE 'defendant' END",
            "person_kind": "'natural'",
            "national_id": "lpad((f.id * 2 + p)::text, 10, '0')",
            "first_name": "CASE WHEN p = 0 THEN 'Reza' ELSE 'Ali' END",
            "last_name": "'Party ' || f.id",
            "address": "'Tehran, street ' || (f.id %% 300)",
            "mobile": "'+98935' || lpad((f.id %% 9999999)::text, 7, '0')",
        },
        "FROM filings_filing f CROSS JOIN generate_series(0, 1) AS p",
    )
    datasets.insert_select(
        cursor,
        Document,
        {
            "filing_id": "f.id",
            "purpose": "'document'",
            "doc_type": "CASE WHEN d = 0 THEN 'contract' ELSE 'evidence' END",
            "title": "CASE WHEN d = 0 THEN 'Contract of sale' ELSE 'Invoice' END",
            "file": "'filings/bench/' || f.id || '-' || d || '.pdf'",
            "original_name": "'document-' || d || '.pdf'",
            "format": "'pdf'",
            "content_type": "'application/pdf'",
            "size": "120000 + d * 1000",
            "sha256": "encode(sha256((f.id || '-' || d)::bytea), 'hex')",
            "uploaded_by_id": "f.filer_id",
        },
        "FROM filings_filing f CROSS JOIN generate_series(0, 1) AS d",
    )
    datasets.insert_select(
        cursor,
        Signature,
        {
            "filing_id": "f.id",
            "signer_id": "coalesce(f.presenter_lawyer_id, f.filer_id)",
            "entered_by_id": "coalesce(f.presenter_lawyer_id, f.filer_id)",
            "method": "'sms_code'",
            "acknowledgement": "'I confirm the content of this filing.'",
            "content_hash": "f.content_hash",
            "signed_at": "f.prepared_at + interval '10 minutes'",
        },
        "FROM filings_filing f WHERE f.prepared_at IS NOT NULL",
    )
    datasets.insert_select(
        cursor,
        Payment,
        {
            "reference": "gen_random_uuid()",
            "filing_id": "f.id",
            "method": "'online'",
            "status": "'succeeded'",
            "amount": "f.court_fee + f.service_fee",
            "receipt_number": "lpad(f.id::text, 9, '0')",
            "gateway": "'test'",
            "gateway_transaction": "'TX' || f.id",
            "created_by_id": "f.filer_id",
            "created_at": "f.sent_at - interval '20 minutes'",
            "settled_at": "f.sent_at - interval '19 minutes'",
        },
        "FROM filings_filing f WHERE f.sent_at IS NOT NULL",
    )
    datasets.insert_select(
        cursor,
        Submission,
        {
            "filing_id": "f.id",
            "tracking_code": "f.tracking_code",
            "content_hash": "f.content_hash",
            "canonical": "jsonb_build_object('subject', f.subject, 'kind', f.kind)",
            "signature_id": "s.id",
            "signed_by_id": "s.signer_id",
            "sent_by_id": "s.signer_id",
            "signed_in_with": "'password+sms'",
            "office_id": "f.office_id",
            "payment_id": "p.id",
            "payment_method": "p.method",
            "payment_status": "p.status",
            "amount": "p.amount",
            "receipt_number": "p.receipt_number",
            "sent_at": "f.sent_at",
        },
        """
        FROM filings_filing f
        JOIN filings_signature s ON s.filing_id = f.id
        JOIN filings_payment p ON p.filing_id = f.id
        WHERE f.sent_at IS NOT NULL
        """,
    )
    cursor.execute("SET TIME ZONE 'UTC'")
    for table in (
        "accounts_user",
        "filings_filing",
        "filings_party",
        "filings_document",
        "filings_signature",
        "filings_payment",
        "filings_submission",
    ):
        cursor.execute(f"ANALYZE {table}")
    log(f"{FILINGS:,} filings with parties, documents, signatures, payments", started)


# --- Discipline --------------------------------------------------------------------------------
def build_discipline(cursor):
    from discipline.models import Attendance, Board, Case, Ruling, Seat, Session, Vote

    if exists(cursor, "SELECT 1 FROM discipline_case"):
        return log("discipline: already there")
    started = time.perf_counter()
    cursor.execute("SELECT min(id) FROM accounts_user WHERE national_id LIKE 'G%'")
    gd = cursor.fetchone()[0]
    datasets.insert_select(
        cursor,
        Board,
        {
            "tier": "'first_instance'",
            "name": "'First-instance board of ' || p.name_en",
            "province_id": "p.id",
            "created_by_id": str(gd),
        },
        "FROM offices_province p ORDER BY p.id",
    )
    datasets.insert_select(
        cursor,
        Board,
        {"tier": "'appeal'", "name": "'Appeal board no. ' || g", "created_by_id": str(gd)},
        "FROM generate_series(1, 3) AS g",
    )
    cursor.execute("SELECT count(*) FROM discipline_board")
    boards = cursor.fetchone()[0]
    datasets.insert_users(
        cursor, letter="J", mobile_prefix="+98936", email_prefix="board-bench", count=3 * boards
    )
    add_to_group(cursor, "board_member", "SELECT id FROM accounts_user WHERE national_id LIKE 'J%'")
    datasets.insert_select(
        cursor,
        Seat,
        {
            "board_id": "b.id",
            "user_id": "u.id",
            "kind": "CASE WHEN u.rn %% 3 < 2 THEN 'judge' "
            "WHEN b.tier = 'appeal' THEN 'gd' ELSE 'association' END",
            "appointed_by_id": str(gd),
            "starts_on": "date '2025-01-01'",
        },
        """
        FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn FROM accounts_user
              WHERE national_id LIKE 'J%%') u
        JOIN (SELECT id, tier, row_number() OVER (ORDER BY id) - 1 AS rn FROM discipline_board) b
             ON b.rn = u.rn / 3
        """,
    )
    # Status by g % 10: 2 new, 3 before the board, 2 ruled, 1 on appeal, 2 closed.
    datasets.insert_select(
        cursor,
        Case,
        {
            "number": "'14049' || lpad(g::text, 11, '0')",
            "status": "(ARRAY['new','new','first_instance','first_instance','first_instance',"
            "'ruled','ruled','appeal','closed','closed'])[1 + g %% 10]",
            "source": "(ARRAY['complaint', 'inspection', 'gd'])[1 + g %% 3]",
            "office_id": "o.id",
            "accused_id": "o.manager_id",
            "accused_role": "'manager'",
            "allegation": "'Fees above the tariff were taken from a client of the office.'",
            "offence_date": "current_date - 30 - (g %% 300)::int",
            "board_id": "fb.id",
            "appeal_board_id": "CASE WHEN g %% 10 = 7 THEN ab.id END",
            "opened_by_id": str(gd),
            "opened_at": "now() - (g %% 700) * interval '1 day'",
            "closed_at": "CASE WHEN g %% 10 >= 8 THEN now() - (g %% 50) * interval '1 day' END",
        },
        """
        FROM generate_series(1, %(n)s) AS g
        JOIN (SELECT id, manager_id, row_number() OVER (ORDER BY id) - 1 AS rn
              FROM offices_office) o ON o.rn = (g * 7) %% %(offices)s
        JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn FROM discipline_board
              WHERE tier = 'first_instance') fb
             ON fb.rn = g %% (SELECT count(*) FROM discipline_board WHERE tier = 'first_instance')
        JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn FROM discipline_board
              WHERE tier = 'appeal') ab ON ab.rn = g %% 3
        """,
        {"n": CASES, "offices": OFFICES},
    )
    cursor.execute(
        """
        INSERT INTO discipline_case_violations (case_id, violation_id)
        SELECT c.id, v.id FROM discipline_case c
        JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn FROM discipline_violation) v
             ON v.rn IN (c.id % 14, (c.id + 5) % 14)
        """
    )
    # One concluded hearing, attendance, three votes and the ruling for every ruled case.
    datasets.insert_select(
        cursor,
        Session,
        {
            "case_id": "c.id",
            "board_id": "c.board_id",
            "tier": "'first_instance'",
            "status": "CASE WHEN c.status = 'first_instance' THEN 'scheduled' ELSE 'concluded' END",
            "scheduled_for": "CASE WHEN c.status = 'first_instance' "
            "THEN now() + (c.id %% 30) * interval '1 day' "
            "ELSE c.opened_at + interval '20 days' END",
            "place": "'Hall 2 of the board'",
            "scheduled_by_id": str(gd),
            "attendance_recorded_at": "CASE WHEN c.status <> 'first_instance' "
            "THEN c.opened_at + interval '20 days' END",
        },
        "FROM discipline_case c WHERE c.status <> 'new'",
    )
    held = """
        FROM discipline_session s JOIN discipline_seat st ON st.board_id = s.board_id
        WHERE s.status = 'concluded'
    """
    datasets.insert_select(
        cursor,
        Attendance,
        {
            "session_id": "s.id",
            "member_id": "st.user_id",
            "present": "true",
            "recorded_by_id": str(gd),
            "recorded_at": "s.scheduled_for",
        },
        held,
    )
    datasets.insert_select(
        cursor,
        Vote,
        {
            "session_id": "s.id",
            "member_id": "st.user_id",
            "outcome": "'sanction'",
            "grade": "2",
            "reasons": "'The overcharge is proven by the receipts.'",
            "cast_at": "s.scheduled_for",
        },
        held,
    )
    datasets.insert_select(
        cursor,
        Ruling,
        {
            "case_id": "c.id",
            "session_id": "s.id",
            "board_id": "s.board_id",
            "tier": "'first_instance'",
            "status": "CASE c.status WHEN 'ruled' THEN 'issued' WHEN 'appeal' THEN 'challenged' "
            "ELSE 'final' END",
            "outcome": "'sanction'",
            "grade": "2",
            "text": "'A written reprimand recorded in the office file (grade 2).'",
            "drafted_by_id": "(SELECT min(user_id) FROM discipline_seat st "
            "WHERE st.board_id = s.board_id)",
            "drafted_at": "s.scheduled_for",
            "issued_at": "s.scheduled_for + interval '1 day'",
            "final_at": "CASE WHEN c.status = 'closed' "
            "THEN s.scheduled_for + interval '25 days' END",
        },
        "FROM discipline_session s JOIN discipline_case c ON c.id = s.case_id "
        "WHERE s.status = 'concluded'",
    )
    for table in (
        "discipline_board",
        "discipline_seat",
        "discipline_case",
        "discipline_case_violations",
        "discipline_session",
        "discipline_attendance",
        "discipline_vote",
        "discipline_ruling",
    ):
        cursor.execute(f"ANALYZE {table}")
    log(f"{boards} boards, {CASES:,} cases with hearings, votes and rulings", started)


# --- The public site's pages -------------------------------------------------------------------
def build_pages():
    from cms_pages.seed import seed_pages

    seed_pages()


# --- Sessions and the locustfile's sample ------------------------------------------------------
def _sample(cursor, sql, n):
    cursor.execute(f"{sql} ORDER BY md5(u.id::text) LIMIT %s", [n])  # noqa: S608 - fixed SQL
    return [row[0] for row in cursor.fetchall()]


POOLS = {
    "recipient": "SELECT u.id FROM accounts_user u WHERE u.national_id LIKE 'B%%'",
    # Filers book too: they have no appointments yet, so the booking limits (APT-6) allow it.
    "citizen": "SELECT u.id FROM accounts_user u WHERE u.national_id LIKE 'F%%'",
    "lawyer": "SELECT u.id FROM accounts_user u WHERE u.national_id LIKE 'L%%'",
    # Staff of the offices that receive filings (the queue is not empty).
    "office_staff": f"""
        SELECT u.id FROM accounts_user u
        JOIN offices_staffprofile sp ON sp.user_id = u.id
        JOIN offices_membership m ON m.profile_id = sp.id
        WHERE m.office_id IN (SELECT id FROM offices_office ORDER BY id LIMIT {FILING_OFFICES})
    """,
    "board_member": "SELECT u.id FROM accounts_user u WHERE u.national_id LIKE 'J%%'",
    "licensing_staff": "SELECT u.id FROM accounts_user u WHERE u.national_id LIKE 'G%%'",
}


def write_sessions(cursor) -> dict:
    Session.objects.filter(session_key__startswith=SESSION_PREFIX).delete()
    store = SessionStore()
    expire = timezone.now() + timedelta(days=2)
    pools, rows = {}, []
    for kind, sql in POOLS.items():
        ids = _sample(cursor, sql, SESSIONS[kind])
        users = User.objects.in_bulk(ids)
        keys = []
        for pk in ids:
            key = SESSION_PREFIX + secrets.token_hex(12)
            data = {
                SESSION_KEY: str(pk),
                BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
                HASH_SESSION_KEY: users[pk].get_session_auth_hash(),
                "acting_for_legal_person": None,
            }
            rows.append(
                Session(session_key=key, session_data=store.encode(data), expire_date=expire)
            )
            keys.append(key)
        pools[kind] = keys
    Session.objects.bulk_create(rows, batch_size=2000)
    return pools


def public_sample(cursor) -> dict:
    cursor.execute("SELECT code FROM offices_office ORDER BY md5(code) LIMIT 2000")
    offices = [r[0] for r in cursor.fetchall()]
    cursor.execute("SELECT name_fa, name_en FROM offices_city ORDER BY id")
    cities = cursor.fetchall()
    cursor.execute("SELECT code FROM offices_province ORDER BY id")
    provinces = [r[0] for r in cursor.fetchall()]
    cursor.execute("SELECT code FROM offices_service WHERE is_active ORDER BY id")
    services = [r[0] for r in cursor.fetchall()]
    return {"offices": offices, "cities": cities, "provinces": provinces, "services": services}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(ROOT / "var" / "bench" / "load.json"))
    args = parser.parse_args()
    started = time.perf_counter()
    print("building the load benchmark's data set", flush=True)
    with transaction.atomic(), connection.cursor() as cursor:
        build_offices(cursor)
        build_notices(cursor)
        build_licensing(cursor)
        build_filings(cursor)
        build_discipline(cursor)
    build_pages()
    with transaction.atomic(), connection.cursor() as cursor:
        sample = {"sessions": write_sessions(cursor), **public_sample(cursor)}
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(sample, ensure_ascii=False))
    log(f"sessions written to {out}; data set ready", started)


if __name__ == "__main__":
    main()
