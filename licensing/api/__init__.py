"""The licensing API under /api/v1/licensing/ (LIC-1 … LIC-9, OFF-7, ASC-1 … ASC-3).

Thin views: parse, call a service, render. Lists come from selectors already filtered by the
caller; an object outside them answers 404. Every state change is its own POST endpoint
(`POST /requests/{id}/propose/` …), generated from the action tables of `licensing.actions`,
answering 409 in a wrong state and 403 to an actor who may see the object but not take the
step.

- `serializers`: what the endpoints render and the bodies they accept;
- `applications`: calls and applications (LIC-1, LIC-2);
- `requests`: licence requests, licences, fee schedules and the Council (LIC-3 … LIC-9);
- `association`: Associations, inspections and complaints (ASC-1 … ASC-3).
"""
