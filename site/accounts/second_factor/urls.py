from django.urls import path

from accounts.second_factor import views

app_name = "second_factor"

urlpatterns = [
    path("", views.VerifyView.as_view(), name="verify"),
    path("enrol/", views.EnrolView.as_view(), name="enrol"),
    path("recovery-codes/", views.RecoveryCodesView.as_view(), name="recovery_codes"),
    path("passkey/options/", views.PasskeyOptionsView.as_view(), name="passkey_options"),
    path("passkey/verify/", views.PasskeyVerifyView.as_view(), name="passkey_verify"),
    path(
        "passkey/register/options/",
        views.PasskeyRegisterOptionsView.as_view(),
        name="passkey_register_options",
    ),
    path("passkey/register/", views.PasskeyRegisterView.as_view(), name="passkey_register"),
]
