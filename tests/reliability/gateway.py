"""A test SMS gateway that records every hand-over in a file and can be made to hang.

It behaves like a provider that honours idempotency keys: the message id is the key, a key it
has already accepted is answered with the same reference and delivered no second time
(recorded as `replay`). Lines: `call <id>` (the worker reached the gateway), `delivered <id>`
(the gateway accepted and delivered), `replay <id>`.

While the file `<log>.hang` exists, a message whose purpose is `test.hang_in_call` hangs before
the gateway accepts it, and one whose purpose is `test.hang_after_accept` hangs after, so a
test can kill the worker at either moment.
"""

import os
import time
from pathlib import Path

from core.messaging.backends import BaseSMSBackend


def _log() -> Path:
    return Path(os.environ["DAFTAR_TEST_GATEWAY_LOG"])


def lines() -> list[str]:
    path = _log()
    return path.read_text().splitlines() if path.exists() else []


def _record(line: str) -> None:
    with _log().open("a") as f:
        f.write(line + "\n")
        f.flush()
        os.fsync(f.fileno())


def _hang_if(purpose: str, message) -> None:
    if message.purpose == purpose and Path(f"{_log()}.hang").exists():
        time.sleep(600)


class RecordingGateway(BaseSMSBackend):
    def send(self, message) -> str:
        key = str(message.pk)
        _record(f"call {key}")
        _hang_if("test.hang_in_call", message)
        if f"delivered {key}" in lines():
            _record(f"replay {key}")
        else:
            _record(f"delivered {key}")
        _hang_if("test.hang_after_accept", message)
        return f"gateway:{key}"
