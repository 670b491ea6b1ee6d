"""The portal's filing pages and the office queue."""

from django.urls import path

from filings import court, views

app_name = "filings"

urlpatterns = [
    path("", views.MyFilingsPage.as_view(), name="list"),
    path("office/", views.OfficeQueuePage.as_view(), name="queue"),
    path("office/new/", views.OfficeFilingPage.as_view(), name="office-new"),
    path("court/", court.CourtQueuePage.as_view(), name="court-queue"),
    path("court/<int:pk>/<slug:name>/", court.CourtDecisionPage.as_view(), name="court-decision"),
    path("payments/callback/", views.PaymentCallback.as_view(), name="payment-callback"),
    path("<int:pk>/", views.FilingPage.as_view(), name="filing"),
    path("<int:pk>/documents/<int:document_id>/", views.DocumentFile.as_view(), name="document"),
    path("<int:pk>/receipt/", views.ReceiptFile.as_view(), name="receipt"),
]
