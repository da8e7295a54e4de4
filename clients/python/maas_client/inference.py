"""Inference through the Open Inference Protocol: numpy in, numpy out.

`InferenceClient` (blocking) and `AsyncInferenceClient` (asyncio) talk to a worker or to
the scheduler's gateway, which serve the same `inference.GRPCInferenceService`.

Every call carries the W3C trace context in its metadata, through OpenTelemetry's
global API: inside an application span the call continues that trace, and with a
tracer provider configured (`opentelemetry.trace.set_tracer_provider`) each call is a
CLIENT span of its own, starting a trace when there is none. Without either, nothing is
sent and the servers start their own traces.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Final

import numpy as np
from opentelemetry import propagate, trace

from maas.worker.datatypes import from_numpy, parse_datatype
from maas.worker.tensors import decode_raw, encode
from maas_client._channels import AsyncChannelClient, ChannelClient
from maas_proto import grpc_service_pb2 as pb
from maas_proto import grpc_service_pb2_grpc as pb_grpc

_SERVICE: Final = "inference.GRPCInferenceService"
_tracer = trace.get_tracer("maas_client")


@dataclass(frozen=True, slots=True)
class TensorInfo:
    name: str
    datatype: str
    shape: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ModelInfo:
    name: str
    versions: tuple[str, ...]
    platform: str
    inputs: tuple[TensorInfo, ...]
    outputs: tuple[TensorInfo, ...]


def build_request(
    model: str,
    inputs: Mapping[str, np.ndarray],
    outputs: Sequence[str] = (),
    version: str = "",
    request_id: str = "",
) -> pb.ModelInferRequest:
    """A ModelInferRequest carrying `inputs` as raw contents (datatype from each dtype)."""
    tensors = []
    raw = []
    for name, array in inputs.items():
        datatype = from_numpy(array.dtype)
        tensors.append(
            pb.ModelInferRequest.InferInputTensor(
                name=name, datatype=datatype.value, shape=array.shape
            )
        )
        raw.append(encode(np.ascontiguousarray(array), datatype))
    return pb.ModelInferRequest(
        model_name=model,
        model_version=version,
        id=request_id,
        inputs=tensors,
        outputs=[pb.ModelInferRequest.InferRequestedOutputTensor(name=n) for n in outputs],
        raw_input_contents=raw,
    )


def read_response(response: pb.ModelInferResponse) -> dict[str, np.ndarray]:
    """Every output of a response as a numpy array (BYTES as object arrays of bytes)."""
    arrays = {}
    for tensor, raw in zip(response.outputs, response.raw_output_contents, strict=True):
        datatype = parse_datatype(tensor.datatype)
        if datatype is None:
            raise ValueError(f"output '{tensor.name}' has unknown datatype {tensor.datatype!r}")
        arrays[tensor.name] = decode_raw(
            tensor.name, response.model_name, datatype, tuple(tensor.shape), raw
        )
    return arrays


@contextmanager
def traced(method: str) -> Iterator[tuple[tuple[str, str], ...]]:
    """A CLIENT span for one call (a no-op one without a tracer provider), current
    inside the block; yields the call metadata carrying the trace context."""
    with _tracer.start_as_current_span(
        f"{_SERVICE}/{method}",
        kind=trace.SpanKind.CLIENT,
        attributes={"rpc.system": "grpc", "rpc.service": _SERVICE, "rpc.method": method},
    ):
        carrier: dict[str, str] = {}
        propagate.inject(carrier)
        yield tuple(carrier.items())


def _model_info(response: pb.ModelMetadataResponse) -> ModelInfo:
    def tensors(
        items: Sequence[pb.ModelMetadataResponse.TensorMetadata],
    ) -> tuple[TensorInfo, ...]:
        return tuple(TensorInfo(t.name, t.datatype, tuple(t.shape)) for t in items)

    return ModelInfo(
        response.name,
        tuple(response.versions),
        response.platform,
        tensors(response.inputs),
        tensors(response.outputs),
    )


class InferenceClient(ChannelClient):
    """Blocking client. `timeout` (seconds) becomes each call's deadline."""

    def __init__(self, address: str = "127.0.0.1:8001", *, timeout: float | None = None) -> None:
        super().__init__(address)
        self._stub = pb_grpc.GRPCInferenceServiceStub(self._channel)
        self._timeout = timeout

    def infer(
        self,
        model: str,
        inputs: Mapping[str, np.ndarray],
        outputs: Sequence[str] = (),
        *,
        version: str = "",
        request_id: str = "",
    ) -> dict[str, np.ndarray]:
        request = build_request(model, inputs, outputs, version, request_id)
        with traced("ModelInfer") as metadata:
            response = self._stub.ModelInfer(request, timeout=self._timeout, metadata=metadata)
        return read_response(response)

    def model(self, name: str, version: str = "") -> ModelInfo:
        request = pb.ModelMetadataRequest(name=name, version=version)
        with traced("ModelMetadata") as metadata:
            response = self._stub.ModelMetadata(request, timeout=self._timeout, metadata=metadata)
        return _model_info(response)

    def ready(self) -> bool:
        with traced("ServerReady") as metadata:
            reply = self._stub.ServerReady(
                pb.ServerReadyRequest(), timeout=self._timeout, metadata=metadata
            )
        return reply.ready


class AsyncInferenceClient(AsyncChannelClient):
    """asyncio client with the same calls as `InferenceClient`."""

    def __init__(self, address: str = "127.0.0.1:8001", *, timeout: float | None = None) -> None:
        super().__init__(address)
        self._stub = pb_grpc.GRPCInferenceServiceStub(self._channel)
        self._timeout = timeout

    async def infer(
        self,
        model: str,
        inputs: Mapping[str, np.ndarray],
        outputs: Sequence[str] = (),
        *,
        version: str = "",
        request_id: str = "",
    ) -> dict[str, np.ndarray]:
        request = build_request(model, inputs, outputs, version, request_id)
        with traced("ModelInfer") as metadata:
            response = await self._stub.ModelInfer(
                request, timeout=self._timeout, metadata=metadata
            )
        return read_response(response)

    async def model(self, name: str, version: str = "") -> ModelInfo:
        request = pb.ModelMetadataRequest(name=name, version=version)
        with traced("ModelMetadata") as metadata:
            response = await self._stub.ModelMetadata(
                request, timeout=self._timeout, metadata=metadata
            )
        return _model_info(response)

    async def ready(self) -> bool:
        with traced("ServerReady") as metadata:
            reply = await self._stub.ServerReady(
                pb.ServerReadyRequest(), timeout=self._timeout, metadata=metadata
            )
        return reply.ready
