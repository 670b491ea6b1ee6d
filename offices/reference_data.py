"""Reference data: the 31 provinces of Iran with their main cities, and the services offices
offer (seed 001), kept in `offices/data/reference.json`. Loaded by migration 0002 and by
`manage.py load_offices_reference` (idempotent).

Each province has a code, its Persian and English names, the (lat, lon) of its capital and
its cities (Persian and English names), the capital first; each service a code and its two
names.
"""

import json
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "reference.json"


@cache
def reference() -> dict:
    """The provinces and services of the data file."""
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def load(Province, City, Service) -> dict[str, int]:
    """Create or update the reference rows; safe to run any number of times."""
    data = reference()
    created = {"provinces": 0, "cities": 0, "services": 0}
    for order, row in enumerate(data["provinces"], start=1):
        lat, lon = row["capital"]
        province, new = Province.objects.update_or_create(
            code=row["code"],
            defaults={
                "name_fa": row["name_fa"],
                "name_en": row["name_en"],
                "latitude": lat,
                "longitude": lon,
                "sort_order": order,
            },
        )
        created["provinces"] += new
        for city_order, city in enumerate(row["cities"]):
            _city, new = City.objects.update_or_create(
                province=province,
                name_en=city["name_en"],
                defaults={
                    "name_fa": city["name_fa"],
                    "is_capital": city_order == 0,
                    "sort_order": city_order,
                },
            )
            created["cities"] += new
    for order, row in enumerate(data["services"], start=1):
        _service, new = Service.objects.update_or_create(
            code=row["code"],
            defaults={"name_fa": row["name_fa"], "name_en": row["name_en"], "sort_order": order},
        )
        created["services"] += new
    return created
