"""The cabinet's pages under /cases/ (CAS-1 … CAS-9)."""

from django.urls import path

from courts import views

app_name = "courts"

urlpatterns = [
    path("", views.MyCasesPage.as_view(), name="cases"),
    path("<int:pk>/", views.CasePage.as_view(), name="case"),
    path("<int:pk>/action/<str:name>/", views.CaseActionPage.as_view(), name="case-action"),
    path("hearings/", views.MyHearingsPage.as_view(), name="hearings"),
    path("hearings/<int:pk>/ics/", views.HearingIcsView.as_view(), name="hearing-ics"),
    path("hearings/feed/renew/", views.FeedRenewPage.as_view(), name="feed-renew"),
    path("feed/<str:token>/", views.HearingFeedView.as_view(), name="feed"),
    path("acts/<int:pk>/", views.ActFile.as_view(), name="act"),
    path("follow/", views.FollowPage.as_view(), name="follow"),
    path("courts/", views.CourtPickerPage.as_view(), name="picker"),
    path("verify/", views.VerifyPage.as_view(), name="verify"),
]
