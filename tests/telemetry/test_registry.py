"""Registry transfers in traces and metrics: an upload and a download of known size."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from maas.registry.app import run_registry
from maas.registry.settings import RegistrySettings
from maas.telemetry import TelemetrySettings, telemetry
from maas_client.registry import AsyncRegistryClient
from tests.registry.conftest import mlp
from tests.support import serve_in_thread
from tests.telemetry.conftest import sample
from tests.telemetry.otlp import OtlpReceiver, otlp_receiver

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def receiver() -> Iterator[OtlpReceiver]:
    with serve_in_thread(otlp_receiver) as running:
        yield running


async def test_upload_and_download_are_traced_and_counted(
    receiver: OtlpReceiver, tmp_path: Path
) -> None:
    artifact = mlp()
    digest = hashlib.sha256(artifact).hexdigest()
    observe = TelemetrySettings(exporter="otlp-grpc", endpoint=receiver.endpoint, metrics_port=0)
    settings = RegistrySettings(data_dir=tmp_path / "registry", port=0)
    async with telemetry(observe, "maas-registry") as running, run_registry(settings) as registry:
        url = f"http://127.0.0.1:{running.metrics_port}/metrics"
        async with httpx.AsyncClient() as http:
            # Counters are per process, and other tests in this one may have moved them.
            before = (await http.get(url)).text
            async with AsyncRegistryClient(f"127.0.0.1:{registry.port}") as client:
                await client.create_model("traced")
                await client.upload("traced", io.BytesIO(artifact))
                await client.download("traced", 1, tmp_path / "copy.onnx")
            after = (await http.get(url)).text
    assert (tmp_path / "copy.onnx").read_bytes() == artifact
    for name, labels, expected in (
        ("maas_registry_uploads_total", {"outcome": "success"}, 1),
        ("maas_registry_upload_bytes_total", {}, len(artifact)),
        ("maas_registry_downloads_total", {"outcome": "success"}, 1),
        ("maas_registry_download_bytes_total", {}, len(artifact)),
    ):
        assert sample(after, name, **labels) - sample(before, name, **labels) == expected

    spans = receiver.wait_for(
        lambda got: {"registry.upload", "registry.download"} <= {s.name for s in got}
    )
    for name in ("registry.upload", "registry.download"):
        (span,) = [s for s in spans if s.name == name]
        assert span.attributes["maas.model.name"] == "traced"
        assert span.attributes["maas.model.version"] == 1
        assert span.attributes["maas.artifact.bytes"] == len(artifact)
        assert span.attributes["maas.artifact.sha256"] == digest
