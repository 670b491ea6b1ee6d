"""The filings API under /api/v1/filings/ (FIL-1 … FIL-12).

Thin views: parse, call a service, render. Every transition and action is its own endpoint,
built from `filings.actions.FILING_ACTIONS` (`filings.api.actions`); the lists are in
`filings.api.lists`, one filing's reads and files in `filings.api.filing`. A filing the
caller may not see answers 404.
"""
