"""The redirect-and-verify protocol of Iranian card gateways (Shaparak-style), over HTTP.

Every call is a JSON POST carrying the merchant id; amounts are whole rials.

1. `POST <base>/request` {merchant_id, reference, amount, callback_url, description}
   → {"status": "ok", "token"} — or {"status": "error", "code", "message"}. The reference is
   the idempotency key: asking again for the same reference answers the same token.
2. The payer is sent to `<base>/pay/<token>`, pays (or cancels) there, and the gateway sends
   them back to the callback URL with `token`, `status` (OK | NOK), `reference` and `amount`
   (a GET or a form POST). Nothing in the callback is trusted: it only says whom to ask.
3. `POST <base>/verify` {merchant_id, token, amount} → {"status": "ok", "receipt", "trace",
   "amount"}, or "already_verified" with the same fields (verify is idempotent), or
   {"status": "refused", "code"} (not paid, cancelled, amount mismatch, unknown token,
   expired). Until verified, the money is only held: the gateway gives it back by itself
   after a while.
4. `POST <base>/inquiry` {merchant_id, reference} → {"status": "pending" | "paid" (held,
   not verified) | "verified" | "failed" | "reversed" | "unknown", "token", "receipt",
   "trace", "amount"}: what became of a payment whose answer was lost.
5. `POST <base>/reverse` {merchant_id, token} → {"status": "ok" | "already_reversed"} or
   {"status": "refused", "code"}: the money of a verified payment goes back to the payer.

Settings: `PAYMENT_REDIRECT` (BASE_URL, MERCHANT_ID, CONNECT_TIMEOUT, READ_TIMEOUT; see
daftar/settings/domain.py and docs/deploy.md).
"""

from __future__ import annotations

import requests
from django.conf import settings

from core.payments import Gateway, GatewayError, GatewayResult, GatewayTimeout, Redirect, log

# The inquiry's answers in the interface's words; "paid" is held money still to verify.
INQUIRY = {
    "pending": "pending",
    "paid": "authorised",
    "verified": "succeeded",
    "failed": "failed",
    "reversed": "failed",
    "unknown": "failed",
}


class RedirectGateway(Gateway):
    name = "redirect"
    redirects = True

    def __init__(self, config: dict | None = None):
        config = {**settings.PAYMENT_REDIRECT, **(config or {})}
        self.base_url = str(config["BASE_URL"]).rstrip("/")
        self.merchant_id = str(config["MERCHANT_ID"])
        self.timeout = (float(config["CONNECT_TIMEOUT"]), float(config["READ_TIMEOUT"]))

    def _post(self, path: str, reference: str, body: dict, *, unknown_on_failure: bool) -> dict:
        """One call. A lost answer is a timeout; a call that never reached the gateway is an
        error. Where the outcome matters (verify, reverse), a server error counts as a lost
        answer, not as a refusal."""
        url = f"{self.base_url}/{path}"
        try:
            response = requests.post(
                url, json={"merchant_id": self.merchant_id, **body}, timeout=self.timeout
            )
        except requests.ConnectTimeout as exc:
            log(f"{path}.unreachable", reference, error=type(exc).__name__)
            raise GatewayError("gateway unreachable") from exc
        except requests.Timeout as exc:
            log(f"{path}.timeout", reference)
            raise GatewayTimeout() from exc
        except requests.RequestException as exc:
            log(f"{path}.unreachable", reference, error=type(exc).__name__)
            raise GatewayError("gateway unreachable") from exc
        if response.status_code >= 500:
            log(f"{path}.server_error", reference, http_status=response.status_code)
            if unknown_on_failure:
                raise GatewayTimeout()
            raise GatewayError(f"gateway answered {response.status_code}")
        try:
            answer = response.json()
        except ValueError as exc:
            log(f"{path}.bad_answer", reference, http_status=response.status_code)
            if unknown_on_failure:
                raise GatewayTimeout() from exc
            raise GatewayError("gateway answered no JSON") from exc
        if not isinstance(answer, dict):
            raise GatewayTimeout() if unknown_on_failure else GatewayError("bad answer")
        log(f"{path}.answer", reference, gateway_status=str(answer.get("status", "")))
        return answer

    def start(self, *, reference, amount_minor, callback_url, description=""):
        body = {
            "reference": reference,
            "amount": int(amount_minor),
            "callback_url": callback_url,
            "description": description,
        }
        answer = self._post("request", reference, body, unknown_on_failure=False)
        token = str(answer.get("token") or "")
        if answer.get("status") != "ok" or not token:
            raise GatewayError(str(answer.get("message") or answer.get("code") or "refused"))
        return Redirect(token=token, url=self.page_url(token))

    def page_url(self, token):
        return f"{self.base_url}/pay/{token}"

    @staticmethod
    def _result(  # nosec B107: the token is the gateway's payment token, not a password
        status: str, answer: dict, token: str = "", message: str = ""
    ) -> GatewayResult:
        amount = answer.get("amount")
        return GatewayResult(
            status,
            transaction_id=str(answer.get("trace") or "")[:64],
            receipt_number=str(answer.get("receipt") or ""),
            message=message or str(answer.get("code") or answer.get("message") or "")[:255],
            amount=int(amount) if isinstance(amount, int) else None,
            token=token or str(answer.get("token") or ""),
        )

    def verify(self, *, reference, token, amount_minor):
        body = {"token": token, "amount": int(amount_minor)}
        answer = self._post("verify", reference, body, unknown_on_failure=True)
        if answer.get("status") in ("ok", "already_verified"):
            return self._result("succeeded", answer, token)
        if answer.get("status") == "refused":
            return self._result("failed", answer, token)
        raise GatewayTimeout()  # an answer the protocol does not know: the outcome is unknown

    def status(self, *, reference):
        answer = self._post("inquiry", reference, {"reference": reference}, unknown_on_failure=True)
        status = INQUIRY.get(str(answer.get("status")))
        if status is None:
            raise GatewayTimeout()
        return self._result(status, answer, message=str(answer.get("status")))

    def reverse(self, *, reference, token=""):
        answer = self._post("reverse", reference, {"token": token}, unknown_on_failure=True)
        return answer.get("status") in ("ok", "already_reversed")

    def charge(self, **kwargs):
        raise GatewayError("a redirect gateway takes payments through its own page")
