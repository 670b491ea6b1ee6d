from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import audit


class FilingsConfig(AppConfig):
    name = "filings"
    verbose_name = _("Filings")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from filings import selectors
        from filings.models import Filing

        audit.register(Filing, visible=selectors.filings_visible_to)
