"""Staff screens (/staff/licensing/): the queue of what waits for the signed-in user, and a
request's page with its full timeline and one button per step the user may take now (LIC-3).

A button appears only for a transition the user may take in the request's current state
(`core.transitions.available_transitions`); the POST goes through the same services as the
API, so a stale page still cannot skip a step or act without the right.
"""

from types import SimpleNamespace

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View

from accounts.roles import Role, has_role
from core.audit import timeline
from core.exceptions import DomainError, Forbidden, NotFound
from core.listing import PageDates, row_links
from core.transitions import available_transitions
from licensing import selectors, services
from licensing.models import Decision, LicenceRequest
from offices.models import BilingualName

# Each transition of a request: its label, whether it takes a decision, and its service.
ACTIONS = {
    "start_review": (gettext_lazy("Take up for Council review"), False),
    "propose": (gettext_lazy("Council proposal"), True),
    "give_opinion": (gettext_lazy("General Directorate opinion"), True),
    "decide": (gettext_lazy("Decision of the centre head"), True),
    "cancel": (gettext_lazy("Cancel the request"), False),
}


def _service(name):
    return {
        "start_review": services.request_start_review,
        "propose": services.request_propose,
        "give_opinion": services.request_give_opinion,
        "decide": services.request_decide,
        "cancel": services.request_cancel,
    }[name]


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
                "title": f"{kinds.get(row['kind'], row['kind'])} #{row['id']}",
                "office": f"{row['office__code']} — {_office_name(row)}",
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
    return ngettext("%(n)s requirement unmet", "%(n)s requirements unmet", count) % {"n": count}


class RequestPage(LoginRequiredMixin, View):
    def get(self, request, pk):
        obj = selectors.get_request(request.user, pk)
        if obj is None:
            raise Http404
        allowed = available_transitions(obj, request.user)
        buttons = [
            {"name": name, "label": ACTIONS[name][0], "with_decision": ACTIONS[name][1]}
            for name in ACTIONS
            if name in allowed
        ]
        return render(
            request,
            "licensing/request.html",
            {
                "obj": obj,
                "steps": obj.steps.all(),
                "timeline": timeline(obj),
                "buttons": buttons,
                "decisions": Decision.choices,
            },
        )


class RequestActionPage(LoginRequiredMixin, View):
    def post(self, request, pk, name):
        if name not in ACTIONS:
            raise Http404
        # A request the user may not see answers 404 before its input is looked at.
        if selectors.get_request(request.user, pk) is None:
            raise Http404
        reasons = request.POST.get("reasons", "")
        kwargs = {"reasons": reasons} if ACTIONS[name][1] else {"reason": reasons}
        if ACTIONS[name][1]:
            kwargs["decision"] = request.POST.get("decision", "")
        try:
            _service(name)(actor=request.user, request_id=pk, **kwargs)
        except NotFound:
            raise Http404 from None
        except Forbidden:
            raise PermissionDenied from None
        except DomainError as error:
            messages.error(request, error.message)
            for problems in error.fields.values():
                for problem in problems:
                    messages.error(request, problem)
        else:
            messages.success(request, _("Recorded."))
        return redirect("licensing:request", pk=pk)
