"""Calling any RPC with raw request bytes, as a hostile or broken client would."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import grpc
from google.protobuf.descriptor import FileDescriptor
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
COMMON_FILES: Sequence[FileDescriptor] = (health_pb2.DESCRIPTOR, reflection_pb2.DESCRIPTOR)


@dataclass(frozen=True, slots=True)
class Method:
    path: str
    client_streaming: bool
    server_streaming: bool


def methods(*files: FileDescriptor) -> Iterator[Method]:
    """Every method of every service in `files`."""
    for file in files:
        for service in file.services_by_name.values():
            for method in service.methods:
                yield Method(
                    f"/{service.full_name}/{method.name}",
                    method.client_streaming,
                    method.server_streaming,
                )


def call(
    channel: grpc.Channel, method: Method, request: bytes, timeout: float = 10
) -> grpc.RpcError:
    """The error `method` ends with when sent `request` (as its only message); fails the
    test when the call succeeds instead."""
    try:
        if method.client_streaming:
            stream = channel.stream_stream(method.path)
            for _ in stream(iter((request,)), timeout=timeout):
                pass
        elif method.server_streaming:
            for _ in channel.unary_stream(method.path)(request, timeout=timeout):
                pass
        else:
            channel.unary_unary(method.path)(request, timeout=timeout)
    except grpc.RpcError as error:
        return error
    raise AssertionError(f"{method.path} accepted undecodable bytes {request!r}")
