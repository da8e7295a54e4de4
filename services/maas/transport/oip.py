"""Open Inference Protocol pieces every server of `inference.GRPCInferenceService` shares."""

from __future__ import annotations

from typing import Any, Final

from grpc import aio

from maas.errors import Unsupported
from maas_proto import grpc_service_pb2 as pb

# The aio server passes its own context; typed loosely, as the generated stubs do.
Context = aio.ServicerContext[Any, Any]

_NO_SHARED_MEMORY: Final = "shared memory is not supported; send tensor data in the request"


class UnsupportedExtensions:
    """Triton's shared-memory, trace and log settings RPCs, which maas does not offer:
    each answers UNIMPLEMENTED with the reason (and ServerMetadata never lists them)."""

    async def SystemSharedMemoryStatus(
        self, request: pb.SystemSharedMemoryStatusRequest, context: Context
    ) -> pb.SystemSharedMemoryStatusResponse:
        raise Unsupported(_NO_SHARED_MEMORY)

    async def SystemSharedMemoryRegister(
        self, request: pb.SystemSharedMemoryRegisterRequest, context: Context
    ) -> pb.SystemSharedMemoryRegisterResponse:
        raise Unsupported(_NO_SHARED_MEMORY)

    async def SystemSharedMemoryUnregister(
        self, request: pb.SystemSharedMemoryUnregisterRequest, context: Context
    ) -> pb.SystemSharedMemoryUnregisterResponse:
        raise Unsupported(_NO_SHARED_MEMORY)

    async def CudaSharedMemoryStatus(
        self, request: pb.CudaSharedMemoryStatusRequest, context: Context
    ) -> pb.CudaSharedMemoryStatusResponse:
        raise Unsupported(_NO_SHARED_MEMORY)

    async def CudaSharedMemoryRegister(
        self, request: pb.CudaSharedMemoryRegisterRequest, context: Context
    ) -> pb.CudaSharedMemoryRegisterResponse:
        raise Unsupported(_NO_SHARED_MEMORY)

    async def CudaSharedMemoryUnregister(
        self, request: pb.CudaSharedMemoryUnregisterRequest, context: Context
    ) -> pb.CudaSharedMemoryUnregisterResponse:
        raise Unsupported(_NO_SHARED_MEMORY)

    async def TraceSetting(
        self, request: pb.TraceSettingRequest, context: Context
    ) -> pb.TraceSettingResponse:
        raise Unsupported("trace settings are not supported; maas traces with OpenTelemetry")

    async def LogSettings(
        self, request: pb.LogSettingsRequest, context: Context
    ) -> pb.LogSettingsResponse:
        raise Unsupported("log settings are not supported; configure logging at start")
