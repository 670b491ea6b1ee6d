"""Set-based builders of the benchmarks' data sets (INSERT ... SELECT generate_series).

Shared by the pytest benchmarks (tests/bench/test_*_bench.py) and the load benchmark's data
set (tests/bench/load/build_dataset.py), so every benchmark measures the same shapes:

- `insert_users`: accounts whose national IDs start with a letter of their own (no clash
  with real IDs, which are digits);
- `load_notices`: notices of 50 court branches for recipients (NOT-3, NOT-4);
- `load_offices`: offices in the 251 cities of the reference data with five staff each,
  working hours, hourly slots from 15 days back to 14 ahead, and appointments (OFF-6, APT-2).
- `insert_select`: one INSERT ... SELECT into a model's table where every NOT NULL column the
  caller does not give takes the model's default.
"""

from django.db import connection

from accounts.models import User

FIRST_NAMES = ["علی", "محمد", "حسین", "رضا", "مهدی", "زهرا", "فاطمه", "مریم", "سارا", "نرگس"]
LAST_NAMES = [
    "احمدی", "رضایی", "کریمی", "موسوی", "حسینی", "نوری", "صادقی", "جعفری", "طاهری", "شریفی",
    "کاظمی", "یوسفی", "باقری", "قاسمی", "محمدی", "رحیمی", "اکبری", "حیدری", "عباسی", "سلطانی",
]  # fmt: skip


def insert_select(cursor, model, exprs: dict, from_sql: str, params=None) -> int:
    """INSERT INTO <model's table> (...) SELECT <exprs> <from_sql>; returns the row count.

    `exprs` maps column names to SQL expressions; every other NOT NULL column takes the
    model's default (auto_now fields: now()). `params` are named (%(name)s) parameters."""
    columns, values, params = [], [], dict(params or {})
    for field in model._meta.concrete_fields:
        if field.primary_key and field.column not in exprs:
            continue
        column = field.column
        if column in exprs:
            columns.append(column)
            values.append(exprs[column])
        elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            columns.append(column)
            values.append("now()")
        elif not field.null:
            if not (field.has_default() or field.empty_strings_allowed):
                raise RuntimeError(f"{model.__name__}.{field.name} needs a value")
            columns.append(column)
            values.append(f"%(default_{column})s")
            params[f"default_{column}"] = field.get_db_prep_save(field.get_default(), connection)
    cursor.execute(
        f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) "  # noqa: S608 - fixed names
        f"SELECT {', '.join(values)} {from_sql}",
        params,
    )
    return cursor.rowcount


def user_exprs(letter: str, mobile_prefix: str, email_prefix: str) -> dict:
    """Columns of generated accounts no. g: national ID <letter>000000123 and so on."""
    return {
        "national_id": f"'{letter}' || lpad(g::text, 9, '0')",
        "mobile": f"'{mobile_prefix}' || lpad(g::text, 7, '0')",
        "email": f"'{email_prefix}' || g || '@example.ir'",
        "first_name": "(%(first)s::text[])[1 + g %% 10]",
        "last_name": "(%(last)s::text[])[1 + (g / 10) %% 20]",
        "password": "'!'",
        "date_joined": "now()",
        "status": "'active'",
        "is_active": "true",
        "mobile_verified_at": "now()",
        "birth_date": "date '1985-03-21'",
    }


def insert_users(cursor, *, letter, mobile_prefix, email_prefix, count, **overrides) -> int:
    """`count` active accounts; `overrides` replace column expressions (e.g. first_name)."""
    exprs = {**user_exprs(letter, mobile_prefix, email_prefix), **overrides}
    return insert_select(
        cursor,
        User,
        exprs,
        "FROM generate_series(1, %(count)s) AS g",
        {"first": FIRST_NAMES, "last": LAST_NAMES, "count": count},
    )


def notices_sql(notices: int, recipients: int) -> str:
    """Notices 1..`notices` for the accounts 'B…' in turn, from the branches in turn; 70% viewed,
    the rest deemed served after ten days or still pending."""
    return f"""
WITH u AS (
    SELECT id, national_id, (row_number() OVER (ORDER BY id)) - 1 AS rn
    FROM accounts_user WHERE national_id LIKE 'B%'
), b AS (
    SELECT id, (row_number() OVER (ORDER BY id)) - 1 AS rn FROM notices_branch
), g AS (
    SELECT g,
           now() - ((g::bigint * 7919) % (720 * 24 * 60)) * interval '1 minute' AS issued,
           (g % 10) < 7 AS viewed
    FROM generate_series(1, {notices}) AS g
)
INSERT INTO notices_notice (
    notice_number, case_number, case_sub_row, issued_at, subject, body, branch_id,
    recipient_user_id, addressed_national_id, delivered_at, first_viewed_at,
    first_viewed_by_id, view_count,
    deemed_service_due_at, deemed_served_at, served_at, service_kind, status, created_at
)
SELECT
    '9' || lpad(g.g::text, 17, '0'),
    (1400000000000000 + g.g / 3)::text,
    1 + g.g % 3,
    g.issued,
    'Summons to a hearing no. ' || g.g,
    'You are summoned to appear at the branch for the hearing of case ' || g.g || '.',
    b.id,
    u.id,
    u.national_id,
    g.issued,
    CASE WHEN g.viewed THEN g.issued + interval '3 hours' END,
    CASE WHEN g.viewed THEN u.id END,
    CASE WHEN g.viewed THEN 1 + g.g % 3 ELSE 0 END,
    g.issued + interval '10 days',
    CASE WHEN NOT g.viewed AND g.issued + interval '10 days' <= now()
         THEN g.issued + interval '10 days' END,
    CASE WHEN g.viewed THEN g.issued + interval '3 hours'
         WHEN g.issued + interval '10 days' <= now() THEN g.issued + interval '10 days' END,
    CASE WHEN g.viewed THEN 'first_view'
         WHEN g.issued + interval '10 days' <= now() THEN 'deemed' ELSE '' END,
    CASE WHEN g.viewed OR g.issued + interval '10 days' <= now()
         THEN 'served' ELSE 'pending' END,
    g.issued
FROM g
JOIN u ON u.rn = g.g % {recipients}
JOIN b ON b.rn = g.g % 50
"""


def load_notices(cursor, *, notices: int, recipients: int) -> None:
    from notices.models import Branch

    Branch.objects.bulk_create(
        Branch(code=f"BENCH-{i:03d}", name=f"Branch {i} of the civil court") for i in range(50)
    )
    insert_users(
        cursor,
        letter="B",
        mobile_prefix="+98930",
        email_prefix="bench",
        count=recipients,
        first_name="'Recipient'",
        last_name="'No. ' || g",
    )
    cursor.execute(notices_sql(notices, recipients))
    cursor.execute("ANALYZE accounts_user")
    cursor.execute("ANALYZE notices_notice")


def offices_sql(offices: int, appointments: int, citizens: int) -> list[str]:
    """Offices, their services, staff, hours, slots and appointments (see the module doc).
    Users 'O…' 1..5*offices are the staff, the next `citizens` book the appointments."""
    return [
        # Offices: one in each city in turn; near the province's capital.
        f"""
        WITH c AS (
            SELECT c.id, c.province_id, c.name_fa, c.name_en, p.latitude, p.longitude,
                   row_number() OVER (ORDER BY c.id) - 1 AS rn, count(*) OVER () AS n
            FROM offices_city c JOIN offices_province p ON p.id = c.province_id
        )
        INSERT INTO offices_office (
            code, name_fa, name_en, province_id, city_id, address, latitude, longitude, phone,
            licence_active, slot_minutes, slot_capacity, search_text, manager_search, created_at,
            updated_at
        )
        SELECT (20000000 + g)::text,
               'دفتر خدمات الکترونیک قضایی ' || c.name_fa || ' کد ' || g,
               'Judicial e-services office ' || c.name_en || ' no. ' || g,
               c.province_id, c.id,
               'خیابان ' || (g % 97) || '، پلاک ' || (g % 211),
               c.latitude + ((g * 37) % 200 - 100) / 1000.0,
               c.longitude + ((g * 53) % 200 - 100) / 1000.0,
               '+982' || lpad((100000000 + g)::text, 9, '0'),
               true, 60, 4,
               lower((20000000 + g)::text || ' '
                     || replace('دفتر خدمات الکترونیک قضایی ' || c.name_fa || ' کد ' || g,
                                E'\\u200c', ' ') || ' ' || 'judicial e-services office '
                     || c.name_en || ' no. ' || g),
               '', now(), now()
        FROM generate_series(1, {offices}) AS g JOIN c ON c.rn = g % c.n
        """,
        # Services: each office offers about five of the eight.
        """
        INSERT INTO offices_office_services (office_id, service_id)
        SELECT o.id, s.id FROM offices_office o CROSS JOIN offices_service s
        WHERE (o.id + s.id) % 8 < 5 OR s.code = 'petition'
        """,
        # Staff: users 1..5*OFFICES are staff, five per office.
        f"""
        INSERT INTO offices_staffprofile (
            user_id, sex, practising_lawyer, legal_adviser, official_expert,
            dismissed_judge_or_notary, merchant, government_employee, created_at
        )
        SELECT id, 'male', false, false, false, false, false, false, now() FROM accounts_user
        WHERE national_id LIKE 'O%' AND substr(national_id, 2)::int <= {5 * offices}
        """,
        """
        WITH o AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn FROM offices_office),
             p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn FROM offices_staffprofile)
        INSERT INTO offices_membership (office_id, profile_id, role, full_time, started_on)
        SELECT o.id, p.id,
               (ARRAY['manager', 'legal_expert', 'it_expert', 'clerk', 'clerk'])[1 + p.rn % 5],
               true, date '2024-01-01'
        FROM p JOIN o ON o.rn = p.rn / 5
        """,
        """
        UPDATE offices_office o SET manager_id = sp.user_id
        FROM offices_membership m JOIN offices_staffprofile sp ON sp.id = m.profile_id
        WHERE m.office_id = o.id AND m.role = 'manager'
        """,
        """
        UPDATE offices_office o SET manager_search = lower(u.first_name || ' ' || u.last_name)
        FROM accounts_user u WHERE u.id = o.manager_id
        """,
        # Hours: Saturday to Thursday, 08:00-16:00.
        """
        INSERT INTO offices_workinghours (office_id, weekday, opens, closes)
        SELECT o.id, d, time '08:00', time '16:00'
        FROM offices_office o CROSS JOIN unnest(ARRAY[5, 6, 0, 1, 2, 3]) AS d
        """,
        # Slots: hourly, four seats, 15 days back to 14 days ahead, Fridays closed.
        """
        INSERT INTO offices_slot (office_id, day, starts_at, ends_at, capacity, booked)
        SELECT o.id, d::date,
               (d::date + make_time(h, 0, 0)) AT TIME ZONE 'Asia/Tehran',
               (d::date + make_time(h + 1, 0, 0)) AT TIME ZONE 'Asia/Tehran',
               4, 0
        FROM offices_office o
        CROSS JOIN generate_series(current_date - 15, current_date + 14, interval '1 day') AS d
        CROSS JOIN generate_series(8, 15) AS h
        WHERE extract(isodow FROM d) <> 5
        """,
        # Appointments: the k-th of an office in its k-th slot; four per slot at most.
        f"""
        WITH s AS (
            SELECT id, office_id, day, starts_at, ends_at,
                   row_number() OVER (PARTITION BY office_id ORDER BY starts_at) - 1 AS k
            FROM offices_slot
        ), o AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn FROM offices_office),
        u AS (
            SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn FROM accounts_user
            WHERE national_id LIKE 'O%' AND substr(national_id, 2)::int > {5 * offices}
        ), g AS (
            SELECT g, g % {offices} AS office_rn, (g / {offices}) % 200 AS k
            FROM generate_series(0, {appointments} - 1) AS g
        )
        INSERT INTO offices_appointment (
            office_id, slot_id, user_id, service_id, day, starts_at, day_ends_at, status,
            check_in_code, booked_at
        )
        SELECT o.id, s.id, u.id, (SELECT min(id) FROM offices_service), s.day, s.starts_at,
               (s.day + time '16:00') AT TIME ZONE 'Asia/Tehran',
               CASE WHEN s.starts_at > now() THEN 'booked'
                    WHEN g.g % 10 = 0 THEN 'no_show'
                    WHEN g.g % 10 = 1 THEN 'cancelled'
                    ELSE 'checked_in' END,
               'B' || lpad(to_hex(g.g), 7, '0'),
               s.starts_at - interval '3 days'
        FROM g
        JOIN o ON o.rn = g.office_rn
        JOIN s ON s.office_id = o.id AND s.k = g.k
        JOIN u ON u.rn = g.g % {citizens}
        """,
        """
        UPDATE offices_slot s SET booked = a.n
        FROM (SELECT slot_id, count(*) AS n FROM offices_appointment WHERE status <> 'cancelled'
              GROUP BY slot_id) a
        WHERE a.slot_id = s.id
        """,
        "UPDATE offices_office SET slots_generated_until = current_date + 14",
    ]


def load_offices(cursor, *, offices: int, appointments: int, citizens: int) -> None:
    from offices import reference_data
    from offices.models import City, Province, Service

    reference_data.load(Province, City, Service)
    cursor.execute("SET TIME ZONE 'Asia/Tehran'")
    insert_users(
        cursor,
        letter="O",
        mobile_prefix="+98931",
        email_prefix="office-bench",
        count=5 * offices + citizens,
    )
    for sql in offices_sql(offices, appointments, citizens):
        cursor.execute(sql)
    for table in (
        "accounts_user",
        "offices_office",
        "offices_office_services",
        "offices_membership",
        "offices_slot",
        "offices_appointment",
    ):
        cursor.execute(f"ANALYZE {table}")
    cursor.execute("SET TIME ZONE 'UTC'")
