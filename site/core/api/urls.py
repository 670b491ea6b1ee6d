from django.urls import path

from core.api.views import TimelineView

urlpatterns = [
    path("timeline/<str:label>/<str:pk>/", TimelineView.as_view(), name="audit-timeline"),
]
