from django.urls import path

from accounts import api, api_identity

urlpatterns = [
    # Registration (ID-1, ID-2)
    path("accounts/register/", api.RegisterView.as_view(), name="register"),
    path("accounts/register/verify/", api.RegisterVerifyView.as_view(), name="register-verify"),
    path(
        "accounts/register/verify-email/",
        api.RegisterVerifyEmailView.as_view(),
        name="register-verify-email",
    ),
    path("accounts/register/resend/", api.RegisterResendView.as_view(), name="register-resend"),
    # Own account (ID-6, ID-8)
    path("accounts/me/", api.MeView.as_view(), name="me"),
    path("accounts/me/password/", api.PasswordChangeView.as_view(), name="me-password"),
    path("accounts/me/mobile/", api.MobileChangeView.as_view(), name="me-mobile"),
    path("accounts/me/mobile/confirm/", api.MobileConfirmView.as_view(), name="me-mobile-confirm"),
    path("accounts/me/email/", api.EmailChangeView.as_view(), name="me-email"),
    path("accounts/me/email/confirm/", api.EmailConfirmView.as_view(), name="me-email-confirm"),
    # Identity assurance (ID-9)
    path("accounts/me/verify/", api_identity.IdentityVerifyView.as_view(), name="me-verify"),
    # Device tokens (ID-12)
    path("accounts/me/tokens/", api_identity.TokenListView.as_view(), name="me-tokens"),
    path(
        "accounts/me/tokens/<str:key>/",
        api_identity.TokenDetailView.as_view(),
        name="me-token-detail",
    ),
    # Legal persons (ID-3)
    path("accounts/legal-persons/", api.LegalPersonListView.as_view(), name="legal-person-list"),
    path(
        "accounts/legal-persons/<int:pk>/",
        api.LegalPersonDetailView.as_view(),
        name="legal-person-detail",
    ),
    # Staff
    path("accounts/users/<int:pk>/disable/", api.UserDisableView.as_view(), name="user-disable"),
    path("accounts/users/<int:pk>/enable/", api.UserEnableView.as_view(), name="user-enable"),
    # Sign-in (ID-4), recovery (ID-5)
    path("auth/signin/", api.SignInView.as_view(), name="signin"),
    path("auth/signin/verify/", api.SignInVerifyView.as_view(), name="signin-verify"),
    path("auth/signin/resend/", api.SignInResendView.as_view(), name="signin-resend"),
    path("auth/signout/", api.SignOutView.as_view(), name="signout"),
    path("auth/challenge/", api_identity.ProofChallengeView.as_view(), name="auth-challenge"),
    path("auth/recovery/", api.RecoveryView.as_view(), name="recovery"),
    path("auth/recovery/confirm/", api.RecoveryConfirmView.as_view(), name="recovery-confirm"),
]
