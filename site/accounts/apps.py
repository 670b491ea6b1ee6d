from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import audit


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from accounts import selectors
        from accounts.models import User

        # A user reads their own timeline; holders of accounts.view_user_timeline read anyone's.
        audit.register(User, visible=selectors.user_timeline_visible_to)
