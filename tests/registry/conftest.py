"""A real registry (gRPC on a free port, SQLite, blob files) and small real ONNX models."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import onnx
import pytest
from grpc import aio
from onnx import TensorProto, helper, numpy_helper

from maas.registry.app import RegistryHandle, run_registry
from maas.registry.settings import RegistrySettings
from maas.transport.server import channel_options
from maas_client.registry import AsyncRegistryClient
from maas_proto.maas.registry.v1 import registry_pb2 as pb
from maas_proto.maas.registry.v1 import registry_pb2_grpc as pb_grpc

CHUNK = 64 * 1024


def mlp(seed: int = 0, hidden: int = 32, classes: int = 10) -> bytes:
    """A small ONNX classifier: x[batch, 16] -> softmax probabilities[batch, classes]."""
    rng = np.random.default_rng(seed)

    def weight(name: str, *shape: int) -> onnx.TensorProto:
        # Scaled by fan-in like a trained layer, so the softmax is not saturated.
        values = rng.standard_normal(shape) / np.sqrt(shape[0] if len(shape) == 2 else 1)
        return numpy_helper.from_array(values.astype(np.float32), name)

    nodes = [
        helper.make_node("MatMul", ["x", "w1"], ["h"]),
        helper.make_node("Add", ["h", "b1"], ["h1"]),
        helper.make_node("Relu", ["h1"], ["h2"]),
        helper.make_node("MatMul", ["h2", "w2"], ["logits0"]),
        helper.make_node("Add", ["logits0", "b2"], ["logits"]),
        helper.make_node("Softmax", ["logits"], ["probs"], axis=-1),
    ]
    graph = helper.make_graph(
        nodes,
        "mlp",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 16])],
        [helper.make_tensor_value_info("probs", TensorProto.FLOAT, ["batch", classes])],
        [
            weight("w1", 16, hidden),
            weight("b1", hidden),
            weight("w2", hidden, classes),
            weight("b2", classes),
        ],
    )
    return _serialize(graph)


def string_identity() -> bytes:
    """A valid model whose input holds strings (no inputs can be generated for it)."""
    graph = helper.make_graph(
        [helper.make_node("Identity", ["s"], ["out"])],
        "strings",
        [helper.make_tensor_value_info("s", TensorProto.STRING, [1])],
        [helper.make_tensor_value_info("out", TensorProto.STRING, [1])],
    )
    return _serialize(graph)


def _serialize(graph: onnx.GraphProto) -> bytes:
    # IR 9 / opset 17: well inside what the installed ONNX Runtime loads.
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=9)
    onnx.checker.check_model(model, full_check=True)
    return model.SerializeToString()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Stored:
    """What the registry holds on disk: blob digests and staging files."""

    blobs: frozenset[str]
    staging: frozenset[str]


def stored(data_dir: Path) -> Stored:
    return Stored(
        frozenset(p.name for p in (data_dir / "blobs" / "sha256").glob("*/*")),
        frozenset(p.name for p in (data_dir / "staging").iterdir()),
    )


def upload_requests(
    model: str,
    data: bytes,
    *,
    sha: str | None = None,
    size: int | None = None,
    fmt: pb.ArtifactFormat.ValueType = pb.ARTIFACT_FORMAT_ONNX,
    chunk: int = CHUNK,
) -> list[pb.UploadVersionRequest]:
    """A hand-made upload stream: the header (true to `data` unless told), then chunks."""
    header = pb.UploadHeader(
        model=model,
        format=fmt,
        sha256=sha256(data) if sha is None else sha,
        size_bytes=len(data) if size is None else size,
    )
    chunks = [data[i : i + chunk] for i in range(0, len(data), chunk)]
    return [pb.UploadVersionRequest(header=header)] + [
        pb.UploadVersionRequest(chunk=c) for c in chunks
    ]


async def stream(
    messages: Sequence[pb.UploadVersionRequest],
) -> AsyncIterator[pb.UploadVersionRequest]:
    for message in messages:
        yield message


async def eventually(condition: Callable[[], bool], timeout_s: float = 20.0) -> None:
    """Wait for a condition on state outside the event loop (files, other processes)."""
    deadline = asyncio.get_running_loop().time() + timeout_s
    while asyncio.get_running_loop().time() < deadline:
        if condition():
            return
        await asyncio.sleep(0.02)
    raise TimeoutError("condition not met in time")


@pytest.fixture(scope="session")
def mlp_bytes() -> bytes:
    return mlp()


@pytest.fixture
def settings(tmp_path: Path) -> RegistrySettings:
    # Small chunks so that the test artifacts (a few hundred KiB) span many messages.
    return RegistrySettings(
        data_dir=tmp_path / "registry",
        port=0,
        max_chunk_bytes=CHUNK,
        download_chunk_bytes=CHUNK,
        grace_s=1.0,
    )


@pytest.fixture
async def registry(settings: RegistrySettings) -> AsyncIterator[RegistryHandle]:
    async with run_registry(settings) as handle:
        yield handle


@pytest.fixture
def address(registry: RegistryHandle) -> str:
    return f"127.0.0.1:{registry.port}"


@pytest.fixture
async def client(address: str) -> AsyncIterator[AsyncRegistryClient]:
    async with AsyncRegistryClient(address) as c:
        yield c


@pytest.fixture
async def stub(address: str) -> AsyncIterator[pb_grpc.RegistryServiceAsyncStub]:
    """The raw service, for messages no well-behaved client would send."""
    async with aio.insecure_channel(address, options=channel_options()) as channel:
        yield pb_grpc.RegistryServiceStub(channel)
