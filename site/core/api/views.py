"""Read-only audit endpoints (AUD-3)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from core import audit
from core.exceptions import NotFound


class ActorSerializer(serializers.Serializer):
    id = serializers.IntegerField(allow_null=True)
    name = serializers.CharField()


class ChangeSerializer(serializers.Serializer):
    field = serializers.CharField()
    old = serializers.JSONField(allow_null=True)
    new = serializers.JSONField(allow_null=True)


class TimelineEntrySerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["change", "transition"])
    time = serializers.DateTimeField()
    actor = ActorSerializer(allow_null=True)
    action = serializers.CharField(help_text=_("created/changed, or the transition's name"))
    reason = serializers.CharField(allow_blank=True)
    changes = ChangeSerializer(many=True)
    source = serializers.CharField(
        required=False, source="from", help_text=_("State before a transition")
    )
    target = serializers.CharField(
        required=False, source="to", help_text=_("State after a transition")
    )


class TimelineSerializer(serializers.Serializer):
    object = serializers.CharField()
    entries = TimelineEntrySerializer(many=True)


class TimelineView(APIView):
    """The full history of one object the caller may see: every change and transition,
    with actor, time and reason. Nothing here can be changed or deleted (AUD-2)."""

    @extend_schema(
        operation_id="audit_timeline",
        parameters=[
            OpenApiParameter(
                "label",
                str,
                OpenApiParameter.PATH,
                description="app_label.model, e.g. accounts.user",
            ),
            OpenApiParameter("pk", str, OpenApiParameter.PATH),
        ],
        responses=TimelineSerializer,
    )
    def get(self, request, label, pk):
        registration = audit.registration(label)
        if registration is None:
            raise NotFound()
        try:
            obj = registration.visible(request.user).filter(pk=pk).first()
        except (ValueError, TypeError):
            obj = None
        if obj is None:
            raise NotFound()
        data = {
            "object": f"{registration.model._meta.label_lower}:{obj.pk}",
            "entries": audit.timeline(obj, viewer=request.user),
        }
        return Response(TimelineSerializer(data).data)
