"""Telemetry settings from MAAS_TELEMETRY_* variables."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from maas.telemetry.settings import Exporter, LogFormat, TelemetrySettings


def test_defaults_turn_tracing_and_metrics_off() -> None:
    settings = TelemetrySettings()
    assert settings.exporter is Exporter.NONE
    assert not settings.tracing
    assert settings.metrics_port is None
    assert settings.log_format is LogFormat.TEXT


def test_everything_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAAS_TELEMETRY_EXPORTER", "otlp-http")
    monkeypatch.setenv("MAAS_TELEMETRY_ENDPOINT", "http://collector:4318/v1/traces")
    monkeypatch.setenv("MAAS_TELEMETRY_SAMPLING_RATIO", "0.1")
    monkeypatch.setenv("MAAS_TELEMETRY_SERVICE_NAME", "edge-worker")
    monkeypatch.setenv(
        "MAAS_TELEMETRY_RESOURCE_ATTRIBUTES", "deployment.environment=staging, zone=b"
    )
    monkeypatch.setenv("MAAS_TELEMETRY_METRICS_PORT", "0")
    monkeypatch.setenv("MAAS_TELEMETRY_LOG_FORMAT", "json")
    monkeypatch.setenv("MAAS_TELEMETRY_LOG_LEVEL", "debug")
    settings = TelemetrySettings()
    assert settings.tracing
    assert settings.exporter is Exporter.OTLP_HTTP
    assert settings.sampling_ratio == 0.1
    assert settings.service_name == "edge-worker"
    assert settings.resource_attributes == {"deployment.environment": "staging", "zone": "b"}
    assert settings.metrics_port == 0
    assert settings.log_format is LogFormat.JSON
    assert settings.log_level == "DEBUG"


def test_resource_attributes_also_read_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAAS_TELEMETRY_RESOURCE_ATTRIBUTES", '{"team": "vision"}')
    assert TelemetrySettings().resource_attributes == {"team": "vision"}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("exporter", "jaeger"),
        ("sampling_ratio", 1.5),
        ("resource_attributes", "no-equals-sign"),
        ("log_level", "chatty"),
        ("metrics_port", 70000),
    ],
)
def test_bad_values_are_refused(field: str, value: object) -> None:
    with pytest.raises(ValidationError):
        TelemetrySettings.model_validate({field: value})
