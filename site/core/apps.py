from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from core import checks, history_guard, publiccache  # noqa: F401 - checks register

        # AUD-2: the change history is append-only in PostgreSQL itself, every table of it.
        post_migrate.connect(
            history_guard.protect_history, sender=self, dispatch_uid="core.history_guard"
        )
        # The public pages' cache is forgotten when a change they show commits (OFF-2).
        publiccache.connect_models(getattr(settings, "DAFTAR_PUBLIC_CACHE_MODELS", []))
