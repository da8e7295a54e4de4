"""Telemetry settings, shared by every maas process: MAAS_TELEMETRY_* variables."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Exporter(StrEnum):
    """Where finished spans go. `none` turns tracing off entirely."""

    NONE = "none"
    CONSOLE = "console"
    OTLP_GRPC = "otlp-grpc"
    OTLP_HTTP = "otlp-http"


class LogFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


class TelemetrySettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MAAS_TELEMETRY_")

    exporter: Exporter = Exporter.NONE
    """Span exporter: none (tracing off, the default), console (stderr), otlp-grpc or
    otlp-http (to an OpenTelemetry collector)."""

    endpoint: str | None = None
    """Collector address for the OTLP exporters; None uses the exporter's own default
    (or the standard OTEL_EXPORTER_OTLP_* variables): localhost:4317 for gRPC,
    http://localhost:4318/v1/traces for HTTP."""

    sampling_ratio: float = Field(default=1.0, ge=0.0, le=1.0)
    """Share of new traces recorded. A trace that arrives with a caller's sampling
    decision keeps it, so a trace is recorded in every process or in none."""

    service_name: str | None = None
    """`service.name` resource attribute; None uses the process's own name
    (maas-worker, maas-gateway, ...)."""

    resource_attributes: Annotated[dict[str, str], NoDecode] = Field(default_factory=dict)
    """Extra resource attributes on every span, as `key=value,key=value` (the format of
    OTEL_RESOURCE_ATTRIBUTES) or a JSON object, e.g. deployment.environment=staging."""

    metrics_host: str = "127.0.0.1"
    """Interface the Prometheus /metrics endpoint binds to."""

    metrics_port: int | None = Field(default=None, ge=0, le=65535)
    """Port of the Prometheus /metrics endpoint; 0 picks a free one, None serves none."""

    log_format: LogFormat = LogFormat.TEXT
    """`text` for people, `json` (one object per line, with trace and span ids) for
    log pipelines."""

    log_level: str = "INFO"
    """Level of the root logger: DEBUG, INFO, WARNING, ERROR."""

    @property
    def tracing(self) -> bool:
        """Whether spans are made and context propagated at all."""
        return self.exporter is not Exporter.NONE

    @field_validator("resource_attributes", mode="before")
    @classmethod
    def _parse_pairs(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        text = value.strip()
        if text.startswith("{"):
            return json.loads(text)
        pairs: dict[str, str] = {}
        for item in filter(None, (part.strip() for part in text.split(","))):
            key, sep, val = item.partition("=")
            if not sep or not key.strip():
                raise ValueError(f"expected key=value, got {item!r}")
            pairs[key.strip()] = val.strip()
        return pairs

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.upper()
        if level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
            raise ValueError(f"unknown log level {value!r}")
        return level
