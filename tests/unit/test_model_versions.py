"""Per-version control of `ModelManager`: versions load, serve and drain independently."""

from __future__ import annotations

import asyncio
import shutil
import threading
from collections.abc import AsyncIterator, Mapping, Sequence
from pathlib import Path

import numpy as np
import pytest

from maas.demo_models import write_demo_repository
from maas.errors import InvalidInput, NotFound
from maas.worker.app import DirectorySource
from maas.worker.artifacts import NoRegistry
from maas.worker.backends.base import LoadedModel
from maas.worker.backends.onnxruntime import OnnxRuntimeBackend
from maas.worker.batcher import make_scheduler
from maas.worker.control import ReplicaControl
from maas.worker.inference import InferenceService
from maas.worker.models import ModelDefinition, ModelManager, ModelState
from maas.worker.repository import define_model
from maas.worker.requests import InferRequest, InferResult, InputTensor
from maas.worker.scheduling import Scheduler
from maas.worker.spec import ModelSpec
from maas.worker.stats import ModelStats


class GatedModel:
    """A real model whose runs wait while `gate` is closed (open by default)."""

    def __init__(self, model: LoadedModel, gate: threading.Event, entered: threading.Event):
        self._model = model
        self._gate = gate
        self._entered = entered
        self.unloaded = False

    @property
    def memory_bytes(self) -> int:
        return self._model.memory_bytes

    def infer(
        self, inputs: Mapping[str, np.ndarray], outputs: Sequence[str]
    ) -> dict[str, np.ndarray]:
        self._entered.set()
        assert self._gate.wait(timeout=30)
        return self._model.infer(inputs, outputs)

    def unload(self) -> None:
        self.unloaded = True
        self._model.unload()


class GatedBackend(OnnxRuntimeBackend):
    def __init__(self) -> None:
        self.gate = threading.Event()
        self.gate.set()
        self.entered = threading.Event()

    def load(self, spec: ModelSpec, artifact: Path) -> GatedModel:  # type: ignore[override]
        return GatedModel(super().load(spec, artifact), self.gate, self.entered)


@pytest.fixture(scope="module")
def artifact(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("demo")
    write_demo_repository(root)
    return root / "add_sub" / "1" / "model.onnx"


@pytest.fixture
def backend() -> GatedBackend:
    return GatedBackend()


@pytest.fixture
def repository(tmp_path: Path, artifact: Path) -> Path:
    """A repository with model `m` at version 1, for whole-model loads."""
    (tmp_path / "repo" / "m" / "1").mkdir(parents=True)
    shutil.copy(artifact, tmp_path / "repo" / "m" / "1" / "model.onnx")
    return tmp_path / "repo"


@pytest.fixture
async def models(
    backend: GatedBackend, repository: Path, tmp_path: Path
) -> AsyncIterator[ModelManager]:
    async def schedulers(
        spec: ModelSpec, version: int, model: LoadedModel, stats: ModelStats
    ) -> Scheduler:
        # Threads, so that a gated run never blocks the event loop.
        return make_scheduler(spec, model, stats, default_max_queue_size=64, inline=False)

    manager = ModelManager(DirectorySource(repository, backend, tmp_path), backend, schedulers)
    yield manager
    backend.gate.set()
    await manager.close()


def definition(backend: GatedBackend, artifact: Path, version: int) -> ModelDefinition:
    return define_model("m", None, backend, {version: artifact})


def infer(models: ModelManager, version: str = "") -> asyncio.Future[InferResult]:
    data = np.arange(16, dtype=np.int32).reshape(1, 16).tobytes()
    request = InferRequest(
        "m",
        version,
        inputs=[InputTensor(n, "INT32", (1, 16), raw=data) for n in ("INPUT0", "INPUT1")],
    )
    return asyncio.ensure_future(InferenceService(models).infer(request))


def model_of(models: ModelManager, version: int) -> GatedModel:
    served = models.find("m", version)
    assert served is not None
    assert isinstance(served.model, GatedModel)
    return served.model


async def test_versions_load_beside_each_other_and_the_newest_serves_by_default(
    models: ModelManager, backend: GatedBackend, artifact: Path
) -> None:
    await models.load_version("m", 1, definition(backend, artifact, 1))
    first = models.find("m", 1)
    await models.load_version("m", 2, definition(backend, artifact, 2))
    assert models.ready_versions("m") == [1, 2]
    assert models.find("m", 1) is first
    assert (await infer(models)).model_version == "2"
    assert (await infer(models, "1")).model_version == "1"
    assert [(r.version, r.state) for r in models.index()] == [
        ("1", ModelState.READY),
        ("2", ModelState.READY),
    ]
    await models.unload_version("m", 2)
    assert models.find("m", 1) is first
    assert (await infer(models)).model_version == "1"


async def test_unloading_a_version_drains_it_and_leaves_the_others_serving(
    models: ModelManager, backend: GatedBackend, artifact: Path
) -> None:
    await models.load_version("m", 1, definition(backend, artifact, 1))
    await models.load_version("m", 2, definition(backend, artifact, 2))
    old = model_of(models, 1)
    backend.gate.clear()
    backend.entered.clear()
    accepted = infer(models, "1")
    assert await asyncio.to_thread(backend.entered.wait, 10)
    unloading = asyncio.ensure_future(models.unload_version("m", 1))
    await asyncio.sleep(0.1)
    # Routing stopped at once; the accepted request is still running, so is the model.
    with pytest.raises(NotFound):
        models.resolve("m", "1")
    assert not unloading.done()
    assert not old.unloaded
    backend.gate.set()
    assert (await accepted).model_version == "1"
    await unloading
    assert old.unloaded
    assert models.ready_versions("m") == [2]
    assert not model_of(models, 2).unloaded


@pytest.fixture
def broken(tmp_path: Path, artifact: Path) -> Path:
    """A truncated copy of the artifact."""
    path = tmp_path / "broken.onnx"
    path.write_bytes(artifact.read_bytes()[:100])
    return path


async def test_a_failed_version_load_leaves_served_versions_alone(
    models: ModelManager, backend: GatedBackend, artifact: Path, broken: Path
) -> None:
    spec = definition(backend, artifact, 1).spec
    with pytest.raises(InvalidInput):
        await models.load_version("m", 1, ModelDefinition(spec, {1: broken}))
    [row] = models.index()
    assert row.state is ModelState.UNAVAILABLE
    assert "failed to load" in row.reason
    await models.load_version("m", 1, definition(backend, artifact, 1))
    with pytest.raises(InvalidInput):
        await models.load_version("m", 2, ModelDefinition(spec, {2: broken}))
    assert models.ready_versions("m") == [1]
    assert (await infer(models)).model_version == "1"


async def test_loading_a_served_version_again_replaces_it_once_ready(
    models: ModelManager, backend: GatedBackend, artifact: Path
) -> None:
    await models.load_version("m", 1, definition(backend, artifact, 1))
    old = model_of(models, 1)
    await models.load_version("m", 1, definition(backend, artifact, 1))
    assert old.unloaded
    assert not model_of(models, 1).unloaded
    assert (await infer(models)).model_version == "1"


async def test_unloading_what_is_not_served_is_harmless(
    models: ModelManager, backend: GatedBackend, artifact: Path
) -> None:
    await models.unload_version("nothing", 1)
    await models.load_version("m", 1, definition(backend, artifact, 1))
    await models.unload_version("m", 7)
    assert models.ready_versions("m") == [1]
    await models.unload_version("m", 1)
    assert [(r.name, r.state, r.reason) for r in models.index(ready_only=False)] == [
        ("m", ModelState.UNAVAILABLE, "unloaded")
    ]


async def test_a_whole_model_load_replaces_versions_loaded_one_by_one(
    models: ModelManager, backend: GatedBackend, artifact: Path
) -> None:
    await models.load_version("m", 5, definition(backend, artifact, 5))
    placed = model_of(models, 5)
    await models.load("m")
    assert models.ready_versions("m") == [1]
    assert placed.unloaded


async def test_status_counts_requests_in_flight_and_memory(
    models: ModelManager, backend: GatedBackend, artifact: Path
) -> None:
    control = ReplicaControl(models, NoRegistry(), backend, memory_capacity_bytes=1 << 30)
    await models.load_version("m", 1, definition(backend, artifact, 1))
    backend.gate.clear()
    backend.entered.clear()
    running = [infer(models) for _ in range(3)]
    assert await asyncio.to_thread(backend.entered.wait, 10)
    status = control.status()
    assert status.inflight_requests == 3
    assert status.memory_used_bytes == model_of(models, 1).memory_bytes > 0
    assert status.replicas == ()  # placed by hand, not through the control API
    backend.gate.set()
    await asyncio.gather(*running)
    assert control.status().inflight_requests == 0
