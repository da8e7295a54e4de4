"""The channel lifecycle every SDK client shares: open, close, use as a context manager."""

from __future__ import annotations

from collections.abc import Sequence
from types import TracebackType
from typing import Self

import grpc
from grpc import aio

from maas.transport.server import channel_options


class ChannelClient:
    """A blocking client's channel to `target`, with the servers' message size limit."""

    def __init__(self, target: str) -> None:
        self._channel = grpc.insecure_channel(target, options=channel_options())

    def close(self) -> None:
        self._channel.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncChannelClient:
    """An asyncio client's channel to `target`, with the servers' message size limit."""

    def __init__(self, target: str, interceptors: Sequence[aio.ClientInterceptor] = ()) -> None:
        self._channel = aio.insecure_channel(
            target, options=channel_options(), interceptors=interceptors
        )

    async def close(self) -> None:
        await self._channel.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
