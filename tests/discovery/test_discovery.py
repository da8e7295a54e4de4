"""Registering, watching and withdrawing service instances, in-process and over Consul.

Against Consul every instance points at a real gRPC server whose grpc.health.v1 the
agent itself checks, so "healthy" means Consul saw SERVING.
"""

from __future__ import annotations

import pytest

from maas.discovery import Coordination, ServiceInstance, registration
from maas.errors import InvalidInput, NotFound
from maas.transport.server import GrpcServer, start_server
from tests.consul import ConsulAgent
from tests.discovery.support import streaming


def instance(server: GrpcServer, instance_id: str, service: str, **meta: str) -> ServiceInstance:
    return ServiceInstance(instance_id, service, "127.0.0.1", server.port, meta)


def test_instance_address_and_frozen_meta() -> None:
    meta = {"version": "1"}
    v4 = ServiceInstance("a", "maas-worker", "10.0.0.1", 8001, meta)
    meta["version"] = "2"
    assert v4.address == "10.0.0.1:8001"
    assert v4.meta == {"version": "1"}
    assert ServiceInstance("b", "maas-worker", "::1", 8001).address == "[::1]:8001"
    assert v4 == ServiceInstance("a", "maas-worker", "10.0.0.1", 8001, {"version": "1"})
    assert v4 != ServiceInstance("a", "maas-worker", "10.0.0.1", 8001, {"version": "2"})


@pytest.mark.parametrize(
    "meta",
    [
        {"bad key": "v"},
        {"": "v"},
        {"consul-version": "v"},
        {"k" * 129: "v"},
        {"models": "m" * 513},
        {f"k{n}": "v" for n in range(65)},
    ],
)
def test_meta_beyond_consul_limits_is_invalid(meta: dict[str, str]) -> None:
    with pytest.raises(InvalidInput):
        ServiceInstance("a", "maas-worker", "127.0.0.1", 8001, meta)


async def test_watch_follows_registrations(
    backend: Coordination, grpc_server: GrpcServer, unique: str
) -> None:
    service = f"svc-{unique}"
    first = instance(grpc_server, f"{unique}-a", service, backend="onnxruntime")
    second = instance(grpc_server, f"{unique}-b", service)
    async with streaming(backend.discovery.watch(service)) as watch:
        assert await watch.next() == ()
        await backend.discovery.register(first)
        assert await watch.until(lambda s: len(s) == 1) == (first,)
        await backend.discovery.register(second)
        assert await watch.until(lambda s: len(s) == 2) == (first, second)
        await backend.discovery.deregister(first.id)
        assert await watch.until(lambda s: len(s) == 1) == (second,)
        await backend.discovery.deregister(second.id)
        assert await watch.until(lambda s: not s) == ()


async def test_watch_yields_only_on_change(
    backend: Coordination, grpc_server: GrpcServer, unique: str, quiet_s: float
) -> None:
    service = f"svc-{unique}"
    member = instance(grpc_server, unique, service)
    async with (
        registration(backend.discovery, member),
        streaming(backend.discovery.watch(service)) as watch,
    ):
        await watch.until(lambda s: s == (member,))
        # Consul re-runs the check every second and answers blocking queries for
        # unrelated writes; none of that is a change.
        await backend.discovery.register(instance(grpc_server, f"{unique}-other", f"x{service}"))
        await backend.discovery.deregister(f"{unique}-other")
        await watch.assert_quiet(quiet_s)


async def test_meta_update_is_yielded_without_dropping_the_instance(
    backend: Coordination, grpc_server: GrpcServer, unique: str, quiet_s: float
) -> None:
    service = f"svc-{unique}"
    member = instance(grpc_server, unique, service, capacity="4", models="")
    async with (
        registration(backend.discovery, member),
        streaming(backend.discovery.watch(service)) as watch,
    ):
        await watch.until(lambda s: s == (member,))
        await backend.discovery.update_meta(member.id, {"capacity": "3", "models": "mlp:1"})
        (updated,) = await watch.until(lambda s: len(s) == 1 and s[0].meta != member.meta)
        assert dict(updated.meta) == {"capacity": "3", "models": "mlp:1"}
        assert (updated.host, updated.port, updated.service) == ("127.0.0.1", member.port, service)
        # The re-registration kept the passing check: the instance never left.
        assert all(len(s) == 1 for s in watch.items[1:])
        await watch.assert_quiet(quiet_s)


async def test_update_meta_of_unknown_instance_is_not_found(
    backend: Coordination, unique: str
) -> None:
    with pytest.raises(NotFound):
        await backend.discovery.update_meta(unique, {"a": "b"})


async def test_deregistering_unknown_instance_is_harmless(
    backend: Coordination, unique: str
) -> None:
    await backend.discovery.deregister(unique)


async def test_consul_runs_the_grpc_health_check(consul_backend: Coordination, unique: str) -> None:
    service = f"svc-{unique}"
    server = await start_server([])  # starts NOT_SERVING
    member = instance(server, unique, service)
    try:
        async with (
            registration(consul_backend.discovery, member),
            streaming(consul_backend.discovery.watch(service)) as watch,
        ):
            assert await watch.next() == ()
            await watch.assert_quiet(1.2)  # registered, but Consul sees NOT_SERVING
            await server.set_serving(True)
            assert await watch.until(bool, timeout_s=5) == (member,)
            await server.set_serving(False)
            assert await watch.until(lambda s: not s, timeout_s=5) == ()
            await server.set_serving(True)
            assert await watch.until(bool, timeout_s=5) == (member,)
            await server.server.stop(0)  # a dead process: connection refused
            assert await watch.until(lambda s: not s, timeout_s=5) == ()
    finally:
        await server.stop(0)


async def test_consul_registration_carries_the_grpc_check(
    consul_backend: Coordination, grpc_server: GrpcServer, unique: str, consul: ConsulAgent
) -> None:
    # Meta at the limits ServiceInstance enforces is accepted by Consul as it is.
    meta = {"version": "0.1.0", "K" * 128: "v" * 512} | {f"m_{n}": "-" for n in range(62)}
    member = ServiceInstance(unique, f"svc-{unique}", "127.0.0.1", grpc_server.port, meta)
    async with registration(consul_backend.discovery, member):
        checks = consul.get("/v1/agent/checks")
        assert isinstance(checks, dict)
        assert checks[f"service:{unique}"]["Type"] == "grpc"
        assert checks[f"service:{unique}"]["ServiceID"] == unique
        services = consul.get("/v1/agent/services")
        assert isinstance(services, dict)
        assert services[unique]["Meta"] == meta
        assert services[unique]["Port"] == grpc_server.port
    services = consul.get("/v1/agent/services")
    assert isinstance(services, dict)
    assert unique not in services
