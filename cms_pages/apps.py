from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import publiccache


class CmsPagesConfig(AppConfig):
    name = "cms_pages"
    verbose_name = _("Public site")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        # Anonymous visitors' copies of the pages: this process forgets them at once, the
        # other processes within the cache's time.
        page_published.connect(publiccache.forget, dispatch_uid="cms_pages.publiccache")
        page_unpublished.connect(publiccache.forget, dispatch_uid="cms_pages.publiccache.un")
