"""Discipline screens (under the language prefix)."""

from django.urls import path

from discipline import views

app_name = "discipline"

urlpatterns = [
    path("", views.DashboardPage.as_view(), name="dashboard"),
    path("cases/<int:pk>/", views.CasePage.as_view(), name="case"),
    path("cases/<int:pk>/<slug:name>/", views.CaseActionPage.as_view(), name="action"),
    path("rulings/<int:pk>/pdf/", views.RulingPdf.as_view(), name="ruling-pdf"),
]
