"""Providers over a local data set of demo people (development and tests, ID-9).

The data set is a CSV file (`people.csv` beside this module, or the `path` option) with the
columns national_id, first_name, last_name, birth_date (ISO), id_card_serial, mobile (E.164).
It stands for the civil registry and the operators' register: a person not in it, or with
other details, is not confirmed — this is a registry, not a stub that says yes.
"""

from __future__ import annotations

import csv
from datetime import date
from functools import lru_cache
from pathlib import Path

from accounts.identity.providers import CivilRegistry, MobileOwnership, Person
from accounts.names import same_name

DEFAULT_PATH = Path(__file__).with_name("people.csv")


@lru_cache(maxsize=4)
def _people(path: str) -> dict[str, dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return {row["national_id"].strip(): row for row in csv.DictReader(handle)}


class _Local:
    def __init__(self, path: str | None = None, **options):
        super().__init__(**options)
        self.path = str(path or DEFAULT_PATH)

    def row(self, national_id: str) -> dict | None:
        return _people(self.path).get(str(national_id).strip())


class LocalCivilRegistry(_Local, CivilRegistry):
    def check(self, person: Person, *, timeout: float) -> bool:
        row = self.row(person.national_id)
        if row is None or person.birth_date is None:
            return False
        return (
            same_name(row["first_name"], person.first_name)
            and same_name(row["last_name"], person.last_name)
            and date.fromisoformat(row["birth_date"]) == person.birth_date
            and row["id_card_serial"].strip().upper() == str(person.id_card_serial).strip().upper()
        )


class LocalMobileOwnership(_Local, MobileOwnership):
    def check(self, national_id: str, mobile: str, *, timeout: float) -> bool:
        row = self.row(national_id)
        return row is not None and row["mobile"].strip() == str(mobile).strip()
