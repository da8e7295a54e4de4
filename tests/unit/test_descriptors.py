"""Our protocol files must be the very ones tritonclient was built from.

Both generated modules are imported into one process; any difference in a message,
field number, type or service method would make the second import collide in the
descriptor pool or, worse, silently change the wire format.
"""

from __future__ import annotations

from types import ModuleType

import pytest
from google.protobuf import descriptor_pb2
from tritonclient.grpc import model_config_pb2 as triton_config
from tritonclient.grpc import service_pb2 as triton_service

from maas_proto import grpc_service_pb2, model_config_pb2


def _file(module: ModuleType) -> descriptor_pb2.FileDescriptorProto:
    proto = descriptor_pb2.FileDescriptorProto()
    module.DESCRIPTOR.CopyToProto(proto)
    return proto


@pytest.mark.parametrize(
    ("ours", "theirs", "name"),
    [
        (grpc_service_pb2, triton_service, "grpc_service.proto"),
        (model_config_pb2, triton_config, "model_config.proto"),
    ],
)
def test_descriptor_identical_to_tritonclient(
    ours: ModuleType, theirs: ModuleType, name: str
) -> None:
    mine, reference = _file(ours), _file(theirs)
    assert mine.name == reference.name == name
    assert mine.package == "inference"
    assert mine == reference
    assert mine.SerializeToString(deterministic=True) == reference.SerializeToString(
        deterministic=True
    )


def test_messages_interoperate_on_the_wire() -> None:
    request = grpc_service_pb2.ModelInferRequest(model_name="m", id="1")
    request.inputs.add(name="IN", datatype="FP32", shape=[1, 2])
    request.raw_input_contents.append(b"\x00\x00\x80\x3f\x00\x00\x00\x40")
    # The golden encoding from the protocol reference.
    assert request.SerializeToString().hex() == (
        "0a016d1a01312a0e0a02494e1204465033321a0201023a080000803f00000040"
    )
    parsed = triton_service.ModelInferRequest.FromString(request.SerializeToString())
    assert parsed.inputs[0].shape == [1, 2]
