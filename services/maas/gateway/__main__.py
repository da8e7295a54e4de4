"""Run a gateway over a static table of workers, without a scheduler.

    python -m maas.gateway --port 8000 127.0.0.1:8001 127.0.0.1:8002

Each worker becomes one replica of the models it reports ready at start; the table never
changes afterwards. For benchmarks and trying the gateway out; the scheduler runs the
gateway with live placement.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal

from maas.gateway.app import run_gateway, table_from_workers
from maas.telemetry import TelemetrySettings, telemetry


async def _serve(workers: list[str], host: str, port: int, observe: TelemetrySettings) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    table = await table_from_workers(workers)
    async with (
        telemetry(observe, "maas-gateway"),
        run_gateway(table, host=host, port=port) as handle,
    ):
        logging.getLogger(__name__).info("gateway on %s:%d", host, handle.port)
        await stop.wait()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m maas.gateway", description=__doc__)
    parser.add_argument("workers", nargs="+", metavar="HOST:PORT", help="worker addresses")
    parser.add_argument("--host", default="127.0.0.1", help="bind address [127.0.0.1]")
    parser.add_argument("--port", type=int, default=8000, help="gRPC port; 0 picks one [8000]")
    parser.add_argument("--log-level", help="[MAAS_TELEMETRY_LOG_LEVEL or INFO]")
    args = parser.parse_args()
    given = {"log_level": args.log_level} if args.log_level else {}
    asyncio.run(_serve(args.workers, args.host, args.port, TelemetrySettings(**given)))


if __name__ == "__main__":
    main()
