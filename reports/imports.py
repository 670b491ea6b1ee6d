"""Register imports: offices and licences from CSV or XLSX (tablib), every row validated first
(OFF-1 for an office; for a licence, its office and a holder who meets OFF-3 … OFF-5 for the
manager's post), refused rows reported with their line and reason, and the valid rows written
in one transaction, so nothing is imported half. A row equal to what is stored changes
nothing: a second run of the same file writes nothing."""

import datetime as dt
from dataclasses import dataclass, field

import tablib
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from tqdm import tqdm

from licensing.models import Licence
from offices import qualifications
from offices.models import City, Membership, Office, Province, Service, StaffProfile, StaffRole
from offices.services import staff as staff_services


class Refused(Exception):
    pass


@dataclass
class Outcome:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    refused: list = field(default_factory=list)  # (line, reason)


def read(content: bytes, name: str) -> list[dict]:
    """The rows of a CSV or XLSX file, as dicts keyed by the lower-cased headings."""
    if name.lower().endswith(".xlsx"):
        data = tablib.Dataset().load(content, format="xlsx")
    else:
        data = tablib.Dataset().load(content.decode("utf-8-sig"), format="csv")
    headers = [str(h or "").strip().lower() for h in data.headers]
    return [
        {h: ("" if v is None else str(v).strip()) for h, v in zip(headers, row, strict=False)}
        for row in data
    ]


def _messages(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in sorted(error.message_dict.items()))
    return " ".join(error.messages)


def _date(row, column) -> dt.date:
    try:
        return dt.date.fromisoformat(row.get(column, "")[:10])
    except ValueError:
        raise Refused(_("%(column)s is not a date (YYYY-MM-DD).") % {"column": column}) from None


class OfficeRows:
    """OFF-1: code, names, province, city, address, location, phone, services."""

    fields = ("name_fa", "name_en", "address", "latitude", "longitude", "phone")

    def __init__(self):
        self.provinces = {p.code: p for p in Province.objects.all()}
        self.cities = {
            (c.province_id, n): c for c in City.objects.all() for n in (c.name_fa, c.name_en)
        }
        self.services = {s.code: s for s in Service.objects.all()}
        self.existing = {
            o.code: (o.pk, self._state(o, sorted(s.code for s in o.services.all())))
            for o in Office.objects.prefetch_related("services")
        }

    def _state(self, office, codes) -> tuple:
        values = tuple(getattr(office, name) for name in self.fields)
        return (*values, office.province_id, office.city_id, tuple(codes))

    def check(self, row: dict):
        province = self.provinces.get(row.get("province", ""))
        if province is None:
            raise Refused(_("Unknown province %(code)r.") % {"code": row.get("province", "")})
        city = self.cities.get((province.pk, row.get("city", "")))
        if city is None:
            raise Refused(
                _("Unknown city %(name)r in this province.") % {"name": row.get("city", "")}
            )
        codes = [c for c in row.get("services", "").replace(",", ";").split(";") if c.strip()]
        unknown = [c for c in codes if c.strip() not in self.services]
        if unknown or not codes:
            raise Refused(
                _("Unknown or missing services: %(codes)s.") % {"codes": ", ".join(unknown)}
            )
        pk, before = self.existing.get(row.get("code", ""), (None, None))
        office = Office(pk=pk, code=row.get("code", ""))
        for name in self.fields:
            setattr(office, name, row.get(name, ""))
        office.province, office.city = province, city
        try:
            office.full_clean(
                exclude=["manager", "slot_minutes", "slot_capacity"], validate_unique=False
            )
        except ValidationError as error:
            raise Refused(_messages(error)) from None
        codes = sorted(c.strip() for c in codes)
        same = before is not None and self._state(office, codes) == before
        return office.code, (office, codes, same)

    def write(self, checked) -> str:
        office, codes, same = checked
        if same:
            return "unchanged"
        if office.pk:
            stored = Office.objects.get(pk=office.pk)
            for name in self.fields:
                setattr(stored, name, getattr(office, name))
            stored.province, stored.city = office.province, office.city
            office, outcome = stored, "updated"
        else:
            outcome = "created"
        office.save()
        office.services.set([self.services[c] for c in codes])
        return outcome


class LicenceRows:
    """A licence: number, office code, holder's national ID, issue and expiry dates; the holder
    must meet OFF-3 … OFF-5 for the manager's post."""

    def __init__(self):
        self.offices = dict(Office.objects.values_list("code", "pk"))
        self.existing = {lic.number: lic for lic in Licence.objects.all()}

    def check(self, row: dict):
        number = row.get("number", "")
        if not number:
            raise Refused(_("The licence number is missing."))
        office_id = self.offices.get(row.get("office", ""))
        if office_id is None:
            raise Refused(_("Unknown office %(code)r.") % {"code": row.get("office", "")})
        holder = get_user_model().objects.filter(national_id=row.get("holder", "")).first()
        if holder is None:
            raise Refused(_("No account with national ID %(id)r.") % {"id": row.get("holder", "")})
        profile = StaffProfile.objects.filter(user=holder).first()
        if profile is None:
            raise Refused(_("The holder has no qualification record."))
        unmet = qualifications.evaluate(profile, "manager")
        if unmet:
            raise Refused("; ".join(str(u) for u in unmet))
        issued, expires = _date(row, "issued_on"), _date(row, "expires_on")
        if expires <= issued:
            raise Refused(_("The licence expires before it is issued."))
        values = {
            "office_id": office_id,
            "holder_id": holder.pk,
            "issued_on": issued,
            "expires_on": expires,
        }
        stored = self.existing.get(number)
        if stored is not None and any(getattr(stored, k) != v for k, v in values.items()):
            raise Refused(
                _(
                    "Licence %(number)s exists with other details; it changes only through a "
                    "licence request."
                )
                % {"number": number}
            )
        return number, (number, values)

    def write(self, checked) -> str:
        number, values = checked
        if number in self.existing:
            return "unchanged"
        Licence.objects.create(number=number, **values)
        return "created"


class StaffRows:
    """A post: the person's national ID (an account with its qualification record: degrees,
    experience, attested general conditions, computer skills), the office's code, the post
    and full time (yes/no). The person must meet OFF-3 … OFF-5 for that post."""

    def __init__(self, actor):
        self.actor = actor
        self.offices = {o.code: o for o in Office.objects.all()}
        self.held = {
            (m.profile_id): (m.office_id, m.role)
            for m in Membership.objects.filter(ended_on__isnull=True)
        }
        self.managed = set(
            Membership.objects.filter(ended_on__isnull=True, role="manager").values_list(
                "office_id", flat=True
            )
        )

    def check(self, row: dict):
        office = self.offices.get(row.get("office", ""))
        if office is None:
            raise Refused(_("Unknown office %(code)r.") % {"code": row.get("office", "")})
        if row.get("role", "") not in StaffRole.values:
            raise Refused(_("Unknown post %(role)r.") % {"role": row.get("role", "")})
        role = StaffRole(row["role"])
        profile = StaffProfile.objects.filter(user__national_id=row.get("national_id", "")).first()
        if profile is None:
            raise Refused(
                _("No qualification record for national ID %(id)r.")
                % {"id": row.get("national_id", "")}
            )
        full_time = row.get("full_time", "yes").lower() in ("yes", "1", "true", "")
        held = self.held.get(profile.pk)
        if held == (office.pk, role):
            return profile.pk, None  # already in that post: nothing to do
        if held is not None:
            raise Refused(_("The person already holds a post."))
        unmet = qualifications.evaluate(profile, role)
        if unmet:
            raise Refused("; ".join(str(u) for u in unmet))
        if role == StaffRole.MANAGER:
            if not full_time:
                raise Refused(_("Article 15: the manager works full time in the office."))
            if office.pk in self.managed:
                raise Refused(_("The office already has a manager."))
            self.managed.add(office.pk)
        return profile.pk, (office, profile, role, full_time)

    def write(self, checked) -> str:
        if checked is None:
            return "unchanged"
        office, profile, role, full_time = checked
        staff_services.staff_appoint(
            actor=self.actor, office=office, profile=profile, role=role, full_time=full_time
        )
        return "created"


KINDS = {"offices": OfficeRows, "staff": StaffRows, "licences": LicenceRows}


def run(kind: str, rows: list[dict], *, progress: bool = False, actor=None) -> Outcome:
    """Check every row, then write the valid ones in one transaction (`actor`: who appoints
    the staff, a member of the General Directorate)."""
    rows_of = StaffRows(actor) if kind == "staff" else KINDS[kind]()
    outcome, checked, seen = Outcome(), [], set()
    for line, row in enumerate(tqdm(rows, disable=not progress, unit="row"), start=2):
        try:
            key, values = rows_of.check(row)
            if key in seen:
                raise Refused(_("The same key appears twice in the file: %(key)s.") % {"key": key})
            seen.add(key)
            checked.append(values)
        except Refused as refusal:
            outcome.refused.append((line, str(refusal)))
    with transaction.atomic():
        for values in tqdm(checked, disable=not progress, unit="row"):
            result = rows_of.write(values)
            setattr(outcome, result, getattr(outcome, result) + 1)
    return outcome
