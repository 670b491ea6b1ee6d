"""Where an office's licence state comes from (OFF-2).

The licensing app owns licences. Until it exists, and as the default, the state is the
`Office.licence_active` field. The setting `OFFICES["LICENCE_STATUS_PROVIDER"]` names a class
whose instances answer `status(office) -> LicenceStatus`; licensing replaces it with its own
(reading its licence records, e.g. through an annotation it adds in `annotate(queryset)`).

A provider must not query the database per office when `annotate` can fetch what it needs
for a whole list: the directory lists offices with a constant number of queries.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class LicenceStatus:
    active: bool
    code: str = ""
    message: str = ""


class FieldLicenceStatus:
    """The default provider: the office's `licence_active` flag."""

    def annotate(self, queryset):
        return queryset

    def status(self, office) -> LicenceStatus:
        if office.licence_active:
            return LicenceStatus(active=True)
        return LicenceStatus(
            active=False,
            code="licence_inactive",
            message=str(_("The office's licence is not active.")),
        )


def provider():
    return import_string(settings.OFFICES["LICENCE_STATUS_PROVIDER"])()
