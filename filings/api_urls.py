from django.urls import path

from filings.api import actions, filing, lists

app_name = "filings"

urlpatterns = [
    path("", lists.FilingListView.as_view(), name="list"),
    path("office/", lists.OfficeQueueView.as_view(), name="office-queue"),
    path("court/", lists.CourtQueueView.as_view(), name="court-queue"),
    path("lawyers/<str:national_id>/", lists.LawyerLookupView.as_view(), name="lawyer"),
    path("<int:pk>/", filing.FilingDetailView.as_view(), name="detail"),
    *[
        path(f"<int:pk>/steps/{step}/", view, name=f"step-{step}")
        for step, view in actions.STEP_VIEWS.items()
    ],
    path("<int:pk>/documents/", actions.documents, name="documents"),
    path(
        "<int:pk>/documents/<int:document_id>/",
        actions.DocumentDeleteView.as_view(),
        name="document",
    ),
    path(
        "<int:pk>/documents/<int:document_id>/file/",
        filing.DocumentFileView.as_view(),
        name="document-file",
    ),
    path("<int:pk>/prepare/", actions.prepare, name="prepare"),
    path("<int:pk>/reopen/", actions.reopen, name="reopen"),
    path("<int:pk>/cancel/", actions.cancel, name="cancel"),
    path("<int:pk>/copy/", actions.copy, name="copy"),
    path("<int:pk>/sign/code/", actions.sign_code, name="sign-code"),
    path("<int:pk>/sign/", actions.sign, name="sign"),
    path("<int:pk>/fees/", actions.fees, name="fees"),
    path("<int:pk>/payments/", actions.pay, name="payments"),
    path(
        "<int:pk>/payments/<int:payment_id>/check/",
        actions.PaymentCheckView.as_view(),
        name="payment-check",
    ),
    path("<int:pk>/send/code/", actions.send_code, name="send-code"),
    path("<int:pk>/send/", actions.send, name="send"),
    path("<int:pk>/verify/", actions.verify, name="verify"),
    path("<int:pk>/forward/", actions.forward, name="forward"),
    path("<int:pk>/return/", actions.office_return, name="office-return"),
    path("<int:pk>/accept/", actions.accept, name="accept"),
    path("<int:pk>/reject/", actions.reject, name="reject"),
    path("<int:pk>/court-return/", actions.court_return, name="court-return"),
    path("<int:pk>/timeline/", filing.TimelineView.as_view(), name="timeline"),
    path("<int:pk>/receipt/", filing.ReceiptView.as_view(), name="receipt"),
]
