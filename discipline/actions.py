"""Everything a user can do to a board, a case, a hearing or a ruling (DIS-2 … DIS-11),
declared once: the service it calls, the serializer that validates its body, what the API
answers and what the page says. `discipline.api` builds one POST endpoint per row
(`with_actions`), `discipline.views.CaseActionPage` the case page's forms.

The services look the object up among those the actor may see (404 otherwise), so the API
checks the input first (`INPUT_FIRST` in the permission matrix); the pages find the case
first.
"""

from rest_framework import status

from core.actions import Action, ActionTable
from discipline import selectors, services
from discipline.inputs import (
    AppealBoardInput,
    AttendanceInput,
    CaseDocumentInput,
    ChairVoteInput,
    DraftInput,
    GroundsInput,
    NoteInput,
    ReferralInput,
    ScheduleInput,
    SeatInput,
    VoteInput,
)
from discipline.serializers import (
    CaseDocumentSerializer,
    ChallengeSerializer,
    RulingSerializer,
    SessionSerializer,
)

TAGS = ["discipline"]
CREATED = status.HTTP_201_CREATED

BOARD_ACTIONS = ActionTable(
    tags=TAGS,
    lookup="board_id",
    actions=[
        Action(
            "seats",
            services.seat_appoint,
            SeatInput,
            summary="Appoint a member (centre head; DIS-2)",
            status_code=CREATED,
        ),
        Action(
            "end_seat",
            services.seat_end,
            summary="End a member's seat (centre head)",
            url_path=r"seats/(?P<seat_id>\d+)/end",
        ),
        Action(
            "elect_chair",
            services.chair_vote,
            ChairVoteInput,
            summary="Vote for the chair among the judges (members; DIS-3)",
        ),
    ],
)

CASE_ACTIONS = ActionTable(
    tags=TAGS,
    lookup="case_id",
    visible=selectors.get_case,
    actions=[
        Action(
            "schedule",
            services.session_schedule,
            ScheduleInput,
            summary="Schedule a hearing and summon the accused (chair; DIS-4)",
            transition="schedule_hearing",
            url_path="sessions",
            url_name="sessions",
            result=SessionSerializer,
            status_code=CREATED,
        ),
        Action(
            "withdrawal",
            services.case_record_withdrawal,
            NoteInput,
            summary="Record the withdrawal of the complaint (GD; DIS-10)",
            transition="record_withdrawal",
        ),
        Action(
            "assign_appeal_board",
            services.case_assign_appeal_board,
            AppealBoardInput,
            summary="Put the case before an appeal board (GD)",
        ),
        Action(
            "refer",
            services.case_refer_crime,
            ReferralInput,
            summary="Refer a crime to the judicial authority (board member; DIS-11)",
            transition="refer_crime",
            url_path="referrals",
            url_name="referrals",
            status_code=CREATED,
        ),
        Action(
            "appeal",
            services.ruling_appeal,
            GroundsInput,
            summary="Appeal a grade 5-6 ruling within 20 days of service (accused; DIS-6)",
            result=ChallengeSerializer,
            status_code=CREATED,
        ),
        Action(
            "object",
            services.ruling_object,
            GroundsInput,
            summary="Object to a first-instance ruling (centre head; DIS-7)",
            result=ChallengeSerializer,
            status_code=CREATED,
        ),
        Action(
            "documents",
            services.case_add_document,
            CaseDocumentInput,
            summary="Add a paper to the case (GD or the case's board)",
            result=CaseDocumentSerializer,
            status_code=CREATED,
            multipart=True,
        ),
    ],
)

SESSION_ACTIONS = ActionTable(
    tags=TAGS,
    lookup="session_id",
    actions=[
        Action(
            "attendance",
            services.session_record_attendance,
            AttendanceInput,
            summary="Record attendance (chair); not all present: cannot rule (DIS-4)",
            transition="record_attendance",
        ),
        Action(
            "vote",
            services.session_vote,
            VoteInput,
            summary="Cast one's vote (member; DIS-4, DIS-5, DIS-9)",
            transition="vote",
        ),
        Action(
            "draft",
            services.ruling_draft,
            DraftInput,
            summary="Draft the majority's ruling (chair; DIS-4)",
            transition="conclude",
            url_path="ruling",
            url_name="ruling",
            result=RulingSerializer,
            status_code=CREATED,
        ),
    ],
)

RULING_ACTIONS = ActionTable(
    tags=TAGS,
    lookup="ruling_id",
    actions=[
        Action(
            "issue",
            services.ruling_issue,
            summary="Issue the ruling and serve it as a notice (chair; DIS-6)",
            transition="issue",
        ),
    ],
)
