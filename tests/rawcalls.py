"""Calling any RPC with raw request bytes, as a hostile or broken client would."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from grpc import aio
from grpc_health.v1 import health_pb2
from grpc_reflection.v1alpha import reflection_pb2

# Bytes no protobuf message parses from: a tag whose varint never ends, a
# length-delimited field longer than what follows, wire types 6 and 7, field number 0.
UNDECODABLE: Sequence[bytes] = (
    b"\xff\xff\xff",
    b"\x0a\x05ab",
    b"\x0e",
    b"\x0f\x00",
    b"\x00\x01",
)

# Every service a maas server hosts besides its own.
COMMON_FILES = (health_pb2.DESCRIPTOR, reflection_pb2.DESCRIPTOR)


@dataclass(frozen=True, slots=True)
class Method:
    path: str
    client_streaming: bool
    server_streaming: bool


def methods(*files: Any) -> Iterator[Method]:
    # Any: the generated modules' descriptors are upb's classes, not descriptor.FileDescriptor.
    """Every method of every service in `files`."""
    for file in files:
        for service in file.services_by_name.values():
            for method in service.methods:
                yield Method(
                    f"/{service.full_name}/{method.name}",
                    method.client_streaming,
                    method.server_streaming,
                )


async def call(
    channel: aio.Channel, method: Method, request: bytes, deadline_s: float = 10
) -> aio.AioRpcError:
    """The error `method` ends with when sent `request` (as its only message); fails the
    test when the call succeeds instead."""
    try:
        if method.client_streaming:
            streams: aio.StreamStreamMultiCallable[bytes, bytes]
            streams = channel.stream_stream(method.path)
            async for _ in streams(iter((request,)), timeout=deadline_s):
                pass
        elif method.server_streaming:
            answers: aio.UnaryStreamMultiCallable[bytes, bytes]
            answers = channel.unary_stream(method.path)
            async for _ in answers(request, timeout=deadline_s):
                pass
        else:
            unary: aio.UnaryUnaryMultiCallable[bytes, bytes] = channel.unary_unary(method.path)
            await unary(request, timeout=deadline_s)
    except aio.AioRpcError as error:
        return error
    raise AssertionError(f"{method.path} accepted undecodable bytes {request!r}")
