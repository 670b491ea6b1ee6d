"""The admin sites' side of ID-13's ranks: Django's admin through `RankGuardMixin` (on the
accounts' user admin), Wagtail's users admin through `wagtail_hooks`."""

from django import forms

from accounts.second_factor import policy
from core.exceptions import Forbidden

GUARDED_FIELDS = ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]


class RankGuardMixin:
    """A higher administrator's account is read-only; one's own roles, flags and permissions
    are read-only; a form cannot give a rank above the editor's own."""

    def has_change_permission(self, request, obj=None):
        if (
            obj is not None
            and obj.pk != request.user.pk
            and not policy.may_change(request.user, obj)
        ):
            return False
        return super().has_change_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.pk == request.user.pk:
            fields += [f for f in GUARDED_FIELDS if f not in fields]
        elif not request.user.is_superuser and "is_superuser" not in fields:
            fields.append("is_superuser")
        return fields

    def get_form(self, request, obj=None, **kwargs):
        form_class = super().get_form(request, obj, **kwargs)
        actor = request.user

        class RankGuardedForm(form_class):
            def clean(self):
                data = super().clean()
                if self.instance.pk and set(self.changed_data) & set(GUARDED_FIELDS):
                    roles = [g.name for g in data["groups"]] if "groups" in data else None
                    try:
                        policy.ensure_may_change(
                            actor, self.instance, roles=roles, is_superuser=data.get("is_superuser")
                        )
                    except Forbidden as exc:
                        raise forms.ValidationError(str(exc.message), code=exc.code) from exc
                return data

        return RankGuardedForm
