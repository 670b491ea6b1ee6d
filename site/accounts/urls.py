from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("signin/", views.SignInView.as_view(), name="signin"),
    path("signin/code/", views.SignInCodeView.as_view(), name="signin_code"),
    path("signout/", views.SignOutView.as_view(), name="signout"),
    path("register/", views.RegisterView.as_view(), name="register"),
    path("register/verify/", views.RegisterVerifyView.as_view(), name="register_verify"),
    path("recovery/", views.RecoveryView.as_view(), name="recovery"),
    path("recovery/confirm/", views.RecoveryConfirmView.as_view(), name="recovery_confirm"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("verify/", views.IdentityVerifyView.as_view(), name="verify"),
]
