"""The one table from domain errors to gRPC status codes, applied by one interceptor.

Servicers raise domain errors and never pick status codes themselves. Anything else that
escapes a handler is a bug: it is logged with its traceback and the caller gets INTERNAL
with a generic message.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, Final, TypeAlias

import grpc
from grpc import aio

from maas import errors

log = logging.getLogger(__name__)

STATUS: Final[dict[type[errors.MaasError], grpc.StatusCode]] = {
    errors.NotFound: grpc.StatusCode.NOT_FOUND,
    errors.InvalidInput: grpc.StatusCode.INVALID_ARGUMENT,
    errors.AlreadyExists: grpc.StatusCode.ALREADY_EXISTS,
    errors.FailedPrecondition: grpc.StatusCode.FAILED_PRECONDITION,
    errors.Overloaded: grpc.StatusCode.RESOURCE_EXHAUSTED,
    errors.Unavailable: grpc.StatusCode.UNAVAILABLE,
    errors.Unsupported: grpc.StatusCode.UNIMPLEMENTED,
    errors.Cancelled: grpc.StatusCode.CANCELLED,
}

INTERNAL_MESSAGE: Final = "internal error; see the server log"

Handler: TypeAlias = "grpc.RpcMethodHandler[Any, Any]"
# On an aio server, handler behaviours are coroutine or async-generator functions, though
# grpc's type stubs describe the synchronous server's.
_Unary = Callable[[Any, aio.ServicerContext[Any, Any]], Awaitable[Any]]
_Streaming = Callable[[Any, aio.ServicerContext[Any, Any]], AsyncIterator[Any]]


def status_of(exc: BaseException) -> tuple[grpc.StatusCode, str]:
    """The status code and message a caller sees for `exc`."""
    for kind in type(exc).__mro__:
        code = STATUS.get(kind)
        if code is not None:
            return code, str(exc)
    return grpc.StatusCode.INTERNAL, INTERNAL_MESSAGE


def message_of(exc: BaseException, method: str) -> str:
    """The text for an error reported inside a response (stream `error_message`)."""
    code, message = status_of(exc)
    if code is grpc.StatusCode.INTERNAL:
        log.exception("unexpected error in %s", method, exc_info=exc)
    return message


async def _abort(context: aio.ServicerContext[Any, Any], exc: Exception, method: str) -> None:
    code, message = status_of(exc)
    if code is grpc.StatusCode.INTERNAL:
        log.exception("unexpected error in %s", method, exc_info=exc)
    await context.abort(code, message)


def _wrap_unary(behavior: _Unary, method: str) -> _Unary:
    async def handler(request: Any, context: aio.ServicerContext[Any, Any]) -> Any:
        try:
            return await behavior(request, context)
        except aio.AbortError:
            raise
        except Exception as exc:
            await _abort(context, exc, method)

    return handler


def _wrap_streaming(behavior: _Streaming, method: str) -> _Streaming:
    async def handler(request: Any, context: aio.ServicerContext[Any, Any]) -> AsyncIterator[Any]:
        try:
            async for response in behavior(request, context):
                yield response
        except aio.AbortError:
            raise
        except Exception as exc:
            await _abort(context, exc, method)

    return handler


class ErrorMappingInterceptor(aio.ServerInterceptor):
    """Maps domain errors to status codes for every unary and streaming handler."""

    def __init__(self) -> None:
        # Handlers are wrapped once per method, not on every call: this sits on the
        # inference hot path.
        self._cache: dict[str, Handler] = {}

    async def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[Handler | None]],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> Handler | None:
        method = handler_call_details.method
        cached = self._cache.get(method)
        if cached is not None:
            return cached
        handler = await continuation(handler_call_details)
        if handler is None:
            return None
        wrapped = _wrap(handler, method)
        self._cache[method] = wrapped
        return wrapped


def _wrap(handler: Handler, method: str) -> Handler:
    serializers: dict[str, Any] = {
        "request_deserializer": handler.request_deserializer,
        "response_serializer": handler.response_serializer,
    }
    behavior: Any = (
        handler.unary_unary or handler.stream_unary or handler.unary_stream or handler.stream_stream
    )
    # A streaming handler either yields responses or writes them through the context
    # (grpc's own health Watch does) and is then a plain coroutine.
    wrapped: Any = (
        _wrap_streaming(behavior, method)
        if inspect.isasyncgenfunction(behavior)
        else _wrap_unary(behavior, method)
    )
    if handler.unary_unary:
        return grpc.unary_unary_rpc_method_handler(wrapped, **serializers)
    if handler.stream_unary:
        return grpc.stream_unary_rpc_method_handler(wrapped, **serializers)
    if handler.unary_stream:
        return grpc.unary_stream_rpc_method_handler(wrapped, **serializers)
    return grpc.stream_stream_rpc_method_handler(wrapped, **serializers)
