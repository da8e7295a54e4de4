"""Waking streams when something they follow has changed.

Watchers re-read what changed from the store rather than receiving it here: nothing
is queued per watcher, so a slow or stalled stream costs no memory, and a watcher
that joins late reads the same history as one that was there all along.
"""

from __future__ import annotations

import asyncio


class Changes:
    def __init__(self) -> None:
        self._generation = 0
        self._event = asyncio.Event()
        self._closed = False

    @property
    def generation(self) -> int:
        """Take it before reading the store, then `wait` on it."""
        return self._generation

    def notify(self) -> None:
        self._generation += 1
        event, self._event = self._event, asyncio.Event()
        event.set()

    async def wait(self, generation: int) -> bool:
        """Wait for a change after `generation`; False once closed."""
        while self._generation == generation and not self._closed:
            await self._event.wait()
        return not self._closed

    def close(self) -> None:
        """Release every waiter for good: the process is shutting down."""
        self._closed = True
        self._event.set()
