"""The API: Django REST framework and the OpenAPI schema (drf-spectacular)."""

import os

# --- API -------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "accounts.authentication.BearerTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # JSON nested too deeply is a 400 `parse_error`, not a RecursionError; every value is
    # normalised as people type it (core.api.parsers, core.normalise).
    "DEFAULT_PARSER_CLASSES": [
        "core.api.parsers.JSONParser",
        "core.api.parsers.FormParser",
        "core.api.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "core.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "core.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "core.api.errors.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "core.throttling.AnonRateThrottle",
        "core.throttling.UserRateThrottle",
        "core.throttling.ScopedRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("DAFTAR_THROTTLE_ANON", "120/min"),
        "user": os.environ.get("DAFTAR_THROTTLE_USER", "600/min"),
        # Sign-in, codes and recovery: per source address (ID-7).
        "auth": os.environ.get("DAFTAR_THROTTLE_AUTH", "30/min"),
    },
    "NUM_PROXIES": int(os.environ["DAFTAR_NUM_PROXIES"])
    if "DAFTAR_NUM_PROXIES" in os.environ
    else None,
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
# The Swagger UI (/api/docs/) and ReDoc (/api/redoc/) are served from the site's own static
# files (drf-spectacular-sidecar, a pinned copy of both), so the documentation pages load
# nothing from another origin; their content security policy allows only the site
# (core/api/docs.py).
SPECTACULAR_SETTINGS = {
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # No badge from validator.swagger.io: the schema is not sent to a third party.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    "TITLE": "Daftar API",
    "DESCRIPTION": (
        "The regulator's platform for judicial e-services offices.\n\n"
        "**Authentication.** Browser clients use the session set by the two-step sign-in "
        "(`/api/v1/auth/signin/` then `/api/v1/auth/signin/verify/`). API clients ask the second "
        'step for a token (`"issue_token": true`) and send it as `Authorization: Bearer <token>`. '
        "Unsafe requests with the session need the `X-CSRFToken` header.\n\n"
        '**Errors.** Every error has the same JSON shape: `{"code", "message", "fields"}`.'
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "UserStatusEnum": "accounts.models.User.Status",
        "NoticeStatusEnum": "notices.models.Notice.Status",
        "RecipientKindEnum": ["natural", "legal"],
        "AppointmentStatusEnum": "offices.models.Appointment.Status",
        "ApplicationStatusEnum": "licensing.models.Application.Status",
        "LicenceStatusEnum": "licensing.models.Licence.Status",
        "LicenceRequestStatusEnum": "licensing.models.LicenceRequest.Status",
        "LicenceRequestKindEnum": "licensing.models.LicenceRequest.Kind",
        "FeeScheduleStatusEnum": "licensing.models.FeeSchedule.Status",
        "FeeKindEnum": "licensing.models.FeeSchedule.Kind",
        "InspectionStatusEnum": "licensing.models.Inspection.Status",
        "InspectionKindEnum": "licensing.models.Inspection.Kind",
        "ComplaintStatusEnum": "licensing.models.Complaint.Status",
        "ApplicationDocumentKindEnum": "licensing.models.ApplicationDocument.Kind",
        "DecisionEnum": "licensing.models.Decision",
        "FilingStatusEnum": "filings.models.Filing.Status",
        "FilingKindEnum": "filings.models.Kind",
        "PaymentStatusEnum": "filings.models.Payment.Status",
        "PaymentMethodEnum": "filings.models.Payment.Method",
        "FilingChannelEnum": "filings.models.Channel",
        "CaseStatusEnum": "discipline.models.Case.Status",
        "CaseSourceEnum": "discipline.models.Case.Source",
        "AccusedRoleEnum": "discipline.models.Case.AccusedRole",
        "HearingStatusEnum": "discipline.models.Session.Status",
        "RulingStatusEnum": "discipline.models.Ruling.Status",
        "RulingOutcomeEnum": "discipline.models.Outcome",
        "BoardTierEnum": "discipline.models.Tier",
        "SeatKindEnum": "discipline.models.Seat.Kind",
        "ChallengeKindEnum": "discipline.models.Challenge.Kind",
        "CourtCaseStatusEnum": "courts.models.Case.Status",
        "CourtHearingStatusEnum": "courts.models.Hearing.Status",
        "CourtActKindEnum": "courts.models.CourtAct.Kind",
        "CaseParticipantRoleEnum": "courts.models.Role",
        "FilingPartyRoleEnum": "filings.models.PartyRole",
        "EnforcementStatusEnum": "courts.models.Enforcement.Status",
        "CourtTypeEnum": "courts.models.CourtType",
        "PeriodCalendarEnum": "courts.models.PeriodNotice.Calendar",
    },
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums"],
    "PREPROCESSING_HOOKS": ["core.api.schema.only_domain_api"],
}
