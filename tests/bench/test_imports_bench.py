"""A real register's size (RPT-3's imports, OFF-1): 10,000 offices in one CSV file, 50 of
them refused for five different reasons. The 9,950 good rows load, the 50 are listed with
their reasons, and a second run of the same file changes nothing. Prints each run's time.

    scripts/with-postgres.sh .venv/bin/pytest -q -p no:randomly tests/bench/test_imports_bench.py \\
        --override-ini addopts= -s
"""

import io
import time

import pytest
from django.core.management import call_command

from offices.models import Office
from tests.reports.test_imports import as_csv, office_row

ROWS = 10_000
BAD = {
    "province": {"province": "atlantis"},
    "code": None,  # a malformed code of its own on each row
    "latitude": {"latitude": "200"},
    "services": {"services": ""},
    "address": {"address": ""},
}


@pytest.mark.django_db
def test_ten_thousand_offices_with_fifty_bad_rows(tmp_path):
    kinds = list(BAD)
    rows = []
    for n in range(ROWS):
        # Offices spread over the province, as a register's are (not all at one point).
        code = f"6{n:07d}"
        changes = {
            "latitude": f"{35.0 + n % 100 * 0.01:.4f}",
            "longitude": f"{51.0 + n // 100 * 0.01:.4f}",
        }
        if n % 200 == 0:  # 50 rows, ten of each kind
            kind = kinds[n // 200 % len(kinds)]
            code, changes = (f"6{n}x", changes) if kind == "code" else (code, BAD[kind])
        rows.append(office_row(code, **changes))
    path = tmp_path / "offices.csv"
    path.write_bytes(as_csv(rows))

    def run() -> tuple[str, float]:
        out = io.StringIO()
        started = time.perf_counter()
        call_command("import_register", "offices", str(path), "--no-progress", stdout=out)
        return out.getvalue(), time.perf_counter() - started

    first, first_s = run()
    assert "created 9950, updated 0, unchanged 0, refused 50" in first, first[-500:]
    assert first.count("refused:") == 50
    assert Office.objects.filter(code__startswith="6").count() == 9_950
    second, second_s = run()
    assert "created 0, updated 0, unchanged 9950, refused 50" in second, second[-500:]
    print(f"\nimport of {ROWS:,} offices: first run {first_s:.1f} s, second run {second_s:.1f} s")
