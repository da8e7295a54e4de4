"""Replicas that stop or leave the table cost callers nothing."""

from __future__ import annotations

import asyncio
import threading
import time
from contextlib import ExitStack

import tritonclient.grpc as grpcclient
from tritonclient.utils import InferenceServerException

from maas.gateway.app import run_gateway, table_from_workers
from maas.gateway.routing import RoutingTable
from maas.worker.app import run_worker
from maas.worker.settings import WorkerSettings
from tests.gateway.conftest import add_sub_inputs, address_of, inference_count
from tests.support import serve_in_thread

CLIENTS = 8


def test_no_request_fails_while_one_of_two_replicas_stops_under_load(
    worker_settings: WorkerSettings,
) -> None:
    with ExitStack() as stack:
        survivor = stack.enter_context(serve_in_thread(lambda: run_worker(worker_settings)))
        dying = ExitStack()
        leaver = dying.enter_context(serve_in_thread(lambda: run_worker(worker_settings)))
        addresses = [address_of(survivor.port), address_of(leaver.port)]
        table = asyncio.run(table_from_workers(addresses))
        gateway = stack.enter_context(serve_in_thread(lambda: run_gateway(table)))

        stop = threading.Event()
        done: list[int] = []
        failures: list[str] = []

        def load() -> None:
            sent = 0
            with grpcclient.InferenceServerClient(address_of(gateway.port)) as client:
                while not stop.is_set():
                    try:
                        result = client.infer("add_sub", add_sub_inputs(sent % 100))
                        assert int(result.as_numpy("OUTPUT0")[0, 0]) == 2 * (sent % 100)
                    except InferenceServerException as exc:
                        failures.append(f"{exc.status()}: {exc.message()}")
                    sent += 1
            done.append(sent)

        threads = [threading.Thread(target=load) for _ in range(CLIENTS)]
        for thread in threads:
            thread.start()
        time.sleep(0.5)
        served_by_leaver = inference_count(addresses[1], "add_sub")
        # The worker drains (answering UNAVAILABLE) and then goes away while the
        # clients keep sending; it stays in the table all along.
        dying.close()
        time.sleep(1.0)
        stop.set()
        for thread in threads:
            thread.join(30)

    assert served_by_leaver > 0, "the stopped replica had taken no traffic"
    assert failures == []
    assert sum(done) > 8 * CLIENTS


def test_a_replica_removed_from_the_table_gets_no_more_traffic(
    worker_settings: WorkerSettings,
) -> None:
    with (
        serve_in_thread(lambda: run_worker(worker_settings)) as kept,
        serve_in_thread(lambda: run_worker(worker_settings)) as removed,
    ):
        addresses = [address_of(kept.port), address_of(removed.port)]
        table = asyncio.run(table_from_workers(addresses))
        with (
            serve_in_thread(lambda: run_gateway(table)) as gateway,
            grpcclient.InferenceServerClient(address_of(gateway.port)) as client,
        ):
            for _ in range(10):
                client.infer("add_sub", add_sub_inputs())
            assert inference_count(addresses[1], "add_sub") > 0
            gateway.table = RoutingTable(table.replicas[:1])
            before = [inference_count(a, "add_sub") for a in addresses]
            for _ in range(10):
                client.infer("add_sub", add_sub_inputs())
            after = [inference_count(a, "add_sub") for a in addresses]
            assert (after[0] - before[0], after[1] - before[1]) == (10, 0)
