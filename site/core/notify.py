"""Message a user in their own language: one place picks the language and the channels.

`notify(user, purpose=…, body=lambda: _("…"), subject=lambda: _("…"))` builds the texts
with the user's preferred language active (the site's default when they have none), then
queues an SMS to their mobile and, when a subject is given and they have an e-mail address,
an e-mail (`core.messaging`: written to the outbox, delivered after commit). The texts are
callables so that they are translated in the reader's language, not the actor's.

`to` and `email_to` replace the account's mobile and address (a legal person's registered
contacts, a number being verified); with no account (`user=None`) the texts are in the site's
language and the outbox rows name nobody.
"""

from django.conf import settings
from django.utils import translation

from core.messaging import send_email, send_sms


def language_of(user) -> str:
    return getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE


def in_language_of(user, build):
    """`build()` evaluated (and made a string) with `user`'s language active."""
    with translation.override(language_of(user)):
        return str(build())


def in_language_of_raw(user, build):
    """`build()` evaluated with `user`'s language active, as it is (not made a string)."""
    with translation.override(language_of(user)):
        return build()


def notify(
    user,
    *,
    purpose: str,
    body,
    subject=None,
    sms: bool = True,
    email: bool = True,
    to=None,
    email_to=None,
    secret=None,
    attachment=None,
):
    """Queue the SMS (and e-mail) for `user`; returns the outbox rows queued. `attachment`
    (a callable, evaluated in the reader's language, returning (name, text, MIME type)) goes
    with the e-mail only."""
    if user is None and not (to or email_to):
        return []
    sent = []
    text = in_language_of(user, body)
    mobile = to or getattr(user, "mobile", "")
    address = email_to or getattr(user, "email", "")
    if sms and mobile:
        sent.append(send_sms(to=str(mobile), body=text, purpose=purpose, user=user, secret=secret))
    if email and subject is not None and address:
        sent.append(
            send_email(
                to=address,
                subject=in_language_of(user, subject),
                body=text,
                purpose=purpose,
                user=user,
                secret=secret,
                attachment=None if attachment is None else in_language_of_raw(user, attachment),
            )
        )
    return sent
