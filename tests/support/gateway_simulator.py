"""A card gateway on loopback that speaks the redirect-and-verify protocol
(core.payments.redirect), with its failure modes, for the tests.

The payer's page `GET /pay/<token>?outcome=pay|cancel` marks the payment paid (the money is
held) or cancelled and answers 302 to the callback URL with token, status, reference and
amount, as a gateway sends the payer back. A test follows that redirect into the site (once,
or twice for a double callback).

Failure modes, set on `simulator.mode` (a test changes them between calls):

- `verify_delay`: seconds verify sleeps before answering (longer than the client's read
  timeout: the answer is lost); with `verify_before_delay` the gateway verifies first (the
  money is taken, only the answer is lost), otherwise it verifies nothing;
- `verify_refuse`: verify answers refused with this code;
- `verify_amount`: verify says it took this amount (a gateway that took the wrong sum);
- `auto_reverse`: the gateway has already given back held money never verified (as banks do
  after a while): inquiry says reversed and verify refuses.

`charges(reference)` counts the money taken; `reversals(reference)` the money given back;
`calls[path]` each endpoint's calls.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

MERCHANT_ID = "daftar-test-merchant"


@dataclass
class Sale:
    reference: str
    amount: int
    callback_url: str
    token: str
    state: str = "pending"  # pending | paid | cancelled | verified | reversed
    receipt: str = ""
    trace: str = ""


@dataclass
class Mode:
    verify_delay: float = 0.0
    verify_before_delay: bool = False
    verify_refuse: str = ""
    verify_amount: int | None = None
    auto_reverse: bool = False


@dataclass
class GatewaySimulator:
    sales: dict[str, Sale] = field(default_factory=dict)  # by token
    mode: Mode = field(default_factory=Mode)
    calls: Counter = field(default_factory=Counter)
    taken: Counter = field(default_factory=Counter)
    given_back: Counter = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)
    base_url: str = ""

    # --- what the tests read ---------------------------------------------------------------
    def charges(self, reference: str) -> int:
        return self.taken[reference]

    def reversals(self, reference: str) -> int:
        return self.given_back[reference]

    def sale(self, reference: str) -> Sale | None:
        return next((s for s in self.sales.values() if s.reference == reference), None)

    # --- the protocol ----------------------------------------------------------------------
    def request(self, body: dict) -> dict:
        reference, amount = str(body.get("reference", "")), body.get("amount")
        if not reference or not isinstance(amount, int) or amount <= 0:
            return {"status": "error", "code": "bad_request"}
        known = self.sale(reference)
        if known is not None:
            return {"status": "ok", "token": known.token}  # the reference is the key
        token = secrets.token_hex(16)
        self.sales[token] = Sale(reference, amount, str(body.get("callback_url", "")), token)
        return {"status": "ok", "token": token}

    def pay(self, token: str, outcome: str) -> Sale | None:
        sale = self.sales.get(token)
        if sale is None:
            return None
        if sale.state == "pending":
            sale.state = "paid" if outcome == "pay" else "cancelled"
        return sale

    def _answer(self, sale: Sale, status: str) -> dict:
        amount = sale.amount if self.mode.verify_amount is None else self.mode.verify_amount
        return {"status": status, "receipt": sale.receipt, "trace": sale.trace, "amount": amount}

    def _take(self, sale: Sale) -> None:
        sale.state = "verified"
        sale.receipt = f"{secrets.randbelow(900_000_000) + 100_000_000}"
        sale.trace = f"RRN{secrets.randbelow(10**12):012d}"
        self.taken[sale.reference] += 1

    def verify(self, body: dict) -> dict | None:
        sale = self.sales.get(str(body.get("token", "")))
        if sale is None:
            return {"status": "refused", "code": "unknown_token"}
        if self.mode.verify_delay:
            if self.mode.verify_before_delay and sale.state == "paid":
                self._take(sale)
            return None  # the caller sleeps: the answer arrives too late
        if self.mode.verify_refuse:
            return {"status": "refused", "code": self.mode.verify_refuse}
        if body.get("amount") != sale.amount:
            return {"status": "refused", "code": "amount_mismatch"}
        if sale.state == "verified":
            return self._answer(sale, "already_verified")
        if sale.state != "paid" or self.mode.auto_reverse:
            return {"status": "refused", "code": "not_paid"}
        self._take(sale)
        return self._answer(sale, "ok")

    def inquiry(self, body: dict) -> dict:
        sale = self.sale(str(body.get("reference", "")))
        if sale is None:
            return {"status": "unknown"}
        state = sale.state
        if state == "paid" and self.mode.auto_reverse:
            state = "reversed"
        if state == "cancelled":
            state = "failed"
        return {**self._answer(sale, state), "token": sale.token}

    def reverse(self, body: dict) -> dict:
        sale = self.sales.get(str(body.get("token", "")))
        if sale is None:
            return {"status": "refused", "code": "unknown_token"}
        if sale.state == "reversed":
            return {"status": "already_reversed"}
        if sale.state != "verified":
            return {"status": "refused", "code": "not_verified"}
        sale.state = "reversed"
        self.given_back[sale.reference] += 1
        return {"status": "ok"}

    # --- the payer's side, as a browser would follow it ------------------------------------
    def callback_for(self, token: str, outcome: str = "pay") -> str:
        """What the gateway's page sends the payer back to: the callback URL's path and
        query (the site's own test client follows it)."""
        sale = self.pay(token, outcome)
        assert sale is not None, "unknown token"
        query = urlencode(
            {
                "token": sale.token,
                "status": "OK" if sale.state in ("paid", "verified") else "NOK",
                "reference": sale.reference,
                "amount": sale.amount,
            }
        )
        parts = urlsplit(sale.callback_url)
        return f"{parts.path}?{query}"


def _handler(sim: GatewaySimulator):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def _send(self, code: int, body: dict | None = None, headers: dict | None = None):
            data = json.dumps(body).encode() if body is not None else b""
            self.send_response(code)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            parts = urlsplit(self.path)
            if not parts.path.startswith("/pay/"):
                return self._send(404, {"status": "error"})
            token = parts.path.removeprefix("/pay/")
            outcome = parse_qs(parts.query).get("outcome", ["pay"])[0]
            with sim.lock:
                sim.calls["pay"] += 1
                sale = sim.sales.get(token)
                if sale is None:
                    return self._send(404, {"status": "error", "code": "unknown_token"})
                path = sim.callback_for(token, outcome)
            base = urlsplit(sale.callback_url)
            return self._send(302, None, {"Location": f"{base.scheme}://{base.netloc}{path}"})

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            try:
                body = json.loads(self.rfile.read(length) or b"{}")
            except ValueError:
                return self._send(400, {"status": "error", "code": "bad_json"})
            name = self.path.strip("/")
            if body.get("merchant_id") != MERCHANT_ID:
                return self._send(200, {"status": "error", "code": "bad_merchant"})
            with sim.lock:
                sim.calls[name] += 1
                if name == "request":
                    answer = sim.request(body)
                elif name == "verify":
                    answer = sim.verify(body)
                elif name == "inquiry":
                    answer = sim.inquiry(body)
                elif name == "reverse":
                    answer = sim.reverse(body)
                else:
                    return self._send(404, {"status": "error"})
                delay = sim.mode.verify_delay if answer is None else 0
            if answer is None:
                time.sleep(delay)
                answer = {"status": "refused", "code": "too_late"}
            return self._send(200, answer)

    return Handler


class running:
    """`with running() as sim:` a simulator listening on 127.0.0.1 (a free port)."""

    def __enter__(self) -> GatewaySimulator:
        self.sim = GatewaySimulator()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self.sim))
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        host, port = self.server.server_address[:2]
        self.sim.base_url = f"http://{host}:{port}"
        return self.sim

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
