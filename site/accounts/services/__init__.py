"""Every write on accounts (ID-1 … ID-14), one module per flow; `services.<name>` reaches each.

The rules every flow keeps are in `accounts.services.common`.
"""

from accounts.services.common import (
    CHALLENGE_EXPIRED,
    INVALID_CODE,
    INVALID_CREDENTIALS,
    INVALID_RECOVERY_CODES,
    format_expiry,
    mask_mobile,
    normalize_code,
    normalize_national_id,
)
from accounts.services.identity import (
    identity_register_in_person,
    identity_verify_in_person,
    identity_verify_remote,
)
from accounts.services.legal_persons import representation_grant, representation_revoke
from accounts.services.own_account import (
    email_change_confirm,
    email_change_request,
    mobile_change_confirm,
    mobile_change_request,
    password_change,
    profile_update,
)
from accounts.services.recovery import recovery_confirm, recovery_start
from accounts.services.registration import (
    RegistrationStarted,
    register_resend,
    register_start,
    register_verify,
    register_verify_email,
)
from accounts.services.signin import (
    SignedIn,
    SignInStarted,
    signin_resend,
    signin_start,
    signin_verify,
)
from accounts.services.staff import user_disable, user_enable
from accounts.services.tokens import (
    api_token_issue,
    api_token_revoke,
    end_other_sessions,
    token_revoke,
    tokens_of,
)

__all__ = [
    "CHALLENGE_EXPIRED",
    "INVALID_CODE",
    "INVALID_CREDENTIALS",
    "INVALID_RECOVERY_CODES",
    "RegistrationStarted",
    "SignInStarted",
    "SignedIn",
    "api_token_issue",
    "api_token_revoke",
    "email_change_confirm",
    "email_change_request",
    "end_other_sessions",
    "format_expiry",
    "identity_register_in_person",
    "identity_verify_in_person",
    "identity_verify_remote",
    "mask_mobile",
    "mobile_change_confirm",
    "mobile_change_request",
    "normalize_code",
    "normalize_national_id",
    "password_change",
    "profile_update",
    "recovery_confirm",
    "recovery_start",
    "register_resend",
    "register_start",
    "register_verify",
    "register_verify_email",
    "representation_grant",
    "representation_revoke",
    "signin_resend",
    "signin_start",
    "signin_verify",
    "token_revoke",
    "tokens_of",
    "user_disable",
    "user_enable",
]
