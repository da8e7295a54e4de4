"""Consul going away: watchers keep their last state, back off, and recover."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from maas.discovery import open_discovery, registration
from maas.discovery.base import WORKER_SERVICE, ServiceInstance
from maas.transport.server import GrpcServer
from tests.consul import ConsulAgent
from tests.discovery.conftest import fast_settings
from tests.discovery.support import streaming
from tests.tools import free_port

CONSUL_LOGGER = "maas.discovery.consul"


def retries(caplog: pytest.LogCaptureFixture) -> int:
    return sum(1 for r in caplog.records if r.name == CONSUL_LOGGER and "retrying" in r.message)


async def test_paused_consul_keeps_last_state_and_recovers(
    consul: ConsulAgent, grpc_server: GrpcServer, unique: str, caplog: pytest.LogCaptureFixture
) -> None:
    service, prefix = f"{WORKER_SERVICE}-{unique}", f"maas/test/{unique}/"
    first = ServiceInstance(f"{unique}-1", service, "127.0.0.1", grpc_server.port)
    second = ServiceInstance(f"{unique}-2", service, "127.0.0.1", grpc_server.port)
    # Blocking queries time out 1 s + 1/16 + 1 s after they start: during the pause each
    # watch times out at least once.
    settings = fast_settings(consul.address, watch_wait_s=1.0, request_timeout_s=1.0)
    caplog.set_level(logging.WARNING, CONSUL_LOGGER)
    async with (
        open_discovery(settings) as coordination,
        registration(coordination.discovery, first),
        streaming(coordination.discovery.watch(service)) as instances,
        streaming(coordination.kv.watch(prefix)) as desired,
    ):
        await coordination.kv.put(prefix + "a", b"1")
        await instances.until(lambda s: s == (first,))
        await desired.until(lambda d: d == {prefix + "a": b"1"})

        consul.pause()
        try:
            await instances.assert_quiet(2.5)
            await desired.assert_quiet(0.0)
        finally:
            consul.resume()
        # The pause cost a timed-out query or two per watch, each followed by a delay.
        assert 1 <= retries(caplog) <= 8

        await coordination.discovery.register(second)
        await coordination.kv.put(prefix + "b", b"2")
        assert await instances.until(lambda s: len(s) == 2) == (first, second)
        assert await desired.until(lambda d: len(d) == 2) == {
            prefix + "a": b"1",
            prefix + "b": b"2",
        }


async def test_consul_down_up_and_restarted(
    tmp_path: Path, unique: str, caplog: pytest.LogCaptureFixture
) -> None:
    port = free_port()  # nothing listens yet: every request is refused at once
    prefix = f"maas/test/{unique}/"
    settings = fast_settings(f"127.0.0.1:{port}", watch_wait_s=1.0)
    caplog.set_level(logging.INFO, CONSUL_LOGGER)
    async with (
        open_discovery(settings) as coordination,
        streaming(coordination.kv.watch(prefix)) as desired,
    ):
        await desired.assert_quiet(2.0)
        # Delays of 0.1, 0.2, 0.4, 0.8, 1, ... s (each jittered by up to half): a handful
        # of attempts, where a hot loop would have made thousands.
        assert 4 <= retries(caplog) <= 8

        with ConsulAgent.start(tmp_path, http_port=port):
            # The first answer comes within one capped delay of the agent starting.
            assert await desired.next(timeout_s=5) == {}
            for n in range(30):
                await coordination.kv.put(prefix + "a", str(n).encode())
            await desired.until(lambda d: d == {prefix + "a": b"29"})

        # A new dev agent on the same port has lost everything and counts its index from
        # the start again: the watcher must start over rather than wait for index 30+.
        with ConsulAgent.start(tmp_path, http_port=port):
            assert await desired.until(lambda d: d == {}, timeout_s=5) == {}
            assert any("went back" in r.message for r in caplog.records)
            await coordination.kv.put(prefix + "b", b"2")
            assert await desired.next() == {prefix + "b": b"2"}
