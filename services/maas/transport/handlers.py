"""Server interceptors that wrap each method's behaviour: the shared mechanics.

An interceptor here rebuilds a method's handler once, with the same serializers and
kind, around a wrapped behaviour, and reuses it for every later call of that method:
interceptors sit on the inference hot path.
"""

from __future__ import annotations

import inspect
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeAlias

import grpc
from grpc import aio

Handler: TypeAlias = "grpc.RpcMethodHandler[Any, Any]"
# On an aio server, behaviours are coroutine or async-generator functions, though grpc's
# type stubs describe the synchronous server's.
Unary = Callable[[Any, aio.ServicerContext[Any, Any]], Awaitable[Any]]
Streaming = Callable[[Any, aio.ServicerContext[Any, Any]], AsyncIterator[Any]]


def rewrap(
    handler: Handler,
    unary: Callable[[Unary], Unary],
    streaming: Callable[[Streaming], Streaming],
    *,
    raw_requests: bool = False,
) -> Handler:
    """`handler` with its behaviour wrapped by `streaming` when it yields responses, else by
    `unary` (a streaming handler may also write through the context, as grpc's own health
    Watch does, and is then a plain coroutine). With `raw_requests`, grpc hands the wrapped
    behaviour the request bytes, undecoded, for it to parse."""
    behavior: Any = (
        handler.unary_unary or handler.stream_unary or handler.unary_stream or handler.stream_stream
    )
    wrapped: Any = streaming(behavior) if inspect.isasyncgenfunction(behavior) else unary(behavior)
    serializers: dict[str, Any] = {
        "request_deserializer": None if raw_requests else handler.request_deserializer,
        "response_serializer": handler.response_serializer,
    }
    if handler.unary_unary:
        return grpc.unary_unary_rpc_method_handler(wrapped, **serializers)
    if handler.stream_unary:
        return grpc.stream_unary_rpc_method_handler(wrapped, **serializers)
    if handler.unary_stream:
        return grpc.unary_stream_rpc_method_handler(wrapped, **serializers)
    return grpc.stream_stream_rpc_method_handler(wrapped, **serializers)


class WrappingInterceptor(aio.ServerInterceptor, ABC):
    """Wraps each method's handler once (see `wrap`) and reuses it on every call."""

    def __init__(self) -> None:
        self._cache: dict[str, Handler | None] = {}

    async def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[Handler | None]],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> Handler | None:
        method = handler_call_details.method
        if method in self._cache:
            return self._cache[method]
        handler = await continuation(handler_call_details)
        wrapped = None if handler is None else self.wrap(handler, method)
        self._cache[method] = wrapped
        return wrapped

    @abstractmethod
    def wrap(self, handler: Handler, method: str) -> Handler:
        """The handler to serve `method` with from now on."""
