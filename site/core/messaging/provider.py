"""The SMS provider's REST protocol (Kavenegar's, which other Iranian providers copy).

    POST {base}/v1/{api_key}/sms/send.json      receptor, message, sender, localid
    GET  {base}/v1/{api_key}/sms/status.json    messageid=1,2,3

Both answer JSON: ``{"return": {"status": 200, "message": "…"}, "entries": [...]}``; an entry
of send.json carries the provider's ``messageid``, one of status.json its delivery ``status``.

`localid` is our outbox row's id (as a number, `localid_of`): the provider sends a message
once per localid and answers a repeated request with the entry it already has, so a retry
after a timeout (the provider may have taken the message before the answer was lost) never
sends twice.

Failures: a timeout, a refused connection, a 5xx answer or the provider's "try later" statuses
raise `SMSDeliveryError` (the outbox tries again later, with a growing pause); an invalid number,
refused credentials, an empty or too long text raise `PermanentSMSError` (failed at once).

Delivery reports: asked by the `core.sms_delivery_reports` sweep (status.json), or pushed by
the provider to `delivery_callback`.

Settings: ``SMS_PROVIDER`` (BASE_URL, API_KEY, SENDER, TIMEOUT, CALLBACK_SECRET), from the
DAFTAR_SMS_* variables (docs/deploy.md).
"""

from __future__ import annotations

import hmac
import json
import logging
import uuid
from urllib.error import HTTPError, URLError
from urllib.parse import quote, urlencode
from urllib.request import Request, urlopen

from django.conf import settings
from django.http import Http404, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.messaging.backends import (
    BaseSMSBackend,
    DeliveryState,
    PermanentSMSError,
    SMSDeliveryError,
    record_delivery,
)

logger = logging.getLogger(__name__)

OK = 200
# The provider's statuses that may pass: its server busy (409), too many requests (414, 451),
# the account's credit used up until it is topped up (418).
TRY_LATER = {409, 414, 418, 451}
# A message's delivery status (status.json): queued, scheduled, handed to the operator…
_PENDING = {1, 2, 4, 5}
_DELIVERED = {10}
# …failed, not delivered, cancelled, blocked by the recipient.
_UNDELIVERED = {6, 11, 13, 14}
STATUS_BATCH = 100


class KavenegarSMSBackend(BaseSMSBackend):
    reports_delivery = True

    def __init__(self, conf: dict | None = None):
        conf = conf or settings.SMS_PROVIDER
        self.base_url = conf["BASE_URL"].rstrip("/")
        if not self.base_url.startswith(("https://", "http://")):
            raise ValueError("SMS_PROVIDER['BASE_URL'] must be an http(s) address")
        self.api_key = conf.get("API_KEY", "")
        self.sender = conf.get("SENDER", "")
        self.timeout = float(conf.get("TIMEOUT", 10))

    def _url(self, method: str) -> str:
        return f"{self.base_url}/v1/{quote(self.api_key, safe='')}/sms/{method}.json"

    def _call(self, method: str, params: dict, *, post: bool) -> dict:
        url = self._url(method)
        data = urlencode(params).encode()
        # The address is http(s) only (checked above; production's check wants https).
        request = Request(url, data=data) if post else Request(f"{url}?{data.decode()}")  # noqa: S310
        request.add_header("Accept", "application/json")
        try:
            with urlopen(request, timeout=self.timeout) as response:  # noqa: S310  # nosec B310
                raw = response.read()
        except HTTPError as error:  # a 4xx carries the provider's own status in its body
            raw = error.read()
            if error.code >= 500:
                raise SMSDeliveryError(f"provider answered HTTP {error.code}") from None
        except TimeoutError as error:
            raise SMSDeliveryError(f"provider timed out: {error}") from None
        except URLError as error:
            raise SMSDeliveryError(f"provider unreachable: {error.reason}") from None
        try:
            answer = json.loads(raw)
            status = int(answer["return"]["status"])
        except (ValueError, KeyError, TypeError):
            raise SMSDeliveryError("provider answered something that is not its JSON") from None
        if status == OK:
            return answer
        text = str(answer["return"].get("message", ""))[:200]
        if status in TRY_LATER:
            raise SMSDeliveryError(f"provider status {status}: {text}")
        raise PermanentSMSError(f"provider status {status}: {text}")

    def send(self, message) -> str:
        params = {
            "receptor": message.recipient,
            "message": message.body,
            "localid": localid_of(message),
        }
        if self.sender:
            params["sender"] = self.sender
        answer = self._call("send", params, post=True)
        entries = answer.get("entries") or []
        if not entries or "messageid" not in entries[0]:
            raise SMSDeliveryError("provider accepted the request but named no message")
        return str(entries[0]["messageid"])

    def delivery_states(self, references: list[str]) -> dict[str, str]:
        states: dict[str, str] = {}
        for start in range(0, len(references), STATUS_BATCH):
            batch = references[start : start + STATUS_BATCH]
            answer = self._call("status", {"messageid": ",".join(batch)}, post=False)
            for entry in answer.get("entries") or []:
                state = state_of(entry.get("status"))
                if state:
                    states[str(entry.get("messageid"))] = state
        return states


def localid_of(message) -> str:
    """The provider's `localid` of an outbox row: a number (its type at the provider), the
    first 63 bits of the row's UUID, the same on every attempt."""
    return str(uuid.UUID(str(message.pk)).int >> 65)


def state_of(code) -> str | None:
    """The `DeliveryState` of the provider's delivery status code (None: unknown to it)."""
    try:
        code = int(code)
    except (TypeError, ValueError):
        return None
    if code in _DELIVERED:
        return DeliveryState.DELIVERED
    if code in _UNDELIVERED:
        return DeliveryState.UNDELIVERED
    return DeliveryState.PENDING if code in _PENDING else None


@csrf_exempt
@require_POST
def delivery_callback(request, secret: str):
    """The provider's delivery report, pushed to `/sms/delivery/<secret>/` (`messageid`,
    `status`, form-encoded). The secret (DAFTAR_SMS_CALLBACK_SECRET) is the only proof that
    the provider calls: without one configured, or with another, the address does not exist.
    A report is recorded once; a repeated or late one changes nothing."""
    expected = settings.SMS_PROVIDER.get("CALLBACK_SECRET", "")
    if not expected or not hmac.compare_digest(secret.encode(), expected.encode()):
        raise Http404
    reference = str(request.POST.get("messageid", "")).strip()
    state = state_of(request.POST.get("status"))
    changed = 0
    if reference and state in DeliveryState.FINAL:
        changed = record_delivery({reference: state}, now=timezone.now())
    return JsonResponse({"recorded": changed})
