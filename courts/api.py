"""/api/v1/courts/…: the court picker and its lists (CAS-1), my cases and the case
(CAS-3, CAS-4), the case's actions (CAS-2, CAS-6, CAS-7), my hearings (CAS-6), following a
case by its password (CAS-7), coming deadlines (CAS-8)."""

from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import generics, mixins, serializers, status, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from core.actions import with_actions
from core.api import validated_input
from core.exceptions import NotFound
from courts import deadlines, following, selectors, services
from courts.actions import CASE_ACTIONS, TAGS
from courts.casefile import of_case
from courts.models import CourtType
from courts.serializers import (
    ApplicationTypeSerializer,
    CaseDetailSerializer,
    CaseSummarySerializer,
    CategorySerializer,
    CourtBranchSerializer,
    FollowInput,
    HearingSerializer,
    VerifiedSerializer,
    VerifyInput,
)

PICKER = [
    OpenApiParameter("q", str, description="Part of the court's or branch's name, or a code"),
    OpenApiParameter("city", str),
    OpenApiParameter("type", str, enum=CourtType.values),
    OpenApiParameter("country", str, enum=["IR", "AZ"]),
]


class CourtPickerView(generics.ListAPIView):
    serializer_class = CourtBranchSerializer

    def get_queryset(self):
        p = self.request.query_params
        return selectors.court_branches(
            q=p.get("q", "").strip(),
            city=p.get("city", "").strip(),
            court_type=p.get("type", "").strip(),
            country=p.get("country", "").strip(),
        )

    @extend_schema(tags=TAGS, summary="The court picker (CAS-1)", parameters=PICKER)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class ApplicationTypesView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="The kinds of application a court type takes (CAS-1)",
        parameters=[OpenApiParameter("type", str, enum=CourtType.values)],
        responses=ApplicationTypeSerializer(many=True),
    )
    def get(self, request):
        rows = selectors.application_types(request.query_params.get("type", ""))
        return Response(ApplicationTypeSerializer(rows, many=True).data)


class CategoriesView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="Categories and subcategories of a court type (CAS-1)",
        parameters=[OpenApiParameter("type", str, enum=CourtType.values)],
        responses=CategorySerializer(many=True),
    )
    def get(self, request):
        rows = selectors.categories(request.query_params.get("type", ""))
        return Response(CategorySerializer(rows, many=True).data)


CASE_FILTERS = [
    OpenApiParameter(name, str)
    for name in ("number", "status", "type", "court", "participant", "as")
] + [OpenApiParameter("opened_from", str), OpenApiParameter("opened_until", str)]


class CaseTimelineEntrySerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    kind = serializers.CharField()
    title = serializers.CharField()
    detail = serializers.CharField()
    object_id = serializers.IntegerField(allow_null=True)


@extend_schema_view(
    list=extend_schema(tags=TAGS, summary="My cases (CAS-3)", parameters=CASE_FILTERS),
    retrieve=extend_schema(tags=TAGS, summary="A case (CAS-4)"),
)
@with_actions(CASE_ACTIONS, response=CaseDetailSerializer)
class CaseViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    def get_serializer_class(self):
        return CaseSummarySerializer if self.action == "list" else CaseDetailSerializer

    def get_queryset(self):
        if self.action == "list":
            return selectors.my_cases(actor=self.request.user, filters=self.request.query_params)
        return selectors.cases_visible_to(self.request.user)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["roles"] = getattr(self, "_roles", {})
        return context

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        self._roles = selectors.roles_in(page or [], self.request.user)
        return page

    def retrieve(self, request, pk=None):
        return self._render(pk)

    def _render(self, pk, code=status.HTTP_200_OK):
        case = selectors.get_case(actor=self.request.user, case_id=pk)
        self._roles = selectors.roles_in([case], self.request.user)
        return Response(self.get_serializer(case).data, code)


class CaseTimelineView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="The case's one timeline (CAS-4)",
        responses=CaseTimelineEntrySerializer(many=True),
    )
    def get(self, request, pk):
        case = selectors.get_case(actor=request.user, case_id=pk)
        return Response(CaseTimelineEntrySerializer(of_case(case, request.user), many=True).data)


class MyHearingsView(generics.ListAPIView):
    serializer_class = HearingSerializer

    def get_queryset(self):
        p = self.request.query_params
        return selectors.my_hearings(
            actor=self.request.user,
            court=p.get("court", "").strip(),
            status=p.get("status", "").strip(),
            since=deadlines.parse_day(p.get("from")),
            until=deadlines.parse_day(p.get("until"), end=True),
        )

    @extend_schema(
        tags=TAGS,
        summary="My hearings (CAS-6)",
        parameters=[
            OpenApiParameter("court", str),
            OpenApiParameter("status", str),
            OpenApiParameter("from", str),
            OpenApiParameter("until", str),
        ],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class FollowView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="Follow a case by number + sub-row + case password (CAS-7, NOT-6)",
        description="A wrong password, an unknown case and someone else's case all answer "
        "404; each counts toward the lockout of the account and the source address.",
        request=FollowInput,
        responses={200: following.FollowSerializer},
    )
    def post(self, request):
        data = validated_input(FollowInput, request)
        result = following.follow(
            actor=request.user,
            case_number=data["case_number"],
            sub_row=data["sub_row"],
            password=data["password"],
            ip=request.META.get("REMOTE_ADDR"),
        )
        return Response(following.FollowSerializer(result).data)


class DeadlinesView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="My coming deadlines (CAS-8)",
        responses=deadlines.DeadlineSerializer(many=True),
    )
    def get(self, request):
        rows = deadlines.coming(actor=request.user)
        return Response(deadlines.DeadlineSerializer(rows, many=True).data)


class ActFileView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="A court act's sealed PDF (CAS-5)",
        responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY)},
    )
    def get(self, request, pk):
        act = selectors.get_act(actor=request.user, act_id=pk)
        if not act.file:
            raise NotFound()
        return FileResponse(
            act.file.open("rb"),
            as_attachment=True,
            filename=f"act-{act.verification_code}.pdf",
            content_type="application/pdf",
        )


class VerifyView(APIView):
    """Public: confirms a court act from its code and hash, without its content (CAS-5)."""

    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(
        tags=TAGS,
        summary="Verify a court act by its code and the SHA-256 of its file (CAS-5)",
        parameters=[OpenApiParameter("code", str), OpenApiParameter("sha256", str)],
        responses=VerifiedSerializer,
    )
    def get(self, request):
        data = VerifyInput(data=request.query_params)
        data.is_valid(raise_exception=True)
        act = services.verify_document(
            code=data.validated_data["code"], sha256=data.validated_data["sha256"]
        )
        body = {"valid": act is not None, "kind": None, "issued_at": None, "court": None}
        if act is not None:
            body.update(kind=act.kind, issued_at=act.issued_at, court=act.case.branch.name)
        return Response(VerifiedSerializer(body).data)
