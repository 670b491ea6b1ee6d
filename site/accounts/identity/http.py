"""Providers that ask a real service: JSON over HTTPS (ID-9).

`HttpCivilRegistry(url=..., token=...)` POSTs `{"national_id", "first_name", "last_name",
"birth_date", "id_card_serial"}` and `HttpMobileOwnership(url=..., token=...)` POSTs
`{"national_id", "mobile"}`; each expects `{"match": true|false}`. A deployment whose
registry speaks another protocol subclasses one of them and overrides `payload`/`answer`.
Any network error, timeout, non-2xx status or malformed answer is `ProviderUnavailable`,
which `providers.call` retries.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request

from accounts.identity.providers import (
    CivilRegistry,
    MobileOwnership,
    Person,
    ProviderUnavailable,
)


class _Http:
    def __init__(self, url: str = "", token: str = "", **options):  # nosec B107 # no default secret
        super().__init__(**options)
        if not url.startswith("https://"):
            raise ValueError("an identity provider's URL must be https://")
        self.url, self.token = url, token

    def post(self, payload: dict, *, timeout: float) -> bool:
        request = urllib.request.Request(  # noqa: S310 # https only, checked above
            self.url,
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {self.token}"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310  # nosec B310
                answer = json.loads(response.read(65536))
        except (urllib.error.URLError, TimeoutError, ValueError) as exc:
            raise ProviderUnavailable() from exc
        if not isinstance(answer, dict) or not isinstance(answer.get("match"), bool):
            raise ProviderUnavailable()
        return answer["match"]


class HttpCivilRegistry(_Http, CivilRegistry):
    def check(self, person: Person, *, timeout: float) -> bool:
        return self.post(
            {
                "national_id": person.national_id,
                "first_name": person.first_name,
                "last_name": person.last_name,
                "birth_date": person.birth_date.isoformat() if person.birth_date else None,
                "id_card_serial": person.id_card_serial,
            },
            timeout=timeout,
        )


class HttpMobileOwnership(_Http, MobileOwnership):
    def check(self, national_id: str, mobile: str, *, timeout: float) -> bool:
        return self.post({"national_id": national_id, "mobile": str(mobile)}, timeout=timeout)
