"""`maas.scheduler.v1.SchedulerService`: convert the request, call the use case,
convert back. Domain errors become status codes in the transport's interceptor."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any, Final

from grpc import aio

from maas.scheduler.grpc import converters as c
from maas.scheduler.service import SchedulerService
from maas_proto.maas.scheduler.v1 import scheduler_pb2 as pb
from maas_proto.maas.scheduler.v1 import scheduler_pb2_grpc as pb_grpc

SERVICE_NAME: Final = pb.DESCRIPTOR.services_by_name["SchedulerService"].full_name

Context = aio.ServicerContext[Any, Any]


class SchedulerServicer(pb_grpc.SchedulerServiceServicer):
    def __init__(self, service: SchedulerService) -> None:
        self._service = service

    async def CreateDeployment(
        self, request: pb.CreateDeploymentRequest, context: Context
    ) -> pb.CreateDeploymentResponse:
        view = await self._service.create_deployment(c.spec_to_domain(request.spec))
        return pb.CreateDeploymentResponse(deployment=c.deployment_to_pb(view))

    async def UpdateDeployment(
        self, request: pb.UpdateDeploymentRequest, context: Context
    ) -> pb.UpdateDeploymentResponse:
        view = await self._service.update_deployment(c.spec_to_domain(request.spec))
        return pb.UpdateDeploymentResponse(deployment=c.deployment_to_pb(view))

    async def DeleteDeployment(
        self, request: pb.DeleteDeploymentRequest, context: Context
    ) -> pb.DeleteDeploymentResponse:
        await self._service.delete_deployment(c.deployment_name(request.name))
        return pb.DeleteDeploymentResponse()

    async def GetDeployment(
        self, request: pb.GetDeploymentRequest, context: Context
    ) -> pb.GetDeploymentResponse:
        view = await self._service.get_deployment(c.deployment_name(request.name))
        return pb.GetDeploymentResponse(deployment=c.deployment_to_pb(view))

    async def ListDeployments(
        self, request: pb.ListDeploymentsRequest, context: Context
    ) -> pb.ListDeploymentsResponse:
        views = await self._service.list_deployments()
        return pb.ListDeploymentsResponse(deployments=[c.deployment_to_pb(v) for v in views])

    async def ListWorkers(
        self, request: pb.ListWorkersRequest, context: Context
    ) -> pb.ListWorkersResponse:
        return pb.ListWorkersResponse(
            workers=[c.worker_to_pb(w) for w in self._service.list_workers()]
        )

    async def GetRoutes(
        self, request: pb.GetRoutesRequest, context: Context
    ) -> pb.GetRoutesResponse:
        return pb.GetRoutesResponse(table=c.routing_table_to_pb(self._service.routes()))

    async def WatchRoutes(
        self, request: pb.WatchRoutesRequest, context: Context
    ) -> AsyncIterator[pb.WatchRoutesResponse]:
        async for table in self._service.watch_routes():
            yield pb.WatchRoutesResponse(table=c.routing_table_to_pb(table))
