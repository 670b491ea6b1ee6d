"""The reports' admin: the monthly reports (read only) and the register import screen."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.admin import ReadOnlyAdmin
from reports import imports
from reports.models import MonthlyReport


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=pgettext_lazy("a register of records", "Register"),
        choices=[
            ("offices", _("Offices")),
            ("staff", _("Staff posts")),
            ("licences", _("Licences")),
        ],
    )
    file = forms.FileField(label=_("CSV or XLSX file"))


@admin.register(MonthlyReport)
class MonthlyReportAdmin(ReadOnlyAdmin):
    list_display = ("office", "year", "month", "created_at")
    list_filter = ("year", "month")
    search_fields = ("office__code", "office__name_fa", "office__name_en")
    change_list_template = "reports/admin/change_list.html"

    def get_urls(self):
        extra = [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="reports_register_import",
            )
        ]
        return extra + super().get_urls()

    def import_view(self, request):
        if not (request.user.has_perm("offices.add_office") or request.user.is_superuser):
            raise PermissionDenied
        outcome = None
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                rows = imports.read(upload.read(), upload.name)
            except Exception:  # tablib's own errors for an unreadable file
                form.add_error("file", _("The file cannot be read as CSV or XLSX."))
            else:
                outcome = imports.run(form.cleaned_data["kind"], rows, actor=request.user)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import a register"),
            "form": form,
            "outcome": outcome,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "reports/admin/import.html", context)
