"""Office staff pages under /office/ (in-person identity verification, ID-9)."""

from offices.identity import page_urlpatterns

app_name = "offices_staff"

urlpatterns = page_urlpatterns
