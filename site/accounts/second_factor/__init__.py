"""Staff sign in with a second factor that is not SMS (ID-13): an authenticator app (TOTP),
a passkey (WebAuthn), and recovery codes for when neither is at hand. Also the one rule on
who may change whose account and roles (ranks)."""
