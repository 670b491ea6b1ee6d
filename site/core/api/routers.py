"""The domain API's router: object ids in URLs are digits, so `/calls/abc/` is a 404 at the
URL resolver instead of reaching a view that looks up `pk="abc"` (a 500). A viewset with
another lookup (an office's code) sets its own `lookup_value_regex`."""

from rest_framework.routers import SimpleRouter


class Router(SimpleRouter):
    def get_lookup_regex(self, viewset, lookup_prefix=""):
        lookup_field = getattr(viewset, "lookup_field", "pk")
        lookup_url_kwarg = getattr(viewset, "lookup_url_kwarg", None) or lookup_field
        lookup_value = getattr(viewset, "lookup_value_regex", r"\d+")
        return f"(?P<{lookup_prefix}{lookup_url_kwarg}>{lookup_value})"
