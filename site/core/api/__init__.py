"""Building blocks shared by every app's API."""


def validated_input(serializer_class, request, **context) -> dict:
    """Parse the request body with `serializer_class`; bad input raises the 400 error shape."""
    serializer = serializer_class(data=request.data, context={"request": request, **context})
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def require_csrf(request) -> None:
    """Refuse a request without a valid CSRF token, even from an anonymous caller.

    DRF checks CSRF only for a caller already signed in with the session; an endpoint that
    *starts* a session must check it itself, or a cross-site form can sign a victim's browser
    into the attacker's account (login CSRF). A 403 `csrf_failed` in the one error shape."""
    from django.utils.translation import gettext as _
    from rest_framework.authentication import CSRFCheck

    from core.exceptions import Forbidden

    django_request = getattr(request, "_request", request)
    check = CSRFCheck(lambda _request: None)
    check.process_request(django_request)
    if check.process_view(django_request, None, (), {}):
        raise Forbidden(
            _("The form has expired or did not come from this site. Reload the page and retry."),
            code="csrf_failed",
        )
