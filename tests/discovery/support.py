"""Following a watch from a test: items arrive in the background, tests await them."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Generic, TypeVar

T = TypeVar("T")


class Stream(Generic[T]):
    """Drains an async iterator into a queue; `items` keeps everything it yielded."""

    def __init__(self, source: AsyncIterator[T]) -> None:
        self.items: list[T] = []
        self._queue: asyncio.Queue[T] = asyncio.Queue()
        self._task = asyncio.create_task(self._pump(source))

    async def _pump(self, source: AsyncIterator[T]) -> None:
        async for item in source:
            self.items.append(item)
            self._queue.put_nowait(item)

    async def next(self, timeout_s: float = 10.0) -> T:
        """The next item, failing the test if none comes within `timeout_s`."""
        try:
            return await asyncio.wait_for(self._queue.get(), timeout_s)
        except TimeoutError:
            raise AssertionError(f"nothing yielded within {timeout_s}s") from None

    async def until(self, predicate: Callable[[T], bool], timeout_s: float = 10.0) -> T:
        """The first item (queued or new) satisfying `predicate`."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout_s
        while True:
            item = await self.next(max(0.0, deadline - loop.time()))
            if predicate(item):
                return item

    async def assert_quiet(self, seconds: float) -> None:
        """Fail if anything is (or was, unread) yielded within `seconds`."""
        try:
            item = await asyncio.wait_for(self._queue.get(), seconds)
        except TimeoutError:
            return
        raise AssertionError(f"yielded without a change: {item!r}")

    async def close(self) -> None:
        self._task.cancel()
        await asyncio.wait({self._task})


@asynccontextmanager
async def streaming(source: AsyncIterator[T]) -> AsyncIterator[Stream[T]]:
    stream = Stream(source)
    try:
        yield stream
    finally:
        await stream.close()
