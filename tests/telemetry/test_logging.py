"""Log lines carry the trace and span ids of the span current when they were written."""

from __future__ import annotations

import io
import json
import logging

from opentelemetry import trace
from opentelemetry.trace import NonRecordingSpan, SpanContext, TraceFlags

from maas.telemetry.logging import TEXT_FORMAT, JsonFormatter, TraceContextFilter

CONTEXT = SpanContext(
    trace_id=0xABC0_0000_0000_0000_0000_0000_0000_0001,
    span_id=0xDEF0_0000_0000_0001,
    is_remote=False,
    trace_flags=TraceFlags(TraceFlags.SAMPLED),
)


def _logger(formatter: logging.Formatter) -> tuple[logging.Logger, io.StringIO]:
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.addFilter(TraceContextFilter())
    handler.setFormatter(formatter)
    logger = logging.getLogger(f"test.{id(out)}")
    logger.propagate = False
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return logger, out


def test_json_lines_carry_ids_inside_a_span_only() -> None:
    logger, out = _logger(JsonFormatter())
    with trace.use_span(NonRecordingSpan(CONTEXT)):
        logger.info("model %s ready", "mlp", extra={"model": "mlp"})
    logger.warning("outside")
    inside, outside = (json.loads(line) for line in out.getvalue().splitlines())
    assert inside["message"] == "model mlp ready"
    assert inside["level"] == "INFO"
    assert inside["model"] == "mlp"
    assert inside["trace_id"] == trace.format_trace_id(CONTEXT.trace_id)
    assert inside["span_id"] == trace.format_span_id(CONTEXT.span_id)
    assert "trace_id" not in outside


def test_json_lines_hold_the_traceback() -> None:
    logger, out = _logger(JsonFormatter())
    try:
        raise ValueError("boom")
    except ValueError:
        logger.exception("failed")
    (line,) = out.getvalue().splitlines()
    assert "ValueError: boom" in json.loads(line)["exception"]


def test_text_lines_end_with_the_ids_inside_a_span() -> None:
    logger, out = _logger(logging.Formatter(TEXT_FORMAT))
    with trace.use_span(NonRecordingSpan(CONTEXT)):
        logger.info("inside")
    logger.info("outside")
    inside, outside = out.getvalue().splitlines()
    assert inside.endswith(
        f"inside [trace_id={CONTEXT.trace_id:032x} span_id={CONTEXT.span_id:016x}]"
    )
    assert outside.endswith("outside")
