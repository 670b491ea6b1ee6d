"""Every write of the offices app: staff posts, slots and appointments.

Each service takes keyword arguments and an `actor`, runs in one transaction, locks what it
changes, and raises a domain error (rendered as {"code", "message", "fields"}) when it refuses;
a refusal leaves nothing stored.
"""

from offices.services.appointments import (
    QR_PREFIX,
    appointment_book,
    appointment_cancel,
    appointment_cancel_own,
    appointment_check_in,
    appointment_mark_no_show,
    due_no_shows,
    normalise_code,
    offices_needing_slots,
    slots_generate,
)
from offices.services.desk import desk_book, desk_office, desk_person, desk_register
from offices.services.reschedule import appointment_reschedule
from offices.services.schedules import service_schedule_set
from offices.services.staff import (
    ROLE_GROUP,
    manager_install,
    manager_search_text,
    office_refresh_manager_search,
    office_relocate,
    qualifications_declare,
    staff_appoint,
    staff_release,
)
from offices.services.waitlist import (
    due_offers,
    waitlist_accept,
    waitlist_expire_offer,
    waitlist_join,
    waitlist_leave,
)

__all__ = [
    "QR_PREFIX",
    "ROLE_GROUP",
    "appointment_book",
    "appointment_cancel",
    "appointment_cancel_own",
    "appointment_check_in",
    "appointment_mark_no_show",
    "appointment_reschedule",
    "desk_book",
    "desk_office",
    "desk_person",
    "desk_register",
    "due_no_shows",
    "due_offers",
    "manager_install",
    "manager_search_text",
    "normalise_code",
    "office_refresh_manager_search",
    "office_relocate",
    "offices_needing_slots",
    "qualifications_declare",
    "service_schedule_set",
    "slots_generate",
    "staff_appoint",
    "staff_release",
    "waitlist_accept",
    "waitlist_expire_offer",
    "waitlist_join",
    "waitlist_leave",
]
