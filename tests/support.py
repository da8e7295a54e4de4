"""Helpers shared by every test tier."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager, contextmanager
from typing import TypeVar

T = TypeVar("T")


@contextmanager
def serve_in_thread(
    factory: Callable[[], AbstractAsyncContextManager[T]],
) -> Iterator[T]:
    """Run an async server context on its own event loop in a background thread.

    Blocking clients (tritonclient's sync API, subprocess tools) can then call it from
    the test thread; the context exits (graceful shutdown included) when the block ends.
    """
    started: threading.Event = threading.Event()
    stop: asyncio.Event | None = None
    loop: asyncio.AbstractEventLoop | None = None
    handle: list[T] = []
    failure: list[BaseException] = []

    async def main() -> None:
        nonlocal stop, loop
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        try:
            async with factory() as value:
                handle.append(value)
                started.set()
                await stop.wait()
        except BaseException as exc:
            failure.append(exc)
            started.set()

    thread = threading.Thread(target=asyncio.run, args=(main(),), daemon=True)
    thread.start()
    started.wait(timeout=120)
    if failure:
        raise failure[0]
    if not handle:
        raise TimeoutError("server did not start")
    try:
        yield handle[0]
    finally:
        assert loop is not None
        assert stop is not None
        loop.call_soon_threadsafe(stop.set)
        thread.join(timeout=60)
        if failure:
            raise failure[0]


async def first(iterator: AsyncIterator[T]) -> T:
    """The first item of an async iterator."""
    async for item in iterator:
        return item
    raise AssertionError("iterator was empty")
