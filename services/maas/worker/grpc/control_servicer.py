"""`maas.worker.v1.WorkerControlService`: convert, call the control use case, convert back."""

from __future__ import annotations

from typing import Any, Final

from grpc import aio

from maas.worker.control import ReplicaControl
from maas.worker.grpc import control_converters as c
from maas_proto.maas.worker.v1 import worker_pb2 as pb
from maas_proto.maas.worker.v1 import worker_pb2_grpc as pb_grpc

SERVICE_NAME: Final = "maas.worker.v1.WorkerControlService"

Context = aio.ServicerContext[Any, Any]


class WorkerControlServicer(pb_grpc.WorkerControlServiceServicer):
    def __init__(self, control: ReplicaControl) -> None:
        self._control = control

    async def LoadReplica(
        self, request: pb.LoadReplicaRequest, context: Context
    ) -> pb.LoadReplicaResponse:
        replica = await self._control.load(c.load_request_to_domain(request))
        return pb.LoadReplicaResponse(replica=c.replica_to_pb(replica))

    async def UnloadReplica(
        self, request: pb.UnloadReplicaRequest, context: Context
    ) -> pb.UnloadReplicaResponse:
        await self._control.unload(c.unload_request_to_domain(request))
        return pb.UnloadReplicaResponse()

    async def GetStatus(
        self, request: pb.GetStatusRequest, context: Context
    ) -> pb.GetStatusResponse:
        return c.status_to_pb(self._control.status())
