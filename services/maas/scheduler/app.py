"""Composition root of the scheduler: settings -> store and clients -> use cases -> one
gRPC server hosting the scheduler API and the inference gateway.

Every scheduler process follows the desired state and the workers and routes by them;
the one holding the leadership key also reconciles. Teardown runs in reverse, as
graceful shutdown wants it: leadership released at once (a successor leads without
waiting out a lock-delay), health NOT_SERVING, deregistered, route watchers told to go
elsewhere, calls drained, then background work stopped and connections closed.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from typing import Any, Final

from maas.discovery import Coordination, Leadership, ServiceInstance, registration
from maas.discovery.base import SCHEDULER_SERVICE, advertised_host
from maas.gateway.app import gateway_service
from maas.scheduler.grpc.servicer import SERVICE_NAME, SchedulerServicer
from maas.scheduler.monitor import WorkerMonitor
from maas.scheduler.reconciler import Reconciler
from maas.scheduler.resolver import RegistryResolver
from maas.scheduler.routes import RoutePublisher
from maas.scheduler.service import SchedulerService
from maas.scheduler.settings import SchedulerSettings
from maas.scheduler.store import DesiredStateStore, SqliteKeyValueStore, StateStore
from maas.scheduler.workers import GrpcWorkerClient
from maas.transport.server import ServiceBinding, start_server
from maas_proto.maas.scheduler.v1 import scheduler_pb2_grpc as pb_grpc

log = logging.getLogger(__name__)

# A term whose reconciler failed unexpectedly starts over after this long.
_RESTART_DELAY_S: Final = 1.0


@dataclass(frozen=True, slots=True)
class SchedulerHandle:
    port: int
    instance: ServiceInstance
    service: SchedulerService
    leadership: Leadership

    @property
    def is_leader(self) -> bool:
        return self.leadership.is_leader


@asynccontextmanager
async def run_scheduler(
    settings: SchedulerSettings, coordination: Coordination
) -> AsyncIterator[SchedulerHandle]:
    """Serve until the context exits, registered in `coordination.discovery` and
    contending for leadership; then shut down as the module docstring says."""
    async with AsyncExitStack() as stack:
        store = await stack.enter_async_context(_open_store(settings, coordination))
        workers = GrpcWorkerClient(
            load_timeout_s=settings.load_timeout_s,
            unload_timeout_s=settings.unload_timeout_s,
            status_timeout_s=settings.status_timeout_s,
        )
        stack.push_async_callback(workers.close)
        resolver = RegistryResolver(
            coordination.discovery, settings.registry_address, settings.resolve_timeout_s
        )
        stack.push_async_callback(resolver.close)
        gateway, gateway_binding = await stack.enter_async_context(
            gateway_service(
                max_message_bytes=settings.max_message_bytes,
                close_grace_s=settings.shutdown_grace_s,
            )
        )
        monitor = WorkerMonitor(coordination.discovery, workers, settings.status_interval_s)
        routes = RoutePublisher(gateway)
        background = _Background()
        stack.push_async_callback(background.stop)
        background.start(monitor.run(), "worker monitor")
        background.start(routes.run(store, monitor), "route publisher")
        background.start(resolver.run(), "registry follower")

        service = SchedulerService(store, monitor, routes)
        servicer = SchedulerServicer(service)
        server = await start_server(
            [
                ServiceBinding(
                    SERVICE_NAME,
                    lambda s: pb_grpc.add_SchedulerServiceServicer_to_server(servicer, s),
                ),
                gateway_binding,
            ],
            host=settings.host,
            port=settings.port,
            max_message_bytes=settings.max_message_bytes,
        )
        stack.push_async_callback(server.stop, settings.shutdown_grace_s)
        stack.callback(routes.close)
        await server.set_serving(True)
        instance = ServiceInstance(
            settings.instance_id or f"{SCHEDULER_SERVICE}-{socket.gethostname()}-{server.port}",
            SCHEDULER_SERVICE,
            advertised_host(settings.host, settings.advertise_host),
            server.port,
        )
        await stack.enter_async_context(registration(coordination.discovery, instance))
        stack.push_async_callback(server.set_serving, False)
        lead = await stack.enter_async_context(
            coordination.election.leadership(settings.leader_key, instance.id)
        )
        leading = _Background()
        stack.push_async_callback(leading.stop)

        def reconciler() -> Reconciler:
            return Reconciler(settings, store, monitor, workers, resolver, gateway)

        leading.start(_lead(lead, reconciler), "leadership")
        log.info("scheduler %s serving on %s:%d", instance.id, settings.host, server.port)
        yield SchedulerHandle(server.port, instance, service, lead)


@asynccontextmanager
async def _open_store(
    settings: SchedulerSettings, coordination: Coordination
) -> AsyncIterator[DesiredStateStore]:
    """A SQLite file when `state_path` is set, else the shared key-value store."""
    if settings.state_path is None:
        yield StateStore(coordination.kv, settings.kv_prefix)
        return
    kv = SqliteKeyValueStore(settings.state_path)
    await kv.open()
    try:
        yield StateStore(kv, settings.kv_prefix)
    finally:
        await kv.close()


async def _lead(lead: Leadership, reconciler: Callable[[], Reconciler]) -> None:
    """Reconcile while leading, each term with a fresh `Reconciler`."""
    while True:
        if not lead.is_leader:
            await lead.wait_change()
            continue
        work = asyncio.create_task(reconciler().run(), name="reconciler")
        change = asyncio.create_task(lead.wait_change(), name="leadership change")
        try:
            await asyncio.wait({work, change}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            work.cancel()
            change.cancel()
            await asyncio.wait({work, change})
        if work.done() and not work.cancelled() and work.exception() is not None:
            log.error("reconciler failed; starting a new term", exc_info=work.exception())
            await asyncio.sleep(_RESTART_DELAY_S)


class _Background:
    """Tasks that run until stopped; one that fails is logged, not silently lost."""

    def __init__(self) -> None:
        self._tasks: list[asyncio.Task[None]] = []

    def start(self, work: Coroutine[Any, Any, None], name: str) -> None:
        task = asyncio.create_task(work, name=name)
        task.add_done_callback(_report)
        self._tasks.append(task)

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        if self._tasks:
            await asyncio.wait(self._tasks)


def _report(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("%s stopped", task.get_name(), exc_info=task.exception())
