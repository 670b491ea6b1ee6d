"""Lock-outs that protect the owner, not the attacker, and caps on messages (ID-11).

Failures are counted on three keys (`keys(national_id, source)`):

* the (national ID, source) **pair** — only this one is ever locked, with a delay that
  grows at each further failure (`core.lockout`, `SCOPE_DELAYS`): a stranger's guesses from
  their own address never delay the owner at theirs;
* the **source** address and the **national ID** on their own — never locked, since that
  would lock everyone behind one address, or let strangers lock the owner out; past
  `CHALLENGE_AFTER` failures their requests need a **proof of work** instead.

The proof of work follows ALTCHA's open protocol, self-hosted (no third party): the server
gives `{algorithm, challenge, salt, signature, maxnumber}` where `challenge` is
SHA-256(salt + n) for a secret n ≤ maxnumber and `signature` its HMAC; the client finds n
and sends back base64(JSON{algorithm, challenge, number, salt, signature}) as `proof`.
The salt carries an expiry, and each solution is accepted once. The pages solve it with a
few lines of JavaScript (`static/accounts/proof.js`); an API client solves it likewise.

Every path that sends an SMS or e-mail calls `spend_message` first: caps per source, per
mobile and per national ID per hour (`SEND_CAPS`); past a cap nothing is sent and the answer
is 429 `too_many_messages`, the same whether or not an account exists.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import lockout
from core.exceptions import DomainError, Locked
from core.throttling import count_hit

CHALLENGE_MESSAGE = _(
    "Too many failed attempts. Please complete the automatic check (it runs in your browser) "
    "and try again."
)


class ChallengeRequired(DomainError):
    status_code = 429
    default_code = "challenge_required"
    default_message = CHALLENGE_MESSAGE


def _conf(name):
    return settings.ACCOUNTS[name]


def keys(national_id: str, source: str | None) -> list[lockout.Key]:
    """The pair first (the one that is reset when the owner succeeds), then the others."""
    national_id = national_id or "-"
    found = [lockout.Key("pair", f"{national_id}|{source or '-'}")]
    found.append(lockout.Key("account", national_id))
    if source:
        found.append(lockout.Key("source", source))
    return found


def challenge_needed(found: list[lockout.Key]) -> bool:
    counts = lockout.failures([k for k in found if k.scope in ("source", "account")])
    after = _conf("CHALLENGE_AFTER")
    return any(counts.get(scope, 0) >= limit for scope, limit in after.items())


def before_attempt(found: list[lockout.Key], proof: str = "", *, challenge=True) -> None:
    """Refuse while the pair is delayed (429 `locked`), or without a valid proof of work
    once the source or the national ID has failed too often (429 `challenge_required`).
    A signed-in owner's own flows (`challenge=False`) are never asked for one."""
    lockout.ensure_not_locked([k for k in found if k.scope == "pair"])
    if challenge and challenge_needed(found) and not verify_proof(proof):
        raise ChallengeRequired(fields={"proof": [CHALLENGE_MESSAGE]})


def succeeded(found: list[lockout.Key]) -> None:
    """The owner proved the password or code: their pair starts afresh, and so does the
    national ID's own count (the owner is not asked for a challenge for strangers' guesses
    they have already outlived)."""
    lockout.reset([k for k in found if k.scope in ("pair", "account")])


# --- proof of work (ALTCHA protocol) ---------------------------------------------------------


def _sign(text: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), text.encode(), hashlib.sha256).hexdigest()


def new_challenge() -> dict:
    expires = int((timezone.now() + _conf("CHALLENGE_VALIDITY")).timestamp())
    salt = f"{secrets.token_hex(12)}?expires={expires}"
    number = secrets.randbelow(_conf("CHALLENGE_MAX_NUMBER") + 1)
    challenge = hashlib.sha256(f"{salt}{number}".encode()).hexdigest()
    return {
        "algorithm": "SHA-256",
        "challenge": challenge,
        "maxnumber": _conf("CHALLENGE_MAX_NUMBER"),
        "salt": salt,
        "signature": _sign(challenge),
    }


def solve(challenge: dict) -> str:
    """What a client does (used by tests and scripts): find the number, build the proof."""
    for number in range(int(challenge["maxnumber"]) + 1):
        digest = hashlib.sha256(f"{challenge['salt']}{number}".encode()).hexdigest()
        if digest == challenge["challenge"]:
            payload = {**challenge, "number": number}
            payload.pop("maxnumber", None)
            return base64.b64encode(json.dumps(payload).encode()).decode()
    raise ValueError("no solution")


def verify_proof(proof: str) -> bool:
    try:
        data = json.loads(base64.b64decode(str(proof or ""), validate=True))
        salt, challenge, number = str(data["salt"]), str(data["challenge"]), int(data["number"])
        signature = str(data["signature"])
        expires = int(salt.rsplit("?expires=", 1)[1])
    except (ValueError, KeyError, TypeError, IndexError):
        return False
    if data.get("algorithm") != "SHA-256" or expires < timezone.now().timestamp():
        return False
    if not hmac.compare_digest(_sign(challenge), signature):
        return False
    if hashlib.sha256(f"{salt}{number}".encode()).hexdigest() != challenge:
        return False
    # Each solution once: the first use counts 1 in the window of its expiry.
    used = lockout.Key("proof", challenge).hashed
    return count_hit(used, expires) == 1


# --- caps on messages --------------------------------------------------------------------------


def spend_message(*, source=None, mobile=None, national_id=None) -> None:
    """Count one message request on each given key; refuse (sending nothing) past a cap."""
    caps, window = _conf("SEND_CAPS"), int(_conf("SEND_CAP_WINDOW"))
    now = time.time()
    start = int(now // window) * window
    over = False
    for scope, value in (("source", source), ("mobile", mobile), ("national_id", national_id)):
        if (
            value
            and count_hit(lockout.Key(f"send.{scope}", str(value)).hashed, start) > caps[scope]
        ):
            over = True
    if over:
        raise Locked(
            _("Too many messages were asked for. Please try again later."),
            code="too_many_messages",
            retry_after=start + window - now,
        )
