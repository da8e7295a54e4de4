"""A real Consul agent for tests: ``consul agent -dev`` on loopback, every port free.

Usage::

    with ConsulAgent.start(tmp_path) as agent:
        settings = DiscoverySettings(address=agent.address)
        agent.pause()   # SIGSTOP: requests hang, as with a stalled agent
        agent.resume()  # SIGCONT

A missing `consul` binary skips the test (fails it in CI; `scripts/setup.sh` installs it).
The dev agent is a single in-memory server: quick to start (well under a second) and
gone without a trace when stopped.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.tools import free_port, require_tool

_START_TIMEOUT_S = 30.0


class ConsulAgent:
    """A running dev agent; `start` is the way to get one."""

    def __init__(self, process: subprocess.Popen[bytes], http_port: int, node: str, log: Path):
        self.process = process
        self.http_port = http_port
        self.node = node
        self.log = log
        self._paused = False

    @property
    def address(self) -> str:
        """The HTTP API's base URL (what `MAAS_CONSUL_ADDRESS` takes)."""
        return f"http://127.0.0.1:{self.http_port}"

    @classmethod
    @contextmanager
    def start(cls, workdir: Path, *, http_port: int | None = None) -> Iterator[ConsulAgent]:
        """Start an agent writing its log under `workdir`, wait until it has elected
        itself leader and registered its node, and kill it on exit.

        `http_port` fixes the HTTP port (for a client started before its agent);
        every other listener gets a free port, DNS and Consul's own gRPC are disabled.
        """
        binary = require_tool("consul")
        http_port = http_port if http_port is not None else free_port()
        node = f"maas-test-{uuid.uuid4().hex[:8]}"
        workdir.mkdir(parents=True, exist_ok=True)
        log = workdir / f"{node}.log"
        command = agent_command(binary, http_port, node)
        with log.open("wb") as out:
            process = subprocess.Popen(
                command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
        agent = cls(process, http_port, node, log)
        try:
            agent._wait_ready()
            yield agent
        finally:
            agent._kill()

    def pause(self) -> None:
        """Freeze the agent (SIGSTOP): connections are accepted but never answered."""
        os.kill(self.process.pid, signal.SIGSTOP)
        self._paused = True

    def resume(self) -> None:
        """Thaw a paused agent (SIGCONT)."""
        os.kill(self.process.pid, signal.SIGCONT)
        self._paused = False

    def get(self, path: str) -> object:
        """GET `path` from the HTTP API and decode the JSON answer (for assertions)."""
        with urllib.request.urlopen(self.address + path, timeout=5) as reply:
            return json.loads(reply.read())

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + _START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"consul exited with {self.process.returncode}:\n{self._log_tail()}"
                )
            try:
                # Sessions need the node in the catalog, which the leader adds shortly
                # after winning its election.
                if self.get("/v1/status/leader") and self.get(f"/v1/catalog/node/{self.node}"):
                    return
            except (OSError, urllib.error.URLError, json.JSONDecodeError):
                pass
            time.sleep(0.05)
        raise TimeoutError(f"consul not ready in {_START_TIMEOUT_S}s:\n{self._log_tail()}")

    def _kill(self) -> None:
        if self._paused:
            self.resume()
        self.process.kill()
        self.process.wait(timeout=10)

    def _log_tail(self, lines: int = 30) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


def agent_command(binary: str, http_port: int, node: str) -> list[str]:
    """The `consul agent -dev` command line: loopback only, a free port per listener."""
    return [
        binary,
        "agent",
        "-dev",
        f"-node={node}",
        "-bind=127.0.0.1",
        "-client=127.0.0.1",
        f"-http-port={http_port}",
        "-dns-port=-1",
        "-grpc-port=-1",
        # Serf listens on TCP and UDP: the port must be free for both.
        f"-serf-lan-port={free_port(udp=True)}",
        f"-serf-wan-port={free_port(udp=True)}",
        f"-server-port={free_port()}",
        "-hcl=disable_update_check = true",
    ]
