"""Figures of the API fuzzing run (tests/fuzz/test_api_fuzz.py), printed after the tests."""

FUZZ_STATS_KEY = "daftar_fuzz_stats"


def pytest_configure(config):
    setattr(config, FUZZ_STATS_KEY, {})


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    stats = getattr(config, FUZZ_STATS_KEY, None)
    if not stats or not stats.get("identities"):
        return
    terminalreporter.write_sep("-", "API fuzzing (schemathesis)")
    terminalreporter.write_line(
        f"{stats['operations']} operations x {len(stats['identities'])} identities "
        f"({', '.join(stats['identities'])})"
    )
    terminalreporter.write_line(
        f"{stats['requests']} requests, up to {stats['max_examples']} examples per operation "
        f"and identity, {stats['short_cut']} pairs cut short by the time budget, "
        f"{stats['failures']} failing pairs"
    )
    terminalreporter.write_line(
        f"seed and schema {stats['setup_seconds']:.1f} s, fuzzing {stats['seconds']:.1f} s "
        f"(requests {stats['call_seconds']:.1f} s, checks {stats['check_seconds']:.1f} s)"
    )
    terminalreporter.write_line(f"seed: {stats['seed']} (FUZZ_SEED replays a seeded run)")
    codes = ", ".join(f"{code}: {n}" for code, n in sorted(stats["statuses"].items()))
    terminalreporter.write_line(f"status codes: {codes}")
