"""The Grafana dashboard charts only what maas exports: every query names a metric a
live all-in-one serves on /metrics once it has had a little traffic."""

from __future__ import annotations

import json
import re
from typing import Any, Final

import httpx
import numpy as np
import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families

from maas_client.inference import InferenceClient
from tests.deploy.conftest import AllInOne
from tests.tools import REPO_ROOT

pytestmark = pytest.mark.timeout(180)

GRAFANA: Final = REPO_ROOT / "deploy" / "grafana"
DASHBOARD: Final = GRAFANA / "dashboards" / "maas.json"
_METRIC: Final = re.compile(r"\bmaas_[a-z0-9_]+\b")


def _dashboard() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(DASHBOARD.read_text())
    return loaded


def _queries(dashboard: dict[str, Any]) -> dict[str, list[str]]:
    """Every PromQL expression of the dashboard, by the panel (or variable) using it."""
    queries = {
        f"panel {panel['title']!r}": [target["expr"] for target in panel["targets"]]
        for panel in dashboard["panels"]
    }
    for variable in dashboard["templating"]["list"]:
        queries[f"variable {variable['name']!r}"] = [variable["query"]["query"]]
    return queries


def _exported(metrics_address: str) -> set[str]:
    """Names of the samples /metrics serves (families nothing recorded into have none)."""
    text = httpx.get(f"http://{metrics_address}/metrics", timeout=10).text
    return {
        sample.name for family in text_string_to_metric_families(text) for sample in family.samples
    }


def test_every_panel_queries_maas_metrics_from_the_provisioned_datasource() -> None:
    provisioned = yaml.safe_load(
        (GRAFANA / "provisioning/datasources/datasources.yaml").read_text()
    )
    prometheus = next(d for d in provisioned["datasources"] if d["type"] == "prometheus")
    dashboard = _dashboard()
    assert dashboard["panels"], "the dashboard has no panels"
    for panel in dashboard["panels"]:
        assert panel["datasource"]["uid"] == prometheus["uid"], panel["title"]
        assert panel["targets"], f"panel {panel['title']!r} has no query"
        for target in panel["targets"]:
            assert target["datasource"]["uid"] == prometheus["uid"], panel["title"]
            assert _METRIC.search(target["expr"]), f"{panel['title']!r}: {target['expr']}"


def test_every_metric_the_dashboard_queries_is_exported_by_a_live_all_in_one(
    deployed: AllInOne,
) -> None:
    # A little traffic on the worker and through the gateway, so that request, queue,
    # compute, batch and routing families have samples (loads, the artifacts' uploads
    # and the workers' downloads happened while deploying).
    batch = np.random.default_rng(0).standard_normal((3, 64)).astype(np.float32)
    for address in (deployed.worker, deployed.scheduler):
        with InferenceClient(address) as client:
            for _ in range(5):
                client.infer("mlp_classifier", {"INPUT0": batch})
    exported = _exported(deployed.metrics)

    missing = {
        where: sorted(set(_METRIC.findall(" ".join(exprs))) - exported)
        for where, exprs in _queries(_dashboard()).items()
    }
    assert {where: names for where, names in missing.items() if names} == {}


def test_the_dashboard_provider_serves_the_directory_compose_mounts() -> None:
    provider = yaml.safe_load((GRAFANA / "provisioning/dashboards/dashboards.yaml").read_text())
    compose = yaml.safe_load((REPO_ROOT / "compose.yaml").read_text())
    mounts = dict(
        ((REPO_ROOT / source).resolve(), target)
        for source, target, *_ in (v.split(":") for v in compose["services"]["grafana"]["volumes"])
    )
    path = provider["providers"][0]["options"]["path"]
    assert mounts[DASHBOARD.parent.resolve()] == path
    assert mounts[(GRAFANA / "provisioning").resolve()] == "/etc/grafana/provisioning"
