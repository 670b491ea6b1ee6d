"""The permission matrix: every URL pattern of the project × every role of DOMAIN.md §1 and
anonymous (tests/security/matrix.py holds the expected outcome of each).

- A URL pattern without an entry fails, and so does an entry whose route no longer exists.
- Each entry is requested as each role with the objects of tests/security/world.py and the
  outcome class is compared: allowed, sign-in required, refused (403), hidden (404).
- Object-level isolation (DOMAIN.md §1, NOT-7, AUD-3): every role that reaches an object of
  its own scope gets 404 for the same route on an object of another office, board, filer,
  recipient, legal person or Association — a forbidden object looks missing.

Each request runs in a savepoint that is rolled back, so an unsafe method with an empty or
invalid body never changes what the next request sees.
"""

import re

import pytest
from django.db import transaction
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from tests.security import matrix
from tests.security.world import ANONYMOUS, ROLES

pytestmark = [pytest.mark.django_db]

SIGN_IN = "/accounts/signin/"


def _walk(resolver, prefix="", namespace=""):
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            ns = namespace
            if p.namespace:
                ns = f"{namespace}:{p.namespace}" if namespace else p.namespace
            yield from _walk(p, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            name = f"{namespace}:{p.name}" if namespace and p.name else (p.name or "")
            yield prefix + str(p.pattern), name


def project_routes() -> dict[str, str]:
    """Every URL pattern outside the prefix rules, as {route key: pattern}; the key is the
    url name, or the pattern itself when the pattern has no name."""
    found = {}
    for pattern, name in _walk(get_resolver()):
        if any(pattern.startswith(prefix) for prefix in matrix.PREFIX_RULES):
            continue
        found[name or pattern] = pattern
    return found


def test_every_url_pattern_has_a_matrix_entry():
    """DOMAIN.md §1: a new endpoint cannot ship without its row in the permission matrix,
    and a row for a route that no longer exists is removed."""
    routes = project_routes()
    entries = {e.route for e in matrix.MATRIX}
    missing = sorted(f"{key}  ({routes[key]})" for key in set(routes) - entries)
    stale = sorted(entries - set(routes))
    assert not missing, "URL patterns without a permission-matrix entry:\n" + "\n".join(missing)
    assert not stale, "Matrix entries for routes that no longer exist:\n" + "\n".join(stale)


def test_prefix_rules_cover_real_url_trees():
    """The admin trees covered by a prefix rule exist, and every pattern under them is covered
    by that rule only."""
    patterns = [p for p, _ in _walk(get_resolver())]
    for prefix in matrix.PREFIX_RULES:
        assert any(p.startswith(prefix) for p in patterns), prefix


def _url(entry, scope, world):
    kwargs = {k: matrix.resolve(spec, scope, world) for k, spec in entry.kwargs.items()}
    if entry.url is not None:
        return entry.url(world, scope)
    try:
        url = reverse(entry.route, kwargs=kwargs)
    except NoReverseMatch as exc:  # pragma: no cover - a broken entry
        raise AssertionError(f"{entry.route}: cannot build its URL ({exc})") from exc
    return url + (f"?{entry.query(world)}" if entry.query else "")


def _body(entry, scope, world):
    return entry.make_body(world, scope) if entry.make_body else entry.body


def _request(client, method, url, body, *, api=True):
    saved = {key: morsel.value for key, morsel in client.cookies.items()}
    with transaction.atomic():
        if method == "GET":
            response = client.get(url)
        elif not api:
            response = client.post(url, data=body)  # a form, as the page's browser sends it
        else:
            response = getattr(client, method.lower())(
                url, data=body, content_type="application/json"
            )
        transaction.set_rollback(True)
    # Signing out ends the session; the next request of this role must still be signed in.
    client.cookies.clear()
    for key, value in saved.items():
        client.cookies[key] = value
    return response


def outcome_of(response, *, api: bool) -> str:
    code = response.status_code
    location = re.sub(r"^/(en|az)/", "/", response.get("Location", ""))
    if code >= 500:
        return f"error {code}"
    if code in (301, 302, 303, 307, 308) and (
        location.startswith((SIGN_IN, "/admin/login/", "/django-admin/login/"))
    ):
        return matrix.LOGIN
    if code == 404:
        return matrix.HIDDEN
    if code in (401, 403):
        return matrix.DENY
    return matrix.OK


def _expected_matches(expected, got, role, api):
    if expected == matrix.LOGIN and role == ANONYMOUS and api:
        # The API answers an anonymous caller 401 or 403 (never a page redirect).
        return got == matrix.DENY
    return expected == got


CASES = [
    pytest.param(entry, method, id=f"{entry.route} {method}")
    for entry in matrix.MATRIX
    for method in entry.methods
]


@pytest.mark.parametrize(("entry", "method"), CASES)
def test_route_answers_each_role_as_the_matrix_says(world, entry, method):
    """DOMAIN.md §1: every route × every role (and anonymous) gives its expected class."""
    url = _url(entry, world.own, world)
    failures = []
    body = _body(entry, world.own, world)
    for role in entry.roles:
        expected = entry.methods[method][role]
        response = _request(world.clients[role], method, url, body, api=entry.api)
        got = outcome_of(response, api=entry.api)
        if not _expected_matches(expected, got, role, entry.api):
            failures.append(
                f"{entry.route} {method} {url} × {role}: expected {expected}, "
                f"got {got} ({response.status_code} {response.get('Location', '')})"
            )
    assert not failures, "\n".join(failures)


ISOLATION = [
    pytest.param(entry, method, id=f"{entry.route} {method}")
    for entry in matrix.MATRIX
    for method in entry.methods
    if entry.scoped
]


@pytest.mark.parametrize(("entry", "method"), ISOLATION)
def test_objects_of_another_scope_look_missing(world, entry, method):
    """DOMAIN.md §1 object-level rule, NOT-7, AUD-3: a role allowed on its own object gets
    404 — never 403 — for the same route on another office's, board's, filer's, recipient's,
    legal person's or Association's object."""
    url = _url(entry, world.other, world)
    body = _body(entry, world.other, world)
    failures = []
    for role in entry.roles:
        if entry.methods[method][role] != matrix.OK or role in entry.sees_all:
            continue
        response = _request(world.clients[role], method, url, body, api=entry.api)
        if response.status_code != 404:
            failures.append(
                f"{entry.route} {method} {url} × {role}: expected 404 for another scope's "
                f"object, got {response.status_code}"
            )
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("prefix", list(matrix.PREFIX_RULES))
def test_admin_trees_follow_their_prefix_rule(world, prefix):
    """Wagtail's admin and Django's admin: anonymous is sent to sign in; a role without
    admin access never gets in."""
    rule = matrix.PREFIX_RULES[prefix]
    failures = []
    for role in ROLES:
        response = _request(world.clients[role], "GET", rule.probe, None)
        got = outcome_of(response, api=False)
        expected = rule.expect[role]
        if got != expected:
            failures.append(
                f"{rule.probe} × {role}: expected {expected}, got {got} "
                f"({response.status_code} {response.get('Location', '')})"
            )
    assert not failures, "\n".join(failures)
