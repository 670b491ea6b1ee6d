"""Staff screens of licensing (/staff/licensing/)."""

from django.urls import path

from licensing import views

app_name = "licensing"

urlpatterns = [
    path("", views.QueuePage.as_view(), name="queue"),
    path("requests/<int:pk>/", views.RequestPage.as_view(), name="request"),
    path(
        "requests/<int:pk>/<slug:name>/",
        views.RequestActionPage.as_view(),
        name="request-action",
    ),
]
