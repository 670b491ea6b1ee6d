from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import audit


class DisciplineConfig(AppConfig):
    name = "discipline"
    verbose_name = _("Discipline")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from discipline import history, selectors
        from discipline.models import Case, Ruling

        # What a ruling decided stays hidden from the accused until it is served, in the
        # timeline as in the case's history (`discipline.history`).
        audit.register(Case, visible=selectors.cases_visible_to, redact=history.redact_case)
        audit.register(Ruling, visible=selectors.rulings_visible_to, redact=history.redact_ruling)
