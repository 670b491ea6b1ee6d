"""The API shell: schema, docs, one error shape, JSON 404s."""

import pytest
import yaml

pytestmark = pytest.mark.django_db


def test_schema_is_served_and_documents_errors(api):
    response = api.get("/api/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    operations = [
        (path, method, op)
        for path, item in schema["paths"].items()
        for method, op in item.items()
        if method in {"get", "post", "put", "patch", "delete"}
    ]
    assert operations
    for path, method, op in operations:
        assert {"400", "404", "429"} <= set(op["responses"]), (path, method)
        assert "Error" in str(op["responses"]["404"]), (path, method)
    assert all(path.startswith("/api/v1/") for path in schema["paths"])


def test_schema_is_valid_openapi():
    from django.core.management import call_command

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null")


def test_docs_page_is_served(api):
    assert api.get("/api/docs/").status_code == 200


def test_unknown_api_path_answers_json_404(client):
    response = client.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response.json() == {
        "code": "not_found",
        "message": response.json()["message"],
        "fields": {},
    }


def test_errors_share_one_shape(api):
    response = api.get("/api/v1/audit/timeline/accounts.user/1/")
    assert response.status_code in (401, 403)
    body = response.json()
    assert set(body) == {"code", "message", "fields"}
