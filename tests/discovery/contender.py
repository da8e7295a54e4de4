"""A leadership contender in a process of its own, built like a scheduler would be.

    python -m tests.discovery.contender KEY INSTANCE_ID

Reads `MAAS_CONSUL_*` from the environment, serves grpc.health.v1 on a free port,
registers itself, campaigns for KEY and prints one line per event: ``follower`` and
``leader`` as its leadership changes, ``resigning`` when SIGTERM starts a graceful exit
(the key is released after that line), ``stopped`` at the end.
"""

from __future__ import annotations

import asyncio
import signal
import sys

from maas.discovery import DiscoverySettings, ServiceInstance, open_discovery, registration
from maas.discovery.base import SCHEDULER_SERVICE
from maas.transport.server import start_server


def say(line: str) -> None:
    print(line, flush=True)


async def contend(key: str, instance_id: str) -> None:
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    server = await start_server([])
    try:
        await server.set_serving(True)
        instance = ServiceInstance(instance_id, SCHEDULER_SERVICE, "127.0.0.1", server.port)
        async with (
            open_discovery(DiscoverySettings()) as coordination,
            registration(coordination.discovery, instance),
            coordination.election.leadership(key, instance_id) as lead,
        ):
            say("follower")
            stopping = asyncio.create_task(stop.wait())
            while not stop.is_set():
                change = asyncio.create_task(lead.wait_change())
                await asyncio.wait({change, stopping}, return_when=asyncio.FIRST_COMPLETED)
                if change.done():
                    say("leader" if change.result() else "follower")
                else:
                    change.cancel()
            say("resigning")
    finally:
        await server.stop(0)
    say("stopped")


if __name__ == "__main__":
    asyncio.run(contend(sys.argv[1], sys.argv[2]))
