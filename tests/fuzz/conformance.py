"""The fuzzing's response checks for one response of the Django test client, for focused
regression tests in the apps' test folders:

    assert_conforms(response, "GET", "/api/v1/notices/")

fails unless the status code is documented for the operation and the body conforms to the
response schema that the served OpenAPI document (/api/schema/) gives for it.
"""

import functools

import requests
import schemathesis
from django.test import Client


@functools.cache
def served_schema():
    document = Client().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert document.status_code == 200, document.content[:500]
    return schemathesis.openapi.from_dict(document.json())


def assert_conforms(response, method: str, path_template: str) -> None:
    operation = served_schema()[path_template][method]
    request = requests.Request(
        method, f"http://testserver{response.wsgi_request.get_full_path()}"
    ).prepare()
    wrapped = schemathesis.Response(
        status_code=response.status_code,
        headers={name.lower(): [value] for name, value in response.headers.items()},
        content=response.content,
        request=request,
        elapsed=0.0,
        verify=False,
    )
    operation.validate_response(wrapped)
