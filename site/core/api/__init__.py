"""Building blocks shared by every app's API."""


def validated_input(serializer_class, request, **context) -> dict:
    """Parse the request body with `serializer_class`; bad input raises the 400 error shape."""
    serializer = serializer_class(data=request.data, context={"request": request, **context})
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data
