"""Identity assurance (ID-9): what each right needs, and what happens once an account is
verified.

Levels (`accounts.models.Level`): *registered* — the mobile answered a code (ID-2); *verified*
— the civil registry confirmed the national ID, name, birth date and ID-card serial and the
mobile operator confirmed that the mobile belongs to that national ID (`providers`), or an
office's staff saw the ID card (`accounts.services.identity`).

`require_level(user, purpose)` is the one check every app calls before a right that needs a
level; it raises `VerificationRequired` (403, code `verification_required`), whose message
says what is missing and how to get it, on the API and the pages alike.

`when_verified(fn)` registers what other apps do once an account is verified (the notices
app delivers the notices waiting for that national ID): an explicit registry called in the
verification's transaction, not a signal.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from accounts.hooks import run_verified_hooks, when_verified  # noqa: F401 (re-exported)
from accounts.models import Level
from core.exceptions import Forbidden

# The level each right needs (ID-9, APT-1). Booking needs only a proven mobile (seed 001:
# register by mobile and code, then book); everything addressed to a national ID needs a
# verified identity.
LEVEL_NEEDED = {
    "notices": Level.VERIFIED,
    "filing_signature": Level.VERIFIED,
    "case_access": Level.VERIFIED,
    "booking": Level.REGISTERED,
}
_ORDER = [Level.NONE, Level.REGISTERED, Level.VERIFIED]

HOW_TO_VERIFY = _(
    "Verify your identity online from your account (the civil registry checks your details "
    "and your mobile operator confirms that the mobile is yours), or at any e-services "
    "office with your national ID card."
)
HOW_TO_REGISTER = _("Register and confirm your mobile number with the code sent to it.")


class VerificationRequired(Forbidden):
    default_code = "verification_required"
    default_message = _("This needs a verified identity.")

    def __init__(self, message=None, *, needed=Level.VERIFIED, **kwargs):
        how = HOW_TO_VERIFY if needed == Level.VERIFIED else HOW_TO_REGISTER
        kwargs.setdefault("fields", {"identity": [how]})
        super().__init__(message, **kwargs)
        self.needed = needed


MESSAGES = {
    "notices": _("Notices are delivered only to an account with a verified identity."),
    "filing_signature": _("Signing a filing needs a verified identity."),
    "case_access": _("Following a court case needs a verified identity."),
    "booking": _("Booking needs a registered account with a confirmed mobile number."),
}


def level_of(user) -> str:
    if not getattr(user, "is_authenticated", False):
        return Level.NONE
    return user.level


def has_level(user, purpose: str) -> bool:
    return _ORDER.index(level_of(user)) >= _ORDER.index(LEVEL_NEEDED[purpose])


def require_level(user, purpose: str) -> None:
    """Refuse with `verification_required` unless `user` has the level `purpose` needs."""
    if not has_level(user, purpose):
        raise VerificationRequired(MESSAGES[purpose], needed=LEVEL_NEEDED[purpose])
