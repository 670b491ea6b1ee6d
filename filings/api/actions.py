"""The filing's actions as API endpoints, one each, built from `filings.actions`: the wizard's
steps (PUT), documents, the transitions, signing, fees, payment and sending (FIL-3 … FIL-12).

Each endpoint validates its body with the action's serializer and documents it as the
action's own; the responses are the filing, or what the action made (a document, a
signature, a payment, a submission, a code sent).
"""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from core.actions import api_view
from core.api.parsers import FormParser, JSONParser, MultiPartParser
from filings import selectors
from filings.actions import FILING_ACTIONS
from filings.api.filing import render_filing
from filings.models import Payment
from filings.serializers import (
    STEP_SERIALIZERS,
    CodeSentSerializer,
    DocumentSerializer,
    DocumentUploadSerializer,
    FilingDetailSerializer,
    PaymentSerializer,
    PaySerializer,
    SignatureSerializer,
    SubmissionSerializer,
)

ANY_BODY = [JSONParser, FormParser, MultiPartParser]


def _run(name: str, request, pk, **data):
    """Run an action whose input comes from the URL, not the body."""
    act = FILING_ACTIONS[name]
    return act.run(actor=request.user, lookup=FILING_ACTIONS.lookup, pk=pk, data=data)


def _filing_endpoint(name: str):
    """An action answered with the filing (for `copy`, the new draft)."""
    act = FILING_ACTIONS[name]
    return api_view(
        FILING_ACTIONS,
        act,
        response=FilingDetailSerializer,
        render=lambda request, pk, filing: render_filing(filing, request, act.status_code),
    )


def _after_step(request, pk, warnings):
    response = render_filing(selectors.get_filing(actor=request.user, filing_id=pk), request)
    response.data["warnings"] = warnings or response.data["warnings"]
    return response


def step_view(step: str):
    """PUT `<pk>/steps/<step>/`: the step's own body, documented as such."""
    return api_view(
        FILING_ACTIONS,
        FILING_ACTIONS[f"step_{step}"],
        method="put",
        parsers=ANY_BODY,
        response=FilingDetailSerializer,
        render=_after_step,
        responses=FilingDetailSerializer,
        parameters=[OpenApiParameter("draft", bool, required=False)],
    )


STEP_VIEWS = {step: step_view(step) for step in STEP_SERIALIZERS}

prepare = _filing_endpoint("prepare")
reopen = _filing_endpoint("reopen")
cancel = _filing_endpoint("cancel")
copy = _filing_endpoint("copy")
fees = _filing_endpoint("fees")
verify = _filing_endpoint("verify")
forward = _filing_endpoint("forward")
office_return = _filing_endpoint("office_return")
accept = _filing_endpoint("accept")
reject = _filing_endpoint("reject")
court_return = _filing_endpoint("court_return")

documents = api_view(
    FILING_ACTIONS,
    FILING_ACTIONS["document_add"],
    response=DocumentSerializer,
    render=lambda request, pk, document: Response(
        DocumentSerializer(document).data, status=status.HTTP_201_CREATED
    ),
    request={"multipart/form-data": DocumentUploadSerializer},
)


@extend_schema(tags=["filings"], summary="Remove a document from a draft", responses={204: None})
class DocumentDeleteView(APIView):
    def delete(self, request, pk, document_id):
        _run("document_remove", request, pk, document_id=document_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _code_sent(request, pk, sent):
    return Response(CodeSentSerializer(sent).data)


sign_code = api_view(
    FILING_ACTIONS, FILING_ACTIONS["sign_code"], response=CodeSentSerializer, render=_code_sent
)
send_code = api_view(
    FILING_ACTIONS, FILING_ACTIONS["send_code"], response=CodeSentSerializer, render=_code_sent
)

sign = api_view(
    FILING_ACTIONS,
    FILING_ACTIONS["sign"],
    parsers=ANY_BODY,
    response=SignatureSerializer,
    render=lambda request, pk, signature: Response(
        SignatureSerializer(signature).data, status=status.HTTP_201_CREATED
    ),
)


def _submission(request, pk, result):
    submission, created = result
    return Response(
        SubmissionSerializer(submission).data,
        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
    )


send = api_view(
    FILING_ACTIONS,
    FILING_ACTIONS["send"],
    parsers=ANY_BODY,
    response=SubmissionSerializer,
    render=_submission,
    description=(
        "The same filing is never sent twice. Repeat a request with the same "
        "`Idempotency-Key` to get the same submission back (200); another send of a sent "
        "filing answers 409."
    ),
    parameters=[OpenApiParameter("Idempotency-Key", str, OpenApiParameter.HEADER)],
    responses={201: SubmissionSerializer, 200: SubmissionSerializer},
)


def _payment(request, pk, payment):
    code = (
        status.HTTP_202_ACCEPTED
        if payment.status == Payment.Status.PENDING
        else status.HTTP_201_CREATED
    )
    return Response(PaymentSerializer(payment).data, status=code)


pay = api_view(
    FILING_ACTIONS,
    FILING_ACTIONS["pay"],
    parsers=[JSONParser, MultiPartParser, FormParser],
    response=PaymentSerializer,
    render=_payment,
    description=(
        "Online: 201 with status succeeded or failed; 202 with status pending when the gateway "
        "did not answer in time — then ask `payments/{id}/check/`. With a card gateway's "
        "redirect protocol: 202, pending, with `redirect_url`, the gateway's page where the "
        "payer pays; the gateway sends them back and the payment is verified and settled."
    ),
    request={"multipart/form-data": PaySerializer, "application/json": PaySerializer},
    responses={201: PaymentSerializer, 202: PaymentSerializer},
)


@extend_schema(
    tags=["filings"],
    summary=FILING_ACTIONS["payment_check"].summary,
    request=None,
    responses=PaymentSerializer,
)
class PaymentCheckView(APIView):
    def post(self, request, pk, payment_id):
        payment = _run("payment_check", request, pk, payment_id=payment_id)
        return Response(PaymentSerializer(payment).data)
