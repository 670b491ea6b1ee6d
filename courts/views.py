"""The cabinet's pages: my cases (CAS-3), the case page (CAS-4) with the clerk's forms
(CAS-2, CAS-6), my hearings and the calendar feed (CAS-6), following a case by its password
(CAS-7), coming deadlines (CAS-8), the court picker (CAS-1) and the public verification of
a court act (CAS-5)."""

import hashlib

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from core.actions import ActionFormView
from core.exceptions import Locked, NotFound, ValidationFailed
from courts import access, deadlines, following, ics, selectors, services
from courts.actions import CASE_ACTIONS
from courts.casefile import of_case
from courts.models import Case, CourtType, Hearing, Role
from courts.serializers import FollowInput

FILTERS = ("number", "status", "type", "court", "participant", "as", "opened_from", "opened_until")


def _case_or_404(request, pk) -> Case:
    try:
        return selectors.get_case(actor=request.user, case_id=pk)
    except NotFound:
        raise Http404 from None


class MyCasesPage(LoginRequiredMixin, View):
    def get(self, request):
        filters = {k: request.GET.get(k, "").strip() for k in FILTERS}
        for key in ("opened_from", "opened_until"):
            day = deadlines.parse_day(filters[key])
            filters[key] = day.date() if day else None
        qs = selectors.my_cases(actor=request.user, filters=filters)
        page = Paginator(qs, 25).get_page(request.GET.get("page"))
        roles = selectors.roles_in(page.object_list, request.user)
        rows = [(case, roles.get(case.pk, [])) for case in page.object_list]
        hearings = selectors.my_hearings(actor=request.user, since=timezone.now())[:5]
        return render(
            request,
            "courts/my_cases.html",
            {
                "page": page,
                "rows": rows,
                "filters": {k: request.GET.get(k, "") for k in FILTERS},
                "statuses": Case.Status.choices,
                "types": CourtType.choices,
                "coming_hearings": hearings,
                "coming_deadlines": deadlines.coming(actor=request.user)[:5],
            },
        )


class CasePage(LoginRequiredMixin, View):
    def get(self, request, pk):
        case = _case_or_404(request, pk)
        clerk = access.is_clerk_of(case, request.user)
        mine = selectors.roles_in([case], request.user).get(case.pk, [])
        return render(
            request,
            "courts/case.html",
            {
                "case": case,
                "clerk": clerk,
                "mine": mine,
                "participants": selectors.participants(case),
                "hearings": selectors.hearings(case),
                "acts": selectors.acts(case),
                "enforcements": selectors.enforcements(case),
                "periods": [deadlines.of_period(p) for p in selectors.periods_of(case)],
                "timeline": of_case(case, request.user),
                "statuses": Case.Status.choices,
                "roles": Role.choices,
                "act_kinds": [],
            },
        )


class CaseActionPage(ActionFormView):
    table = CASE_ACTIONS
    forbidden_is_403 = True

    def success_url(self, request, pk, result=None):
        return reverse("courts:case", kwargs={"pk": pk})

    def path_args(self, request, act):
        args = {}
        for name in ("hearing_id", "sub_row", "act_id"):
            if f"(?P<{name}>" in act.path:
                try:
                    args[name] = int(request.POST.get(name, ""))
                except ValueError:
                    raise Http404 from None
        return args


class MyHearingsPage(LoginRequiredMixin, View):
    def get(self, request):
        g = request.GET
        qs = selectors.my_hearings(
            actor=request.user,
            court=g.get("court", "").strip(),
            status=g.get("status", "").strip(),
            since=deadlines.parse_day(g.get("from")),
            until=deadlines.parse_day(g.get("until"), end=True),
        )
        page = Paginator(qs, 25).get_page(g.get("page"))
        feed = services.feed_for(request.user)
        return render(
            request,
            "courts/my_hearings.html",
            {
                "page": page,
                "filters": {k: g.get(k, "") for k in ("court", "status", "from", "until")},
                "statuses": Hearing.Status.choices,
                "feed_url": request.build_absolute_uri(
                    reverse("courts:feed", kwargs={"token": feed.token})
                ),
            },
        )


class FeedRenewPage(LoginRequiredMixin, View):
    def post(self, request):
        services.feed_renew(actor=request.user)
        messages.success(request, _("Your calendar address was renewed; the old one stops."))
        return redirect("courts:hearings")


class HearingFeedView(View):
    """The personal .ics feed: anyone with the unguessable address; a revoked one is 404."""

    def get(self, request, token):
        try:
            user = services.feed_owner(token)
        except NotFound:
            raise Http404 from None
        hearings = selectors.my_hearings(actor=user).exclude(status=Hearing.Status.CANCELLED)
        body = ics.calendar(hearings[:500], name=_("My court hearings"))
        return HttpResponse(body, content_type="text/calendar; charset=utf-8")


class HearingIcsView(LoginRequiredMixin, View):
    """One hearing to add to a calendar."""

    def get(self, request, pk):
        hearing = selectors.my_hearings(actor=request.user).filter(pk=pk).first()
        if hearing is None:
            hearing = Hearing.objects.filter(
                pk=pk, case__in=selectors.cases_visible_to(request.user)
            ).first()
        if hearing is None:
            raise Http404
        response = HttpResponse(
            ics.calendar([hearing], name=_("Court hearing")),
            content_type="text/calendar; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="hearing-{hearing.pk}.ics"'
        return response


class ActFile(LoginRequiredMixin, View):
    def get(self, request, pk):
        try:
            act = selectors.get_act(actor=request.user, act_id=pk)
        except NotFound:
            raise Http404 from None
        return FileResponse(
            act.file.open("rb"),
            as_attachment=True,
            filename=f"act-{act.verification_code}.pdf",
            content_type="application/pdf",
        )


class FollowPage(LoginRequiredMixin, View):
    def get(self, request):
        return render(request, "courts/follow.html", {"form": {}})

    def post(self, request):
        serializer = FollowInput(data=request.POST)
        context = {"form": request.POST}
        if not serializer.is_valid():
            context["error"] = _("Give the 16-digit case number, the sub-row and the password.")
            return render(request, "courts/follow.html", context, status=400)
        data = serializer.validated_data
        try:
            context["found"] = following.follow(
                actor=request.user,
                case_number=data["case_number"],
                sub_row=data["sub_row"],
                password=data["password"],
                ip=request.META.get("REMOTE_ADDR"),
            )
        except NotFound:
            context["error"] = _("Nothing was found for these details.")
            return render(request, "courts/follow.html", context, status=404)
        except Locked:
            context["error"] = _("Too many attempts. Try again later.")
            return render(request, "courts/follow.html", context, status=429)
        except ValidationFailed:
            context["error"] = _("Nothing was found for these details.")
            return render(request, "courts/follow.html", context, status=404)
        return render(request, "courts/follow.html", context)


class CourtPickerPage(LoginRequiredMixin, View):
    def get(self, request):
        g = request.GET
        qs = selectors.court_branches(
            q=g.get("q", "").strip(),
            city=g.get("city", "").strip(),
            court_type=g.get("type", "").strip(),
            country=g.get("country", "").strip(),
        )
        page = Paginator(qs, 25).get_page(g.get("page"))
        court_type = g.get("type", "").strip()
        return render(
            request,
            "courts/picker.html",
            {
                "page": page,
                "filters": {k: g.get(k, "") for k in ("q", "city", "type", "country")},
                "types": CourtType.choices,
                "application_types": selectors.application_types(court_type) if court_type else [],
                "categories": selectors.categories(court_type) if court_type else [],
            },
        )


class VerifyPage(View):
    """Public: a document's code and the hash of its file (or the file itself) confirm it,
    without showing its content (CAS-5)."""

    def get(self, request):
        code = request.GET.get("code", "").strip()
        sha256 = request.GET.get("sha256", "").strip()
        context = {"code": code, "sha256": sha256, "checked": False}
        if code and sha256:
            context.update(checked=True, act=services.verify_document(code=code, sha256=sha256))
        return render(request, "courts/verify.html", context)

    def post(self, request):
        code = request.POST.get("code", "").strip()
        upload = request.FILES.get("file")
        sha256 = ""
        if upload is not None and upload.size <= 20 * 1024 * 1024:
            digest = hashlib.sha256()
            for chunk in upload.chunks():
                digest.update(chunk)
            sha256 = digest.hexdigest()
        act = services.verify_document(code=code, sha256=sha256) if sha256 else None
        context = {"code": code, "sha256": sha256, "checked": True, "act": act}
        return render(request, "courts/verify.html", context)
