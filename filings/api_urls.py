from django.urls import path

from filings import api

app_name = "filings"

urlpatterns = [
    path("", api.FilingListView.as_view(), name="list"),
    path("office/", api.OfficeQueueView.as_view(), name="office-queue"),
    path("court/", api.CourtQueueView.as_view(), name="court-queue"),
    path("lawyers/<str:national_id>/", api.LawyerLookupView.as_view(), name="lawyer"),
    path("<int:pk>/", api.FilingDetailView.as_view(), name="detail"),
    *[
        path(f"<int:pk>/steps/{step}/", api.step_view(step), name=f"step-{step}")
        for step in api.STEP_SERIALIZERS
    ],
    path("<int:pk>/documents/", api.DocumentsView.as_view(), name="documents"),
    path(
        "<int:pk>/documents/<int:document_id>/",
        api.DocumentDeleteView.as_view(),
        name="document",
    ),
    path(
        "<int:pk>/documents/<int:document_id>/file/",
        api.DocumentFileView.as_view(),
        name="document-file",
    ),
    path("<int:pk>/prepare/", api.prepare, name="prepare"),
    path("<int:pk>/reopen/", api.reopen, name="reopen"),
    path("<int:pk>/cancel/", api.cancel, name="cancel"),
    path("<int:pk>/copy/", api.copy, name="copy"),
    path("<int:pk>/sign/code/", api.SignCodeView.as_view(), name="sign-code"),
    path("<int:pk>/sign/", api.SignView.as_view(), name="sign"),
    path("<int:pk>/fees/", api.fees, name="fees"),
    path("<int:pk>/payments/", api.PayView.as_view(), name="payments"),
    path(
        "<int:pk>/payments/<int:payment_id>/check/",
        api.PaymentCheckView.as_view(),
        name="payment-check",
    ),
    path("<int:pk>/send/code/", api.SendCodeView.as_view(), name="send-code"),
    path("<int:pk>/send/", api.SendView.as_view(), name="send"),
    path("<int:pk>/verify/", api.verify, name="verify"),
    path("<int:pk>/forward/", api.forward, name="forward"),
    path("<int:pk>/return/", api.office_return, name="office-return"),
    path("<int:pk>/accept/", api.accept, name="accept"),
    path("<int:pk>/reject/", api.reject, name="reject"),
    path("<int:pk>/court-return/", api.court_return, name="court-return"),
    path("<int:pk>/timeline/", api.TimelineView.as_view(), name="timeline"),
    path("<int:pk>/receipt/", api.ReceiptView.as_view(), name="receipt"),
]
