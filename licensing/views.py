"""Staff screens (/staff/licensing/): the queue of what waits for the signed-in user, and a
request's page with its full timeline and one button per step the user may take now (LIC-3).

A button appears only for a transition the user may take in the request's current state
(`core.transitions.available_transitions`); the POST goes through the same services as the
API, so a stale page still cannot skip a step or act without the right.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from accounts.roles import Role, has_role
from core.audit import timeline
from core.exceptions import DomainError, Forbidden, NotFound
from core.transitions import available_transitions
from licensing import selectors, services
from licensing.models import Application, Decision

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


class QueuePage(LoginRequiredMixin, View):
    def get(self, request):
        user = request.user
        applications = []
        if has_role(user, Role.LICENSING_STAFF):
            applications = list(
                selectors.applications_visible_to(user)
                .filter(status=Application.Status.SUBMITTED)
                .order_by("-priority_days", "submitted_at")[:100]
            )
        return render(
            request,
            "licensing/queue.html",
            {
                "requests": list(selectors.request_queue(user)[:200]),
                "applications": applications,
            },
        )


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
