"""Worker settings: parsed once from flags and MAAS_WORKER_* variables, then passed down."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from maas.discovery.base import advertised_host
from maas.transport.server import MAX_MESSAGE_BYTES

DEFAULT_MEMORY_FRACTION: Final = 0.7
"""Share of the machine's memory offered to models when no capacity is configured: the
rest is headroom for what a model's `memory_bytes` leaves out (ONNX Runtime's arenas,
request and response tensors) and for the process itself."""

_CGROUP_MEMORY_MAX: Final = Path("/sys/fs/cgroup/memory.max")


def default_memory_capacity() -> int:
    """`DEFAULT_MEMORY_FRACTION` of physical memory, or of the cgroup (v2) memory limit
    when a container sets a lower one."""
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    try:
        limit = _CGROUP_MEMORY_MAX.read_text().strip()
    except OSError:
        limit = "max"
    if limit.isdigit():
        total = min(total, int(limit))
    return int(total * DEFAULT_MEMORY_FRACTION)


class WorkerSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MAAS_WORKER_")

    host: str = "127.0.0.1"
    """Interface the gRPC server binds to."""

    grpc_port: int = Field(default=8001, ge=0, le=65535)
    """gRPC port (Triton's default); 0 picks a free one."""

    model_repository: Path | None = None
    """A Triton-layout model directory whose models are all loaded at start."""

    max_message_bytes: int = Field(default=MAX_MESSAGE_BYTES, ge=1024, le=MAX_MESSAGE_BYTES)
    """Largest gRPC message accepted or sent (Triton's 2 GiB - 1 by default)."""

    max_queue_size: int = Field(default=4096, ge=1)
    """Bound on queued requests per model version when its config sets no max_queue_size:
    past it requests are refused with RESOURCE_EXHAUSTED rather than held in memory."""

    inline_threshold_us: float = Field(default=150.0, ge=0)
    """Models whose warm-up run is faster than this execute on the event loop: handing
    a tiny model to a thread costs more than running it. 0 always uses threads."""

    shutdown_grace_s: float = Field(default=10.0, ge=0)
    """How long in-flight calls may finish after SIGTERM."""

    advertise_host: str | None = None
    """Host other services (and Consul's health check) dial to reach this worker; unset
    uses `host`, or this machine's hostname when `host` is a wildcard address."""

    registry_address: str | None = None
    """``host:port`` of the model registry that LoadReplica pulls artifacts from; unset
    refuses LoadReplica (models then come from `model_repository` only)."""

    artifact_cache: Path = Path("maas-data/worker-cache")
    """Directory of artifacts downloaded from the registry, named by sha256 and kept
    across restarts; one worker process per directory. Used only with a registry."""

    memory_capacity_bytes: int = Field(default_factory=default_memory_capacity, ge=1)
    """Memory this worker offers to models, reported to the scheduler for placement
    (see `default_memory_capacity` for the default)."""

    @property
    def advertised_host(self) -> str:
        """The host registered in discovery (see `advertise_host`)."""
        return advertised_host(self.host, self.advertise_host)
