"""Open Inference Protocol messages <-> the worker's domain types.

Wire-level rules live here (raw vs typed contents, which oneof member a parameter may
use); rules about a model's inputs live in `maas.worker.validation`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from maas.errors import InvalidInput, echo
from maas.gateway import wire
from maas.names import check_model_name
from maas.worker.datatypes import DataType
from maas.worker.models import IndexEntry
from maas.worker.requests import InferRequest, InferResult, InputTensor, ParamValue
from maas.worker.spec import ModelSpec, TensorSpec
from maas.worker.stats import Duration, ModelStats
from maas.worker.tensors import encode
from maas_proto import grpc_service_pb2 as pb

# Which protocol datatypes each typed contents field may carry (Triton narrows int32
# contents into INT8/INT16 and uint32 into UINT8/UINT16).
_CONTENTS: Final[dict[str, frozenset[DataType]]] = {
    "bool_contents": frozenset({DataType.BOOL}),
    "int_contents": frozenset({DataType.INT8, DataType.INT16, DataType.INT32}),
    "int64_contents": frozenset({DataType.INT64}),
    "uint_contents": frozenset({DataType.UINT8, DataType.UINT16, DataType.UINT32}),
    "uint64_contents": frozenset({DataType.UINT64}),
    "fp32_contents": frozenset({DataType.FP32}),
    "fp64_contents": frozenset({DataType.FP64}),
    "bytes_contents": frozenset({DataType.BYTES}),
}
_ANY_CONTENTS: Final = frozenset(DataType) - {DataType.FP16, DataType.BF16}

# Request parameters with a protocol meaning, and the oneof members each accepts.
_RESERVED: Final[dict[str, frozenset[str]]] = {
    "sequence_id": frozenset({"int64_param", "string_param"}),
    "sequence_start": frozenset({"bool_param"}),
    "sequence_end": frozenset({"bool_param"}),
    "priority": frozenset({"int64_param", "uint64_param"}),
    "timeout": frozenset({"int64_param"}),
    "triton_enable_empty_final_response": frozenset({"bool_param"}),
}
_SHARED_MEMORY: Final = ("shared_memory_region", "shared_memory_byte_size", "shared_memory_offset")

FINAL_RESPONSE: Final = "triton_final_response"


def infer_request(message: pb.ModelInferRequest) -> InferRequest:
    """The domain request for a ModelInferRequest, or InvalidInput for a wire-level error."""
    model = message.model_name
    raw = message.raw_input_contents
    inputs: list[InputTensor] = []
    next_raw = 0
    for tensor in message.inputs:
        _refuse_shared_memory(tensor.parameters, f"input '{echo(tensor.name)}'", model)
        entry = InputTensor(tensor.name, tensor.datatype, tuple(tensor.shape))
        if tensor.HasField("contents"):
            if raw:
                raise InvalidInput(
                    f"contents field must not be specified when using raw_input_contents for "
                    f"'{echo(tensor.name)}' for model '{echo(model)}'"
                )
            entry.values, entry.values_datatypes = _typed_values(tensor.contents)
        elif next_raw < len(raw):
            entry.raw = raw[next_raw]
            next_raw += 1
        inputs.append(entry)
    if next_raw < len(raw):
        raise InvalidInput(
            f"expected {next_raw} raw_input_contents entries for model '{echo(model)}', "
            f"got {len(raw)}"
        )
    outputs = []
    for requested in message.outputs:
        _refuse_shared_memory(requested.parameters, f"output '{echo(requested.name)}'", model)
        if "classification" in requested.parameters:
            raise InvalidInput(
                f"classification is not supported for output '{echo(requested.name)}' of model "
                f"'{echo(model)}'"
            )
        outputs.append(requested.name)
    request = InferRequest(
        model_name=model,
        model_version=message.model_version,
        id=message.id,
        inputs=inputs,
        outputs=outputs,
    )
    _apply_parameters(request, message.parameters)
    return request


def _typed_values(contents: pb.InferTensorContents) -> tuple[list[object], frozenset[DataType]]:
    filled = [f for f in _CONTENTS if len(getattr(contents, f))]
    if len(filled) > 1:
        raise InvalidInput(f"tensor contents set more than one field: {', '.join(filled)}")
    if not filled:
        return [], _ANY_CONTENTS
    return list(getattr(contents, filled[0])), _CONTENTS[filled[0]]


def _refuse_shared_memory(params: Mapping[str, pb.InferParameter], what: str, model: str) -> None:
    if any(key in params for key in _SHARED_MEMORY):
        raise InvalidInput(
            f"shared memory is not supported by this server ({what} of model '{echo(model)}'); "
            "send the tensor data in the request"
        )


def _apply_parameters(request: InferRequest, params: Mapping[str, pb.InferParameter]) -> None:
    for key, param in params.items():
        kind = param.WhichOneof("parameter_choice")
        allowed = _RESERVED.get(key)
        if allowed is not None:
            if kind not in allowed:
                raise InvalidInput(
                    f"invalid value type for '{echo(key)}' parameter, expected "
                    f"{' or '.join(sorted(allowed))}"
                )
            value = getattr(param, kind)
            if key == "priority":
                if value < 0:
                    raise InvalidInput("'priority' parameter must be non-negative")
                request.priority = value
            elif key == "timeout":
                if value < 0:
                    raise InvalidInput("'timeout' parameter must be non-negative")
                request.timeout_us = value
            continue
        if key.startswith("triton_"):
            raise InvalidInput(
                f"parameter keys starting with 'triton_' are reserved for Triton usage and "
                f"should not be specified: '{echo(key)}'"
            )
        if kind is None:
            raise InvalidInput(f"parameter '{echo(key)}' has no value")
        custom: ParamValue = getattr(param, kind)
        request.parameters[key] = custom


def infer_response(result: InferResult) -> pb.ModelInferResponse:
    """Outputs always travel as raw contents, one entry per output in the same order:
    tritonclient and perf_analyzer read nothing else."""
    tensors = []
    raw = []
    for output in result.outputs:
        tensors.append(
            pb.ModelInferResponse.InferOutputTensor(
                name=output.name, datatype=output.datatype.value, shape=output.data.shape
            )
        )
        raw.append(encode(output.data, output.datatype))
    return pb.ModelInferResponse(
        model_name=result.model_name,
        model_version=result.model_version,
        id=result.id,
        outputs=tensors,
        raw_output_contents=raw,
    )


def stream_response(response: pb.ModelInferResponse) -> pb.ModelStreamInferResponse:
    """A successful stream response; every one is final (no decoupled models)."""
    response.parameters[FINAL_RESPONSE].bool_param = True
    return pb.ModelStreamInferResponse(infer_response=response)


def readable_part(data: bytes) -> pb.ModelInferRequest:
    """The model name, version and id of undecodable request bytes, as far as they can
    be read, to correlate the stream's error answer (an empty request when they cannot)."""
    try:
        header = wire.read_header(data)
    except InvalidInput:
        return pb.ModelInferRequest()
    return pb.ModelInferRequest(
        model_name=header.model_name, model_version=header.model_version, id=header.id
    )


def stream_error(message: str, request: pb.ModelInferRequest) -> pb.ModelStreamInferResponse:
    """A per-request stream failure: the text plus enough of the request to correlate it."""
    response = pb.ModelInferResponse(
        model_name=request.model_name, model_version=request.model_version, id=request.id
    )
    response.parameters[FINAL_RESPONSE].bool_param = True
    return pb.ModelStreamInferResponse(error_message=message, infer_response=response)


def model_metadata(spec: ModelSpec, name: str, versions: Iterable[int]) -> pb.ModelMetadataResponse:
    def tensor(t: TensorSpec) -> pb.ModelMetadataResponse.TensorMetadata:
        shape = ((-1,) if spec.batched else ()) + t.dims
        return pb.ModelMetadataResponse.TensorMetadata(
            name=t.name, datatype=t.datatype.value, shape=shape
        )

    return pb.ModelMetadataResponse(
        name=name,
        versions=[str(v) for v in versions],
        platform=spec.platform or spec.backend,
        inputs=[tensor(t) for t in spec.inputs],
        outputs=[tensor(t) for t in spec.outputs],
    )


def model_statistics(
    name: str, version: int, stats: ModelStats, memory_bytes: int
) -> pb.ModelStatistics:
    def duration(d: Duration) -> pb.StatisticDuration:
        return pb.StatisticDuration(count=d.count, ns=d.ns)

    return pb.ModelStatistics(
        name=name,
        version=str(version),
        last_inference=stats.last_inference_ms,
        inference_count=stats.inference_count,
        execution_count=stats.execution_count,
        inference_stats=pb.InferStatistics(
            success=duration(stats.success),
            fail=duration(stats.fail),
            queue=duration(stats.queue),
            compute_input=duration(stats.compute_input),
            compute_infer=duration(stats.compute_infer),
            compute_output=duration(stats.compute_output),
            cache_hit=pb.StatisticDuration(),
            cache_miss=pb.StatisticDuration(),
        ),
        batch_stats=[
            pb.InferBatchStatistics(
                batch_size=size,
                compute_input=duration(batch.compute_input),
                compute_infer=duration(batch.compute_infer),
                compute_output=duration(batch.compute_output),
            )
            for size, batch in sorted(stats.batches.items())
        ],
        memory_usage=[pb.MemoryUsage(type="CPU", id=0, byte_size=memory_bytes)],
    )


def load_parameters(
    request: pb.RepositoryModelLoadRequest,
) -> tuple[str | None, dict[str, bytes]]:
    """The JSON config override and the `file:<version>/<name>` contents of a load
    (InvalidInput for a model name that no model can have)."""
    check_model_name(request.model_name)
    config = None
    files: dict[str, bytes] = {}
    for key, param in request.parameters.items():
        kind = param.WhichOneof("parameter_choice")
        if key == "config":
            if kind != "string_param":
                raise InvalidInput("'config' parameter must be a string of JSON")
            config = param.string_param
        elif key.startswith("file:"):
            if kind != "bytes_param":
                raise InvalidInput(f"'{echo(key)}' parameter must carry bytes")
            files[key.removeprefix("file:")] = param.bytes_param
    return config, files


def repository_index(rows: Iterable[IndexEntry]) -> pb.RepositoryIndexResponse:
    return pb.RepositoryIndexResponse(
        models=[
            pb.RepositoryIndexResponse.ModelIndex(
                name=row.name,
                version=row.version,
                state=row.state.value if row.state else "",
                reason=row.reason,
            )
            for row in rows
        ]
    )
