"""`python -m maas.scheduler`: one scheduler process, configured by MAAS_SCHEDULER_*,
MAAS_CONSUL_* and MAAS_TELEMETRY_* variables and these flags.

    MAAS_CONSUL_ADDRESS=127.0.0.1:8500 python -m maas.scheduler --port 50051

Prints one line, ``scheduler serving on HOST:PORT``, once it serves.
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
from typing import Any

from maas.discovery import DiscoverySettings
from maas.scheduler.app import SchedulerHandle
from maas.scheduler.serve import serve_scheduler
from maas.scheduler.settings import SchedulerSettings
from maas.telemetry import TelemetrySettings


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m maas.scheduler", description=__doc__)
    parser.add_argument("--host", help="bind address [127.0.0.1]")
    parser.add_argument("--port", type=int, help="gRPC port; 0 picks one [50051]")
    parser.add_argument("--state-path", type=Path, help="SQLite desired state [Consul KV]")
    parser.add_argument("--registry", help="registry host:port [found through discovery]")
    parser.add_argument("--instance-id", help="id in discovery and leader election")
    parser.add_argument("--log-level", help="[MAAS_TELEMETRY_LOG_LEVEL or INFO]")
    args = parser.parse_args()
    given: dict[str, Any] = {
        key: value
        for key, value in {
            "host": args.host,
            "port": args.port,
            "state_path": args.state_path,
            "registry_address": args.registry,
            "instance_id": args.instance_id,
        }.items()
        if value is not None
    }
    settings = SchedulerSettings(**given)
    observe = TelemetrySettings(**({"log_level": args.log_level} if args.log_level else {}))

    def ready(handle: SchedulerHandle) -> None:
        print(f"scheduler serving on {settings.host}:{handle.port}", flush=True)

    asyncio.run(serve_scheduler(settings, DiscoverySettings(), observe, ready))


if __name__ == "__main__":
    main()
