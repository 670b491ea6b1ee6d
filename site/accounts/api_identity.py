"""The accounts API of identity assurance (ID-9), the proof-of-work challenge (ID-11) and
device tokens (ID-12): parse, call a service, render."""

from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import guard, serializers, services
from accounts.api import ACCOUNT_TAG, AUTH_TAG, AuthView
from accounts.authentication import client_address
from core.api import validated_input as _valid


class ProofChallengeView(AuthView):
    @extend_schema(
        tags=AUTH_TAG,
        responses={200: serializers.ProofChallengeSerializer},
        summary="A proof-of-work challenge (ID-11)",
        description=(
            "Needed only after a 429 `challenge_required`: find `number` (0 … `maxnumber`) "
            "such that SHA-256(`salt` + `number`) is `challenge`, and send "
            "base64(JSON {algorithm, challenge, number, salt, signature}) as `proof` with the "
            "next attempt. Each solution is accepted once, until the expiry in the salt."
        ),
    )
    def get(self, request):
        return Response(guard.new_challenge())


class IdentityVerifyView(APIView):
    permission_classes = [IsAuthenticated]
    throttle_scope = "auth"

    @extend_schema(
        tags=ACCOUNT_TAG,
        request=serializers.IdentityVerifySerializer,
        responses={200: serializers.MeSerializer},
        summary="Verify my identity online (ID-9)",
        description=(
            "The civil registry checks national ID, name, birth date and ID-card serial, and the "
            "mobile operators' check that the account's mobile belongs to the national ID. "
            "400 `identity_not_confirmed` when either says no (counts toward a lock); 503 "
            "`provider_unavailable` when a check cannot answer; 409 `already_verified`. The "
            "other way is in person at any office."
        ),
    )
    def post(self, request):
        data = _valid(serializers.IdentityVerifySerializer, request)
        user = services.identity_verify_remote(
            actor=request.user, **data, source=client_address(request)
        )
        return Response(serializers.MeSerializer(user).data)


# --- device tokens (ID-12) ------------------------------------------------------------------------


@extend_schema(tags=ACCOUNT_TAG, summary="My device tokens (ID-12)")
class TokenListView(generics.ListAPIView):
    serializer_class = serializers.DeviceTokenSerializer
    filter_backends = []

    def get_queryset(self):
        return services.tokens_of(actor=self.request.user)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "current": self.request.auth}


class TokenDetailView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=ACCOUNT_TAG,
        request=None,
        responses={204: None},
        summary="Revoke one of my device tokens (ID-12)",
    )
    def delete(self, request, key):
        services.token_revoke(actor=request.user, token_key=key)
        return Response(status=status.HTTP_204_NO_CONTENT)
