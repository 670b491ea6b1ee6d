"""/api/v1/licensing/…"""

from core.api.routers import Router
from licensing import api

app_name = "licensing"

router = Router()
router.register("calls", api.CallViewSet, basename="call")
router.register("applications", api.ApplicationViewSet, basename="application")
router.register("requests", api.LicenceRequestViewSet, basename="request")
router.register("licences", api.LicenceViewSet, basename="licence")
router.register("fees", api.FeeViewSet, basename="fee")
router.register("council", api.CouncilViewSet, basename="council")
router.register("associations", api.AssociationViewSet, basename="association")
router.register("inspections", api.InspectionViewSet, basename="inspection")
router.register("complaints", api.ComplaintViewSet, basename="complaint")

urlpatterns = router.urls
