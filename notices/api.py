"""The notices API under /api/v1/notices/ (NOT-1 … NOT-8).

Reading never serves a notice. Listing (`GET /notices/`), the detail (`GET /notices/{id}/`),
the service info and the lookups never count as a view. The one action that serves is the
explicit `POST /notices/{id}/view/`, taken by the signed-in recipient (or an authorised
person of a legal recipient): a scanner or prefetcher that follows a URL cannot serve a
notice. Until the notice has been opened, the detail hides its content (subject, body,
attachments) from the recipient's side, as the seed's "new notices" table does.
"""

import json

from django.core import exceptions as django_exceptions
from django.http import FileResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    extend_schema,
    extend_schema_field,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import generics, renderers, serializers, status
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from accounts import identity
from accounts.models import LegalPerson, User
from accounts.national_id import schemes, validate_national_id
from core.api import validated_input as _valid
from core.api.parsers import FormParser, JSONParser, MultiPartParser
from core.api.schema import stored_file_responses
from core.exceptions import Conflict
from notices import selectors, services
from notices.dates import parse_issue_date
from notices.filters import IssuedNoticeFilter, NoticeFilter
from notices.models import Branch, Notice
from notices.permissions import IsIssuer


def client_ip(request) -> str | None:
    """The caller's address, honouring REST_FRAMEWORK["NUM_PROXIES"] like the throttles."""
    return BaseThrottle().get_ident(request) or None


# --- Serializers ---------------------------------------------------------------------------
class BranchSerializer(serializers.ModelSerializer):
    class Meta:
        model = Branch
        fields = ["code", "name", "kind"]


class AttachmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="original_name")
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    download_url = serializers.SerializerMethodField()

    def get_download_url(self, obj) -> str:
        return f"/api/v1/notices/{obj.notice_id}/attachments/{obj.pk}/"


class RecipientSchema(serializers.Serializer):
    """The recipient as issuers see it: `id` is the national ID or legal entity ID."""

    kind = serializers.ChoiceField(choices=["natural", "legal"])
    name = serializers.CharField(allow_null=True)
    id = serializers.CharField()


class InboxRecipientSchema(serializers.Serializer):
    """The recipient as the inbox shows it: `id` is the user's or legal person's id."""

    kind = serializers.ChoiceField(choices=["natural", "legal"])
    name = serializers.CharField(allow_null=True)
    id = serializers.IntegerField()


@extend_schema_field(InboxRecipientSchema)
class RecipientField(serializers.Field):
    def to_representation(self, notice):
        if notice.recipient_legal_id:
            return {
                "kind": "legal",
                "name": notice.recipient_legal.name,
                "id": notice.recipient_legal_id,
            }
        return {"kind": "natural", "name": None, "id": notice.recipient_user_id}


class NoticeSummarySerializer(serializers.ModelSerializer):
    """A row of the inbox (NOT-3). A new (unopened) notice shows only its number, issue date
    and recipient; case number, subject and branch appear once it has been opened."""

    seen = serializers.BooleanField(source="is_seen", read_only=True)
    # The content fields are null until the notice has been opened (see to_representation).
    branch = BranchSerializer(read_only=True, allow_null=True)
    recipient = RecipientField(source="*", read_only=True)

    CONTENT_FIELDS = ("case_number", "case_sub_row", "subject", "branch")

    class Meta:
        model = Notice
        fields = [
            "id",
            "notice_number",
            "issued_at",
            "seen",
            "recipient",
            "case_number",
            "case_sub_row",
            "subject",
            "branch",
            "first_viewed_at",
            "view_count",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "case_number": {"allow_null": True},
            "case_sub_row": {"allow_null": True},
            "subject": {"allow_null": True},
        }

    def _reveals(self, notice) -> bool:
        return notice.is_seen or self.context.get("as_issuer", False)

    def to_representation(self, notice):
        data = super().to_representation(notice)
        if not self._reveals(notice):
            for name in self.CONTENT_FIELDS:
                data[name] = None
        return data


class ServiceInfoSerializer(serializers.ModelSerializer):
    """The service record (NOT-4, NOT-5): what happened when, and which service counts."""

    served_at = serializers.SerializerMethodField()
    service_kind = serializers.SerializerMethodField()

    class Meta:
        model = Notice
        fields = [
            "status",
            "delivered_at",
            "first_viewed_at",
            "view_count",
            "deemed_service_due_at",
            "deemed_served_at",
            "served_at",
            "service_kind",
        ]
        read_only_fields = fields

    def get_served_at(self, notice) -> str | None:
        moment, _kind = services.served_at(notice)
        return serializers.DateTimeField().to_representation(moment) if moment else None

    def get_service_kind(self, notice) -> str | None:
        return services.served_at(notice)[1]


class NoticeDetailSerializer(NoticeSummarySerializer):
    body = serializers.CharField(read_only=True, allow_null=True)
    attachments = AttachmentSerializer(many=True, read_only=True, allow_null=True)
    service = ServiceInfoSerializer(source="*", read_only=True)

    CONTENT_FIELDS = (*NoticeSummarySerializer.CONTENT_FIELDS, "body", "attachments")

    class Meta(NoticeSummarySerializer.Meta):
        fields = [*NoticeSummarySerializer.Meta.fields, "body", "attachments", "service"]
        read_only_fields = fields


class IssuedNoticeSerializer(NoticeSummarySerializer):
    recipient = serializers.SerializerMethodField()
    status = serializers.CharField(read_only=True)
    served_at = serializers.DateTimeField(read_only=True, allow_null=True)
    service_kind = serializers.CharField(read_only=True)

    class Meta(NoticeSummarySerializer.Meta):
        fields = [*NoticeSummarySerializer.Meta.fields, "status", "served_at", "service_kind"]
        read_only_fields = fields

    def _reveals(self, notice) -> bool:
        return True

    @extend_schema_field(RecipientSchema)
    def get_recipient(self, notice) -> dict:
        if notice.recipient_legal_id:
            return {
                "kind": "legal",
                "name": notice.recipient_legal.name,
                "id": notice.recipient_legal.legal_id,
            }
        user = notice.recipient_user
        if user is None:  # waiting for a verified account of the national ID (ID-9)
            return {"kind": "natural", "name": None, "id": notice.addressed_national_id}
        return {"kind": "natural", "name": user.get_full_name(), "id": user.national_id}


def _valid_national_id(value: str) -> str:
    """The national ID in its normal form under any known scheme, or a field error."""
    for scheme in schemes():
        try:
            return validate_national_id(value, scheme)
        except django_exceptions.ValidationError:
            continue
    raise serializers.ValidationError(
        {"recipient_national_id": [_("This is not a valid national ID.")]}
    )


class IssueSerializer(serializers.Serializer):
    branch = serializers.SlugRelatedField(slug_field="code", queryset=Branch.objects.all())
    recipient_national_id = serializers.CharField(required=False, allow_blank=True)
    recipient_legal_id = serializers.CharField(required=False, allow_blank=True)
    case_number = serializers.RegexField(r"^\d{16}$", help_text=_("16 digits."))
    case_sub_row = serializers.IntegerField(min_value=1, default=1)
    subject = serializers.CharField(max_length=255)
    body = serializers.CharField()
    issued_at = serializers.DateTimeField(required=False)
    attachments = serializers.ListField(
        child=serializers.FileField(), required=False, help_text=_("PDF or JPEG files.")
    )

    def validate(self, attrs):
        national_id = (attrs.get("recipient_national_id") or "").strip()
        legal_id = (attrs.get("recipient_legal_id") or "").strip()
        if bool(national_id) == bool(legal_id):
            raise serializers.ValidationError(
                {
                    "recipient_national_id": [
                        _("Give exactly one of national ID or legal entity ID.")
                    ]
                }
            )
        if national_id:
            # ID-9: a national ID without a (verified) account is a valid recipient: the
            # notice waits for its account to be verified.
            recipient = User.objects.filter(national_id=national_id).first()
            if recipient is None:
                recipient = _valid_national_id(national_id)
        else:
            recipient = LegalPerson.objects.filter(legal_id=legal_id).first()
            if recipient is None:
                raise serializers.ValidationError(
                    {"recipient_legal_id": [_("No account has this ID.")]}
                )
        attrs["recipient"] = recipient
        return attrs


class LookupByCaseSerializer(serializers.Serializer):
    case_number = serializers.RegexField(r"^\d{16}$")
    case_sub_row = serializers.IntegerField(min_value=1)
    password = serializers.CharField(
        max_length=128, trim_whitespace=False, style={"input_type": "password"}
    )


class LookupByNumberSerializer(serializers.Serializer):
    notice_number = serializers.RegexField(r"^\d{6,18}$")
    issue_date = serializers.CharField(
        help_text=_("Issue date: Gregorian (2025-08-03) or Jalali (1404-05-12).")
    )

    def validate_issue_date(self, value):
        try:
            return parse_issue_date(value)
        except ValueError:
            raise serializers.ValidationError(_("Not a valid date.")) from None


# --- Views ---------------------------------------------------------------------------------
@extend_schema(tags=["notices"], summary="The recipient's inbox (NOT-3); never marks a view")
class InboxView(generics.ListAPIView):
    serializer_class = NoticeSummarySerializer
    filterset_class = NoticeFilter
    ordering_fields = ["issued_at"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema's generation
            return Notice.objects.none()
        # ID-9: say what is missing, rather than an inbox that looks empty.
        identity.require_level(self.request.user, "notices")
        return selectors.inbox(actor=self.request.user)


@extend_schema(
    tags=["notices"],
    summary="Number of new (unopened) notices",
    responses=inline_serializer("UnseenCount", {"unseen": serializers.IntegerField()}),
)
class UnseenCountView(APIView):
    def get(self, request):
        return Response({"unseen": selectors.unseen_count(actor=request.user)})


@extend_schema(
    tags=["notices"],
    summary="A notice (never marks a view; content hidden from the recipient until opened)",
    responses=NoticeDetailSerializer,
)
class NoticeDetailView(APIView):
    def get(self, request, pk):
        notice = selectors.get_notice(actor=request.user, notice_id=pk)
        as_issuer = selectors.is_issuer_side(request.user, notice)
        return Response(NoticeDetailSerializer(notice, context={"as_issuer": as_issuer}).data)


@extend_schema(
    tags=["notices"],
    summary="Open the notice: the recipient's view that serves it (NOT-4, NOT-8)",
    description=(
        "The only action that counts as a view. The first one records the first view time "
        "(once, never changed) and, unless the deemed-service moment has passed, serves the "
        "notice; each one increases the view count. Issuers get 403."
    ),
    request=None,
    responses=NoticeDetailSerializer,
)
class NoticeOpenView(APIView):
    def post(self, request, pk):
        notice = services.view_notice(actor=request.user, notice_id=pk, ip=client_ip(request))
        return Response(NoticeDetailSerializer(notice).data)


@extend_schema(
    tags=["notices"],
    summary="Service record of a notice (NOT-4, NOT-5)",
    responses=ServiceInfoSerializer,
)
class ServiceInfoView(APIView):
    def get(self, request, pk):
        notice = selectors.get_notice(actor=request.user, notice_id=pk)
        return Response(ServiceInfoSerializer(notice).data)


class AnyMediaRenderer(renderers.BaseRenderer):
    """Lets a client ask for the file's own type; errors are still JSON."""

    media_type = "*/*"
    format = "file"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, (dict, list)):
            return json.dumps(data).encode()
        return data


@extend_schema(
    tags=["notices"],
    summary="Download an attachment (recipient, its authorised persons, issuer; NOT-7)",
    responses=stored_file_responses(),
)
class AttachmentDownloadView(APIView):
    renderer_classes = [renderers.JSONRenderer, AnyMediaRenderer]

    def get(self, request, pk, attachment_id):
        return attachment_response(request.user, pk, attachment_id)


def attachment_response(actor, notice_id, attachment_id) -> FileResponse:
    notice, attachment = selectors.visible_attachment(
        actor=actor, notice_id=notice_id, attachment_id=attachment_id
    )
    if not notice.is_seen and not selectors.is_issuer_side(actor, notice):
        raise Conflict(_("Open the notice first."), code="not_opened")
    ext = "pdf" if attachment.content_type == "application/pdf" else "jpg"
    response = FileResponse(
        attachment.file.open("rb"),
        content_type=attachment.content_type,
        as_attachment=True,
        filename=f"{notice.notice_number}-{attachment.pk}.{ext}",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@extend_schema(
    tags=["notices"],
    summary="Retrieve notices by case number + sub-row + case password (NOT-3, NOT-6)",
    description=(
        "A wrong password, an unknown case and someone else's case all answer 404; each counts "
        "toward the lock of the account and the source address (429 once locked)."
    ),
    request=LookupByCaseSerializer,
    responses=NoticeSummarySerializer(many=True),
)
class LookupByCaseView(APIView):
    def post(self, request):
        data = _valid(LookupByCaseSerializer, request)
        notices = selectors.by_case_password(
            actor=request.user,
            case_number=data["case_number"],
            sub_row=data["case_sub_row"],
            password=data["password"],
            ip=client_ip(request),
        )
        return Response(NoticeSummarySerializer(list(notices[:200]), many=True).data)


@extend_schema(
    tags=["notices"],
    summary="Retrieve a notice by notice number + issue date (NOT-3)",
    description="Someone else's notice answers 404, exactly like a missing one.",
    request=LookupByNumberSerializer,
    responses=NoticeSummarySerializer,
)
class LookupByNumberView(APIView):
    def post(self, request):
        data = _valid(LookupByNumberSerializer, request)
        notice = selectors.by_number(
            actor=request.user, notice_number=data["notice_number"], issue_date=data["issue_date"]
        )
        return Response(NoticeSummarySerializer(notice).data)


@extend_schema_view(
    get=extend_schema(tags=["notices"], summary="Notices issued by the caller's branches"),
    post=extend_schema(
        tags=["notices"],
        summary="Issue a notice (court clerks of the branch; NOT-1, NOT-2)",
        request={"multipart/form-data": IssueSerializer, "application/json": IssueSerializer},
        responses={201: IssuedNoticeSerializer},
    ),
)
class IssuedNoticesView(generics.ListAPIView):
    permission_classes = [IsIssuer]
    serializer_class = IssuedNoticeSerializer
    filterset_class = IssuedNoticeFilter
    ordering_fields = ["issued_at"]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get_queryset(self):
        return selectors.issued_by_branches(actor=self.request.user)

    def post(self, request):
        data = _valid(IssueSerializer, request)
        notice = services.issue_notice(
            actor=request.user,
            branch=data["branch"],
            recipient=data["recipient"],
            case_number=data["case_number"],
            case_sub_row=data["case_sub_row"],
            subject=data["subject"],
            body=data["body"],
            issued_at=data.get("issued_at"),
            attachments=data.get("attachments", []),
        )
        return Response(IssuedNoticeSerializer(notice).data, status=status.HTTP_201_CREATED)
