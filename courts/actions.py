"""What a user can do to a case, declared once (CAS-2, CAS-5 … CAS-9): the clerk's
management of participants, judge, status and result, hearings, acts and enforcement, and
a participant's renewal of their case password. `courts.api` serves each row as a POST
endpoint, `courts.views.CaseActionPage` the case page's forms."""

from django.utils.translation import gettext_lazy as _
from rest_framework import status

from core.actions import Action, ActionTable
from core.exceptions import NotFound
from courts import selectors, services
from courts.serializers import (
    ActInput,
    CaseUpdateInput,
    CourtActSerializer,
    EnforcementSerializer,
    HearingInput,
    HearingResultInput,
    HearingSerializer,
    ParticipantInput,
    ParticipantSerializer,
    PeriodNoticeInput,
)

TAGS = ["courts"]
CREATED = status.HTTP_201_CREATED


def visible_case(user, pk):
    try:
        return selectors.get_case(actor=user, case_id=pk)
    except NotFound:
        return None


CASE_ACTIONS = ActionTable(
    tags=TAGS,
    lookup="case_id",
    visible=visible_case,
    actions=[
        Action(
            "participants",
            services.participant_add,
            ParticipantInput,
            summary="Add a participant (court clerk; CAS-2)",
            label=_("Add a participant"),
            done=_("The participant was added."),
            result=ParticipantSerializer,
            status_code=CREATED,
        ),
        Action(
            "remove_participant",
            services.participant_remove,
            summary="A participant leaves the case (court clerk; CAS-2)",
            label=_("Remove"),
            done=_("The participant was removed."),
            url_path=r"participants/(?P<sub_row>\d+)/remove",
        ),
        Action(
            "case_update",
            services.case_update,
            CaseUpdateInput,
            summary="Record the judge, status or result (court clerk; CAS-2)",
            label=_("Save the case"),
            done=_("The case was saved."),
            url_path="update",
            url_name="update",
        ),
        Action(
            "hearings",
            services.hearing_schedule,
            HearingInput,
            summary="Schedule a hearing; every participant is served a notice (CAS-6)",
            label=_("Schedule a hearing"),
            done=_("The hearing was scheduled and every participant notified."),
            result=HearingSerializer,
            status_code=CREATED,
        ),
        Action(
            "reschedule",
            services.hearing_reschedule,
            HearingInput,
            summary="Move a hearing; every participant is served again (CAS-6)",
            label=_("Move the hearing"),
            done=_("The hearing was moved and every participant notified."),
            url_path=r"hearings/(?P<hearing_id>\d+)/reschedule",
            result=HearingSerializer,
        ),
        Action(
            "hearing_result",
            services.hearing_record_result,
            HearingResultInput,
            summary="Record a hearing's result (CAS-6)",
            label=_("Record the result"),
            done=_("The result was recorded."),
            url_path=r"hearings/(?P<hearing_id>\d+)/result",
            result=HearingSerializer,
        ),
        Action(
            "acts",
            services.act_issue,
            ActInput,
            summary="Issue a court act: a sealed PDF with its verification code (CAS-5)",
            label=_("Issue a court act"),
            done=_("The act was issued, sealed and served on every participant."),
            result=CourtActSerializer,
            status_code=CREATED,
        ),
        Action(
            "enforcement",
            services.enforcement_open,
            summary="Open an enforcement file from a final judgment (CAS-9)",
            label=_("Open enforcement"),
            done=_("The enforcement file was opened."),
            url_path=r"acts/(?P<act_id>\d+)/enforcement",
            result=EnforcementSerializer,
            status_code=CREATED,
        ),
        Action(
            "periods",
            services.period_notice_issue,
            PeriodNoticeInput,
            summary="Serve a notice that starts a period (CAS-8)",
            label=_("Serve a notice with a deadline"),
            done=_("The notice was issued; its deadline runs from its service."),
            status_code=CREATED,
        ),
        Action(
            "renew_password",
            services.case_password_renew,
            summary="Renew my case password; the new one reaches my notices inbox (CAS-7)",
            label=_("Renew my case password"),
            done=_("A new case password was sent to your notices inbox."),
            url_path="password/renew",
        ),
    ],
)
