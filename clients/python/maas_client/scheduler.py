"""The scheduler from Python: `SchedulerClient` (blocking), `AsyncSchedulerClient` (asyncio).

Both return the protocol's own messages (`maas_proto.maas.scheduler.v1.scheduler_pb2`)
and let `grpc.RpcError` through, with the status code the scheduler chose. A deployment
is recorded at once and placed in the background: `wait_ready` polls its status until
enough replicas serve, and otherwise says why not from the status's conditions.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from typing import Final, TypedDict, Unpack

from grpc import aio

from maas_client._channels import AsyncChannelClient, ChannelClient
from maas_proto.maas.scheduler.v1 import scheduler_pb2 as pb
from maas_proto.maas.scheduler.v1 import scheduler_pb2_grpc as pb_grpc

# Status is derived from the leader's plans every status interval (a second or less);
# polling faster only adds load.
POLL_INTERVAL_S: Final = 0.2


class SpecOptions(TypedDict, total=False):
    """How to serve, beyond name and model; omitted fields take the scheduler's defaults
    (the latest version, 1 replica, 1 instance, memory estimated from the artifact)."""

    version: int | None
    alias: str | None
    min_replicas: int
    max_replicas: int | None
    instance_count: int
    memory_bytes: int
    backends: Sequence[str]
    batching: pb.Batching | None


def deployment_spec(name: str, model: str, **options: Unpack[SpecOptions]) -> pb.DeploymentSpec:
    """The spec create and update send. Raises ValueError for both a version and an alias,
    which the proto's oneof would otherwise silently settle by the last one set."""
    version, alias = options.get("version"), options.get("alias")
    if version is not None and alias is not None:
        raise ValueError("give a version or an alias, not both")
    spec = pb.DeploymentSpec(
        name=name,
        model=model,
        min_replicas=options.get("min_replicas", 1),
        # 0 on the wire means "as many as min_replicas".
        max_replicas=options.get("max_replicas") or 0,
        instance_count=options.get("instance_count", 1),
        batching=options.get("batching"),
        backends=options.get("backends", ()),
        resources=pb.Resources(memory_bytes=options.get("memory_bytes", 0)),
    )
    if version is not None:
        spec.version = version
    elif alias is not None:
        spec.alias = alias
    return spec


def is_ready(deployment: pb.Deployment) -> bool:
    """At least min_replicas serve, and the status reflects the current spec (not the one
    before an update, whose replicas would count too early)."""
    status = deployment.status
    current = status.observed_generation >= deployment.generation
    return current and status.ready_replicas >= _min_replicas(deployment)


def not_ready_error(deployment: pb.Deployment, timeout_s: float) -> TimeoutError:
    """Why the deployment is not ready, in the words of its unmet conditions."""
    status = deployment.status
    reasons = [f"{c.type}: {c.message}" for c in status.conditions if not c.status]
    if status.observed_generation < deployment.generation:
        reasons.append("the scheduler has not acted on the latest spec yet")
    return TimeoutError(
        f"deployment '{deployment.spec.name}' not ready after {timeout_s:g}s "
        f"({status.ready_replicas} of {_min_replicas(deployment)} replicas ready)"
        + "".join(f"; {reason}" for reason in reasons)
    )


def _min_replicas(deployment: pb.Deployment) -> int:
    # 0 on the wire means 1.
    return deployment.spec.min_replicas or 1


class SchedulerClient(ChannelClient):
    """Blocking client; `timeout_s` bounds each call."""

    def __init__(self, target: str, *, timeout_s: float = 60.0) -> None:
        super().__init__(target)
        self._stub = pb_grpc.SchedulerServiceStub(self._channel)
        self._timeout = timeout_s

    def create_deployment(
        self, name: str, model: str, **options: Unpack[SpecOptions]
    ) -> pb.Deployment:
        """Record a deployment; its replicas are placed and loaded in the background."""
        request = pb.CreateDeploymentRequest(spec=deployment_spec(name, model, **options))
        return self._stub.CreateDeployment(request, timeout=self._timeout).deployment

    def update_deployment(
        self, name: str, model: str, **options: Unpack[SpecOptions]
    ) -> pb.Deployment:
        """Replace the whole spec (omitted options return to their defaults)."""
        request = pb.UpdateDeploymentRequest(spec=deployment_spec(name, model, **options))
        return self._stub.UpdateDeployment(request, timeout=self._timeout).deployment

    def delete_deployment(self, name: str) -> None:
        request = pb.DeleteDeploymentRequest(name=name)
        self._stub.DeleteDeployment(request, timeout=self._timeout)

    def get_deployment(self, name: str) -> pb.Deployment:
        request = pb.GetDeploymentRequest(name=name)
        return self._stub.GetDeployment(request, timeout=self._timeout).deployment

    def list_deployments(self) -> list[pb.Deployment]:
        request = pb.ListDeploymentsRequest()
        return list(self._stub.ListDeployments(request, timeout=self._timeout).deployments)

    def list_workers(self) -> list[pb.Worker]:
        request = pb.ListWorkersRequest()
        return list(self._stub.ListWorkers(request, timeout=self._timeout).workers)

    def wait_ready(self, name: str, timeout_s: float = 120.0) -> pb.Deployment:
        """The deployment once `is_ready`; TimeoutError with its unmet conditions if not
        within `timeout_s`."""
        deadline = time.monotonic() + timeout_s
        while not is_ready(deployment := self.get_deployment(name)):
            if time.monotonic() >= deadline:
                raise not_ready_error(deployment, timeout_s)
            time.sleep(POLL_INTERVAL_S)
        return deployment


class AsyncSchedulerClient(AsyncChannelClient):
    """asyncio client, the same calls as `SchedulerClient`."""

    def __init__(
        self,
        target: str,
        *,
        timeout_s: float = 60.0,
        interceptors: Sequence[aio.ClientInterceptor] = (),
    ) -> None:
        super().__init__(target, interceptors)
        self._stub = pb_grpc.SchedulerServiceStub(self._channel)
        self._timeout = timeout_s

    async def create_deployment(
        self, name: str, model: str, **options: Unpack[SpecOptions]
    ) -> pb.Deployment:
        request = pb.CreateDeploymentRequest(spec=deployment_spec(name, model, **options))
        return (await self._stub.CreateDeployment(request, timeout=self._timeout)).deployment

    async def update_deployment(
        self, name: str, model: str, **options: Unpack[SpecOptions]
    ) -> pb.Deployment:
        """Replace the whole spec (omitted options return to their defaults)."""
        request = pb.UpdateDeploymentRequest(spec=deployment_spec(name, model, **options))
        return (await self._stub.UpdateDeployment(request, timeout=self._timeout)).deployment

    async def delete_deployment(self, name: str) -> None:
        request = pb.DeleteDeploymentRequest(name=name)
        await self._stub.DeleteDeployment(request, timeout=self._timeout)

    async def get_deployment(self, name: str) -> pb.Deployment:
        request = pb.GetDeploymentRequest(name=name)
        return (await self._stub.GetDeployment(request, timeout=self._timeout)).deployment

    async def list_deployments(self) -> list[pb.Deployment]:
        request = pb.ListDeploymentsRequest()
        return list((await self._stub.ListDeployments(request, timeout=self._timeout)).deployments)

    async def list_workers(self) -> list[pb.Worker]:
        request = pb.ListWorkersRequest()
        return list((await self._stub.ListWorkers(request, timeout=self._timeout)).workers)

    async def wait_ready(self, name: str, timeout_s: float = 120.0) -> pb.Deployment:
        deadline = time.monotonic() + timeout_s
        while not is_ready(deployment := await self.get_deployment(name)):
            if time.monotonic() >= deadline:
                raise not_ready_error(deployment, timeout_s)
            await asyncio.sleep(POLL_INTERVAL_S)
        return deployment
