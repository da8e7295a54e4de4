"""Service discovery, leader election and desired state: in-process or over Consul.

`open_discovery` is the one place that picks the implementation (see `base` for the
interfaces and `settings` for the knobs).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import httpx

from maas.discovery.base import (
    Discovery,
    KeyValueStore,
    LeaderElection,
    Leadership,
    ServiceInstance,
    registration,
)
from maas.discovery.consul import (
    ConsulClient,
    ConsulDiscovery,
    ConsulKeyValueStore,
    ConsulLeaderElection,
)
from maas.discovery.inprocess import (
    InProcessDiscovery,
    InProcessKeyValueStore,
    InProcessLeaderElection,
)
from maas.discovery.settings import DiscoverySettings

__all__ = [
    "Coordination",
    "Discovery",
    "DiscoverySettings",
    "KeyValueStore",
    "LeaderElection",
    "Leadership",
    "ServiceInstance",
    "open_discovery",
    "registration",
]


@dataclass(frozen=True, slots=True)
class Coordination:
    """The three roles, backed by the same implementation."""

    discovery: Discovery
    election: LeaderElection
    kv: KeyValueStore


@asynccontextmanager
async def open_discovery(settings: DiscoverySettings) -> AsyncIterator[Coordination]:
    """In-process roles when `settings.address` is unset, else Consul ones sharing one
    HTTP connection pool to the agent, closed on exit."""
    if settings.address is None:
        yield Coordination(
            InProcessDiscovery(), InProcessLeaderElection(), InProcessKeyValueStore()
        )
        return
    headers = {}
    if settings.token is not None:
        headers["X-Consul-Token"] = settings.token.get_secret_value()
    # The agent is local (or named explicitly): a proxy from the environment must not
    # sit between it and blocking queries that hold a connection open for minutes.
    async with httpx.AsyncClient(
        base_url=settings.address, headers=headers, trust_env=False
    ) as http:
        client = ConsulClient(http, settings)
        yield Coordination(
            ConsulDiscovery(client), ConsulLeaderElection(client), ConsulKeyValueStore(client)
        )
