"""The gateway's use cases: forward serialized requests to a replica, relay the answers.

Requests and responses stay bytes end to end; only the routing header is read (see
`wire`). Each replica address gets one long-lived channel. A request goes to the replica
with the fewest outstanding requests and, if that replica is going away, once more to
another one. Any other status is relayed unchanged.

Routing, retries and upstream errors are counted per replica. While tracing is on, each
call to a replica gets a CLIENT span whose context replaces the caller's in the
forwarded metadata; with tracing off the caller's context passes through untouched, so
a trace crosses an untraced gateway in one piece.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Iterable, Sequence
from typing import Final, TypeAlias

import grpc
from grpc import aio

from maas.errors import MaasError, Unavailable
from maas.gateway import wire
from maas.gateway.routing import Balancer, Replica, RoutingTable
from maas.telemetry import tracing
from maas.telemetry.metrics import GATEWAY_ERRORS, GATEWAY_RETRIES, GATEWAY_ROUTED, CounterChild
from maas.transport.errors import message_of
from maas.transport.server import MAX_MESSAGE_BYTES, channel_options
from maas_proto import grpc_service_pb2 as pb

log = logging.getLogger(__name__)

_PREFIX: Final = "/inference.GRPCInferenceService/"
INFER: Final = _PREFIX + "ModelInfer"
METADATA: Final = _PREFIX + "ModelMetadata"
CONFIG: Final = _PREFIX + "ModelConfig"
READY: Final = _PREFIX + "ModelReady"
STATISTICS: Final = _PREFIX + "ModelStatistics"

# Statuses meaning "this replica is going away", worth one try elsewhere. UNAVAILABLE:
# draining, stopped or unreachable. CANCELLED: a gRPC server that shuts down cancels the
# calls it had accepted but not started (grpc/grpc#41785); the gateway's own caller
# cancelling never shows up as a status here (it cancels the forwarding task instead), so
# a CANCELLED status was the replica's doing. Inference has no side effects, so a request
# the replica may have started is safe to send again.
RETRYABLE: Final = frozenset({grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.CANCELLED})

# A retry with less time than this left would only turn UNAVAILABLE into
# DEADLINE_EXCEEDED, and load a second replica for nothing.
RETRY_MIN_REMAINING_S: Final = 0.01

# Requests of one stream in flight at once; past it the stream stops reading
# (backpressure) instead of queueing without bound.
STREAM_WINDOW: Final = 256

# Statistics leave out a replica going away, or one not caught up with the table yet.
_LEFT_OUT: Final = RETRYABLE | {grpc.StatusCode.NOT_FOUND}

# Metadata to forward: (key, value) pairs, values bytes for `-bin` keys.
Metadata: TypeAlias = tuple[tuple[str, str | bytes], ...]


class UpstreamError(Exception):
    """A replica answered with a status other than OK; relayed to the caller as is."""

    def __init__(self, code: grpc.StatusCode, details: str) -> None:
        super().__init__(f"{code.name}: {details}")
        self.code = code
        self.details = details


class Upstreams:
    """One long-lived channel per replica address, opened on first use."""

    def __init__(
        self, max_message_bytes: int = MAX_MESSAGE_BYTES, close_grace_s: float = 10.0
    ) -> None:
        self._options = channel_options(max_message_bytes)
        self._close_grace_s = close_grace_s
        self._channels: dict[str, aio.Channel] = {}
        self._calls: dict[tuple[str, str], aio.UnaryUnaryMultiCallable[bytes, bytes]] = {}
        self._closing: set[asyncio.Task[None]] = set()

    def method(self, address: str, path: str) -> aio.UnaryUnaryMultiCallable[bytes, bytes]:
        """A bytes-in, bytes-out callable for `path` on `address` (no (de)serializers)."""
        call = self._calls.get((address, path))
        if call is None:
            channel = self._channels.get(address)
            if channel is None:
                channel = aio.insecure_channel(address, options=self._options)
                self._channels[address] = channel
            call = channel.unary_unary(path)
            self._calls[(address, path)] = call
        return call

    def retain(self, addresses: frozenset[str]) -> None:
        """Close the channels of addresses no longer in use, letting their calls finish."""
        for address in [a for a in self._channels if a not in addresses]:
            channel = self._channels.pop(address)
            self._calls = {k: v for k, v in self._calls.items() if k[0] != address}
            task = asyncio.ensure_future(channel.close(self._close_grace_s))
            self._closing.add(task)
            task.add_done_callback(self._closing.discard)

    async def close(self) -> None:
        channels = list(self._channels.values())
        self._channels.clear()
        self._calls.clear()
        await asyncio.gather(*(c.close() for c in channels), *self._closing)


class Gateway:
    """Routes and forwards requests; owns the routing table and in-flight counts.

    Lives on one event loop; `set_table` must be called there.
    """

    def __init__(self, upstreams: Upstreams, table: RoutingTable | None = None) -> None:
        self._upstreams = upstreams
        self._balancer = Balancer()
        self._table = table
        # Labelled counter children by replica id, made once each.
        self._routed: dict[str, CounterChild] = {}

    @property
    def table(self) -> RoutingTable | None:
        return self._table

    def set_table(self, table: RoutingTable) -> None:
        """Swap in a new placement; requests already routed finish where they went."""
        self._table = table
        self._upstreams.retain(table.addresses)

    def in_flight(self, replica_id: str) -> int:
        """Requests outstanding on a replica (the scheduler waits for 0 before unloading)."""
        return self._balancer.in_flight(replica_id)

    async def forward(
        self, method: str, request: bytes, deadline: float | None, metadata: Metadata
    ) -> bytes:
        """Send a serialized request (ModelInfer, ModelMetadata, ...) to a replica of its
        model and return the serialized response.

        `deadline` is on the `time.monotonic()` clock, None for none. Raises domain errors
        for requests that cannot be routed, UpstreamError for a replica's refusal.
        """
        header = wire.read_header(request)
        target = self._current().resolve(header.model_name, header.model_version)
        route = target.route
        if (route.model_name, route.version) != (header.model_name, header.model_version):
            request = wire.rewrite_target(request, route.model_name, route.version)
        return await self._call(target.replicas, method, request, deadline, metadata)

    async def stream(
        self,
        requests: AsyncIterator[bytes],
        deadline: float | None,
        metadata: Metadata,
        strict: bool,
    ) -> AsyncIterator[bytes]:
        """ModelStreamInfer: each request is forwarded as a ModelInfer, concurrently (so
        workers can batch them), and answered in arrival order.

        A failed request becomes an `error_message` response carrying its id, and the
        stream goes on; with `strict` (Triton's `triton_grpc_error` header) the error
        ends the stream instead.
        """
        pending: asyncio.Queue[asyncio.Task[bytes] | None] = asyncio.Queue(STREAM_WINDOW)

        async def read() -> None:
            try:
                async for message in requests:
                    answer = self._answer(message, deadline, metadata, strict)
                    await pending.put(asyncio.ensure_future(answer))
            finally:
                await pending.put(None)

        reader = asyncio.ensure_future(read())
        try:
            while (task := await pending.get()) is not None:
                yield await task
            await reader
        finally:
            reader.cancel()
            while not pending.empty():
                left = pending.get_nowait()
                if left is not None and not left.cancel() and not left.cancelled():
                    # Already failed (strict mode): collect the error, which asyncio
                    # would otherwise log as never retrieved.
                    left.exception()

    async def _answer(
        self, message: bytes, deadline: float | None, metadata: Metadata, strict: bool
    ) -> bytes:
        """One stream response: the wrapped answer, or the error with the request's id."""
        try:
            return wire.stream_response(await self.forward(INFER, message, deadline, metadata))
        except Exception as exc:
            if strict:
                raise
            return wire.stream_error(_error_text(exc), _header_or_empty(message))

    async def statistics(
        self, name: str, version: str, deadline: float | None, metadata: Metadata
    ) -> pb.ModelStatisticsResponse:
        """ModelStatistics of every replica of the model (every replica for name ""),
        summed per model version.

        A replica that is going away or does not serve the model (yet) is left out, so
        counters may dip while placement changes; any other failure fails the call.
        """
        table = self._current()
        if name:
            target = table.resolve(name, version)
            replicas: Sequence[Replica] = target.replicas
            request = pb.ModelStatisticsRequest(
                name=target.route.model_name, version=target.route.version
            )
        else:
            replicas = table.replicas
            request = pb.ModelStatisticsRequest(version=version)
        payload = request.SerializeToString()
        answers = await asyncio.gather(
            *(self._attempt(r, STATISTICS, payload, deadline, metadata) for r in replicas),
            return_exceptions=True,
        )
        responses = []
        for answer in answers:
            if isinstance(answer, UpstreamError) and answer.code in _LEFT_OUT:
                log.info("statistics: a replica left out: %s", answer)
                continue
            if isinstance(answer, BaseException):
                raise answer
            responses.append(pb.ModelStatisticsResponse.FromString(answer))
        if name and not responses:
            raise Unavailable(f"no replica of model '{name}' answered for statistics")
        total = sum_statistics(responses)
        if name:
            # Under an alias, report the name the caller asked about (perf_analyzer
            # looks its model up by that name).
            for stats in total.model_stats:
                stats.name = name
        return total

    def _current(self) -> RoutingTable:
        if self._table is None:
            raise Unavailable("Server not ready: the gateway has no routing table yet")
        return self._table

    async def _call(
        self,
        replicas: Sequence[Replica],
        method: str,
        request: bytes,
        deadline: float | None,
        metadata: Metadata,
    ) -> bytes:
        first = self._balancer.pick(replicas)
        assert first is not None, "a resolved target has replicas"
        self._count_route(first)
        try:
            return await self._attempt(first, method, request, deadline, metadata)
        except UpstreamError as error:
            if error.code not in RETRYABLE:
                raise
            second = self._balancer.pick(replicas, exclude=(first.id,))
            if second is None or _remaining(deadline) < RETRY_MIN_REMAINING_S:
                raise
            log.debug("%s on %s failed (%s), retrying on %s", method, first.id, error, second.id)
            GATEWAY_RETRIES.inc()
            self._count_route(second)
            return await self._attempt(second, method, request, deadline, metadata)

    def _count_route(self, replica: Replica) -> None:
        routed = self._routed.get(replica.id)
        if routed is None:
            routed = self._routed[replica.id] = GATEWAY_ROUTED.labels(replica.id)
        routed.inc()

    async def _attempt(
        self,
        replica: Replica,
        method: str,
        request: bytes,
        deadline: float | None,
        metadata: Metadata,
    ) -> bytes:
        call = self._upstreams.method(replica.address, method)
        timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
        span = (
            None if tracing.tracer() is None else tracing.start_client_span(method, replica.address)
        )
        if span is not None:
            metadata = tracing.inject(metadata, span)
        code = grpc.StatusCode.OK
        with self._balancer.track(replica):
            try:
                return await call(request, timeout=timeout, metadata=metadata)
            except aio.AioRpcError as error:
                code = error.code()
                GATEWAY_ERRORS.labels(replica.id, code.name).inc()
                raise UpstreamError(code, error.details() or "") from None
            except asyncio.CancelledError:
                code = grpc.StatusCode.CANCELLED
                raise
            finally:
                if span is not None:
                    tracing.end_client_span(span, code)


def _remaining(deadline: float | None) -> float:
    return float("inf") if deadline is None else deadline - time.monotonic()


def _error_text(exc: Exception) -> str:
    if isinstance(exc, UpstreamError):
        return exc.details
    return message_of(exc, "ModelStreamInfer")


def _header_or_empty(message: bytes) -> wire.Header:
    try:
        return wire.read_header(message)
    except MaasError:
        return wire.Header()


def sum_statistics(responses: Iterable[pb.ModelStatisticsResponse]) -> pb.ModelStatisticsResponse:
    """Statistics of several replicas as one: counters and durations summed per model
    version, `last_inference` the latest, memory summed per (type, device id).

    Summing keeps the counters monotonic as long as the same replicas answer, which
    perf_analyzer relies on when it diffs two snapshots.
    """
    merged: dict[tuple[str, str], pb.ModelStatistics] = {}
    for response in responses:
        for stats in response.model_stats:
            into = merged.get((stats.name, stats.version))
            if into is None:
                merged[(stats.name, stats.version)] = pb.ModelStatistics()
                merged[(stats.name, stats.version)].CopyFrom(stats)
                continue
            into.last_inference = max(into.last_inference, stats.last_inference)
            into.inference_count += stats.inference_count
            into.execution_count += stats.execution_count
            _add_durations(into.inference_stats, stats.inference_stats)
            batches = {b.batch_size: b for b in into.batch_stats}
            for batch in stats.batch_stats:
                if batch.batch_size in batches:
                    _add_durations(batches[batch.batch_size], batch)
                else:
                    into.batch_stats.add().CopyFrom(batch)
            memory = {(m.type, m.id): m for m in into.memory_usage}
            for usage in stats.memory_usage:
                if (usage.type, usage.id) in memory:
                    memory[(usage.type, usage.id)].byte_size += usage.byte_size
                else:
                    into.memory_usage.add().CopyFrom(usage)
            for key, response_stats in stats.response_stats.items():
                _add_durations(into.response_stats[key], response_stats)
    return pb.ModelStatisticsResponse(model_stats=merged.values())


def _add_durations(
    into: pb.InferStatistics | pb.InferBatchStatistics | pb.InferResponseStatistics,
    other: pb.InferStatistics | pb.InferBatchStatistics | pb.InferResponseStatistics,
) -> None:
    # Every StatisticDuration field of these messages is a cumulative (count, ns) pair.
    for field in into.DESCRIPTOR.fields:
        if field.message_type is pb.StatisticDuration.DESCRIPTOR:
            mine, theirs = getattr(into, field.name), getattr(other, field.name)
            mine.count += theirs.count
            mine.ns += theirs.ns
