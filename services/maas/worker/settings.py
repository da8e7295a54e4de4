"""Worker settings: parsed once from flags and MAAS_WORKER_* variables, then passed down."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from maas.transport.server import MAX_MESSAGE_BYTES


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
