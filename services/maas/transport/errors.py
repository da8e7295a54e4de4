"""The one table from domain errors to gRPC status codes, applied by one interceptor.

Servicers raise domain errors and never pick status codes themselves. Anything else that
escapes a handler is a bug: it is logged with its traceback and the caller gets INTERNAL
with a generic message.

The same interceptor parses requests: grpc would otherwise run the deserializer before
any handler code, and answer undecodable bytes with UNKNOWN (unary) or fail a stream
with an exception no handler can catch. Handlers are registered with an identity
deserializer instead, and the request bytes are parsed inside the wrapped behaviour,
where a failure is the client's InvalidInput like any other (one bad message of a
request stream raises from that stream's iterator, which may go on being read).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from typing import Any, Final

import grpc
from grpc import aio

from maas import errors
from maas.transport.handlers import Handler, Streaming, Unary, WrappingInterceptor, rewrap

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


# What turns the request argument grpc passes (bytes, or an iterator of bytes) into what
# the behaviour expects; None when the method takes bytes anyway (the gateway's).
Parse = Callable[[Any], Any] | None


def _wrap_unary(behavior: Unary, method: str, parse: Parse) -> Unary:
    async def handler(request: Any, context: aio.ServicerContext[Any, Any]) -> Any:
        try:
            if parse is not None:
                request = parse(request)
            return await behavior(request, context)
        except aio.AbortError:
            raise
        except Exception as exc:
            await _abort(context, exc, method)

    return handler


def _wrap_streaming(behavior: Streaming, method: str, parse: Parse) -> Streaming:
    async def handler(request: Any, context: aio.ServicerContext[Any, Any]) -> AsyncIterator[Any]:
        try:
            if parse is not None:
                request = parse(request)
            async for response in behavior(request, context):
                yield response
        except aio.AbortError:
            raise
        except Exception as exc:
            await _abort(context, exc, method)

    return handler


class Undecodable(errors.InvalidInput):
    """Request bytes that are not a valid message; `data` keeps them, so that a stream
    can still correlate its answer from whatever fields are readable."""

    def __init__(self, message: str, data: bytes) -> None:
        super().__init__(message)
        self.data = data


def parse_message(data: bytes, deserialize: Callable[[bytes], Any], method: str) -> Any:
    """`deserialize(data)`, or Undecodable when the bytes are not a valid message."""
    try:
        return deserialize(data)
    except Exception:
        # Whatever a deserializer raises on client bytes (DecodeError, a nesting limit,
        # invalid UTF-8) is a fault of those bytes, not of the server.
        raise Undecodable(
            f"could not parse the request of {method}: not a valid protobuf message "
            f"({len(data)} bytes)",
            data,
        ) from None


class ParsedRequests:
    """A request stream's messages, parsed one by one as the behaviour reads them.

    An undecodable message raises Undecodable from `__anext__`, and the stream can be
    read on past it: a servicer may answer that message in-band and carry on.
    """

    __slots__ = ("_deserialize", "_method", "_raw")

    def __init__(
        self, raw: AsyncIterator[bytes], deserialize: Callable[[bytes], Any], method: str
    ) -> None:
        self._raw = raw
        self._deserialize = deserialize
        self._method = method

    def __aiter__(self) -> ParsedRequests:
        return self

    async def __anext__(self) -> Any:
        return parse_message(await self._raw.__anext__(), self._deserialize, self._method)


def _parser(handler: Handler, method: str) -> Parse:
    deserialize = handler.request_deserializer
    if deserialize is None:
        return None
    if handler.request_streaming:
        return lambda raw: ParsedRequests(raw, deserialize, method)
    return lambda data: parse_message(data, deserialize, method)


class ErrorMappingInterceptor(WrappingInterceptor):
    """Parses requests and maps domain errors to status codes, for every unary and
    streaming handler."""

    def wrap(self, handler: Handler, method: str) -> Handler:
        parse = _parser(handler, method)
        return rewrap(
            handler,
            lambda behavior: _wrap_unary(behavior, method, parse),
            lambda behavior: _wrap_streaming(behavior, method, parse),
            raw_requests=True,
        )
