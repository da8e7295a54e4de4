"""Asking a server's grpc.health.v1 service how it is (grpc's stubs lack typed methods)."""

from __future__ import annotations

import grpc
from grpc_health.v1 import health_pb2

_CHECK = "/grpc.health.v1.Health/Check"


def check_health(channel: grpc.Channel, service: str = "", timeout: float | None = None) -> int:
    """The serving status (a `HealthCheckResponse.ServingStatus` value) of `service`."""
    call = channel.unary_unary(
        _CHECK,
        request_serializer=health_pb2.HealthCheckRequest.SerializeToString,
        response_deserializer=health_pb2.HealthCheckResponse.FromString,
    )
    reply: health_pb2.HealthCheckResponse = call(
        health_pb2.HealthCheckRequest(service=service), timeout=timeout
    )
    return reply.status
