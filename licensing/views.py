"""Staff screens (/staff/licensing/): the queue of what waits for the signed-in user, and a
request's page with its full timeline and one button per step the user may take now (LIC-3).

A button appears only for a transition the user may take in the request's current state
(`core.transitions.available_transitions`); the POST goes through the request's action table
(`licensing.actions`), validated by the same serializer and taken by the same service as the
API's endpoint, so a stale page still cannot skip a step or act without the right.
"""

from types import SimpleNamespace

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from accounts.roles import Role, has_role
from core.actions import ActionFormView
from core.audit import timeline
from core.dates import local_digits
from core.listing import PageDates, row_links
from core.transitions import available_transitions
from licensing import selectors
from licensing.actions import REQUEST_ACTIONS
from licensing.models import Decision, LicenceRequest
from licensing.story import REQUEST_STORY
from offices.models import BilingualName


def _office_name(row) -> str:
    """The office's name as `Office.name` gives it (Persian, or English when not reading
    Persian), from the row's two names."""
    names = SimpleNamespace(name_fa=row["office__name_fa"], name_en=row["office__name_en"])
    return BilingualName.name.fget(names)


def _labels(choices) -> dict[str, str]:
    return {value: str(label) for value, label in choices}


class QueuePage(LoginRequiredMixin, View):
    """What waits for the signed-in user (LIC-3) and, for the GD's staff, the applications
    awaiting a decision (LIC-2): each list 25 a page (`page`, `applications_page`). The rows
    are plain values of the columns shown; labels, links and dates are worked out once per
    page rather than once per row."""

    per_page = 25

    def get(self, request):
        user = request.user
        dates = PageDates()
        requests = Paginator(selectors.request_queue(user), self.per_page).get_page(
            request.GET.get("page")
        )
        kinds = _labels(LicenceRequest.Kind.choices)
        statuses = _labels(LicenceRequest.Status.choices)
        link = row_links("licensing:request")
        requests.object_list = [
            {
                "url": link(row["id"]),
                "title": f"{kinds.get(row['kind'], row['kind'])} #{local_digits(row['id'])}",
                "code": local_digits(row["office__code"]),
                "office": _office_name(row),
                "status": statuses.get(row["status"], row["status"]),
                "submitted": dates(row["submitted_at"]),
            }
            for row in selectors.request_queue_rows(requests.object_list)
        ]
        applications = None
        if has_role(user, Role.LICENSING_STAFF):
            applications = Paginator(
                selectors.applications_awaiting_decision(user), self.per_page
            ).get_page(request.GET.get("applications_page"))
            qualified = _("Meets every requirement")
            applications.object_list = [
                {
                    "applicant": (
                        f"{row['applicant__first_name']} {row['applicant__last_name']}".strip()
                    ),
                    "call": row["call__title"],
                    "vetting": qualified
                    if row["vetted_at"] is not None and not row["unmet_requirements"]
                    else _unmet(len(row["unmet_requirements"] or ())),
                    "submitted": dates(row["submitted_at"]),
                }
                for row in selectors.application_queue_rows(applications.object_list)
            ]
        return render(
            request,
            "licensing/queue.html",
            {"requests": requests, "applications": applications},
        )


def _unmet(count: int) -> str:
    return ngettext("%(n)s requirement unmet", "%(n)s requirements unmet", count) % {
        "n": local_digits(count)
    }


def _form(act) -> dict:
    """A button's form: the fields of the action's serializer that the page asks for."""
    fields = act.input().fields if act.input else {}
    text = next((name for name in ("reasons", "reason") if name in fields), None)
    return {
        "name": act.name,
        "transition": act.transition or act.name,
        "label": act.label,
        "with_decision": "decision" in fields,
        "text": text,
        "text_required": bool(text and fields[text].required),
    }


class RequestPage(LoginRequiredMixin, View):
    def get(self, request, pk):
        obj = REQUEST_ACTIONS.get_visible(request.user, pk)
        allowed = available_transitions(obj, request.user)
        return render(
            request,
            "licensing/request.html",
            {
                "obj": obj,
                "steps": obj.steps.all(),
                "timeline": REQUEST_STORY.tell(timeline(obj)),
                "buttons": [_form(act) for act in REQUEST_ACTIONS.buttons(allowed)],
                "decisions": Decision.choices,
            },
        )


class RequestActionPage(ActionFormView):
    """A button of the request page: the same serializer and service as the API's endpoint.
    The page shows only the steps the user may take now, so a refused actor is a forged post
    (403); any other refusal comes back as a message on the request's page."""

    table = REQUEST_ACTIONS
    success_url = "licensing:request"
    forbidden_is_403 = True
