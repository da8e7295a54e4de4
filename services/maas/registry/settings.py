"""Registry settings, read once from `MAAS_REGISTRY_*` environment variables."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

MIB = 1 << 20
GIB = 1 << 30


class RegistrySettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MAAS_REGISTRY_")

    data_dir: Path = Field(
        default=Path("maas-data/registry"),
        description="Holds the SQLite database, the blobs and the staging area; one "
        "registry process per directory.",
    )
    host: str = Field(default="127.0.0.1", description="Interface to listen on.")
    port: int = Field(default=50052, ge=0, le=65535, description="gRPC port; 0 picks one.")
    max_artifact_bytes: int = Field(
        default=4 * GIB, gt=0, description="Largest artifact an upload may declare."
    )
    max_chunk_bytes: int = Field(
        default=4 * MIB, ge=64 * 1024, description="Largest chunk an upload message may carry."
    )
    download_chunk_bytes: int = Field(
        default=1 * MIB,
        ge=64 * 1024,
        description="Chunk size of downloads; 1 MiB stays under every gRPC client's "
        "default 4 MiB receive limit.",
    )
    max_concurrent_uploads: int = Field(
        default=8, gt=0, description="Uploads beyond this many at once are refused."
    )
    validation_concurrency: int = Field(
        default=2,
        gt=0,
        description="Artifacts checked at once; each check loads the model in a child "
        "process, so this bounds memory.",
    )
    validation_timeout_s: float = Field(
        default=600.0, gt=0, description="An artifact whose check takes longer is refused."
    )
    derive_concurrency: int = Field(default=1, gt=0, description="Derive jobs run at once.")
    derive_timeout_s: float = Field(
        default=3600.0, gt=0, description="A derive job running longer fails."
    )
    derive_samples: int = Field(
        default=64, gt=0, description="Generated inputs each accuracy report is measured on."
    )
    event_retention: int = Field(
        default=100_000,
        gt=0,
        description="Events kept for watchers to resume from; older ones are compacted.",
    )
    grace_s: float = Field(
        default=5.0, ge=0, description="How long shutdown waits for calls in flight."
    )

    @model_validator(mode="after")
    def _chunks_fit(self) -> RegistrySettings:
        if self.download_chunk_bytes > self.max_chunk_bytes:
            raise ValueError("download_chunk_bytes cannot exceed max_chunk_bytes")
        return self

    @property
    def max_message_bytes(self) -> int:
        """gRPC message limit: a chunk plus room for an upload header's metadata."""
        return self.max_chunk_bytes + MIB
