"""A licence request's history as sentences (`core.history`): each step the Council, the GD
and the centre head took, in the reader's language, never the codes the services record."""

from django.utils.translation import pgettext_lazy

from core.history import Story
from licensing.models import Decision, LicenceRequest

REQUEST_STORY = Story(
    states=LicenceRequest.Status.choices,
    labels=Decision.choices,
    verbs={
        "start_review": pgettext_lazy("history", "Taken up for Council review"),
        "propose": pgettext_lazy("history", "The Council proposed"),
        "give_opinion": pgettext_lazy("history", "The General Directorate gave its opinion"),
        "decide": pgettext_lazy("history", "The centre head decided"),
        "cancel": pgettext_lazy("history", "Cancelled by the requester"),
    },
)
