from django.urls import path

from accounts.second_factor import api

urlpatterns = [
    path(
        "auth/signin/second-factor/",
        api.SecondFactorView.as_view(),
        name="signin-second-factor",
    ),
]
