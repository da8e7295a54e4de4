"""Process logging from settings: text or JSON lines, each stamped with the trace and
span ids of the span current when it was written, so a log line leads to its trace.

Logging is for notable events (a model loaded, a replica gone, an unexpected error),
never per request or per tensor: the hot path does not log.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Final

from opentelemetry import trace

from maas.telemetry.settings import LogFormat, TelemetrySettings

TEXT_FORMAT: Final = "%(asctime)s %(levelname)s %(name)s: %(message)s%(trace_suffix)s"

# LogRecord's own attributes; anything else on a record came through `extra=`.
_STANDARD: Final = frozenset(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {
    "message",
    "asctime",
    "trace_id",
    "span_id",
    "trace_suffix",
    "taskName",
}


class TraceContextFilter(logging.Filter):
    """Adds `trace_id` and `span_id` (hex, empty outside a span) to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        context = trace.get_current_span().get_span_context()
        if context.is_valid:
            trace_id = trace.format_trace_id(context.trace_id)
            span_id = trace.format_span_id(context.span_id)
            suffix = f" [trace_id={trace_id} span_id={span_id}]"
        else:
            trace_id = span_id = suffix = ""
        # Through __dict__: these are record attributes the formatters read by name.
        record.__dict__.update(trace_id=trace_id, span_id=span_id, trace_suffix=suffix)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, trace and span ids, the
    traceback if any, and whatever the call passed as `extra=`."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        trace_id = getattr(record, "trace_id", "")
        if trace_id:
            entry["trace_id"] = trace_id
            entry["span_id"] = getattr(record, "span_id", "")
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        for key, value in record.__dict__.items():
            if key not in _STANDARD and key not in entry:
                entry[key] = value
        return json.dumps(entry, default=str)


def configure_logging(settings: TelemetrySettings) -> Callable[[], None]:
    """Send the root logger's records to stderr in the configured format and level,
    replacing its handlers; returns a function restoring what was there before."""
    root = logging.getLogger()
    saved_handlers, saved_level = list(root.handlers), root.level
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(TraceContextFilter())
    handler.setFormatter(
        JsonFormatter() if settings.log_format is LogFormat.JSON else logging.Formatter(TEXT_FORMAT)
    )
    for old in saved_handlers:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(settings.log_level)

    def restore() -> None:
        root.removeHandler(handler)
        for old in saved_handlers:
            root.addHandler(old)
        root.setLevel(saved_level)

    return restore
