from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from accounts.hooks import when_verified
from core import audit


class NoticesConfig(AppConfig):
    name = "notices"
    verbose_name = _("Notices")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from notices import delivery, selectors
        from notices.models import Notice

        audit.register(Notice, visible=selectors.notices_visible_to)
        # ID-9: notices waiting for a national ID reach its account once it is verified.
        when_verified(delivery.deliver_waiting)
