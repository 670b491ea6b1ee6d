from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import audit


class LicensingConfig(AppConfig):
    name = "licensing"
    verbose_name = _("Licensing and the Association")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from licensing import selectors
        from licensing.models import (
            Application,
            Complaint,
            FeeSchedule,
            Inspection,
            Licence,
            LicenceRequest,
        )

        audit.register(LicenceRequest, visible=selectors.requests_visible_to)
        audit.register(Licence, visible=selectors.licences_visible_to)
        audit.register(Application, visible=selectors.applications_visible_to)
        audit.register(FeeSchedule, visible=selectors.fees_visible_to)
        audit.register(Inspection, visible=selectors.inspections_visible_to)
        audit.register(Complaint, visible=selectors.complaints_visible_to)
