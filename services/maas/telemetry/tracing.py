"""Tracing: the tracer provider from settings, W3C context over gRPC metadata, spans.

One process holds at most one active tracer (`tracer()`); it is None while tracing is
off, and every hot-path caller checks that first, so tracing off costs one attribute
read. The provider is deliberately not made OpenTelemetry's global one: the global can
be set only once per process, while tests start and stop telemetry many times. Library
code that only knows the global API (the Python client) still propagates the current
context, which is all it needs here.

Servers get `TracingInterceptor` (from `start_server`) only while tracing is on.
opentelemetry-instrumentation-grpc's aio server interceptor is not used on servers:
it rebuilds the method handler, a metadata dict and a context proxy on every call and
builds the span's attributes (peer address parsing included) before sampling decides,
so unsampled calls pay nearly the full price. Its aio client interceptors are used for
the control-path channels (`client_interceptors`), where a call costs milliseconds.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import Token
from typing import Any, Final, TypeAlias

import grpc
from grpc import aio
from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.context import Context
from opentelemetry.propagators.textmap import Getter
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter, SpanExporter
from opentelemetry.sdk.trace.sampling import ParentBased, TraceIdRatioBased
from opentelemetry.trace import Link, Span, SpanKind, Status, StatusCode, Tracer
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

import maas
from maas.telemetry.settings import Exporter, TelemetrySettings
from maas.transport.handlers import Handler, Streaming, Unary, WrappingInterceptor, rewrap

log = logging.getLogger(__name__)

INSTRUMENTATION: Final = "maas"

# gRPC metadata: (key, value) pairs, values bytes for `-bin` keys.
Metadata: TypeAlias = tuple[tuple[str, str | bytes], ...]

# W3C trace context only: that is what every other gRPC stack understands.
_PROPAGATOR: Final = TraceContextTextMapPropagator()
_CONTEXT_KEYS: Final = frozenset(_PROPAGATOR.fields)

# Health checks (Consul polls every few seconds) and reflection are not worth a trace.
_UNTRACED: Final = ("/grpc.health.v1.Health/", "/grpc.reflection.")

# Server statuses that mean the server failed, per OpenTelemetry's gRPC conventions;
# the others (NOT_FOUND, INVALID_ARGUMENT, ...) are the caller's doing.
_SERVER_FAULTS: Final = frozenset(
    {
        grpc.StatusCode.UNKNOWN,
        grpc.StatusCode.DEADLINE_EXCEEDED,
        grpc.StatusCode.UNIMPLEMENTED,
        grpc.StatusCode.INTERNAL,
        grpc.StatusCode.UNAVAILABLE,
        grpc.StatusCode.DATA_LOSS,
    }
)


class _Active:
    __slots__ = ("provider", "tracer")

    def __init__(self) -> None:
        self.provider: TracerProvider | None = None
        self.tracer: Tracer | None = None


_active = _Active()


def tracer() -> Tracer | None:
    """The process's tracer, None while tracing is off: the hot path's one check."""
    return _active.tracer


def start_tracing(settings: TelemetrySettings, service_name: str) -> TracerProvider | None:
    """Make and activate the tracer provider the settings describe (None: tracing off).

    Returns the provider that was active before, for `stop_tracing` to restore.
    """
    previous = _active.provider
    if not settings.tracing:
        return previous
    resource = Resource.create(
        {
            "service.name": settings.service_name or service_name,
            "service.version": maas.__version__,
            **settings.resource_attributes,
        }
    )
    provider = TracerProvider(
        resource=resource, sampler=ParentBased(TraceIdRatioBased(settings.sampling_ratio))
    )
    # Batched: spans are exported from a background thread, never on the request path.
    provider.add_span_processor(BatchSpanProcessor(_exporter(settings)))
    _active.provider = provider
    _active.tracer = provider.get_tracer(INSTRUMENTATION, maas.__version__)
    log.info(
        "tracing to %s (%s), sampling %.0f%% of new traces",
        settings.exporter.value,
        settings.endpoint or "default endpoint",
        settings.sampling_ratio * 100,
    )
    return previous


def stop_tracing(previous: TracerProvider | None) -> None:
    """Flush and shut down the active provider, then reactivate `previous`."""
    provider = _active.provider
    if provider is not None and provider is not previous:
        provider.shutdown()
    _active.provider = previous
    _active.tracer = None if previous is None else previous.get_tracer(INSTRUMENTATION)


def _exporter(settings: TelemetrySettings) -> SpanExporter:
    # The OTLP exporters are imported only when chosen: they pull in requests and more.
    endpoint = settings.endpoint
    if settings.exporter is Exporter.OTLP_GRPC:
        from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import (
            OTLPSpanExporter as GrpcExporter,
        )

        secure = endpoint is not None and endpoint.startswith("https://")
        return GrpcExporter(endpoint=endpoint, insecure=not secure)
    if settings.exporter is Exporter.OTLP_HTTP:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import (
            OTLPSpanExporter as HttpExporter,
        )

        return HttpExporter(endpoint=endpoint)
    return ConsoleSpanExporter(out=sys.stderr)


# --- context in gRPC metadata ----------------------------------------------------------


class _MetadataGetter(Getter[Iterable[tuple[str, str | bytes]]]):
    """Reads propagation fields straight from gRPC's metadata pairs (no dict built)."""

    def get(self, carrier: Iterable[tuple[str, str | bytes]], key: str) -> list[str] | None:
        for name, value in carrier:
            if name == key and isinstance(value, str):
                return [value]
        return None

    def keys(self, carrier: Iterable[tuple[str, str | bytes]]) -> list[str]:
        return [name for name, _ in carrier]


_GETTER: Final = _MetadataGetter()


def extract(metadata: Iterable[tuple[str, str | bytes]] | None) -> Context:
    """The caller's trace context from call metadata (an empty context when none)."""
    return _PROPAGATOR.extract(metadata or (), getter=_GETTER)


def inject(metadata: Iterable[tuple[str, str | bytes]], span: Span) -> Metadata:
    """`metadata` carrying `span`'s trace context, replacing any the caller sent."""
    carrier: dict[str, str] = {}
    _PROPAGATOR.inject(carrier, trace.set_span_in_context(span))
    kept = tuple((k, v) for k, v in metadata if k not in _CONTEXT_KEYS)
    return kept + tuple(carrier.items())


@functools.cache
def _rpc_attributes(method: str) -> dict[str, str]:
    # Per method, once: span attribute dicts are copied by the SDK, never changed.
    service, _, name = method.lstrip("/").partition("/")
    return {"rpc.system": "grpc", "rpc.service": service, "rpc.method": name}


def start_client_span(method: str, peer: str) -> Span:
    """A CLIENT span for a call of `method` ("/package.Service/Method") to `peer`, child
    of the current span; `inject` it into the call's metadata, then `end_client_span`.

    An unsampled caller gets a non-recording span that still carries its trace id and
    decision downstream, so the next hop does not sample on its own.
    """
    assert _active.tracer is not None, "only called while tracing is on"
    started = _active.tracer.start_span(
        method.lstrip("/"), kind=SpanKind.CLIENT, attributes=_rpc_attributes(method)
    )
    if started.is_recording():
        started.set_attribute("server.address", peer)
    return started


def end_client_span(span: Span, code: grpc.StatusCode) -> None:
    """End a CLIENT span with the call's status (any status but OK is a failure)."""
    if span.is_recording():
        span.set_attribute("rpc.grpc.status_code", code.value[0])
        if code is not grpc.StatusCode.OK:
            span.set_status(Status(StatusCode.ERROR, code.name))
    span.end()


def client_interceptors() -> list[aio.ClientInterceptor]:
    """Interceptors for a control-path aio channel (scheduler -> worker, worker ->
    registry): a client span per call and its context in the metadata. Empty while
    tracing is off, so such a channel then runs without interceptors.

    Pass them when the channel is created:
    `aio.insecure_channel(address, interceptors=client_interceptors())`.
    """
    provider = _active.provider
    if provider is None:
        return []
    from opentelemetry.instrumentation.grpc import aio_client_interceptors

    # The instrumentation package ships no type information.
    interceptors: list[aio.ClientInterceptor] = aio_client_interceptors(  # type: ignore[no-untyped-call]
        tracer_provider=provider
    )
    return interceptors


# --- spans -------------------------------------------------------------------------------


def recording_span() -> Span | None:
    """The current span if tracing is on and it is being recorded (sampled), else None.

    Hot-path code makes its own spans only below a recording one: an unsampled request
    then costs nothing more.
    """
    if _active.tracer is None:
        return None
    span = trace.get_current_span()
    return span if span.is_recording() else None


@contextmanager
def span(name: str, attributes: dict[str, Any] | None = None) -> Iterator[Span]:
    """A span around a block of control-path work (a load, an upload, a placement),
    current inside it; with tracing off a non-recording span that ignores every call.

    Exceptions escaping the block are recorded and mark the span as failed.
    """
    active = _active.tracer
    if active is None:
        yield trace.INVALID_SPAN
        return
    with active.start_as_current_span(name, attributes=attributes) as current:
        yield current


def record_span(name: str, parent: Span, start_ns: int, end_ns: int) -> None:
    """A finished child of `parent` covering [start_ns, end_ns] on the `time.time_ns()`
    clock: for phases timed anyway (decode, queue wait), with no context switching."""
    assert _active.tracer is not None, "only called below a recording span"
    child = _active.tracer.start_span(
        name, context=trace.set_span_in_context(parent), start_time=start_ns
    )
    child.end(end_time=end_ns)


def start_child(name: str, parent: Span, start_ns: int, links: Sequence[Link] = ()) -> Span:
    """An open child of `parent` started at `start_ns` (`time.time_ns()` clock); the
    caller ends it. Not made current."""
    assert _active.tracer is not None, "only called below a recording span"
    return _active.tracer.start_span(
        name, context=trace.set_span_in_context(parent), links=links, start_time=start_ns
    )


def wall_clock_offset_ns() -> int:
    """What to add to a `time.monotonic_ns()` reading (the clock queues and stats use)
    to place it on the `time.time_ns()` clock spans use."""
    return time.time_ns() - time.monotonic_ns()


def exemplar(span: Span) -> dict[str, str]:
    """Exemplar labels pointing a metric sample at `span`'s trace."""
    context = span.get_span_context()
    return {
        "trace_id": trace.format_trace_id(context.trace_id),
        "span_id": trace.format_span_id(context.span_id),
    }


def set_error(target: Span, exc: BaseException) -> None:
    """Mark `target` failed by `exc`: the exception as an event, its type as the status."""
    target.record_exception(exc)
    target.set_status(Status(StatusCode.ERROR, type(exc).__name__))


# --- server interceptor -------------------------------------------------------------------


def server_interceptors() -> tuple[aio.ServerInterceptor, ...]:
    """The tracing interceptor while tracing is on, else none: a server started with
    tracing off carries no per-call tracing code at all."""
    active = _active.tracer
    return () if active is None else (TracingInterceptor(active),)


class TracingInterceptor(WrappingInterceptor):
    """A SERVER span per call, child of the caller's W3C context, current while the
    handler runs (so outbound calls and inner spans join the trace).

    Must be the outermost interceptor: it then sees the status the error mapping
    chose.
    """

    def __init__(self, active: Tracer) -> None:
        super().__init__()
        self._tracer = active

    def wrap(self, handler: Handler, method: str) -> Handler:
        if method.startswith(_UNTRACED):
            return handler
        attributes = _rpc_attributes(method)
        span_name = method.lstrip("/")
        active = self._tracer

        def begin(context: aio.ServicerContext[Any, Any]) -> tuple[Span, Token[Context]]:
            parent = extract(context.invocation_metadata())
            started = active.start_span(
                span_name, context=parent, kind=SpanKind.SERVER, attributes=attributes
            )
            token = otel_context.attach(trace.set_span_in_context(started, parent))
            return started, token

        def finish(
            started: Span,
            token: Token[Context],
            context: aio.ServicerContext[Any, Any],
            exc: BaseException | None,
        ) -> None:
            otel_context.detach(token)
            if started.is_recording():
                _set_status(started, context, exc)
            started.end()

        def streaming(behavior: Streaming) -> Streaming:
            async def traced(request: Any, context: aio.ServicerContext[Any, Any]) -> Any:
                started, token = begin(context)
                error: BaseException | None = None
                try:
                    async for response in behavior(request, context):
                        yield response
                except BaseException as exc:
                    error = exc
                    raise
                finally:
                    finish(started, token, context, error)

            return traced

        def unary(behavior: Unary) -> Unary:
            async def traced(request: Any, context: aio.ServicerContext[Any, Any]) -> Any:
                started, token = begin(context)
                error: BaseException | None = None
                try:
                    return await behavior(request, context)
                except BaseException as exc:
                    error = exc
                    raise
                finally:
                    finish(started, token, context, error)

            return traced

        return rewrap(handler, unary, streaming)


def _set_status(
    target: Span, context: aio.ServicerContext[Any, Any], exc: BaseException | None
) -> None:
    if exc is None or isinstance(exc, aio.AbortError):
        # An abort (the error mapping's, or a handler's own) left its code on the context.
        code = context.code() or grpc.StatusCode.OK
    elif isinstance(exc, GeneratorExit | asyncio.CancelledError):
        code = grpc.StatusCode.CANCELLED
    else:
        code = grpc.StatusCode.UNKNOWN
        target.record_exception(exc)
    target.set_attribute("rpc.grpc.status_code", code.value[0])
    if code in _SERVER_FAULTS:
        target.set_status(Status(StatusCode.ERROR, code.name))
