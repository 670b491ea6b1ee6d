"""JSON log lines (structlog's formatter over the standard library's logging).

Each line is one object: `time` (ISO 8601, UTC), `level`, `logger`, `event` (the message),
`request_id`, and `exception` with the traceback when there is one. Configured by
`LOGGING` (daftar/settings/operations.py); production's default.
"""

from __future__ import annotations

import structlog


def _request_id(_logger, _name, event_dict):
    record = event_dict.get("_record")
    event_dict["request_id"] = getattr(record, "request_id", None) or "-"
    return event_dict


def _process_and_thread(_logger, _name, event_dict):
    record = event_dict.get("_record")
    if record is not None:
        event_dict["process"] = record.process
    return event_dict


class JSONFormatter(structlog.stdlib.ProcessorFormatter):
    def __init__(self, *args, **kwargs):
        super().__init__(
            *args,
            processors=[
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                structlog.processors.dict_tracebacks,
                structlog.processors.JSONRenderer(ensure_ascii=False),
            ],
            foreign_pre_chain=[
                structlog.stdlib.add_log_level,
                structlog.stdlib.add_logger_name,
                structlog.processors.TimeStamper(fmt="iso", utc=True, key="time"),
                _request_id,
                _process_and_thread,
                structlog.stdlib.ExtraAdder(),
            ],
            **kwargs,
        )
