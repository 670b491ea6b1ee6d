"""/api/v1/discipline/…"""

from core.api.routers import Router
from discipline import api

app_name = "discipline"

router = Router()
router.register("violations", api.ViolationViewSet, basename="violation")
router.register("boards", api.BoardViewSet, basename="board")
router.register("cases", api.CaseViewSet, basename="case")
router.register("sessions", api.SessionViewSet, basename="session")
router.register("rulings", api.RulingViewSet, basename="ruling")
router.register("reprimands", api.ReprimandViewSet, basename="reprimand")
router.register("office-records", api.OfficeRecordViewSet, basename="office-record")

urlpatterns = router.urls
