"""Hostile request bytes: random, mutated from valid requests, and well-formed messages
with hostile values (names, versions, datatypes, shapes, sizes, parameters)."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from maas.worker.datatypes import DataType
from maas_proto import grpc_service_pb2 as pb
from maas_proto.maas.registry.v1 import registry_pb2 as registry_pb

MODELS = ("add_sub", "string_identity", "identity_fp32", "mlp_classifier")
INT64 = st.integers(-(2**63), 2**63 - 1)
UINT64 = st.integers(0, 2**64 - 1)

# Dimensions that are plausible, zero, negative, or sized to overflow a product.
_DIMS = st.one_of(
    st.integers(-2, 70),
    st.sampled_from([2**27, 2**31, 2**32, 2**40, 2**62, 2**63 - 1, -(2**63)]),
    INT64,
)
_NAMES = st.one_of(
    st.sampled_from(["INPUT0", "INPUT1", "OUTPUT0", ""]), st.text(max_size=40), st.just("N" * 9000)
)
_VERSIONS = st.one_of(
    st.sampled_from(["", "1", "2", "01", "\u00b2", "\u0661", " 1", "+1", "1_0", "9" * 30]),
    st.text(max_size=12),
)


def _valid_infer(model: str) -> bytes:
    request = pb.ModelInferRequest(model_name=model, id="valid")
    if model == "add_sub":
        for name in ("INPUT0", "INPUT1"):
            request.inputs.add(name=name, datatype="INT32", shape=[1, 16])
            request.raw_input_contents.append(np.ones(16, np.int32).tobytes())
    elif model == "string_identity":
        request.inputs.add(name="INPUT0", datatype="BYTES", shape=[1, 2])
        request.raw_input_contents.append(b"\x01\x00\x00\x00a\x02\x00\x00\x00bc")
    else:
        request.inputs.add(name="INPUT0", datatype="FP32", shape=[3])
        request.raw_input_contents.append(np.ones(3, np.float32).tobytes())
    return request.SerializeToString()


VALID_INFER = tuple(_valid_infer(model) for model in MODELS[:3])


@st.composite
def mutated(draw: st.DrawFn, valid: tuple[bytes, ...] = VALID_INFER) -> bytes:
    """A valid request with bytes flipped, overwritten, cut, or a splice of another."""
    data = bytearray(draw(st.sampled_from(valid)))
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data) - 1))
        data[at] = draw(st.one_of(st.integers(0, 255), st.just(data[at] ^ 0xFF)))
    cut = draw(st.integers(0, len(data)))
    tail = draw(st.one_of(st.just(b""), st.binary(max_size=16), st.sampled_from(valid)))
    return bytes(data[:cut]) + tail


def _parameter(draw: st.DrawFn) -> pb.InferParameter:
    kind = draw(st.sampled_from(["bool", "int64", "string", "uint64", "double", "none"]))
    if kind == "bool":
        return pb.InferParameter(bool_param=draw(st.booleans()))
    if kind == "int64":
        return pb.InferParameter(int64_param=draw(INT64))
    if kind == "string":
        return pb.InferParameter(string_param=draw(st.text(max_size=20)))
    if kind == "uint64":
        return pb.InferParameter(uint64_param=draw(UINT64))
    if kind == "double":
        return pb.InferParameter(double_param=draw(st.floats()))
    return pb.InferParameter()


_PARAMETER_KEYS = st.one_of(
    st.sampled_from(
        ["priority", "timeout", "sequence_id", "triton_x", "binary_data", "shared_memory_region"]
    ),
    st.text(max_size=10),
)


@st.composite
def hostile_infer(draw: st.DrawFn) -> pb.ModelInferRequest:
    """A well-formed ModelInferRequest whose every value may be hostile."""
    request = pb.ModelInferRequest(
        model_name=draw(st.one_of(st.sampled_from(MODELS), st.text(max_size=30))),
        model_version=draw(_VERSIONS),
        id=draw(st.text(max_size=20)),
    )
    for _ in range(draw(st.integers(0, 4))):
        tensor = request.inputs.add(
            name=draw(_NAMES),
            datatype=draw(st.one_of(st.sampled_from([d.value for d in DataType]), st.text())),
            shape=draw(st.lists(_DIMS, max_size=6)),
        )
        if draw(st.booleans()):
            tensor.parameters[draw(_PARAMETER_KEYS)].CopyFrom(_parameter(draw))
        contents = draw(st.sampled_from(["raw", "none", "int", "fp32", "bytes", "uint64"]))
        if contents == "raw":
            request.raw_input_contents.append(draw(st.binary(max_size=80)))
        elif contents == "int":
            tensor.contents.int_contents.extend(
                draw(st.lists(st.integers(-(2**31), 2**31 - 1), max_size=20))
            )
        elif contents == "fp32":
            tensor.contents.fp32_contents.extend(draw(st.lists(st.floats(width=32), max_size=20)))
        elif contents == "bytes":
            tensor.contents.bytes_contents.extend(
                draw(st.lists(st.binary(max_size=8), max_size=20))
            )
        elif contents == "uint64":
            tensor.contents.uint64_contents.extend(draw(st.lists(UINT64, max_size=20)))
    for _ in range(draw(st.integers(0, 2))):
        request.outputs.add(name=draw(_NAMES))
    for _ in range(draw(st.integers(0, 2))):
        request.parameters[draw(_PARAMETER_KEYS)].CopyFrom(_parameter(draw))
    return request


def request_bytes() -> st.SearchStrategy[bytes]:
    """Any of: random bytes, a mutated valid request, a hostile well-formed request."""
    return st.one_of(
        st.binary(max_size=200),
        mutated(),
        hostile_infer().map(lambda r: r.SerializeToString()),
    )


@st.composite
def upload_header(draw: st.DrawFn) -> registry_pb.UploadHeader:
    """A registry upload header whose every field may be hostile."""
    return registry_pb.UploadHeader(
        model=draw(st.one_of(st.just("m"), st.text(max_size=200), st.just("m" * 10_000))),
        format=draw(st.integers(0, 7)),  # type: ignore[arg-type]
        sha256=draw(
            st.one_of(st.text("0123456789abcdef", min_size=64, max_size=64), st.text(max_size=70))
        ),
        size_bytes=draw(st.one_of(st.integers(0, 64), UINT64)),
        metadata=draw(st.dictionaries(st.text(max_size=140), st.text(max_size=40), max_size=3)),
    )
