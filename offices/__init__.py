"""Judicial e-services offices: offices, staff and qualifications, appointments (OFF-*, APT-*)."""
