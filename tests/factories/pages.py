"""What a person reads on a page: its main text, and the Latin digits and English words in it
(for the Persian pages' checks, CMS-5)."""

import re
from html import unescape

# Names and codes that are written in Latin letters in Persian text too.
ALLOWED = {"PDF", "JPEG", "JPG", "ADOC", "EDOC", "SHA", "OTP", "IBAN", "SMS", "OPENSTREETMAP"}
HIDDEN = re.compile(
    r"<(script|style|code|svg|template)\b.*?</\1>|<[^>]+>|&[a-z]+;", re.DOTALL | re.IGNORECASE
)


def visible_text(html: str) -> str:
    main = html.split("<main", 1)[-1].split("</main>", 1)[0]
    main = main.split(">", 1)[-1]
    return unescape(HIDDEN.sub(" ", main))


def latin(text: str, names=()) -> list[str]:
    """The Latin digits (with their context) and English words of `text`, once the proper
    `names` (people's names as they registered them) are taken out."""
    for name in names:
        text = text.replace(name, " ")
    found = [m.group(0) for m in re.finditer(r".{0,15}[0-9].{0,15}", text)]
    found += [
        w
        for w in re.findall(r"[A-Za-z][A-Za-z\-]{2,}", text)
        if w.upper() not in ALLOWED and w.strip("-").upper() not in ALLOWED
    ]
    return found


def people_names() -> list[str]:
    """Every account's names, as registered: proper names, written in their own letters."""
    from accounts.models import User

    names = []
    for user in User.objects.all():
        names += [user.get_full_name(), user.first_name, user.last_name, str(user)]
    return sorted({n for n in names if n}, key=len, reverse=True)
