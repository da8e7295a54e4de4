"""Registry transfer benchmark: a 1 GiB ONNX artifact up and down, against raw gRPC.

The registry runs as its own process (`python -m maas.registry`), so its memory is
read from /proc without the client's. Side by side, in the same run and with the same
bytes and chunk sizes:
(a) a raw gRPC client stream into a server that only counts the bytes, and a raw
    server stream out of one that sends a buffer it holds: the transport's floor;
(b) the registry: hashing, staging to disk, fsync, ONNX validation (in a child
    process), commit; then the download, verified against the sha256 by the client.

For each transfer, the server's peak RSS growth (VmHWM after `clear_refs` reset it,
minus VmRSS before). Run with `.venv/bin/python bench/registry_upload.py`; the table is
printed and written to bench/results/registry_upload.md.
"""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import grpc
import numpy as np
import onnx
from grpc import aio
from onnx import TensorProto, helper

from maas.transport.server import MAX_MESSAGE_BYTES, channel_options
from maas_client.registry import CHUNK_BYTES, RegistryClient

ROOT: Final = Path(__file__).resolve().parent.parent
RESULTS: Final = ROOT / "bench" / "results"
FLOATS: Final = 1 << 28  # 1 GiB of float32
DOWNLOAD_CHUNK: Final = 1 << 20  # the registry's default download chunk
MIB: Final = 1 << 20
UPLOAD: Final = "/bench.Sink/Upload"
DOWNLOAD: Final = "/bench.Sink/Download"


def _write_model(path: Path) -> None:
    """y = x + w with w a 1 GiB initializer: a valid model that is almost all weights."""
    weights = np.arange(FLOATS, dtype=np.float32)
    tensor = TensorProto(name="w", dims=[FLOATS], data_type=TensorProto.FLOAT)
    tensor.raw_data = weights.tobytes()
    del weights
    graph = helper.make_graph(
        [helper.make_node("Add", ["x", "w"], ["y"])],
        "big",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [FLOATS])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [FLOATS])],
        [tensor],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=9)
    path.write_bytes(model.SerializeToString())


def _small_model(path: Path) -> None:
    graph = helper.make_graph(
        [helper.make_node("Relu", ["x"], ["y"])],
        "small",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [4])],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=9)
    onnx.save(model, str(path))


class Process:
    """A server subprocess that prints its port on its first line."""

    def __init__(self, *args: str) -> None:
        self.popen = subprocess.Popen(
            [sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        assert self.popen.stdout is not None
        line = self.popen.stdout.readline().decode()
        found = re.search(r":(\d+)\s*$", line)
        if not found:
            raise RuntimeError(f"server did not start: {line!r}")
        self.address = f"127.0.0.1:{found.group(1)}"

    def _status(self, field: str) -> int:
        text = Path(f"/proc/{self.popen.pid}/status").read_text()
        found = re.search(rf"^{field}:\s+(\d+) kB", text, re.M)
        assert found, field
        return int(found.group(1)) * 1024

    def measure(self, what: str, size: int, work: Callable[[], object]) -> Row:
        """Run `work`: its time, and the server's peak RSS during it above its RSS before."""
        Path(f"/proc/{self.popen.pid}/clear_refs").write_text("5")  # resets VmHWM
        before = self._status("VmRSS")
        started = time.perf_counter()
        work()
        seconds = time.perf_counter() - started
        return Row(what, size, seconds, self._status("VmHWM") - before)

    def stop(self) -> None:
        self.popen.terminate()
        self.popen.wait(timeout=60)


@dataclass(frozen=True)
class Row:
    what: str
    size: int
    seconds: float
    rss_growth: int

    def markdown(self) -> str:
        rate = self.size / MIB / self.seconds
        return (
            f"| {self.what} | {self.size / MIB:,.0f} | {self.seconds:.2f} | {rate:,.0f} | "
            f"{self.rss_growth / MIB:.1f} |"
        )


def _chunks(path: Path, size: int) -> Iterator[bytes]:
    with path.open("rb") as f:
        while chunk := f.read(size):
            yield chunk


def drain(client: RegistryClient, size: int) -> None:
    """Receive the artifact and drop it: the registry's side of a download alone."""
    _, chunks = client.open_download("big", 1)
    assert sum(len(chunk) for chunk in chunks) == size


def raw_upload(address: str, path: Path) -> None:
    with grpc.insecure_channel(address, options=channel_options()) as channel:
        upload: grpc.StreamUnaryMultiCallable[bytes, bytes] = channel.stream_unary(UPLOAD)
        received = int(upload(_chunks(path, CHUNK_BYTES)))
        assert received == path.stat().st_size


def raw_download(address: str, size: int) -> None:
    with grpc.insecure_channel(address, options=channel_options()) as channel:
        download: grpc.UnaryStreamMultiCallable[bytes, bytes] = channel.unary_stream(DOWNLOAD)
        got = sum(len(chunk) for chunk in download(str(size).encode()))
        assert got == size


def main() -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="maas-bench-") as tmp:
        work = Path(tmp)
        artifact, small = work / "big.onnx", work / "small.onnx"
        print("writing a 1 GiB ONNX model...", flush=True)
        _write_model(artifact)
        _small_model(small)
        size = artifact.stat().st_size

        sink = Process(__file__, "--sink")
        try:
            raw_upload(sink.address, small)  # connection and first-call costs out of the way
            rows.append(
                sink.measure(
                    f"raw gRPC client stream ({CHUNK_BYTES // MIB} MiB chunks)",
                    size,
                    lambda: raw_upload(sink.address, artifact),
                )
            )
            rows.append(
                sink.measure(
                    f"raw gRPC server stream ({DOWNLOAD_CHUNK // MIB} MiB chunks)",
                    size,
                    lambda: raw_download(sink.address, size),
                )
            )
        finally:
            sink.stop()

        registry = Process("-m", "maas.registry", "--port", "0", "--data-dir", str(work / "r"))
        try:
            with RegistryClient(registry.address, timeout_s=600) as client:
                client.create_model("big")
                client.create_model("warmup")
                # Warm up: the forkserver for validation, the first download.
                client.upload("warmup", small)
                client.download("warmup", 1, work / "warm.onnx")

                marks: dict[str, float] = {}

                def progress(done: int, total: int) -> None:
                    marks.setdefault("first", time.perf_counter())
                    if done == total:
                        marks["sent"] = time.perf_counter()

                def upload() -> None:
                    marks["start"] = time.perf_counter()
                    client.upload("big", artifact, progress=progress)
                    marks["done"] = time.perf_counter()

                whole = registry.measure("", size, upload)
                # The client hashes the whole file before it sends the first chunk: that
                # pass is the client's time, not the registry's.
                hashing = marks["first"] - marks["start"]
                rows.append(
                    Row(
                        "registry upload: stream, hash, stage",
                        size,
                        marks["sent"] - marks["first"],
                        whole.rss_growth,
                    )
                )
                rows.append(
                    Row(
                        "registry upload, with ONNX validation and commit",
                        size,
                        marks["done"] - marks["first"],
                        whole.rss_growth,
                    )
                )
                rows.append(
                    registry.measure(
                        "registry download, bytes only", size, lambda: drain(client, size)
                    )
                )
                dest = work / "down.onnx"
                rows.append(
                    registry.measure(
                        "registry download, verified by the client",
                        size,
                        lambda: client.download("big", 1, dest),
                    )
                )
                assert dest.stat().st_size == size
        finally:
            registry.stop()

    table = "\n".join(
        [
            "| transfer | MiB | s | MiB/s | server peak RSS growth (MiB) |",
            "| --- | ---: | ---: | ---: | ---: |",
            *(row.markdown() for row in rows),
            "",
            f"The client's own sha256 pass over the file before an upload took {hashing:.2f} s "
            "and is not counted above.",
        ]
    )
    print(table)
    (RESULTS / "registry_upload.md").write_text(table + "\n")


async def _count(
    requests: AsyncIterator[bytes], context: aio.ServicerContext[bytes, bytes]
) -> bytes:
    received = 0
    async for chunk in requests:
        received += len(chunk)
    return str(received).encode()


async def _send(request: bytes, context: aio.ServicerContext[bytes, bytes]) -> AsyncIterator[bytes]:
    size = int(request)
    block = bytes(DOWNLOAD_CHUNK)
    for offset in range(0, size, DOWNLOAD_CHUNK):
        yield block[: min(DOWNLOAD_CHUNK, size - offset)]


async def _sink() -> None:
    server = aio.server(
        options=[
            ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
            ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
        ]
    )
    server.add_generic_rpc_handlers(
        (
            grpc.method_handlers_generic_handler(
                "bench.Sink",
                {
                    "Upload": grpc.stream_unary_rpc_method_handler(_count),
                    "Download": grpc.unary_stream_rpc_method_handler(_send),
                },
            ),
        )
    )
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    print(f"sink serving on 127.0.0.1:{port}", flush=True)
    await server.wait_for_termination()


if __name__ == "__main__":
    if sys.argv[1:] == ["--sink"]:
        asyncio.run(_sink())
    else:
        main()
