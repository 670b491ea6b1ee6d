"""/api/v1/licensing/…"""

from core.api.routers import Router
from licensing.api.applications import ApplicationViewSet, CallViewSet
from licensing.api.association import AssociationViewSet, ComplaintViewSet, InspectionViewSet
from licensing.api.requests import CouncilViewSet, FeeViewSet, LicenceRequestViewSet, LicenceViewSet

app_name = "licensing"

router = Router()
router.register("calls", CallViewSet, basename="call")
router.register("applications", ApplicationViewSet, basename="application")
router.register("requests", LicenceRequestViewSet, basename="request")
router.register("licences", LicenceViewSet, basename="licence")
router.register("fees", FeeViewSet, basename="fee")
router.register("council", CouncilViewSet, basename="council")
router.register("associations", AssociationViewSet, basename="association")
router.register("inspections", InspectionViewSet, basename="inspection")
router.register("complaints", ComplaintViewSet, basename="complaint")

urlpatterns = router.urls
