"""A request's id, on every log line it causes — its own and those of the jobs it enqueues.

`RequestIdMiddleware` takes the proxy's `X-Request-ID` (nginx: `$request_id`) when it is a
plain token, or makes one, and answers with it in the same header. `current()` reads it
anywhere in the request; a job receives it as an argument and runs under `bound(id)`.
`RequestIdFilter` puts it on each log record (`%(request_id)s`, and the JSON logs' field).
"""

from __future__ import annotations

import contextlib
import logging
import re
import uuid
from contextvars import ContextVar

HEADER = "X-Request-ID"
_ACCEPTED = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_current: ContextVar[str] = ContextVar("daftar_request_id", default="")


def current() -> str:
    return _current.get()


@contextlib.contextmanager
def bound(request_id: str):
    token = _current.set(request_id or "")
    try:
        yield
    finally:
        _current.reset(token)


def accepted(value: str | None) -> str:
    """The proxy's id when it is a plain token (never a log-injection vector), else a new one."""
    if value and _ACCEPTED.match(value):
        return value
    return uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = accepted(request.headers.get(HEADER))
        request.request_id = request_id
        with bound(request_id):
            response = self.get_response(request)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            record.request_id = current() or "-"
        return True
