"""The floor: a gRPC server that answers ModelInfer with the request's own bytes.

No protobuf parsing, no model: what any Python gRPC server pays to move the payload.
Because ModelInferRequest and ModelInferResponse share field numbers 1-6 with
compatible wire types, clients (ghz included) read the echo as a valid response.
"""

from __future__ import annotations

import asyncio
import sys

import grpc
from grpc import aio

from maas.transport.server import MAX_MESSAGE_BYTES


async def _echo(request: bytes, context: aio.ServicerContext[bytes, bytes]) -> bytes:
    return request


async def main(port: int) -> None:
    server = aio.server(
        options=[
            ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
            ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
        ]
    )
    handler = grpc.method_handlers_generic_handler(
        "inference.GRPCInferenceService",
        {"ModelInfer": grpc.unary_unary_rpc_method_handler(_echo)},
    )
    server.add_generic_rpc_handlers((handler,))
    server.add_insecure_port(f"127.0.0.1:{port}")
    await server.start()
    await server.wait_for_termination()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
