"""Settings from the environment, and the factory choosing in-process or Consul."""

from __future__ import annotations

import asyncio

import pytest

from maas.discovery import DiscoverySettings, open_discovery
from maas.discovery.consul import ConsulDiscovery, ConsulKeyValueStore, ConsulLeaderElection
from maas.discovery.inprocess import (
    InProcessDiscovery,
    InProcessKeyValueStore,
    InProcessLeaderElection,
)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("127.0.0.1:8500", "http://127.0.0.1:8500"),
        ("https://consul.internal:8501/", "https://consul.internal:8501"),
        ("", None),
    ],
)
def test_address_from_environment(
    monkeypatch: pytest.MonkeyPatch, given: str, expected: str | None
) -> None:
    monkeypatch.setenv("MAAS_CONSUL_ADDRESS", given)
    monkeypatch.setenv("MAAS_CONSUL_LOCK_DELAY_S", "0.5")
    settings = DiscoverySettings()
    assert settings.address == expected
    assert settings.lock_delay_s == 0.5


def test_session_ttl_below_consuls_minimum_is_refused() -> None:
    with pytest.raises(ValueError, match="session_ttl_s"):
        DiscoverySettings(session_ttl_s=5)


async def test_no_address_means_in_process() -> None:
    async with open_discovery(DiscoverySettings(address=None)) as coordination:
        assert isinstance(coordination.discovery, InProcessDiscovery)
        assert isinstance(coordination.election, InProcessLeaderElection)
        assert isinstance(coordination.kv, InProcessKeyValueStore)


async def test_consul_requests_carry_the_acl_token() -> None:
    """A bare HTTP server stands in for an ACL-enabled agent and records the headers."""
    heads: list[bytes] = []

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        heads.append(await reader.readuntil(b"\r\n\r\n"))
        writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    settings = DiscoverySettings(address=f"127.0.0.1:{port}", token="s3cr3t")
    try:
        async with open_discovery(settings) as coordination:
            assert isinstance(coordination.discovery, ConsulDiscovery)
            assert isinstance(coordination.election, ConsulLeaderElection)
            assert isinstance(coordination.kv, ConsulKeyValueStore)
            assert await coordination.kv.get("maas/x") is None
    finally:
        server.close()
        await server.wait_closed()
    (head,) = heads
    assert head.startswith(b"GET /v1/kv/maas/x?raw=true HTTP/1.1\r\n")
    assert b"\r\nx-consul-token: s3cr3t\r\n" in head.lower()
