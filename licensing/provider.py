"""The licence-status provider of the offices app (OFF-2), reading licences (LIC-5, LIC-6).

`OFFICES["LICENCE_STATUS_PROVIDER"]` names `LicenceRecordStatus`. An office's licence state is
that of its latest licence, as it holds *today* from the stored dates
(`Licence.effective_status`): a suspension ends on its end date and a licence expires after
its expiry day at once, whether or not the sweep has run. So a suspended, revoked, withdrawn
or expired licence makes the office not operational (no appointments, no filings) at the
moment the decision is saved, and a suspension that has ended makes it operational again.

An office that has never had a licence record (one registered before licensing went live)
keeps the offices app's `licence_active` flag, so its state does not change underneath it.
"""

from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dates import format_date
from licensing.models import Licence
from offices.licence import FieldLicenceStatus, LicenceStatus


def _latest():
    return Licence.objects.filter(office=OuterRef("pk")).order_by("-issued_on", "-id")


class LicenceRecordStatus:
    fields = ("number", "status", "suspended_until", "expires_on")

    def annotate(self, queryset):
        """Fetch the latest licence of every office of a list in the same query."""
        latest = _latest()
        return queryset.annotate(
            **{
                f"licence_{name}": Subquery(latest.values(name)[:1])
                for name in (*self.fields, "id")
            }
        )

    def _row(self, office) -> dict | None:
        if hasattr(office, "licence_id"):
            if office.licence_id is None:
                return None
            return {name: getattr(office, f"licence_{name}") for name in self.fields}
        return (
            Licence.objects.filter(office_id=office.pk)
            .order_by("-issued_on", "-id")
            .values(*self.fields)
            .first()
        )

    def status(self, office) -> LicenceStatus:
        row = self._row(office)
        if row is None:
            return FieldLicenceStatus().status(office)
        state = Licence.status_on(
            row["status"], row["suspended_until"], row["expires_on"], timezone.localdate()
        )
        if state == Licence.Status.ACTIVE:
            return LicenceStatus(active=True, code="licence_active")
        if state == Licence.Status.SUSPENDED:
            message = _("The office's licence %(number)s is suspended until %(until)s.") % {
                "number": row["number"],
                "until": format_date(row["suspended_until"], "long"),
            }
        else:
            message = {
                Licence.Status.REVOKED: _("The office's licence %(number)s has been revoked."),
                Licence.Status.WITHDRAWN: _("The office's licence %(number)s has been withdrawn."),
                Licence.Status.EXPIRED: _("The office's licence %(number)s has expired."),
            }[state] % {"number": row["number"]}
        return LicenceStatus(active=False, code=f"licence_{state}", message=message)
