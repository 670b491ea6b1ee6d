"""Wagtail's users admin obeys ID-13's ranks: no editing, deleting, (de)activating or giving
roles to one's own account or a higher administrator's."""

from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks

from accounts.second_factor import policy


def _refuse(request, message):
    messages.error(request, str(message))
    return redirect("wagtailusers_users:index")


@hooks.register("before_edit_user")
def guard_edit(request, user):
    if request.method == "POST" and not policy.may_change(request.user, user):
        if user.pk == request.user.pk:
            return _refuse(request, policy.OWN_ACCOUNT)
        return _refuse(request, policy.HIGHER_RANK)
    return None


@hooks.register("before_delete_user")
def guard_delete(request, user):
    if not policy.may_change(request.user, user):
        return _refuse(request, policy.HIGHER_RANK)
    return None


@hooks.register("before_bulk_action")
def guard_bulk(request, action_type, objects, action_class_instance):
    model = getattr(action_class_instance, "model", None)
    if model is None or model._meta.label_lower != "accounts.user":
        return None
    if any(not policy.may_change(request.user, user) for user in objects):
        return _refuse(request, policy.HIGHER_RANK)
    return None
