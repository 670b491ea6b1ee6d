"""The appointment portal's pages, under the language prefix at /appointments/."""

from django.urls import path

from offices import portal

app_name = "offices_portal"

urlpatterns = [
    path("", portal.MyAppointmentsPage.as_view(), name="mine"),
    path("office/<str:code>/", portal.OfficeCalendarPage.as_view(), name="office"),
    path("<int:pk>/cancel/", portal.CancelAppointment.as_view(), name="cancel"),
    path("<int:pk>/receipt/", portal.AppointmentReceipt.as_view(), name="receipt"),
    path("<int:pk>/calendar.ics", portal.AppointmentCalendarFile.as_view(), name="calendar"),
    path("<int:pk>/reschedule/", portal.RescheduleAppointment.as_view(), name="reschedule"),
    path("waitlist/join/", portal.JoinWaitlist.as_view(), name="waitlist_join"),
    path(
        "waitlist/<int:pk>/action/<str:name>/",
        portal.WaitlistAction.as_view(),
        name="waitlist_action",
    ),
]
