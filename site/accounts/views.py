from django.http import HttpResponse
from django.views import View


class SignInView(View):
    def get(self, request):
        return HttpResponse("sign in")
