"""A local SMS provider that speaks the protocol of core.messaging.provider (Kavenegar's), on
loopback in a thread, for tests. Started by the `sms_provider` fixture (tests/conftest.py).

It keeps what a real provider would: one message per `localid` (a repeated request answers
the entry it already has and sends nothing), the messages actually handed to phones
(`delivered_to_phones`), and each message's delivery status, which a test moves on with
`report(messageid, status)`. Faults are queued for the next send requests with `fail_next`:

* ``"timeout"`` — takes the message, then answers after the client has stopped waiting;
* ``"5xx"`` — answers 502 without taking it;
* ``"busy"`` — answers the provider's "try later" status (409) without taking it.

An invalid number answers 411 and a wrong API key 403 (permanent refusals).
"""

from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

MOBILE = re.compile(r"^(\+98|0098|0)?9\d{9}$")
QUEUED, SENT_TO_OPERATOR, DELIVERED, UNDELIVERED = 1, 4, 10, 11


class SMSProviderSimulator:
    def __init__(self, api_key: str = "test-key", sender: str = "10004346", slow_for: float = 1.5):
        self.api_key = api_key
        self.sender = sender
        self.slow_for = slow_for
        self.lock = threading.Lock()
        self.by_localid: dict[str, dict] = {}
        self.statuses: dict[int, int] = {}
        self.delivered_to_phones: list[dict] = []
        self.requests: list[dict] = []
        self.faults: list[str] = []
        self._next_id = 8792340
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # --- the test's side -----------------------------------------------------------------
    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> SMSProviderSimulator:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def fail_next(self, *faults: str) -> None:
        with self.lock:
            self.faults.extend(faults)

    def report(self, messageid, status: int) -> None:
        with self.lock:
            self.statuses[int(messageid)] = status

    def sends(self) -> list[dict]:
        return [r for r in self.requests if r["method"] == "send"]

    # --- the provider's side -------------------------------------------------------------
    def _send(self, params: dict) -> tuple[int, dict, float]:
        with self.lock:
            fault = self.faults.pop(0) if self.faults else ""
            if fault == "5xx":
                return 502, {"error": "bad gateway"}, 0
            if fault == "busy":
                return 409, _answer(409, "server busy, try later"), 0
            receptor = params.get("receptor", "")
            if not MOBILE.match(receptor):
                return 411, _answer(411, "invalid receptor"), 0
            if not params.get("message"):
                return 413, _answer(413, "message empty"), 0
            localid = params.get("localid", "")
            entry = self.by_localid.get(localid) if localid else None
            if entry is None:
                self._next_id += 1
                entry = {
                    "messageid": self._next_id,
                    "message": params["message"],
                    "status": QUEUED,
                    "statustext": "queued",
                    "sender": params.get("sender", self.sender),
                    "receptor": receptor,
                    "date": int(time.time()),
                    "cost": 120,
                }
                if localid:
                    self.by_localid[localid] = entry
                self.statuses[entry["messageid"]] = SENT_TO_OPERATOR
                self.delivered_to_phones.append({"localid": localid, **entry})
        return 200, _answer(200, "confirmed", [entry]), self.slow_for if fault == "timeout" else 0

    def _status(self, params: dict) -> tuple[int, dict, float]:
        entries = []
        with self.lock:
            for raw in params.get("messageid", "").split(","):
                if raw.strip().isdigit():
                    messageid = int(raw)
                    status = self.statuses.get(messageid, 100)
                    entries.append({"messageid": messageid, "status": status, "statustext": ""})
        return 200, _answer(200, "confirmed", entries), 0

    def _handler(self):
        simulator = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def _serve(self, params: dict):
                parts = urlsplit(self.path).path.strip("/").split("/")
                # v1/{api_key}/sms/{method}.json
                if len(parts) != 4 or parts[0] != "v1" or parts[2] != "sms":
                    return self._reply(404, _answer(404, "method not found"))
                method = parts[3].removesuffix(".json")
                simulator.requests.append({"method": method, "params": params, "key": parts[1]})
                if parts[1] != simulator.api_key:
                    return self._reply(403, _answer(403, "invalid API key"))
                if method == "send" and self.command == "POST":
                    code, body, delay = simulator._send(params)
                elif method == "status":
                    code, body, delay = simulator._status(params)
                else:
                    return self._reply(405, _answer(405, "wrong method"))
                if delay:
                    time.sleep(delay)
                self._reply(code, body)

            def _reply(self, code: int, body: dict):
                data = json.dumps(body).encode()
                try:
                    self.send_response(code)
                    self.send_header("Content-Type", "application/json; charset=utf-8")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client stopped waiting
                    pass

            def do_GET(self):
                self._serve(_flat(parse_qs(urlsplit(self.path).query)))

            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length).decode()
                self._serve(_flat(parse_qs(body)))

        return Handler


def _answer(status: int, message: str, entries=None) -> dict:
    return {"return": {"status": status, "message": message}, "entries": entries or []}


def _flat(query: dict) -> dict:
    return {key: values[-1] for key, values in query.items()}
