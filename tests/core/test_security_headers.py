"""Security headers on every kind of response: the public site and portal, the API, the API
docs and the admin.

The content security policy keeps injected markup from running script or sending forms
elsewhere — a guard for the two-step sign-in (ID-4) and for what only its recipient may read
(NOT-7). The policy is strict (no inline script) wherever the project writes the pages; the
admins and the API docs, whose front-ends are third-party, get the relaxed policies of
``DAFTAR_CSP_PATH_POLICIES`` and ``core.api.docs``.
"""

import re

import pytest
from django.contrib.staticfiles import finders

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment"):
        assert f"{feature}=()" in permissions


def assert_locked_down(directives):
    """What every policy keeps, strict or relaxed: no plugins, no foreign <base>, forms post
    to this site only."""
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]


def test_public_sign_in_page_has_the_strict_policy(client):
    """ID-4: the sign-in page runs no inline script and cannot be framed."""
    response = client.get("/accounts/signin/")
    assert response.status_code == 200
    assert_common_headers(response)
    assert response["X-Frame-Options"] == "DENY"
    directives = policy(response)
    assert_locked_down(directives)
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["frame-src"] == ["'none'"]
    for name in ("script-src", "style-src"):
        assert directives[name][0] == "'self'"
        assert "'unsafe-inline'" not in directives[name]
        assert "'unsafe-eval'" not in directives[name]
    assert "style-src-attr" not in directives


def test_public_pages_carry_no_inline_script_or_handler(client):
    """Every script on the site's own pages is a file from this site: no inline <script>, no
    on* handler attribute (the strict policy would block them)."""
    html = client.get("/accounts/signin/").content.decode()
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert not re.search(r"\son[a-z]+=", html)
    assert not re.search(r"\sstyle=", html)


def test_a_nonce_is_added_when_a_page_asks_for_one(rf):
    """Inline code that cannot move to a file carries the request's nonce; the header then
    names that nonce (and only then)."""
    from django.http import HttpResponse

    from core.security import SecurityHeadersMiddleware

    def view(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}">1</script>')

    request = rf.get("/accounts/signin/")
    response = SecurityHeadersMiddleware(view)(request)
    nonce = re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)
    assert f"'nonce-{nonce}'" in policy(response)["script-src"]

    response = SecurityHeadersMiddleware(lambda r: HttpResponse("no script"))(rf.get("/"))
    assert not any(v.startswith("'nonce-") for v in policy(response)["script-src"])


def test_api_responses_have_the_strict_policy(auth_api):
    """The API answers with the same headers; only the API browser's inline style attributes
    are allowed on top."""
    response = auth_api.get("/api/v1/accounts/me/")
    assert response.status_code == 200
    assert_common_headers(response)
    directives = policy(response)
    assert_locked_down(directives)
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["style-src-attr"] == ["'unsafe-inline'"]


def test_api_error_responses_have_the_headers(api):
    response = api.get("/api/v1/accounts/me/")
    assert response.status_code in (401, 403)
    assert_common_headers(response)
    assert_locked_down(policy(response))


def test_admin_has_the_relaxed_policy_and_nothing_more(client):
    """The Wagtail admin renders inline scripts and previews pages in a same-origin frame: it
    gets 'unsafe-inline' and frame-ancestors 'self', but keeps the rest locked down."""
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert_common_headers(response)
    directives = policy(response)
    assert_locked_down(directives)
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["frame-src"] == ["'self'"]
    assert "'unsafe-eval'" not in directives["script-src"]


def test_django_admin_has_the_relaxed_policy(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.get("/django-admin/")
    assert response.status_code == 200
    assert_locked_down(policy(response))
    assert policy(response)["frame-ancestors"] == ["'self'"]


def assert_served_from_the_site(html: str):
    """Every file the page loads is the site's own (a path, no origin)."""
    urls = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html)
    assert urls
    for url in urls:
        assert url.startswith("/") and not url.startswith("//"), url
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag, tag


def assert_no_other_origin(directives: dict):
    allowed = {"'self'", "'none'", "'unsafe-inline'", "data:", "blob:"}
    for name, sources in directives.items():
        if name != "report-uri":
            assert set(sources) <= allowed, (name, sources)


@pytest.mark.parametrize(
    ("url", "bundle"),
    [
        ("/api/docs/", "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js"),
        ("/api/redoc/", "drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js"),
    ],
)
def test_api_docs_load_from_the_site_with_no_inline_script(client, url, bundle):
    """The Swagger UI (/api/docs/) and ReDoc (/api/redoc/) load from the site's static files
    (drf-spectacular-sidecar), ReDoc without drf-spectacular's third-party web fonts: no
    request leaves the site, the policy allows no other origin, and script-src needs no
    'unsafe-inline' (the Swagger UI's start-up script is a file, ReDoc starts from its
    element)."""
    response = client.get(url)
    assert response.status_code == 200
    directives = policy(response)
    assert_locked_down(directives)
    assert directives["script-src"] == ["'self'"]
    assert_no_other_origin(directives)
    html = response.content.decode()
    assert_served_from_the_site(html)
    assert f"/static/{bundle}" in html
    assert finders.find(bundle)


def test_the_docs_start_from_the_sites_own_script_and_schema(client):
    script = client.get("/api/docs/?script")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "https://" not in script.content.decode()
    assert 'spec-url="/api/schema/"' in client.get("/api/redoc/").content.decode()


def test_object_storage_host_is_allowed_for_images(settings, client):
    """With uploads in object storage, images (CMS renditions) come from the storage's host by
    signed URL: that origin, and only it, is added to img-src."""
    from core import security

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.InMemoryStorage",
            "OPTIONS": {"base_url": "https://files.daftar.example/media/"},
        },
    }
    assert security.storage_origin() == "https://files.daftar.example"
    directives = policy(client.get("/accounts/signin/"))
    assert directives["img-src"] == ["'self'", "data:", "https://files.daftar.example"]
