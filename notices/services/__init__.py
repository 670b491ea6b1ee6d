"""Every write of notices, and the small service API other apps call (NOT-1 … NOT-8).

Other apps use:

- `issue_notice(...)` (a court clerk of the branch) or `issue_board_notice(...)` (the
  discipline app, whose own service has already authorised its actor), or
  `issue_system_notice(...)` (a notice no staff member reads, such as a case password);
- `served_at(notice) -> (datetime | None, ServiceKind | None)`: when was it served, and how;
- `deadline_after_service(notice, days, calendar="calendar" | "working")`.
"""

from notices.services.config import deemed_service_period
from notices.services.issuing import (
    alert_text,
    can_issue,
    check_attachment,
    issue_board_notice,
    issue_notice,
    issue_system_notice,
)
from notices.services.passwords import set_case_password
from notices.services.viewing import (
    Deadline,
    deadline_after_service,
    deem_overdue_notices,
    served_at,
    view_notice,
)

__all__ = [
    "Deadline",
    "alert_text",
    "can_issue",
    "check_attachment",
    "deadline_after_service",
    "deem_overdue_notices",
    "deemed_service_period",
    "issue_board_notice",
    "issue_notice",
    "issue_system_notice",
    "served_at",
    "set_case_password",
    "view_notice",
]
