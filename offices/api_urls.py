"""/api/v1/offices/…"""

from django.urls import path

from core.api.routers import Router
from offices.api import views as api
from offices.api.waitlist import WaitingListViewSet
from offices.desk import api_urlpatterns as desk_urls
from offices.identity import api_urlpatterns as identity_urls

router = Router()
router.register("appointments", api.AppointmentViewSet, basename="appointment")
router.register("waitlist", WaitingListViewSet, basename="waitlist")
router.register("", api.OfficeViewSet, basename="office")

urlpatterns = [
    path("provinces/", api.ProvinceList.as_view(), name="province-list"),
    path("provinces/<slug:province>/cities/", api.CityList.as_view(), name="city-list"),
    path("services/", api.ServiceList.as_view(), name="service-list"),
    *identity_urls,
    *desk_urls,
    *router.urls,
]
