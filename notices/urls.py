"""The recipient's pages: inbox, notice (opening it serves it), print, lookups."""

from django.urls import path

from notices import views

app_name = "notices"

urlpatterns = [
    path("", views.InboxPage.as_view(), name="inbox"),
    path("lookup/", views.LookupPage.as_view(), name="lookup"),
    path("<int:pk>/", views.NoticePage.as_view(), name="notice"),
    path("<int:pk>/print/", views.PrintPage.as_view(), name="print"),
    path(
        "<int:pk>/attachments/<int:attachment_id>/",
        views.AttachmentPage.as_view(),
        name="attachment",
    ),
]
