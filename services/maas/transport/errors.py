"""The one table from domain errors to gRPC status codes, applied by one interceptor.

Servicers raise domain errors and never pick status codes themselves. Anything else that
escapes a handler is a bug: it is logged with its traceback and the caller gets INTERNAL
with a generic message.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
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


def _wrap_unary(behavior: Unary, method: str) -> Unary:
    async def handler(request: Any, context: aio.ServicerContext[Any, Any]) -> Any:
        try:
            return await behavior(request, context)
        except aio.AbortError:
            raise
        except Exception as exc:
            await _abort(context, exc, method)

    return handler


def _wrap_streaming(behavior: Streaming, method: str) -> Streaming:
    async def handler(request: Any, context: aio.ServicerContext[Any, Any]) -> AsyncIterator[Any]:
        try:
            async for response in behavior(request, context):
                yield response
        except aio.AbortError:
            raise
        except Exception as exc:
            await _abort(context, exc, method)

    return handler


class ErrorMappingInterceptor(WrappingInterceptor):
    """Maps domain errors to status codes for every unary and streaming handler."""

    def wrap(self, handler: Handler, method: str) -> Handler:
        return rewrap(
            handler,
            lambda behavior: _wrap_unary(behavior, method),
            lambda behavior: _wrap_streaming(behavior, method),
        )
