"""The database going away gives a clean 503 and no partial write.

Mid-request: a hook inside the service terminates the request's own PostgreSQL backend (from a
second connection, `pg_terminate_backend`) after the first writes of its transaction; the next
statement fails, the transaction is lost with the connection, and the caller gets 503 with
Retry-After — JSON `service_unavailable` for the API, a readable page elsewhere. From the
start: a database that refuses connections (wrong port) gives the same 503, not 500.
"""

import json
from contextlib import contextmanager

import psycopg
import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import OperationalError, connection
from django.test import Client, RequestFactory
from django.urls import reverse

from core.models import OutboundMessage, TransitionLog
from tests.factories.clients import client_for

pytestmark = pytest.mark.django_db(transaction=True)


def terminate_this_connection():
    """Kill the backend serving this thread's connection, as a crash or failover would."""
    pid = connection.connection.info.backend_pid
    s = connection.settings_dict
    params = {
        "dbname": s["NAME"],
        "user": s["USER"],
        "password": s["PASSWORD"],
        "host": s["HOST"],
        "port": s["PORT"],
    }
    with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as killer:
        killer.execute("SELECT pg_terminate_backend(%s)", [pid])


def killing_after(original):
    def wrapper(*args, **kwargs):
        result = original(*args, **kwargs)
        terminate_this_connection()
        return result

    return wrapper


def logged(obj) -> int:
    ct = ContentType.objects.get_for_model(obj, for_concrete_model=True)
    return TransitionLog.objects.filter(content_type=ct, object_id=str(obj.pk)).count()


def assert_service_unavailable_json(response):
    assert response.status_code == 503, response.content
    assert response["Retry-After"].isdigit()
    body = json.loads(response.content)
    assert body["code"] == "service_unavailable" and body["message"] and body["fields"] == {}


def assert_service_unavailable_page(response):
    assert response.status_code == 503, response.content[:500]
    assert response["Retry-After"].isdigit()
    assert response["Content-Type"].startswith("text/html")
    assert b"The service is briefly unavailable" in response.content


@pytest.mark.rule("LIC-2")
def test_connection_killed_in_the_middle_of_an_api_write_gives_503_and_nothing_written(
    monkeypatch,
):
    """LIC-2, AUD-1: accepting an application loses its database connection after the status
    change and its log row were written, before the applicant's SMS row: 503 JSON with
    Retry-After; the application is still submitted, with no log row and no SMS queued; the
    same request retried once the database is back succeeds."""
    from licensing import services
    from licensing.services import applications
    from offices.models import StaffRole
    from tests.factories.licensing import CallFactory, licensing_staff
    from tests.factories.offices import qualified_profile

    profile = qualified_profile(StaffRole.MANAGER)
    application = services.application_submit(actor=profile.user, call_id=CallFactory().pk)
    officer = client_for(licensing_staff())
    url = f"/api/v1/licensing/applications/{application.pk}/accept/"
    messages_before = OutboundMessage.objects.count()
    with monkeypatch.context() as patch:
        patch.setattr(
            applications, "apply_transition", killing_after(applications.apply_transition)
        )
        response = officer.post(url, {"reasons": "Meets every condition."})
    assert_service_unavailable_json(response)
    connection.close()
    application.refresh_from_db()
    assert application.status == "submitted"
    assert logged(application) == 0
    assert OutboundMessage.objects.count() == messages_before
    retried = officer.post(url, {"reasons": "Meets every condition."})
    assert retried.status_code == 200 and retried.json()["status"] == "accepted"
    assert logged(application) == 1


@pytest.mark.rule("NOT-4")
def test_connection_killed_in_the_middle_of_a_first_view_gives_a_503_page_and_no_service(
    monkeypatch,
):
    """NOT-4: the recipient's first open of a notice (the page's POST) loses its connection
    after the service transition was written, before the view row: a readable 503 page; the
    notice is neither served nor viewed (no first view time, count 0, no view row, no log
    row), so the moment of service is recorded only by a later, complete first open."""
    from notices.models import NoticeView
    from notices.services import viewing
    from tests.factories import UserFactory
    from tests.factories.notices import NoticeFactory

    recipient = UserFactory()
    notice = NoticeFactory(recipient_user=recipient)
    browser = Client(HTTP_ACCEPT_LANGUAGE="en")
    browser.force_login(recipient)
    url = reverse("notices:notice", args=[notice.pk])
    with monkeypatch.context() as patch:
        patch.setattr(viewing, "apply_transition", killing_after(viewing.apply_transition))
        response = browser.post(url)
    assert_service_unavailable_page(response)
    connection.close()
    notice.refresh_from_db()
    assert notice.first_viewed_at is None and notice.view_count == 0
    assert notice.served_at is None
    assert not NoticeView.objects.filter(notice=notice).exists()
    assert logged(notice) == 0
    assert browser.post(url).status_code == 302
    notice.refresh_from_db()
    assert notice.view_count == 1 and logged(notice) == 1


@contextmanager
def database_refusing_connections():
    """The database is unreachable from the first query: nothing listens on the port."""
    saved = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "1"
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["PORT"] = saved


def test_database_unreachable_from_the_start_gives_503_not_500():
    """A database that refuses connections: the API answers 503 JSON `service_unavailable` with
    Retry-After (signed in or not), site pages answer the readable 503 page in the visitor's
    language (also when the failing query is the session's), never a 500."""
    from tests.factories import UserFactory

    signed_in = client_for(UserFactory())
    browser = Client(HTTP_ACCEPT_LANGUAGE="en", raise_request_exception=False)
    with_session = Client(HTTP_ACCEPT_LANGUAGE="en", raise_request_exception=False)
    with_session.cookies["sessionid"] = "a" * 32
    with database_refusing_connections():
        assert_service_unavailable_json(browser.get("/api/v1/offices/"))
        assert_service_unavailable_json(signed_in.get("/api/v1/notices/"))
        assert_service_unavailable_page(browser.get("/en/"))
        assert_service_unavailable_page(with_session.get("/en/notices/"))
        persian = browser.get("/")
    assert persian.status_code == 503
    assert 'lang="fa"' in persian.content.decode()


def test_a_database_failure_before_the_view_also_gives_503():
    """A connection lost outside any view (in a middleware, e.g. loading the session) reaches
    the 500 handler, which answers 503 for a database that is unavailable."""
    from core.views import server_error

    factory = RequestFactory()
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        api = server_error(factory.get("/api/v1/offices/"))
        page = server_error(factory.get("/en/"))
    assert_service_unavailable_json(api)
    assert_service_unavailable_page(page)
    try:
        raise ValueError("a bug")
    except ValueError:
        assert server_error(factory.get("/api/v1/offices/")).status_code == 500
