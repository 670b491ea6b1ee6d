"""The API speaks the caller's language.

Site pages take their language from the URL prefix (Persian has none). The API has no
prefix, so Django's LocaleMiddleware would answer every API call in Persian; here the API
follows the language cookie or Accept-Language instead.
"""

from django.utils import translation
from django.utils.cache import patch_vary_headers


class ApiLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/api/"):
            language = translation.get_language_from_request(request, check_path=False)
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        if request.path_info.startswith("/api/"):
            patch_vary_headers(response, ("Accept-Language",))
        return response
