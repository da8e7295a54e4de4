"""compose.yaml, the Dockerfile and the configurations they mount, checked without a
container engine (none runs here): Compose itself validates the file, the MAAS_* names
are the settings' own, Prometheus scrapes every maas process, and the images run what
the README documents."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from typing import Any, Final

import pytest
import typer.main
import yaml
from pydantic_settings import BaseSettings
from typer.core import TyperGroup

from maas.cli import app
from maas.discovery import DiscoverySettings
from maas.registry.settings import RegistrySettings
from maas.scheduler.settings import SchedulerSettings
from maas.telemetry import TelemetrySettings
from maas.worker.settings import WorkerSettings
from tests.deploy.conftest import AllInOne
from tests.tools import REPO_ROOT, require_tool

COMPOSE: Final = REPO_ROOT / "compose.yaml"
PROMETHEUS: Final = REPO_ROOT / "deploy" / "prometheus" / "prometheus.yml"
COLLECTOR: Final = REPO_ROOT / "deploy" / "otel-collector" / "config.yaml"
MAAS_IMAGE: Final = "maas:latest"
SETTINGS: Final[dict[str, type[BaseSettings]]] = {
    "MAAS_WORKER_": WorkerSettings,
    "MAAS_SCHEDULER_": SchedulerSettings,
    "MAAS_REGISTRY_": RegistrySettings,
    "MAAS_TELEMETRY_": TelemetrySettings,
    "MAAS_CONSUL_": DiscoverySettings,
}


def _compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())
    return loaded


def _maas_services() -> dict[str, dict[str, Any]]:
    return {
        name: service
        for name, service in _compose()["services"].items()
        if service.get("image") == MAAS_IMAGE
    }


@pytest.mark.parametrize("profile", [None, "gpu"])
def test_docker_compose_accepts_the_file(profile: str | None) -> None:
    compose = require_tool("docker-compose")
    command = [compose, "-f", str(COMPOSE)]
    command += ["--profile", profile] if profile else []
    done = subprocess.run([*command, "config", "-q"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_the_fleet_has_every_part_and_each_has_a_health_check() -> None:
    services = _compose()["services"]
    assert {
        "consul",
        "registry",
        "scheduler-1",
        "scheduler-2",
        "worker-1",
        "worker-2",
        "worker-gpu",
        "otel-collector",
        "jaeger",
        "prometheus",
        "grafana",
    } <= set(services)
    for name, service in services.items():
        assert service.get("healthcheck", {}).get("test"), f"{name} has no health check"
    assert "registry-data" in _compose()["volumes"]
    assert any(v.startswith("registry-data:") for v in services["registry"]["volumes"])
    gpu = services["worker-gpu"]
    assert gpu["profiles"] == ["gpu"]
    devices = gpu["deploy"]["resources"]["reservations"]["devices"]
    assert devices == [{"driver": "nvidia", "count": 1, "capabilities": ["gpu"]}]


def _settings_of(environment: dict[str, str]) -> Iterator[BaseSettings]:
    """Each settings class whose prefix the environment uses, parsed from it alone."""
    for prefix, settings in SETTINGS.items():
        given = {
            k.removeprefix(prefix).lower(): v
            for k, v in environment.items()
            if k.startswith(prefix)
        }
        unknown = set(given) - set(settings.model_fields)
        assert not unknown, f"{settings.__name__} has no fields {sorted(unknown)}"
        if given:
            yield settings.model_validate(given)


def test_every_maas_variable_is_a_setting_with_a_valid_value() -> None:
    for name, service in _maas_services().items():
        environment = {k: str(v) for k, v in service["environment"].items()}
        assert all(k.startswith(tuple(SETTINGS)) for k in environment), name
        parsed = list(_settings_of(environment))
        assert parsed, name


def test_prometheus_scrapes_the_metrics_port_of_every_maas_process() -> None:
    expected = set()
    for name, service in _maas_services().items():
        telemetry = TelemetrySettings.model_validate(
            {
                k.removeprefix("MAAS_TELEMETRY_").lower(): v
                for k, v in service["environment"].items()
                if k.startswith("MAAS_TELEMETRY_")
            }
        )
        assert telemetry.metrics_port, f"{name} serves no /metrics"
        assert telemetry.metrics_host == "0.0.0.0", f"{name}'s /metrics is unreachable"
        expected.add(f"{name}:{telemetry.metrics_port}")
    scraped = {
        target
        for job in yaml.safe_load(PROMETHEUS.read_text())["scrape_configs"]
        for static in job["static_configs"]
        for target in static["targets"]
    }
    assert scraped == expected
    mounts = _compose()["services"]["prometheus"]["volumes"]
    assert f"./{PROMETHEUS.relative_to(REPO_ROOT)}:/etc/prometheus/prometheus.yml:ro" in mounts


def test_traces_flow_from_every_maas_process_through_the_collector_to_jaeger() -> None:
    services = _compose()["services"]
    collector = yaml.safe_load(COLLECTOR.read_text())
    receiver = collector["receivers"]["otlp"]["protocols"]["grpc"]["endpoint"]
    for name, service in _maas_services().items():
        environment = service["environment"]
        assert environment["MAAS_TELEMETRY_EXPORTER"] == "otlp-grpc", name
        host, port = environment["MAAS_TELEMETRY_ENDPOINT"].split(":")
        assert host in services, name
        assert receiver.endswith(f":{port}"), name
    exporters = collector["service"]["pipelines"]["traces"]["exporters"]
    assert [collector["exporters"][e]["endpoint"] for e in exporters] == ["jaeger:4317"]
    assert "jaeger" in services


# --- the images run what the README documents --------------------------------------------


def _readme_commands() -> list[str]:
    """The shell lines of the README: its sh/bash/console fences and indented blocks,
    comments stripped (Python snippets are not commands)."""
    lines: list[str] = []
    fence: str | None = None
    for line in (REPO_ROOT / "README.md").read_text().splitlines():
        if line.startswith("```"):
            fence = None if fence is not None else (line[3:].strip() or "sh")
        elif fence in ("sh", "bash", "console") or (fence is None and line.startswith("    ")):
            command = line.strip().removeprefix("$ ").split("  #")[0].strip()
            if command:
                lines.append(command)
    return lines


def _dockerfile() -> list[tuple[str, str]]:
    """(instruction, arguments) of each Dockerfile line, continuations joined."""
    text = re.sub(r"\\\n", " ", (REPO_ROOT / "Dockerfile").read_text())
    lines = [line.strip() for line in text.splitlines()]
    return [
        (parts[0].upper(), parts[1] if len(parts) > 1 else "")
        for line in lines
        if line and not line.startswith("#")
        for parts in [line.split(None, 1)]
    ]


def _parses(argv: list[str]) -> str:
    """The `maas` subcommand `argv` runs, after checking that the real CLI accepts its
    flags and values (an unknown or misspelt one raises a usage error)."""
    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    name, *rest = argv
    assert name in group.commands, f"`maas {name}` does not exist"
    group.commands[name].make_context(name, rest)
    return name


def test_the_dockerfile_installs_maas_as_the_readme_does() -> None:
    installs = [args for op, args in _dockerfile() if op == "RUN" and "pip install" in args]
    assert installs, "the Dockerfile installs nothing"
    readme = _readme_commands()
    for command in installs:
        assert command in readme, f"the README never tells readers to run {command!r}"


def test_every_container_runs_a_maas_command_the_readme_documents() -> None:
    instructions = dict(_dockerfile())
    entrypoint = yaml.safe_load(instructions["ENTRYPOINT"])
    assert entrypoint == ["maas"]
    commands = {"Dockerfile CMD": yaml.safe_load(instructions["CMD"])}
    for name, service in _maas_services().items():
        commands[name] = service["command"]
    documented = " \n".join(_readme_commands())
    for where, argv in commands.items():
        subcommand = _parses(argv)
        assert re.search(rf"\bmaas {subcommand}\b", documented), (
            f"{where} runs `maas {shlex.join(argv)}`; the README never shows `maas {subcommand}`"
        )


def test_the_health_probe_tells_serving_from_unreachable(all_in_one: AllInOne) -> None:
    probe = [sys.executable, "-m", "maas.transport.probe"]
    for address in (all_in_one.worker, all_in_one.registry, all_in_one.scheduler):
        done = subprocess.run([*probe, address], capture_output=True, text=True, timeout=30)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == f"{address}: SERVING"
    closed = subprocess.run([*probe, "127.0.0.1:1"], capture_output=True, text=True, timeout=30)
    assert closed.returncode == 1
    assert "UNAVAILABLE" in closed.stderr
    usage = subprocess.run(probe, capture_output=True, text=True, timeout=30)
    assert usage.returncode == 2
