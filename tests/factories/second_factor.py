"""Staff second factor in tests (ID-13): a confirmed authenticator with a known key, its
codes, and a signed-in test client whose session that authenticator verified."""

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP

TEST_TOTP_KEY = "3132333435363738393031323334353637383930"  # RFC 6238's test key


def authenticator(user):
    """The user's confirmed authenticator (made on first use)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name="test", defaults={"key": TEST_TOTP_KEY, "confirmed": True}
    )
    return device


def totp_code(device) -> str:
    """A code the device accepts now: the current step's, or the next one's when the current
    step was already used (django-otp accepts each step once, and one step of drift)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if totp.t() <= device.last_t:
        totp.time = totp.time + device.step * (device.last_t + 1 - totp.t())
    return f"{totp.token():0{device.digits}d}"


def verify_session(client, user) -> None:
    """Mark the client's signed-in session as verified by the user's authenticator."""
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = authenticator(user).persistent_id
    session.save()


_original_force_login = Client.force_login


def force_login_verified(self, user, backend=None):
    """`Client.force_login` as the suites use it: a signed-in person, with the second factor
    passed (it changes nothing for people who need none)."""
    _original_force_login(self, user, backend)
    verify_session(self, user)


def api_token(user) -> str:
    """A device token as a full sign-in issues it: for staff, bound to the authenticator that
    verified the sign-in (ID-12, ID-13)."""
    from accounts.second_factor import policy
    from accounts.second_factor.gate import bind_token
    from accounts.services import api_token_issue

    token = api_token_issue(user=user)
    if policy.needs_second_factor(user):
        bind_token(token, authenticator(user))
    return token


def force_login_unverified(client, user, backend=None):
    """A session after the password and SMS steps only (for the gate's own tests)."""
    _original_force_login(client, user, backend)


class SoftwareAuthenticator:
    """A passkey authenticator in software: a P-256 key, attestation "none", assertions signed
    with `cryptography` as a security key would sign them."""

    def __init__(self, rp_id="testserver", origin="http://testserver"):
        import os

        from cryptography.hazmat.primitives.asymmetric import ec

        self.rp_id, self.origin = rp_id, origin
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.credential_id = os.urandom(16)
        self.sign_count = 0

    @staticmethod
    def b64(data: bytes) -> str:
        from base64 import urlsafe_b64encode

        return urlsafe_b64encode(data).rstrip(b"=").decode()

    def _client_data(self, kind, challenge: str) -> bytes:
        import json

        return json.dumps(
            {"type": kind, "challenge": challenge, "origin": self.origin, "crossOrigin": False}
        ).encode()

    def _rp_hash(self) -> bytes:
        import hashlib

        return hashlib.sha256(self.rp_id.encode()).digest()

    def create(self, options: dict) -> dict:
        """The answer to `navigator.credentials.create()` for `options`."""
        import cbor2

        numbers = self.key.public_key().public_numbers()
        cose_key = cbor2.dumps(
            {
                1: 2,
                3: -7,
                -1: 1,
                -2: numbers.x.to_bytes(32, "big"),
                -3: numbers.y.to_bytes(32, "big"),
            }
        )
        auth_data = (
            self._rp_hash()
            + bytes([0x45])  # user present, user verified, attested credential data
            + self.sign_count.to_bytes(4, "big")
            + bytes(16)  # AAGUID
            + len(self.credential_id).to_bytes(2, "big")
            + self.credential_id
            + cose_key
        )
        attestation = cbor2.dumps({"fmt": "none", "attStmt": {}, "authData": auth_data})
        client_data = self._client_data("webauthn.create", options["challenge"])
        return {
            "id": self.b64(self.credential_id),
            "rawId": self.b64(self.credential_id),
            "type": "public-key",
            "clientExtensionResults": {},
            "response": {
                "clientDataJSON": self.b64(client_data),
                "attestationObject": self.b64(attestation),
            },
        }

    def get(self, options: dict) -> dict:
        """The answer to `navigator.credentials.get()` for `options` (a signed assertion)."""
        import hashlib

        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import ec

        self.sign_count += 1
        auth_data = self._rp_hash() + bytes([0x05]) + self.sign_count.to_bytes(4, "big")
        client_data = self._client_data("webauthn.get", options["challenge"])
        signature = self.key.sign(
            auth_data + hashlib.sha256(client_data).digest(), ec.ECDSA(hashes.SHA256())
        )
        return {
            "id": self.b64(self.credential_id),
            "rawId": self.b64(self.credential_id),
            "type": "public-key",
            "clientExtensionResults": {},
            "response": {
                "authenticatorData": self.b64(auth_data),
                "clientDataJSON": self.b64(client_data),
                "signature": self.b64(signature),
            },
        }
