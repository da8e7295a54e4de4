"""Leader election: one leader among contenders, handover on release, failover on death.

The failover test runs each contender in a process of its own with the default
settings, and kills the leader with SIGKILL: nothing of it gets to say goodbye.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from contextlib import AsyncExitStack

import pytest

from maas.discovery import Coordination, Leadership, ServiceInstance, registration
from maas.discovery.base import SCHEDULER_SERVICE
from maas.transport.server import GrpcServer, start_server
from tests.consul import ConsulAgent
from tests.tools import REPO_ROOT

FAILOVER_BUDGET_S = 15.0


async def until_leader(lead: Leadership, expected: bool = True, timeout_s: float = 10.0) -> None:
    async with asyncio.timeout(timeout_s):
        while lead.is_leader != expected:
            await lead.wait_change()


def candidate(server: GrpcServer, instance_id: str) -> ServiceInstance:
    return ServiceInstance(instance_id, SCHEDULER_SERVICE, "127.0.0.1", server.port)


async def test_wait_change_reports_every_change() -> None:
    lead = Leadership()
    lead.set(True)
    lead.set(False)
    lead.set(True)
    # Lost and regained while nobody was waiting: reported once, as a new term.
    assert await asyncio.wait_for(lead.wait_change(), 1) is True
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(lead.wait_change(), 0.1)
    lead.set(True)  # no change
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(lead.wait_change(), 0.1)


async def test_one_leader_and_immediate_handover_on_release(
    backend: Coordination, grpc_server: GrpcServer, unique: str, quiet_s: float
) -> None:
    key = f"maas/test/{unique}/leader"
    first, second = candidate(grpc_server, f"{unique}-1"), candidate(grpc_server, f"{unique}-2")
    async with (
        registration(backend.discovery, first),
        registration(backend.discovery, second),
        AsyncExitStack() as second_stack,
    ):
        async with backend.election.leadership(key, first.id) as lead1:
            await until_leader(lead1)
            lead2 = await second_stack.enter_async_context(
                backend.election.leadership(key, second.id)
            )
            await asyncio.sleep(quiet_s)
            assert lead1.is_leader
            assert not lead2.is_leader
            released = time.monotonic()
        assert not lead1.is_leader
        await until_leader(lead2, timeout_s=5)
        # A graceful release skips lock-delay: the successor's blocking query wakes at once.
        assert time.monotonic() - released < 1.0
    assert not lead2.is_leader


async def test_consul_unhealthy_leader_loses_the_lease(
    consul_backend: Coordination, unique: str
) -> None:
    key = f"maas/test/{unique}/leader"
    sick_server, well_server = await start_server([]), await start_server([])
    try:
        for server in (sick_server, well_server):
            await server.set_serving(True)
        sick, well = candidate(sick_server, f"{unique}-sick"), candidate(well_server, unique)
        election = consul_backend.election
        async with (
            registration(consul_backend.discovery, sick),
            registration(consul_backend.discovery, well),
            election.leadership(key, sick.id) as sick_lead,
        ):
            await until_leader(sick_lead)
            async with election.leadership(key, well.id) as well_lead:
                await sick_server.set_serving(False)
                started = time.monotonic()
                await until_leader(sick_lead, expected=False)
                await until_leader(well_lead)
                # One 1 s check interval, then the 1 s lock-delay.
                assert time.monotonic() - started < 5
    finally:
        await sick_server.stop(0)
        await well_server.stop(0)


class Contender:
    """A `tests.discovery.contender` process and the states it reported."""

    def __init__(self, process: asyncio.subprocess.Process, name: str) -> None:
        self.process = process
        self.name = name
        # Every line it printed, with when it arrived (monotonic).
        self.history: list[tuple[float, str]] = [(time.monotonic(), "starting")]
        self.changed = asyncio.Event()
        self._reader = asyncio.create_task(self._read())

    @property
    def state(self) -> str:
        return self.history[-1][1]

    def when(self, state: str) -> float | None:
        """When it last reported `state`, if ever."""
        return next((t for t, s in reversed(self.history) if s == state), None)

    @classmethod
    async def start(cls, consul: ConsulAgent, key: str, name: str) -> Contender:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.discovery.contender",
            key,
            name,
            cwd=REPO_ROOT,
            env={**os.environ, "MAAS_CONSUL_ADDRESS": consul.address},
            stdout=asyncio.subprocess.PIPE,
        )
        return cls(process, name)

    async def _read(self) -> None:
        assert self.process.stdout is not None
        async for line in self.process.stdout:
            self.history.append((time.monotonic(), line.decode().strip()))
            self.changed.set()
        self.history.append((time.monotonic(), "exited"))
        self.changed.set()

    def kill(self) -> None:
        self.process.kill()

    def terminate(self) -> None:
        self.process.send_signal(signal.SIGTERM)

    async def close(self) -> None:
        if self.process.returncode is None:
            self.process.kill()
        await self.process.wait()
        await self._reader


async def until_one_leader(
    contenders: list[Contender], timeout_s: float = 20.0
) -> tuple[Contender, float]:
    """The contender that leads next, and when it said so (monotonic); never two."""
    async with asyncio.timeout(timeout_s):
        while True:
            for c in contenders:
                c.changed.clear()
            leaders = [c for c in contenders if c.state == "leader"]
            assert len(leaders) <= 1, f"two leaders at once: {[c.name for c in leaders]}"
            if leaders:
                led = leaders[0].when("leader")
                assert led is not None
                return leaders[0], led
            waits = [asyncio.create_task(c.changed.wait()) for c in contenders]
            try:
                await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
            finally:
                for w in waits:
                    w.cancel()


async def until_reported(contender: Contender, state: str, timeout_s: float = 10.0) -> float:
    """When `contender` reports (or reported) `state`."""
    async with asyncio.timeout(timeout_s):
        while (when := contender.when(state)) is None:
            contender.changed.clear()
            await contender.changed.wait()
    return when


async def test_consul_failover_across_processes(
    consul: ConsulAgent, unique: str, capsys: pytest.CaptureFixture[str]
) -> None:
    key = f"maas/test/{unique}/leader"
    contenders = [await Contender.start(consul, key, f"{unique}-{n}") for n in range(3)]
    try:
        leader, _ = await until_one_leader(contenders)
        await asyncio.sleep(0.5)
        assert [c.state for c in contenders].count("leader") == 1

        leader.kill()
        killed = time.monotonic()
        await leader.process.wait()
        survivors = [c for c in contenders if c is not leader]
        successor, led = await until_one_leader(survivors)
        failover_s = led - killed
        assert failover_s < FAILOVER_BUDGET_S

        successor.terminate()
        resigned = await until_reported(successor, "resigning")
        (last,) = [c for c in survivors if c is not successor]
        _, led = await until_one_leader([last])
        handover_s = led - resigned
        assert await successor.process.wait() == 0
        assert successor.state == "exited"
        # No lock-delay and no health check to wait for: the key was released.
        assert handover_s < 2.0

        last.terminate()
        assert await last.process.wait() == 0
        with capsys.disabled():
            print(
                f"\nleader failover after SIGKILL: {failover_s:.2f}s; "
                f"graceful handover: {handover_s:.2f}s"
            )
    finally:
        for c in contenders:
            await c.close()
