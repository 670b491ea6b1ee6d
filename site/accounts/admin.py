"""Staff screens for accounts. History is read-only (AUD-2); nothing here deletes records, and
states, contacts and representations change only through the services."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from accounts import services
from accounts.models import LegalPerson, Representation, User
from accounts.national_id import validate_legal_id
from accounts.second_factor.admin import RankGuardMixin
from core.exceptions import DomainError


class NoDeleteMixin:
    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(User)
class UserAdmin(RankGuardMixin, NoDeleteMixin, SimpleHistoryAdmin):
    list_display = ["national_id", "first_name", "last_name", "mobile", "status", "is_staff"]
    list_filter = ["status", "is_staff", "groups"]
    search_fields = ["national_id", "first_name", "last_name", "email"]
    ordering = ["national_id"]
    filter_horizontal = ["groups", "user_permissions"]
    readonly_fields = [
        "national_id",
        "id_scheme",
        "status",
        "mobile",
        "mobile_verified_at",
        "email",
        "email_verified_at",
        "must_change_password",
        "last_login",
        "date_joined",
    ]
    fieldsets = [
        (None, {"fields": ["national_id", "id_scheme", "nationality", "status"]}),
        (
            _("Person"),
            {
                "fields": [
                    "first_name",
                    "last_name",
                    "birth_date",
                    "id_card_serial",
                    "bar_licence_number",
                ]
            },
        ),
        (
            _("Contact (changed only by the user, with a code)"),
            {"fields": ["mobile", "mobile_verified_at", "email", "email_verified_at"]},
        ),
        (_("Preferences"), {"fields": ["preferred_language", "must_change_password"]}),
        (
            _("Permissions"),
            {"fields": ["is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]

    def has_add_permission(self, request):
        # People register themselves (ID-1, ID-2); administrators use `createsuperuser`.
        return False


class LegalPersonForm(forms.ModelForm):
    class Meta:
        model = LegalPerson
        fields = ["legal_id", "name", "kind", "mobile", "email"]

    def clean_legal_id(self):
        try:
            return validate_legal_id(self.cleaned_data["legal_id"])
        except ValidationError as exc:
            raise forms.ValidationError(exc.messages) from exc


class RepresentationInline(admin.TabularInline):
    model = Representation
    fk_name = "legal_person"
    fields = ["user", "title", "granted_by", "granted_at", "revoked_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(LegalPerson)
class LegalPersonAdmin(NoDeleteMixin, SimpleHistoryAdmin):
    form = LegalPersonForm
    list_display = ["legal_id", "name", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["legal_id", "name"]
    inlines = [RepresentationInline]

    def get_readonly_fields(self, request, obj=None):
        return ["legal_id"] if obj is not None else []


class RepresentationForm(forms.ModelForm):
    class Meta:
        model = Representation
        fields = ["legal_person", "user", "title"]


@admin.register(Representation)
class RepresentationAdmin(NoDeleteMixin, SimpleHistoryAdmin):
    """Granting goes through the service (record + object permission); so does revoking."""

    form = RepresentationForm
    list_display = ["user", "legal_person", "title", "granted_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["user__national_id", "legal_person__legal_id", "legal_person__name"]
    autocomplete_fields = ["user", "legal_person"]
    actions = ["revoke"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ["granted_by", "granted_at", "revoked_at"]
        return ["legal_person", "user", "title", "granted_by", "granted_at", "revoked_at"]

    def save_model(self, request, obj, form, change):
        if change:
            return
        representation = services.representation_grant(
            actor=request.user,
            legal_person=obj.legal_person,
            user=obj.user,
            title=obj.title,
        )
        obj.pk = representation.pk
        obj.granted_by = representation.granted_by
        obj.granted_at = representation.granted_at

    def add_view(self, request, form_url="", extra_context=None):
        try:
            return super().add_view(request, form_url, extra_context)
        except DomainError as exc:
            self.message_user(request, str(exc.message), level=messages.ERROR)
            return super().changelist_view(request)

    @admin.action(description=_("Revoke the selected representations"))
    def revoke(self, request, queryset):
        done = 0
        for representation in queryset.filter(revoked_at__isnull=True):
            try:
                services.representation_revoke(actor=request.user, representation=representation)
                done += 1
            except DomainError as exc:
                self.message_user(request, str(exc.message), level=messages.ERROR)
        self.message_user(request, _("%(count)d representations revoked.") % {"count": done})
