"""Every step a user takes on a licensing object, declared once (`core.actions`).

Each table gives, per action, the service it calls, the serializer that validates its body,
its summary in the API's schema and, for the staff pages, its button's label. The API's POST
endpoints (`POST /api/v1/licensing/requests/{id}/propose/` …) are generated from these tables
(`licensing.api`), and the licence request page's form handler (`licensing.views`) uses the
request table: both validate with the same serializer and call the same service.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import status

from core.actions import Action, ActionTable
from licensing import association, selectors, services
from licensing.api.serializers import (
    BoardInput,
    BoardTermSerializer,
    CouncilSerializer,
    DecisionInput,
    DocumentInput,
    FeeSerializer,
    FindingsInput,
    InspectorInput,
    OptionalReasonInput,
    ReasonsInput,
    ReferInput,
    ReportInput,
    ReviewInput,
)

TAGS = ["licensing"]
RECORDED = _("Recorded.")

# --- Applications (LIC-2) ------------------------------------------------------------------------
APPLICATION_ACTIONS = ActionTable(
    tags=TAGS,
    lookup="application_id",
    actions=[
        Action(
            "documents",
            services.application_add_document,
            DocumentInput,
            summary="Add a document (the applicant, before the decision)",
            status_code=status.HTTP_201_CREATED,
            multipart=True,
        ),
        Action(
            "vet",
            services.application_vet,
            summary="Run the automatic vetting again (licensing staff)",
        ),
        Action(
            "accept",
            services.application_accept,
            ReasonsInput,
            summary="Accept a qualified applicant (licensing staff; LIC-2)",
        ),
        Action(
            "reject",
            services.application_reject,
            ReasonsInput,
            summary="Reject an application with reasons (licensing staff; LIC-2)",
        ),
        Action(
            "withdraw",
            services.application_withdraw,
            OptionalReasonInput,
            summary="Withdraw one's application before the decision",
        ),
    ],
)

# --- Licence requests (LIC-3): the API's endpoints and the request page's buttons ----------------
REQUEST_ACTIONS = ActionTable(
    tags=TAGS,
    lookup="request_id",
    visible=selectors.get_request,
    actions=[
        Action(
            "start_review",
            services.request_start_review,
            OptionalReasonInput,
            summary="A Council member takes the request up (LIC-3)",
            label=_("Take up for Council review"),
            done=RECORDED,
        ),
        Action(
            "propose",
            services.request_propose,
            DecisionInput,
            summary="The Council's proposal, approve or reject, with reasons (LIC-3)",
            label=_("Council proposal"),
            done=RECORDED,
        ),
        Action(
            "give_opinion",
            services.request_give_opinion,
            DecisionInput,
            summary="The GD's opinion for the centre head (licensing staff; LIC-3)",
            label=_("General Directorate opinion"),
            done=RECORDED,
            url_path="opinion",
            url_name="opinion",
        ),
        Action(
            "decide",
            services.request_decide,
            DecisionInput,
            summary="The centre head's decision; an approval is applied at once (LIC-3)",
            label=_("Decision of the centre head"),
            done=RECORDED,
        ),
        Action(
            "cancel",
            services.request_cancel,
            OptionalReasonInput,
            summary="The requester cancels before the Council takes it up",
            label=_("Cancel the request"),
            done=RECORDED,
        ),
    ],
)

# --- Fee schedules (LIC-8) -----------------------------------------------------------------------
FEE_ACTIONS = ActionTable(
    tags=TAGS,
    lookup="fee_id",
    actions=[
        Action(
            "opinion",
            services.fee_give_opinion,
            DecisionInput,
            summary="The GD's opinion on a proposed fee (LIC-8)",
            response=FeeSerializer,
        ),
        Action(
            "decide",
            services.fee_decide,
            DecisionInput,
            summary="The centre head approves or rejects a fee (LIC-8)",
            response=FeeSerializer,
        ),
    ],
)

# --- Council (LIC-4) -----------------------------------------------------------------------------
COUNCIL_ACTIONS = ActionTable(
    tags=TAGS,
    lookup="membership_id",
    actions=[
        Action(
            "end",
            services.council_end,
            summary="End a Council term early (the centre head)",
            response=CouncilSerializer,
        ),
    ],
)

# --- Associations (ASC-1, ASC-2) -----------------------------------------------------------------
ASSOCIATION_ACTIONS = ActionTable(
    tags=TAGS,
    lookup="association_id",
    actions=[
        Action(
            "board",
            association.board_appoint,
            BoardInput,
            summary="Appoint a board member for a 3-year term (the centre head; ASC-1)",
            status_code=status.HTTP_201_CREATED,
            response=BoardTermSerializer,
        ),
        Action(
            "inspectors",
            association.inspector_add,
            InspectorInput,
            summary="Name an inspector of the Association (its board or the GD; ASC-2)",
        ),
    ],
)

# --- Inspections (ASC-2) -------------------------------------------------------------------------
INSPECTION_ACTIONS = ActionTable(
    tags=TAGS,
    lookup="inspection_id",
    actions=[
        Action(
            "report",
            association.inspection_report,
            ReportInput,
            summary="File the reasoned, documented report to the GD (the inspector; ASC-2)",
            multipart=True,
        ),
        Action(
            "review",
            association.inspection_review,
            ReviewInput,
            summary="The GD has reviewed the report",
        ),
        Action(
            "refer",
            association.inspection_refer,
            ReferInput,
            summary="Record the disciplinary case opened from the report (licensing staff)",
        ),
    ],
)

# --- Complaints (ASC-3) --------------------------------------------------------------------------
COMPLAINT_ACTIONS = ActionTable(
    tags=TAGS,
    lookup="complaint_id",
    actions=[
        Action(
            "forward",
            association.complaint_forward,
            FindingsInput,
            summary="The board reports the complaint to the GD with its findings (ASC-3)",
        ),
        Action(
            "dismiss",
            association.complaint_dismiss,
            FindingsInput,
            summary="The board dismisses the complaint with reasons",
        ),
        Action(
            "refer",
            association.complaint_refer,
            ReferInput,
            summary="Record the disciplinary case opened from the complaint (licensing staff)",
        ),
    ],
)
