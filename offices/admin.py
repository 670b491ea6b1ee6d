"""Staff screens in the Django admin (/django-admin/): offices, staff, posts and calendars.

The regulator's staff (licensing staff, superusers) see every office; an office's staff see
only their own office, its posts and its calendar, and only its manager changes it. Staff
posts are given and ended through the services, so the qualification evaluator (art. 16-21)
and the object permissions apply exactly as elsewhere.
"""

from django import forms
from django.contrib import admin, messages
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from accounts.roles import Role, has_role
from core.admin import ReadOnly
from core.exceptions import DomainError
from offices import qualifications, selectors, services
from offices.models import (
    Appointment,
    Attestation,
    City,
    Closure,
    ComputerSkillsCertification,
    Degree,
    Experience,
    Membership,
    Office,
    OnlineBookingBan,
    Province,
    Service,
    ServiceSchedule,
    Slot,
    StaffProfile,
    StaffRole,
    WorkingHours,
)


def is_regulator(user) -> bool:
    return bool(user.is_active and (user.is_superuser or has_role(user, Role.LICENSING_STAFF)))


class RegulatorOnlyAdmin(admin.ModelAdmin):
    """Reference data and public holidays: the regulator's staff only."""

    def has_module_permission(self, request):
        return is_regulator(request.user)

    def has_view_permission(self, request, obj=None):
        return is_regulator(request.user)

    def has_add_permission(self, request):
        return is_regulator(request.user)

    def has_change_permission(self, request, obj=None):
        return is_regulator(request.user)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Province)
class ProvinceAdmin(RegulatorOnlyAdmin):
    list_display = ("code", "name_fa", "name_en", "sort_order")
    search_fields = ("code", "name_fa", "name_en")


@admin.register(City)
class CityAdmin(RegulatorOnlyAdmin):
    list_display = ("name_fa", "name_en", "province", "is_capital")
    list_filter = ("province",)
    search_fields = ("name_fa", "name_en")


@admin.register(Service)
class ServiceAdmin(RegulatorOnlyAdmin):
    list_display = ("code", "name_fa", "name_en", "is_active", "sort_order")


class OfficeScoped:
    """Querysets and permissions limited to the offices the user may see (404 otherwise)."""

    office_path = "office"

    def _visible_offices(self, request):
        return selectors.offices_staffed_by(request.user)

    def has_module_permission(self, request):
        return is_regulator(request.user) or self._visible_offices(request).exists()

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return self.has_module_permission(request)
        return self.get_queryset(request).filter(pk=obj.pk).exists()

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if is_regulator(request.user):
            return queryset
        return queryset.filter(**{f"{self.office_path}__in": self._visible_offices(request)})


class ManagerEditable(OfficeScoped):
    """Changed by the regulator, or by the manager of the office concerned."""

    def _managed(self, request):
        return selectors.offices_managed_by(request.user)

    def has_change_permission(self, request, obj=None):
        if is_regulator(request.user):
            return True
        if obj is None:
            return self._managed(request).exists()
        office = obj if isinstance(obj, Office) else getattr(obj, "office", None)
        return office is not None and self._managed(request).filter(pk=office.pk).exists()

    def has_add_permission(self, request, obj=None):
        return is_regulator(request.user) or (
            obj is not None and self.has_change_permission(request, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)


class WorkingHoursInline(ManagerEditable, admin.TabularInline):
    model = WorkingHours
    extra = 0


class ClosureInline(ManagerEditable, admin.TabularInline):
    model = Closure
    extra = 0
    fields = ("date", "reason_fa", "reason_en")


class ServiceScheduleInline(ManagerEditable, admin.TabularInline):
    """A service's own slot length and seats; services not listed share the office's."""

    model = ServiceSchedule
    extra = 0
    fields = ("service", "slot_minutes", "slot_capacity")


class MembershipInline(OfficeScoped, admin.TabularInline):
    model = Membership
    extra = 0
    fields = ("profile", "role", "full_time", "started_on", "ended_on")
    readonly_fields = fields
    can_delete = False
    verbose_name_plural = _("staff posts (give or end them under “Staff posts”)")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Office)
class OfficeAdmin(ManagerEditable, admin.ModelAdmin):
    office_path = "pk"
    list_display = (
        "code",
        "name_fa",
        "province",
        "city",
        "manager",
        "operational",
        "licence_active",
    )
    list_filter = ("province", "licence_active")
    search_fields = ("code", "name_fa", "name_en", "search_text")
    list_select_related = ("province", "city", "manager")
    autocomplete_fields = ("city",)
    filter_horizontal = ("services",)
    readonly_fields = ("manager", "status_reasons")
    inlines = [WorkingHoursInline, ClosureInline, ServiceScheduleInline, MembershipInline]

    def _visible_offices(self, request):
        return selectors.offices_staffed_by(request.user).values("pk")

    def get_queryset(self, request):
        queryset = admin.ModelAdmin.get_queryset(self, request).prefetch_related(
            selectors.open_posts_prefetch()
        )
        if is_regulator(request.user):
            return queryset
        return queryset.filter(pk__in=self._visible_offices(request))

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not is_regulator(request.user):
            fields += ["code", "province", "city", "licence_active"]
        return fields

    @admin.display(boolean=True, description=_("operational"))
    def operational(self, office):
        return selectors.operational_status(office).operational

    @admin.display(description=_("operational status"))
    def status_reasons(self, office):
        if office.pk is None:
            return "—"
        reasons = selectors.operational_status(office).reasons
        if not reasons:
            return _("Operational")
        return format_html_join(
            "", "<div>{} ({})</div>", ((r.message, _("art. ") + r.article) for r in reasons)
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.slots_generate(office=form.instance)
        services.office_refresh_manager_search(office=form.instance)


class DegreeInline(admin.TabularInline):
    model = Degree
    extra = 0


class ExperienceInline(admin.TabularInline):
    model = Experience
    extra = 0


class RegulatorVerifiedInline(admin.TabularInline):
    """Attestations and certifications: entered by anyone who may change the person, but
    marked verified or certified only by the General Directorate."""

    extra = 0

    def get_readonly_fields(self, request, obj=None):
        if is_regulator(request.user):
            return ()
        return self.verification_fields


class AttestationInline(RegulatorVerifiedInline):
    model = Attestation
    fields = ("kind", "document", "issued_on", "valid_until", "verified_at", "verified_by")
    verification_fields = ("verified_at", "verified_by")


class ComputerSkillsInline(RegulatorVerifiedInline):
    model = ComputerSkillsCertification
    fields = ("role", "certified_on", "certified_by")
    verification_fields = ("certified_on", "certified_by")

    def has_add_permission(self, request, obj=None):
        return is_regulator(request.user)


@admin.register(StaffProfile)
class StaffProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "sex", "current_post")
    search_fields = ("user__national_id", "user__first_name", "user__last_name")
    autocomplete_fields = ("user",)
    readonly_fields = ("qualifications",)
    inlines = [DegreeInline, ExperienceInline, AttestationInline, ComputerSkillsInline]

    def get_queryset(self, request):
        return selectors.staff_visible_to(request.user).select_related("user")

    def has_module_permission(self, request):
        return is_regulator(request.user) or selectors.offices_managed_by(request.user).exists()

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return self.has_module_permission(request)
        return self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_add_permission(self, request):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return self.has_view_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("post"))
    def current_post(self, profile):
        post = profile.memberships.filter(ended_on__isnull=True).select_related("office").first()
        return str(post) if post else "—"

    @admin.display(description=_("qualifications (art. 16-21)"))
    def qualifications(self, profile):
        if profile.pk is None:
            return "—"
        rows = []
        for role in StaffRole:
            unmet = qualifications.evaluate(profile, role)
            verdict = _("meets every condition") if not unmet else "; ".join(str(u) for u in unmet)
            rows.append((role.label, verdict))
        return format_html_join("", "<div><strong>{}</strong>: {}</div>", rows)


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ("office", "profile", "role", "full_time", "started_on")

    def clean(self):
        data = super().clean()
        profile, role = data.get("profile"), data.get("role")
        if profile is not None and role:
            unmet = qualifications.evaluate(profile, role)
            if unmet:
                raise forms.ValidationError([str(u) for u in unmet])
        return data


@admin.register(Membership)
class MembershipAdmin(OfficeScoped, admin.ModelAdmin):
    """Give a post (after the qualification check) or end one (action)."""

    form = MembershipForm
    list_display = ("profile", "office", "role", "full_time", "started_on", "ended_on")
    list_filter = ("role", "ended_on")
    list_select_related = ("profile__user", "office")
    autocomplete_fields = ("profile", "office")
    actions = ["end_posts"]

    def has_add_permission(self, request):
        return is_regulator(request.user) or selectors.offices_managed_by(request.user).exists()

    def has_change_permission(self, request, obj=None):
        return obj is None and self.has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "office" and not is_regulator(request.user):
            kwargs["queryset"] = selectors.offices_managed_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        try:
            membership = services.staff_appoint(
                actor=request.user,
                office=data["office"],
                profile=data["profile"],
                role=data["role"],
                full_time=data["full_time"],
                started_on=data.get("started_on"),
            )
        except DomainError as error:
            raise forms.ValidationError(str(error.message)) from error
        obj.pk = membership.pk

    def add_view(self, request, form_url="", extra_context=None):
        try:
            return super().add_view(request, form_url, extra_context)
        except forms.ValidationError as error:
            self.message_user(request, "; ".join(error.messages), messages.ERROR)
            return super().changelist_view(request)

    @admin.action(description=_("End the selected posts today"))
    def end_posts(self, request, queryset):
        ended = 0
        for membership in queryset.filter(ended_on__isnull=True):
            try:
                services.staff_release(actor=request.user, membership=membership)
                ended += 1
            except DomainError as error:
                self.message_user(request, f"{membership}: {error.message}", messages.ERROR)
        self.message_user(request, _("%(count)d posts ended.") % {"count": ended})


@admin.register(Appointment)
class AppointmentAdmin(ReadOnly, OfficeScoped, admin.ModelAdmin):
    """The office's calendar, read-only: check-in goes through the day view (APT-5)."""

    list_display = ("starts_at", "office", "user", "service", "status", "check_in_code")
    list_filter = ("status", "day")
    date_hierarchy = "day"
    search_fields = ("check_in_code", "user__national_id", "user__last_name")
    list_select_related = ("office", "user", "service")


@admin.register(Slot)
class SlotAdmin(ReadOnly, OfficeScoped, admin.ModelAdmin):
    """Seats per slot, generated from hours, closures and capacity (read-only)."""

    list_display = ("starts_at", "office", "capacity", "booked")
    list_filter = ("day",)
    date_hierarchy = "day"
    list_select_related = ("office",)


@admin.register(Closure)
class HolidayAdmin(RegulatorOnlyAdmin):
    """Public holidays (no office) and every office's closures."""

    list_display = ("date", "office", "reason_fa", "reason_en")
    list_filter = ("office",)
    date_hierarchy = "date"
    autocomplete_fields = ("office",)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        offices = (
            Office.objects.all()
            if obj.office_id is None
            else Office.objects.filter(pk=obj.office_id)
        )
        for office in offices.filter(slots_generated_until__gte=obj.date):
            services.slots_generate(office=office, start=obj.date, end=obj.date)


@admin.register(OnlineBookingBan)
class OnlineBookingBanAdmin(ReadOnly, RegulatorOnlyAdmin):
    list_display = ("user", "starts_at", "ends_at", "appointment")
    search_fields = ("user__national_id",)
