"""Test helpers: free loopback ports and the external binaries some tests drive.

`scripts/setup.sh` installs ghz, grpcurl and buf into `<repo>/.tools/bin` and Consul onto
PATH. Locally a missing tool skips the test that needs it; in CI (environment variable `CI`
set to anything but empty/0/false/no) setup is expected to have installed it, so a missing
tool fails the test instead of letting it pass silently as a skip.
"""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path
from typing import NoReturn

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
TOOLS_BIN = REPO_ROOT / ".tools" / "bin"

_FALSE_VALUES = frozenset({"", "0", "false", "no", "off"})

# Ports this process has handed out; never hand the same one out twice.
_handed_out: set[int] = set()


def in_ci() -> bool:
    """True when running in CI (environment variable `CI` set to a true-ish value)."""
    return os.environ.get("CI", "").strip().lower() not in _FALSE_VALUES


def free_port(host: str = "127.0.0.1", *, udp: bool = False) -> int:
    """A port on `host` that is free right now (TCP, and also UDP when `udp` is true).

    The port is released before returning, so another process could take it before the
    caller binds it; the kernel hands out ephemeral ports round-robin, which makes that
    rare. `udp=True` is for servers that listen on both protocols on one port (Consul's
    serf LAN/WAN ports).
    """
    for _ in range(100):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
            tcp.bind((host, 0))
            port = int(tcp.getsockname()[1])
            if port in _handed_out:
                continue
            if udp:
                with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as dgram:
                    try:
                        dgram.bind((host, port))
                    except OSError:
                        continue
        _handed_out.add(port)
        return port
    raise RuntimeError(f"no free port found on {host}")


def free_ports(count: int, host: str = "127.0.0.1", *, udp: bool = False) -> list[int]:
    """`count` distinct free ports (see `free_port`)."""
    return [free_port(host, udp=udp) for _ in range(count)]


def find_tool(name: str) -> str | None:
    """Path of executable `name`: `<repo>/.tools/bin/<name>` first, then PATH; else None."""
    local = TOOLS_BIN / name
    if local.is_file() and os.access(local, os.X_OK):
        return str(local)
    return shutil.which(name)


def _missing(reason: str) -> NoReturn:
    if in_ci():
        pytest.fail(f"{reason} (CI is set: scripts/setup.sh must install it)", pytrace=False)
    pytest.skip(reason)


def require_tool(name: str) -> str:
    """Path of tool `name`, or skip the calling test (fail it in CI) when it is missing."""
    path = find_tool(name)
    if path is None:
        _missing(f"{name} not found in {TOOLS_BIN} or on PATH; run `make setup`")
    return path
