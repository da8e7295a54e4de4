"""/metrics of real processes after known traffic: counts, content negotiation, exemplars."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import grpc
import numpy as np
import pytest

from maas_client.inference import InferenceClient
from tests.support import serve_in_thread
from tests.telemetry.conftest import (
    OPENMETRICS,
    Pair,
    Service,
    sample,
    scrape,
    started_up,
)
from tests.telemetry.otlp import OtlpReceiver, otlp_receiver

MLP = "mlp_classifier"
GOOD = {"INPUT0": np.ones((1, 64), np.float32)}
BAD = {"INPUT0": np.ones((1, 63), np.float32)}
MODEL = {"model": MLP, "version": "1"}


def send(address: str, good: int, bad: int) -> None:
    with InferenceClient(address) as client:
        for _ in range(good):
            client.infer(MLP, GOOD)
        for _ in range(bad):
            with pytest.raises(grpc.RpcError):
                client.infer(MLP, BAD)


def exemplar_trace_ids(text: str, family: str) -> set[str]:
    return set(
        re.findall(rf'^{family}_bucket{{.*}} \S+ # {{.*trace_id="([0-9a-f]{{32}})"', text, re.M)
    )


def test_worker_counts_requests_by_outcome(traced_up: Service) -> None:
    send(traced_up.address, good=5, bad=2)
    text = scrape(traced_up.metrics_url)
    assert sample(text, "maas_worker_requests_total", **MODEL, outcome="success") == 5
    assert sample(text, "maas_worker_requests_total", **MODEL, outcome="invalid") == 2
    assert sample(text, "maas_worker_request_duration_seconds_count", **MODEL) == 7
    assert sample(text, "maas_worker_request_duration_seconds_bucket", **MODEL, le="+Inf") == 7
    assert sample(text, "maas_worker_in_flight_requests", **MODEL) == 0
    assert sample(text, "maas_worker_queue_depth", **MODEL) == 0


def test_histograms_carry_trace_exemplars_in_openmetrics_only(
    traced_up: Service, receiver: OtlpReceiver
) -> None:
    send(traced_up.address, good=3, bad=0)
    text = scrape(traced_up.metrics_url, OPENMETRICS)
    assert text.rstrip().endswith("# EOF")
    traced = exemplar_trace_ids(text, "maas_worker_request_duration_seconds")
    assert traced, "no exemplar on the request histogram"
    exported = receiver.wait_for(lambda got: traced <= {s.trace_id for s in got})
    assert traced <= {s.trace_id for s in exported}
    plain = scrape(traced_up.metrics_url)
    assert "trace_id" not in plain
    assert sample(plain, "maas_worker_requests_total", **MODEL, outcome="success") >= 3


def test_gateway_counts_routes_per_replica(traced_pair: Pair) -> None:
    send(traced_pair.gateway.address, good=3, bad=1)
    gateway = scrape(traced_pair.gateway.metrics_url)
    replica = traced_pair.worker.address
    assert sample(gateway, "maas_gateway_routed_requests_total", replica=replica) == 4
    assert sample(gateway, "maas_gateway_retries_total") == 0
    # The worker's refusal is relayed, and counted against the replica that refused.
    code = "INVALID_ARGUMENT"
    assert sample(gateway, "maas_gateway_upstream_errors_total", replica=replica, code=code) == 1
    worker = scrape(traced_pair.worker.metrics_url)
    assert sample(worker, "maas_worker_requests_total", **MODEL, outcome="success") == 3


@pytest.fixture(scope="module")
def quiet_receiver() -> Iterator[OtlpReceiver]:
    """A receiver of its own: whatever reaches it came from the untraced process, not
    from the traced one's late batches."""
    with serve_in_thread(otlp_receiver) as running:
        yield running


@pytest.fixture(scope="module")
def untraced_up(
    repository: Path, quiet_receiver: OtlpReceiver, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Service]:
    """The all-in-one process with tracing off (the default), metrics on. Pointing it at
    the receiver changes nothing while the exporter is `none`."""
    workdir = tmp_path_factory.mktemp("untraced")
    with started_up(
        repository, workdir, None, MAAS_TELEMETRY_ENDPOINT=quiet_receiver.endpoint
    ) as service:
        yield service


def test_tracing_off_exports_nothing_and_still_counts(
    untraced_up: Service, quiet_receiver: OtlpReceiver
) -> None:
    send(untraced_up.address, good=4, bad=1)
    text = scrape(untraced_up.metrics_url, OPENMETRICS)
    assert sample(text, "maas_worker_requests_total", **MODEL, outcome="success") == 4
    assert sample(text, "maas_worker_requests_total", **MODEL, outcome="invalid") == 1
    assert "trace_id" not in text
    # Spans (model loads at start included) would have been exported by now.
    assert quiet_receiver.spans() == []
    assert "tracing to" not in untraced_up.log.read_text()
