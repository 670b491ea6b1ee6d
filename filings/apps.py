from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import audit
from courts import timeline


class FilingsConfig(AppConfig):
    name = "filings"
    verbose_name = _("Filings")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from filings import cases, selectors
        from filings.models import Filing

        audit.register(Filing, visible=selectors.filings_visible_to)
        timeline.register(cases.timeline_entries)
