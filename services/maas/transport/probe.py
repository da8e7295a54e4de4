"""`python -m maas.transport.probe HOST:PORT [SERVICE]`: exit 0 when the server's gRPC
health says SERVING, 1 otherwise (refused, timed out, NOT_SERVING).

The container health check of every maas image (see compose.yaml): Docker runs it
inside the container, where nothing else speaks gRPC health.
"""

from __future__ import annotations

import sys

import grpc
from grpc_health.v1 import health_pb2

from maas.transport.health import check_health

_TIMEOUT_S = 3.0


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 2):
        print("usage: python -m maas.transport.probe HOST:PORT [SERVICE]", file=sys.stderr)
        return 2
    service = argv[1] if len(argv) == 2 else ""
    try:
        with grpc.insecure_channel(argv[0]) as channel:
            status = check_health(channel, service, timeout=_TIMEOUT_S)
    except grpc.RpcError as exc:
        code = exc.code().name if isinstance(exc, grpc.Call) else "ERROR"
        print(f"{argv[0]}: {code}", file=sys.stderr)
        return 1
    name = health_pb2.HealthCheckResponse.ServingStatus.Name(status)
    print(f"{argv[0]}: {name}")
    return 0 if status == health_pb2.HealthCheckResponse.SERVING else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
