"""Deployments and plans as JSON, the form the desired-state store keeps them in.

Plain JSON objects (not protobuf) so that an operator can read them with `consul kv
get`; every field is written, and unknown fields are ignored when read, so that a
newer scheduler's records stay readable during an upgrade.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from maas.scheduler.domain import (
    Artifact,
    Batching,
    Deployment,
    DeploymentSpec,
    Plan,
    PlannedReplica,
    ReplicaState,
)


def dump_deployment(deployment: Deployment) -> bytes:
    spec = deployment.spec
    batching = spec.batching
    document = {
        "spec": {
            "name": spec.name,
            "model": spec.model,
            "version": spec.version,
            "alias": spec.alias,
            "min_replicas": spec.min_replicas,
            "max_replicas": spec.max_replicas,
            "instance_count": spec.instance_count,
            "batching": None
            if batching is None
            else {
                "max_batch_size": batching.max_batch_size,
                "preferred_batch_sizes": list(batching.preferred_batch_sizes),
                "max_queue_delay_us": batching.max_queue_delay_us,
                "max_queue_size": batching.max_queue_size,
            },
            "backends": list(spec.backends),
            "memory_bytes": spec.memory_bytes,
        },
        "generation": deployment.generation,
        "create_time": deployment.create_time.isoformat(),
        "update_time": deployment.update_time.isoformat(),
    }
    return json.dumps(document, sort_keys=True).encode()


def load_deployment(data: bytes) -> Deployment:
    document = json.loads(data)
    spec = document["spec"]
    batching = spec.get("batching")
    return Deployment(
        DeploymentSpec(
            name=spec["name"],
            model=spec["model"],
            version=spec.get("version"),
            alias=spec.get("alias"),
            min_replicas=spec["min_replicas"],
            max_replicas=spec["max_replicas"],
            instance_count=spec["instance_count"],
            batching=None
            if batching is None
            else Batching(
                batching["max_batch_size"],
                tuple(batching["preferred_batch_sizes"]),
                batching["max_queue_delay_us"],
                batching["max_queue_size"],
            ),
            backends=tuple(spec["backends"]),
            memory_bytes=spec["memory_bytes"],
        ),
        generation=document["generation"],
        create_time=datetime.fromisoformat(document["create_time"]),
        update_time=datetime.fromisoformat(document["update_time"]),
    )


def dump_plan(plan: Plan) -> bytes:
    document = {
        "name": plan.name,
        "observed_generation": plan.observed_generation,
        "target": None if plan.target is None else _artifact(plan.target),
        "serving": plan.serving,
        "replicas": [
            {
                "worker_id": r.worker_id,
                "address": r.address,
                "version": r.version,
                "sha256": r.sha256,
                "state": r.state.value,
                "memory_bytes": r.memory_bytes,
                "drain_since": r.drain_since,
            }
            for r in plan.replicas
        ],
        "resolve_error": plan.resolve_error,
        "schedule_error": plan.schedule_error,
        "load_error": plan.load_error,
    }
    return json.dumps(document, sort_keys=True).encode()


def load_plan(data: bytes) -> Plan:
    document = json.loads(data)
    target = document.get("target")
    return Plan(
        name=document["name"],
        observed_generation=document["observed_generation"],
        target=None
        if target is None
        else Artifact(target["model"], target["version"], target["sha256"], target["size_bytes"]),
        serving=document.get("serving"),
        replicas=tuple(
            PlannedReplica(
                r["worker_id"],
                r["address"],
                r["version"],
                r["sha256"],
                ReplicaState(r["state"]),
                r["memory_bytes"],
                r["drain_since"],
            )
            for r in document["replicas"]
        ),
        resolve_error=document.get("resolve_error", ""),
        schedule_error=document.get("schedule_error", ""),
        load_error=document.get("load_error", ""),
    )


def _artifact(artifact: Artifact) -> dict[str, Any]:
    return {
        "model": artifact.model,
        "version": artifact.version,
        "sha256": artifact.sha256,
        "size_bytes": artifact.size_bytes,
    }
