"""Running artifact work (validation, derivation) in a child process per artifact.

Loading an untrusted model into ONNX Runtime, or converting one, takes memory in
proportion to the model and can crash or hang on a malformed file. In a child process
none of that touches the registry: its memory stays bounded, a crash is a refused
artifact rather than a dead server, a timeout or a cancelled request kills the child,
and whatever the work allocated is returned to the system when the child exits.

Children are forked from a forkserver that has imported ONNX, ONNX Runtime and the
registry's modules once, so each starts in milliseconds instead of the second those
imports take. As with any multiprocessing program, a script hosting the registry
guards its entry point with `if __name__ == "__main__":`, since children re-import
the main module.
"""

from __future__ import annotations

import asyncio
import importlib
import multiprocessing
import signal
import traceback
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Final, TypeVar

from maas.errors import InvalidInput, MaasError
from maas.registry.domain import ArtifactFormat, DeriveOutcome, DeriveTask, Signature

R = TypeVar("R")

_CONTEXT: Final = multiprocessing.get_context("forkserver")
# Takes effect when the forkserver starts, at the first child of this process. Besides
# what the children run, the modules a host's main module imports: each child imports
# the main module again (unless run with -m), which is instant only if they are loaded.
_CONTEXT.set_forkserver_preload(
    ["maas.registry.validation", "maas.registry.derive", "maas.registry.app", "maas.cli"]
)

_OK: Final = "ok"
_REFUSED: Final = "refused"
_FAILED: Final = "failed"


class ChildError(RuntimeError):
    """A child failed in a way that says nothing about the input: a bug."""


def _entry(conn: Connection, target: str, args: tuple[Any, ...]) -> None:
    try:
        module, _, name = target.partition(":")
        work = getattr(importlib.import_module(module), name)
        conn.send((_OK, work(*args)))
    except MaasError as exc:
        conn.send((_REFUSED, str(exc)))
    except Exception:
        conn.send((_FAILED, traceback.format_exc()))
    finally:
        conn.close()


async def run_child(target: str, *args: Any, result: type[R], timeout_s: float, what: str) -> R:
    """Call `target` ("module:function") with `args` in a fresh child process.

    Named rather than passed, so that the registry never imports what the children
    run. The call must return a `result`.

    Raises `InvalidInput` when the work refuses its input, when the child dies on a
    signal or runs past `timeout_s` (the artifact's doing, all three), and
    `ChildError` for anything else.
    """
    receiver, sender = _CONTEXT.Pipe(duplex=False)
    # Daemonic: children still running when the registry exits are killed with it.
    process = _CONTEXT.Process(target=_entry, args=(sender, target, args), daemon=True)
    try:
        await asyncio.to_thread(process.start)
        # Only the child holds the sending end now, so its death reads as end of file.
        sender.close()
        try:
            reply = await asyncio.wait_for(_receive(receiver), timeout_s)
        except TimeoutError:
            raise InvalidInput(f"{what} did not finish within {timeout_s:g} s") from None
    finally:
        if process.is_alive():
            process.kill()
        if process.pid is not None:
            await asyncio.to_thread(process.join)
        sender.close()
        receiver.close()
    if reply is None:
        code = process.exitcode or 0
        if code < 0:
            raise InvalidInput(f"{what} crashed on the artifact ({signal.Signals(-code).name})")
        raise ChildError(f"{what} exited with status {code} without an answer")
    status, payload = reply
    if status == _OK and isinstance(payload, result):
        return payload
    if status == _REFUSED:
        raise InvalidInput(payload)
    raise ChildError(f"{what} failed:\n{payload}")


async def _receive(conn: Connection) -> tuple[str, Any] | None:
    """The child's one message, or None when it died first."""
    loop = asyncio.get_running_loop()
    readable: asyncio.Future[None] = loop.create_future()

    def wake() -> None:
        if not readable.done():
            readable.set_result(None)

    loop.add_reader(conn.fileno(), wake)
    try:
        await readable
    finally:
        loop.remove_reader(conn.fileno())
    try:
        reply: tuple[str, Any] = conn.recv()
    except EOFError:
        return None
    return reply


class SubprocessValidator:
    """`Validator` checking each artifact in a child process."""

    def __init__(self, timeout_s: float) -> None:
        self._timeout_s = timeout_s

    async def validate(self, path: Path, fmt: ArtifactFormat) -> Signature:
        # ONNX is the only format so far; TensorRT engines will bring their own check.
        return await run_child(
            "maas.registry.validation:validate_onnx",
            path,
            result=Signature,
            timeout_s=self._timeout_s,
            what="validating the ONNX model",
        )


class SubprocessDeriver:
    """`Deriver` running each derivation in a child process."""

    def __init__(self, timeout_s: float) -> None:
        self._timeout_s = timeout_s

    async def derive(self, task: DeriveTask) -> DeriveOutcome:
        return await run_child(
            "maas.registry.derive:derive",
            task,
            result=DeriveOutcome,
            timeout_s=self._timeout_s,
            what=f"the {task.transform.value} derivation",
        )
