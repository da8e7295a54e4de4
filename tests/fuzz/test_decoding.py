"""Any request bytes get a clear status from the worker, the gateway and the registry:
never UNKNOWN or INTERNAL, never a hang, memory bounded, servers healthy after (issue 8).

The tests run in file order: the last one checks health and the process's peak memory
after everything before it.
"""

from __future__ import annotations

import resource
from collections.abc import Iterator

import grpc
import pytest
from grpc_health.v1 import health_pb2
from hypothesis import given
from hypothesis import strategies as st

from maas.transport.health import check_health
from maas_proto import grpc_service_pb2 as pb
from maas_proto.maas.registry.v1 import registry_pb2 as registry_pb
from tests.fuzz.strategies import VALID_INFER, request_bytes, upload_header

# Every call has a deadline: running into it means the server hung on the input.
CALL_DEADLINE_S = 5.0
NOT_CLEAR = frozenset(
    {grpc.StatusCode.UNKNOWN, grpc.StatusCode.INTERNAL, grpc.StatusCode.DEADLINE_EXCEEDED}
)
# Peak RSS growth allowed over the whole run: requests of at most a few KB each must not
# make any server allocate for sizes they merely declare.
RSS_GROWTH_BOUND = 256 << 20

_OIP = "/inference.GRPCInferenceService/"
INFERENCE_METHODS = [
    _OIP + name
    for name in (
        "ModelInfer",
        "ModelMetadata",
        "ModelReady",
        "ModelConfig",
        "ModelStatistics",
        "RepositoryModelLoad",
        "RepositoryModelUnload",
    )
]
WORKER_METHODS = [
    *INFERENCE_METHODS,
    "/maas.worker.v1.WorkerControlService/LoadReplica",
    "/maas.worker.v1.WorkerControlService/UnloadReplica",
]
REGISTRY_METHODS = [
    "/maas.registry.v1.RegistryService/" + name
    for name in ("CreateModel", "GetModel", "ListModels", "ListVersions", "SetAlias", "GetJob")
]


def _max_rss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB


@pytest.fixture(scope="module")
def rss_before(worker_address: str, gateway_address: str, registry_address: str) -> int:
    # Taken once every server has started and loaded its models.
    return _max_rss_bytes()


@pytest.fixture(scope="module")
def worker(worker_address: str, rss_before: int) -> Iterator[grpc.Channel]:
    with grpc.insecure_channel(worker_address) as channel:
        yield channel


@pytest.fixture(scope="module")
def gateway(gateway_address: str, rss_before: int) -> Iterator[grpc.Channel]:
    with grpc.insecure_channel(gateway_address) as channel:
        yield channel


@pytest.fixture(scope="module")
def registry(registry_address: str, rss_before: int) -> Iterator[grpc.Channel]:
    with grpc.insecure_channel(registry_address) as channel:
        yield channel


def _unary(channel: grpc.Channel, path: str) -> grpc.UnaryUnaryMultiCallable[bytes, bytes]:
    return channel.unary_unary(path)


def _unary_code(channel: grpc.Channel, path: str, data: bytes) -> grpc.StatusCode:
    try:
        _unary(channel, path)(data, timeout=CALL_DEADLINE_S)
    except grpc.RpcError as error:
        return error.code()
    return grpc.StatusCode.OK


def _stream_answers(channel: grpc.Channel, messages: list[bytes]) -> list[bytes]:
    stream: grpc.StreamStreamMultiCallable[bytes, bytes]
    stream = channel.stream_stream(_OIP + "ModelStreamInfer")
    return list(stream(iter(messages), timeout=CALL_DEADLINE_S * 2))


@given(method=st.sampled_from(WORKER_METHODS), data=request_bytes())
def test_the_worker_answers_any_bytes_clearly(
    worker: grpc.Channel, method: str, data: bytes
) -> None:
    assert _unary_code(worker, method, data) not in NOT_CLEAR


@given(method=st.sampled_from(INFERENCE_METHODS), data=request_bytes())
def test_the_gateway_answers_any_bytes_clearly(
    gateway: grpc.Channel, method: str, data: bytes
) -> None:
    assert _unary_code(gateway, method, data) not in NOT_CLEAR


@given(messages=st.lists(request_bytes(), min_size=1, max_size=6))
def test_streams_answer_every_message_in_band_and_go_on(
    worker: grpc.Channel, gateway: grpc.Channel, messages: list[bytes]
) -> None:
    for channel in (worker, gateway):
        answers = _stream_answers(channel, [*messages, VALID_INFER[0]])
        assert len(answers) == len(messages) + 1
        last = pb.ModelStreamInferResponse.FromString(answers[-1])
        assert (last.error_message, last.infer_response.id) == ("", "valid")


@given(method=st.sampled_from(REGISTRY_METHODS), data=st.binary(max_size=200))
def test_the_registry_answers_any_bytes_clearly(
    registry: grpc.Channel, method: str, data: bytes
) -> None:
    assert _unary_code(registry, method, data) not in NOT_CLEAR


@given(
    header=upload_header(),
    chunks=st.lists(st.binary(max_size=64), max_size=3),
    garbage=st.one_of(st.none(), st.binary(max_size=40)),
)
def test_registry_upload_headers_are_refused_clearly_and_store_nothing(
    registry: grpc.Channel,
    header: registry_pb.UploadHeader,
    chunks: list[bytes],
    garbage: bytes | None,
) -> None:
    messages = [registry_pb.UploadVersionRequest(header=header).SerializeToString()]
    messages += [registry_pb.UploadVersionRequest(chunk=c).SerializeToString() for c in chunks]
    if garbage is not None:
        messages.append(garbage)
    upload: grpc.StreamUnaryMultiCallable[bytes, bytes]
    upload = registry.stream_unary("/maas.registry.v1.RegistryService/UploadVersion")
    with pytest.raises(grpc.RpcError) as caught:
        upload(iter(messages), timeout=CALL_DEADLINE_S)
    assert caught.value.code() not in NOT_CLEAR
    listed = _unary(registry, "/maas.registry.v1.RegistryService/ListModels")(
        registry_pb.ListModelsRequest().SerializeToString(), timeout=CALL_DEADLINE_S
    )
    assert not registry_pb.ListModelsResponse.FromString(listed).models


def test_servers_are_healthy_and_memory_bounded_after_the_fuzzing(
    worker: grpc.Channel, gateway: grpc.Channel, registry: grpc.Channel, rss_before: int
) -> None:
    for channel in (worker, gateway, registry):
        assert (
            check_health(channel, timeout=CALL_DEADLINE_S) == health_pb2.HealthCheckResponse.SERVING
        )
    for channel in (worker, gateway):
        answers = _stream_answers(channel, list(VALID_INFER))
        assert [pb.ModelStreamInferResponse.FromString(a).error_message for a in answers] == [
            ""
        ] * len(VALID_INFER)
    assert _max_rss_bytes() - rss_before < RSS_GROWTH_BOUND
