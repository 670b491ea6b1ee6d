"""The public site's own views, mounted under the language prefix (public, read only)."""

from django.urls import path

from cms_pages import search

app_name = "cms_pages"

urlpatterns = [
    path("", search.search, name="search"),
]
