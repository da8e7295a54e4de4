"""A real Consul dev agent for the module's tests, and both discovery backends.

Backend-independent contract tests take `backend` and run once in-process and once
against Consul. Tests share one agent, so each uses its own service names and keys.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator

import pytest

from maas.discovery import Coordination, DiscoverySettings, open_discovery
from maas.transport.server import GrpcServer, start_server
from tests.consul import ConsulAgent


def fast_settings(
    address: str,
    *,
    watch_wait_s: float = 5.0,
    request_timeout_s: float = 5.0,
    retry_initial_s: float = 0.1,
    retry_max_s: float = 1.0,
) -> DiscoverySettings:
    """Settings for tests: Consul's shortest check interval, short waits and retries."""
    return DiscoverySettings(
        address=address,
        check_interval_s=1.0,
        # Generous: a check timing out on a loaded test machine would look like a flap.
        check_timeout_s=3.0,
        watch_wait_s=watch_wait_s,
        request_timeout_s=request_timeout_s,
        retry_initial_s=retry_initial_s,
        retry_max_s=retry_max_s,
    )


@pytest.fixture(scope="session")
def consul(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ConsulAgent]:
    with ConsulAgent.start(tmp_path_factory.mktemp("consul")) as agent:
        yield agent


@pytest.fixture(params=["inprocess", "consul"])
def backend_kind(request: pytest.FixtureRequest) -> str:
    kind: str = request.param
    return kind


@pytest.fixture
async def backend(backend_kind: str, request: pytest.FixtureRequest) -> AsyncIterator[Coordination]:
    if backend_kind == "consul":
        agent: ConsulAgent = request.getfixturevalue("consul")
        settings = fast_settings(agent.address)
    else:
        settings = DiscoverySettings(address=None)
    async with open_discovery(settings) as coordination:
        yield coordination


@pytest.fixture
def quiet_s(backend_kind: str) -> float:
    """How long to watch for spurious yields: against Consul, over a check run."""
    return 1.5 if backend_kind == "consul" else 0.2


@pytest.fixture
async def consul_backend(consul: ConsulAgent) -> AsyncIterator[Coordination]:
    async with open_discovery(fast_settings(consul.address)) as coordination:
        yield coordination


@pytest.fixture
async def grpc_server() -> AsyncIterator[GrpcServer]:
    """A real gRPC server hosting grpc.health.v1, SERVING."""
    server = await start_server([])
    await server.set_serving(True)
    yield server
    await server.stop(0)


@pytest.fixture
def unique() -> str:
    """A name no other test uses (services and keys share one agent)."""
    return uuid.uuid4().hex[:10]
