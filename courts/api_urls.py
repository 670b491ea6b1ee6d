"""/api/v1/courts/…"""

from django.urls import path

from core.api.routers import Router
from courts import api

app_name = "courts"

router = Router()
router.register("cases", api.CaseViewSet, basename="case")

urlpatterns = [
    path("", api.CourtPickerView.as_view(), name="picker"),
    path("application-types/", api.ApplicationTypesView.as_view(), name="application-types"),
    path("categories/", api.CategoriesView.as_view(), name="categories"),
    path("hearings/", api.MyHearingsView.as_view(), name="hearings"),
    path("deadlines/", api.DeadlinesView.as_view(), name="deadlines"),
    path("follow/", api.FollowView.as_view(), name="follow"),
    path("verify/", api.VerifyView.as_view(), name="verify"),
    path("cases/<int:pk>/timeline/", api.CaseTimelineView.as_view(), name="case-timeline"),
    path("acts/<int:pk>/file/", api.ActFileView.as_view(), name="act-file"),
    *router.urls,
]
