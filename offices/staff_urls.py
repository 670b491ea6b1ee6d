"""Office staff pages under /office/ (the desk, art. 7; in-person identity verification, ID-9)."""

from offices import desk, identity

app_name = "offices_staff"

urlpatterns = [*desk.page_urlpatterns, *identity.page_urlpatterns]
