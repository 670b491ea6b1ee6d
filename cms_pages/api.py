"""Pages API v2 at /api/cms/v2/, readable anonymously (CMS-5).

The project's DRF default is IsAuthenticated; the pages API only ever shows what is live and
public (Wagtail filters drafts, private pages and other sites out), so it is open to all, and
so are the images those pages show. Documents keep the project default (signed in): Wagtail's
documents endpoint does not apply collection privacy.
"""

from rest_framework.permissions import AllowAny
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet


class PublicPagesAPIViewSet(PagesAPIViewSet):
    permission_classes = [AllowAny]


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    permission_classes = [AllowAny]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
