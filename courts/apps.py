from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import audit


class CourtsConfig(AppConfig):
    name = "courts"
    verbose_name = _("Courts and cases")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courts import selectors
        from courts.models import Case

        audit.register(Case, visible=selectors.cases_visible_to)
