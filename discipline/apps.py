from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisciplineConfig(AppConfig):
    name = "discipline"
    verbose_name = _("Discipline")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core import audit
        from discipline import selectors
        from discipline.models import Case, Ruling

        audit.register(Case, visible=selectors.cases_visible_to)
        audit.register(Ruling, visible=selectors.rulings_visible_to)
