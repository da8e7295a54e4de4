"""`maas.registry.v1.RegistryService`: convert the request, call the use case, convert back.

Errors are domain errors raised by the service; the transport's interceptor turns them
into status codes.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any, Final

from grpc import aio

from maas.registry.domain import Version
from maas.registry.grpc import converters as c
from maas.registry.service import RegistryService
from maas.telemetry import tracing
from maas.telemetry.metrics import (
    REGISTRY_DOWNLOAD_BYTES,
    REGISTRY_DOWNLOADS,
    REGISTRY_UPLOAD_BYTES,
    REGISTRY_UPLOADS,
)
from maas_proto.maas.registry.v1 import registry_pb2 as pb
from maas_proto.maas.registry.v1 import registry_pb2_grpc as pb_grpc

SERVICE_NAME: Final = pb.DESCRIPTOR.services_by_name["RegistryService"].full_name

Context = aio.ServicerContext[Any, Any]


class RegistryServicer(pb_grpc.RegistryServiceServicer):
    def __init__(self, service: RegistryService) -> None:
        self._service = service

    async def CreateModel(
        self, request: pb.CreateModelRequest, context: Context
    ) -> pb.CreateModelResponse:
        model = await self._service.create_model(
            request.name, request.description, dict(request.labels)
        )
        return pb.CreateModelResponse(model=c.model_to_pb(model))

    async def GetModel(self, request: pb.GetModelRequest, context: Context) -> pb.GetModelResponse:
        return pb.GetModelResponse(model=c.model_to_pb(await self._service.get_model(request.name)))

    async def ListModels(
        self, request: pb.ListModelsRequest, context: Context
    ) -> pb.ListModelsResponse:
        page, revision = await self._service.list_models(
            dict(request.labels), request.page_size, request.page_token
        )
        return pb.ListModelsResponse(
            models=[c.model_to_pb(m) for m in page.items],
            next_page_token=page.next_token,
            revision=revision,
        )

    async def UpdateModel(
        self, request: pb.UpdateModelRequest, context: Context
    ) -> pb.UpdateModelResponse:
        model = await self._service.update_model(
            request.name,
            request.description if request.HasField("description") else None,
            dict(request.labels) if request.update_labels else None,
        )
        return pb.UpdateModelResponse(model=c.model_to_pb(model))

    async def DeleteModel(
        self, request: pb.DeleteModelRequest, context: Context
    ) -> pb.DeleteModelResponse:
        await self._service.delete_model(request.name)
        return pb.DeleteModelResponse()

    async def UploadVersion(
        self, request_iterator: AsyncIterator[pb.UploadVersionRequest], context: Context
    ) -> pb.UploadVersionResponse:
        header, chunks = await c.upload_to_domain(request_iterator)
        with tracing.span("registry.upload", {"maas.model.name": header.model}) as span:
            try:
                version = await self._service.upload_version(header, chunks)
            except BaseException:
                REGISTRY_UPLOADS.labels("failure").inc()
                raise
            REGISTRY_UPLOADS.labels("success").inc()
            REGISTRY_UPLOAD_BYTES.inc(version.size_bytes)
            span.set_attributes(_artifact_attributes(version))
        return pb.UploadVersionResponse(version=c.version_to_pb(version))

    async def GetVersion(
        self, request: pb.GetVersionRequest, context: Context
    ) -> pb.GetVersionResponse:
        version = await self._service.get_version(c.ref_to_domain(request.ref))
        return pb.GetVersionResponse(version=c.version_to_pb(version))

    async def ListVersions(
        self, request: pb.ListVersionsRequest, context: Context
    ) -> pb.ListVersionsResponse:
        page = await self._service.list_versions(
            request.model, request.page_size, request.page_token
        )
        return pb.ListVersionsResponse(
            versions=[c.version_to_pb(v) for v in page.items], next_page_token=page.next_token
        )

    async def DeleteVersion(
        self, request: pb.DeleteVersionRequest, context: Context
    ) -> pb.DeleteVersionResponse:
        await self._service.delete_version(request.model, request.version)
        return pb.DeleteVersionResponse()

    async def DownloadVersion(
        self, request: pb.DownloadVersionRequest, context: Context
    ) -> AsyncIterator[pb.DownloadVersionResponse]:
        version, chunks = await self._service.download(*c.download_to_domain(request))
        # Not made current: the span lives across the generator's yields.
        parent = tracing.recording_span()
        span = (
            None
            if parent is None
            else tracing.start_child("registry.download", parent, time.time_ns())
        )
        sent, outcome = 0, "failure"
        try:
            yield pb.DownloadVersionResponse(version=c.version_to_pb(version))
            async for chunk in chunks:
                sent += len(chunk)
                yield pb.DownloadVersionResponse(chunk=chunk)
            outcome = "success"
        finally:
            REGISTRY_DOWNLOADS.labels(outcome).inc()
            REGISTRY_DOWNLOAD_BYTES.inc(sent)
            if span is not None:
                span.set_attributes({**_artifact_attributes(version), "maas.artifact.bytes": sent})
                span.end()

    async def SetAlias(self, request: pb.SetAliasRequest, context: Context) -> pb.SetAliasResponse:
        previous = await self._service.set_alias(request.model, request.alias, request.version)
        return pb.SetAliasResponse(previous_version=previous or 0)

    async def DeleteAlias(
        self, request: pb.DeleteAliasRequest, context: Context
    ) -> pb.DeleteAliasResponse:
        await self._service.delete_alias(request.model, request.alias)
        return pb.DeleteAliasResponse()

    async def DeriveVersion(
        self, request: pb.DeriveVersionRequest, context: Context
    ) -> pb.DeriveVersionResponse:
        job = await self._service.derive(
            c.ref_to_domain(request.parent),
            c.transform_to_domain(request.transform),
            dict(request.parameters),
        )
        return pb.DeriveVersionResponse(job=c.job_to_pb(job))

    async def GetJob(self, request: pb.GetJobRequest, context: Context) -> pb.GetJobResponse:
        return pb.GetJobResponse(job=c.job_to_pb(await self._service.get_job(request.id)))

    async def WatchJob(
        self, request: pb.WatchJobRequest, context: Context
    ) -> AsyncIterator[pb.WatchJobResponse]:
        async for job in self._service.watch_job(request.id):
            yield pb.WatchJobResponse(job=c.job_to_pb(job))

    async def Watch(
        self, request: pb.WatchRequest, context: Context
    ) -> AsyncIterator[pb.WatchResponse]:
        async for event in self._service.watch(c.watch_to_domain(request)):
            yield pb.WatchResponse(event=c.event_to_pb(event))


def _artifact_attributes(version: Version) -> dict[str, str | int]:
    return {
        "maas.model.name": version.model,
        "maas.model.version": version.number,
        "maas.artifact.bytes": version.size_bytes,
        "maas.artifact.sha256": version.sha256,
    }
