"""The reports' pages (/reports/)."""

from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.DashboardPage.as_view(), name="dashboard"),
    path("export/figures.<str:fmt>", views.FiguresExport.as_view(), name="export-figures"),
    path("export/<slug:dataset>.<str:fmt>", views.RecordsExport.as_view(), name="export-records"),
    path("offices/<str:code>/", views.OfficeReportsPage.as_view(), name="office-reports"),
    path(
        "offices/<str:code>/<str:period>.pdf",
        views.OfficeReportPdf.as_view(),
        name="office-report",
    ),
]
