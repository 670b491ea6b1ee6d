from django.urls import path

from notices import api

app_name = "notices"

urlpatterns = [
    path("", api.InboxView.as_view(), name="inbox"),
    path("unseen-count/", api.UnseenCountView.as_view(), name="unseen-count"),
    path("issued/", api.IssuedNoticesView.as_view(), name="issued"),
    path("lookup/case/", api.LookupByCaseView.as_view(), name="lookup-case"),
    path("lookup/number/", api.LookupByNumberView.as_view(), name="lookup-number"),
    path("<int:pk>/", api.NoticeDetailView.as_view(), name="detail"),
    path("<int:pk>/view/", api.NoticeOpenView.as_view(), name="view"),
    path("<int:pk>/service/", api.ServiceInfoView.as_view(), name="service"),
    path(
        "<int:pk>/attachments/<int:attachment_id>/",
        api.AttachmentDownloadView.as_view(),
        name="attachment",
    ),
]
