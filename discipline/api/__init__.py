"""The discipline API under /api/v1/discipline/ (DIS-1 … DIS-13).

Thin views: parse, call a service, render. Cases come from a selector already filtered by the
caller (board members see only their boards' cases, the accused their own; anything else is
404). Every state change is its own POST endpoint, declared in `discipline.actions`: 409 in a
wrong state, 403 to an actor who may see the case but not take the step.
"""

from discipline.api.boards import BoardViewSet
from discipline.api.cases import CaseViewSet
from discipline.api.hearings import RulingViewSet, SessionViewSet
from discipline.api.public import OfficeRecordViewSet, ReprimandViewSet, ViolationViewSet

__all__ = [
    "BoardViewSet",
    "CaseViewSet",
    "OfficeRecordViewSet",
    "ReprimandViewSet",
    "RulingViewSet",
    "SessionViewSet",
    "ViolationViewSet",
]
