"""Scheduler settings, read once from `MAAS_SCHEDULER_*` environment variables (discovery
has its own, `MAAS_CONSUL_*`)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from maas.transport.server import MAX_MESSAGE_BYTES


class SchedulerSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MAAS_SCHEDULER_", use_attribute_docstrings=True)

    host: str = "127.0.0.1"
    """Interface the gRPC server (scheduler API and inference gateway) binds to."""

    port: int = Field(default=50051, ge=0, le=65535)
    """gRPC port of the scheduler API and the inference gateway; 0 picks a free one."""

    advertise_host: str | None = None
    """Host other processes reach this scheduler at, as registered in discovery;
    unset uses `host`."""

    instance_id: str | None = None
    """This process's id in discovery and leader election; unset makes a unique one."""

    state_path: Path | None = None
    """SQLite file holding the desired state, for a single scheduler (all-in-one).
    Unset keeps it in the discovery key-value store: Consul KV in distributed mode,
    shared by every scheduler (in-process, it lasts as long as the process)."""

    kv_prefix: str = "maas/scheduler/state/"
    """Key prefix of the desired state in the key-value store (apart from the leader
    key, so that leadership changes wake no state watcher)."""

    leader_key: str = "maas/scheduler/leader"
    """Key the schedulers contend for; the holder reconciles."""

    registry_address: str | None = None
    """host:port of the registry, which resolves versions and aliases; unset finds a
    healthy one through discovery."""

    status_interval_s: float = Field(default=1.0, gt=0)
    """How often each worker is asked for its status (capacity, replicas)."""

    status_timeout_s: float = Field(default=2.0, gt=0)
    """Deadline of a status request."""

    load_timeout_s: float = Field(default=600.0, gt=0)
    """Deadline of a load request: downloading, verifying and warming a version."""

    unload_timeout_s: float = Field(default=60.0, gt=0)
    """Deadline of an unload request, which waits for the replica's requests to end."""

    resolve_timeout_s: float = Field(default=5.0, gt=0)
    """Deadline of a registry lookup."""

    resync_interval_s: float = Field(default=5.0, gt=0)
    """The leader reconciles at least this often, changes or not."""

    resolve_interval_s: float = Field(default=30.0, gt=0)
    """The leader resolves every version selector again at least this often, in case a
    registry event was missed."""

    drain_grace_s: float = Field(default=2.0, ge=0)
    """How long a replica taken out of routing stays loaded before it is unloaded: time
    for every scheduler and direct client to see the new routes."""

    drain_timeout_s: float = Field(default=30.0, ge=0)
    """Longest wait, after the grace, for this gateway's requests to a draining replica
    to finish before unloading it anyway (the worker drains its own too)."""

    load_retry_initial_s: float = Field(default=2.0, gt=0)
    """A worker that failed to load a version is not asked again for this long; the
    rest doubles on every further failure."""

    load_retry_max_s: float = Field(default=120.0, gt=0)
    """Cap of that rest."""

    memory_factor: float = Field(default=2.0, gt=0)
    """A replica whose deployment sets no memory is expected to take this many bytes
    per byte of its artifact."""

    max_message_bytes: int = Field(default=MAX_MESSAGE_BYTES, ge=1024, le=MAX_MESSAGE_BYTES)
    """Largest gRPC message the gateway accepts or sends (Triton's 2 GiB - 1)."""

    shutdown_grace_s: float = Field(default=5.0, ge=0)
    """How long calls in flight may finish when the scheduler stops."""
