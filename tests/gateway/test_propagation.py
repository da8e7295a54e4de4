"""What the gateway passes upstream (deadline, metadata) and when it retries, seen by probes."""

from __future__ import annotations

import queue
from collections.abc import Iterator

import grpc
import pytest
import tritonclient.grpc as grpcclient
from tritonclient.utils import InferenceServerException

from maas.gateway.app import GatewayHandle
from maas.gateway.servicer import forwarded_metadata
from maas_proto import grpc_service_pb2 as pb
from maas_proto import grpc_service_pb2_grpc as pb_grpc
from tests.gateway.conftest import (
    PROBE_MODEL,
    SLEEP_HEADER,
    STATUS_HEADER,
    Probe,
    add_sub_inputs,
    address_of,
)


@pytest.fixture
def client(probe_gateway: GatewayHandle) -> Iterator[grpcclient.InferenceServerClient]:
    with grpcclient.InferenceServerClient(address_of(probe_gateway.port)) as c:
        yield c


def test_the_callers_deadline_reaches_upstream_and_cancels_it(
    client: grpcclient.InferenceServerClient, probe: Probe
) -> None:
    with pytest.raises(InferenceServerException) as caught:
        client.infer(
            PROBE_MODEL, add_sub_inputs(), headers={SLEEP_HEADER: "30"}, client_timeout=0.5
        )
    assert str(caught.value.status()) == "StatusCode.DEADLINE_EXCEEDED"
    assert probe.cancelled.wait(5), "the upstream call outlived the caller's deadline"
    (remaining,) = probe.time_remaining
    assert remaining is not None
    assert 0 < remaining <= 0.5


def test_without_a_deadline_upstream_gets_none(
    client: grpcclient.InferenceServerClient, probe: Probe
) -> None:
    client.infer(PROBE_MODEL, add_sub_inputs())
    assert probe.time_remaining == [None]


def test_custom_metadata_reaches_upstream(
    client: grpcclient.InferenceServerClient, probe: Probe
) -> None:
    client.infer(
        PROBE_MODEL,
        add_sub_inputs(),
        headers={"x-tenant": "blue", "x-trace": "t-1"},
    )
    ((_, metadata),) = probe.calls
    assert metadata["x-tenant"] == "blue"
    assert metadata["x-trace"] == "t-1"


def test_hop_headers_are_not_forwarded() -> None:
    incoming: list[tuple[str, str | bytes]] = [
        (":authority", "gateway:8001"),
        ("user-agent", "grpc-python/1.85.1"),
        ("content-type", "application/grpc"),
        ("te", "trailers"),
        ("grpc-timeout", "100m"),
        ("grpc-accept-encoding", "gzip"),
        ("x-tenant", "blue"),
        ("x-trace-bin", b"\x00\x01"),
        ("triton_grpc_error", "true"),
    ]
    assert forwarded_metadata(incoming) == (
        ("x-tenant", "blue"),
        ("x-trace-bin", b"\x00\x01"),
        ("triton_grpc_error", "true"),
    )


@pytest.mark.parametrize("code", ["UNAVAILABLE", "CANCELLED"])
def test_a_replica_going_away_is_retried_once_on_the_other(
    client: grpcclient.InferenceServerClient, probe: Probe, code: str
) -> None:
    with pytest.raises(InferenceServerException) as caught:
        client.infer(PROBE_MODEL, add_sub_inputs(), headers={STATUS_HEADER: code})
    assert sorted(name for name, _ in probe.calls) == ["p1", "p2"]
    assert str(caught.value.status()) == f"StatusCode.{code}"
    # The second replica's own words, unchanged.
    assert caught.value.message() == f"{probe.calls[1][0]} says {code}"


def test_no_retry_when_the_deadline_is_nearly_spent(
    client: grpcclient.InferenceServerClient, probe: Probe
) -> None:
    with pytest.raises(InferenceServerException):
        client.infer(
            PROBE_MODEL,
            add_sub_inputs(),
            headers={STATUS_HEADER: "UNAVAILABLE", SLEEP_HEADER: "0.3"},
            client_timeout=0.305,
        )
    assert len(probe.calls) == 1


@pytest.mark.parametrize(
    "code", ["RESOURCE_EXHAUSTED", "INVALID_ARGUMENT", "INTERNAL", "DEADLINE_EXCEEDED"]
)
def test_other_codes_are_relayed_without_retry(
    client: grpcclient.InferenceServerClient, probe: Probe, code: str
) -> None:
    with pytest.raises(InferenceServerException) as caught:
        client.infer(PROBE_MODEL, add_sub_inputs(), headers={STATUS_HEADER: code})
    assert len(probe.calls) == 1
    assert str(caught.value.status()) == f"StatusCode.{code}"
    assert caught.value.message() == f"{probe.calls[0][0]} says {code}"


def test_a_strict_stream_ends_with_the_upstream_status(
    client: grpcclient.InferenceServerClient, probe: Probe
) -> None:
    answers: queue.Queue[InferenceServerException | None] = queue.Queue()
    client.start_stream(
        callback=lambda result, error: answers.put(error),
        headers={"triton_grpc_error": "true", STATUS_HEADER: "RESOURCE_EXHAUSTED"},
    )
    client.async_stream_infer(PROBE_MODEL, add_sub_inputs(), request_id="1")
    error = answers.get(timeout=10)
    assert error is not None
    assert error.status() == "StatusCode.RESOURCE_EXHAUSTED"
    client.stop_stream()


def test_a_stream_reports_upstream_failures_with_the_request_id(
    probe_gateway: GatewayHandle, probe: Probe
) -> None:
    request = pb.ModelInferRequest(model_name=PROBE_MODEL, model_version="1", id="r-7")
    with grpc.insecure_channel(address_of(probe_gateway.port)) as channel:
        stub = pb_grpc.GRPCInferenceServiceStub(channel)
        (response,) = stub.ModelStreamInfer(
            iter([request]), metadata=((STATUS_HEADER, "RESOURCE_EXHAUSTED"),)
        )
    assert response.error_message.endswith("says RESOURCE_EXHAUSTED")
    reported = response.infer_response
    assert (reported.model_name, reported.model_version, reported.id) == (PROBE_MODEL, "1", "r-7")
    assert reported.parameters["triton_final_response"].bool_param
