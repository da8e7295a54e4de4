"""Just enough of the protobuf wire format to route messages without decoding tensors.

The gateway reads a request's model name, version and id by walking its top-level tags
and jumping over every length-delimited field, so tensor bytes are never parsed or
copied (only the short strings it reads are). Messages it sends back are built by
concatenating serialized pieces: protobuf parsers accept fields in any order, and for a
map the last entry with a given key wins, so appending an entry to a message sets it.

Field numbers used here (oip-protocol.md §2.1): ModelInferRequest, ModelMetadataRequest,
ModelConfigRequest, ModelReadyRequest and ModelStatisticsRequest all carry the model
name in field 1 and the version in field 2; ModelInferRequest has `id` in field 3.
ModelInferResponse has the same three fields and `parameters` in 4.
ModelStreamInferResponse is `error_message` (1) and `infer_response` (2).
"""

from __future__ import annotations

from typing import Final, NamedTuple

from maas.errors import InvalidInput

_VARINT: Final = 0
_FIXED64: Final = 1
_LENGTH: Final = 2
_START_GROUP: Final = 3
_END_GROUP: Final = 4
_FIXED32: Final = 5

_NAME: Final = 1
_VERSION: Final = 2
_ID: Final = 3

FINAL_RESPONSE: Final = "triton_final_response"
# protobuf's default recursion limit for parsing, which workers apply to what we forward.
MAX_GROUP_DEPTH: Final = 100


class Header(NamedTuple):
    """The routing fields of a request (empty where the request leaves them unset)."""

    model_name: str = ""
    model_version: str = ""
    id: str = ""


def read_header(message: bytes) -> Header:
    """Fields 1, 2 and 3 of a serialized request, without touching anything else.

    The whole message is walked because a later occurrence of a field overrides an
    earlier one (that is how concatenated messages merge). A field 1-3 with another
    wire type is an unknown field to protobuf parsers, and skipped here too. Raises
    InvalidInput when the bytes are not a well-formed message.
    """
    # This runs on every request, so the common case (one-byte tags and lengths, as
    # for fields 1-15 and strings under 128 bytes) is read inline.
    found = ["", "", ""]
    pos = 0
    size = len(message)
    while pos < size:
        key = message[pos]
        if key < 0x80:
            pos += 1
        else:
            key, pos = _read_varint(message, pos)
        number = key >> 3
        if number == 0:
            raise InvalidInput("malformed message: field number 0")
        if key & 7 != _LENGTH:
            pos = _skip(message, pos, number, key & 7)
            continue
        length = message[pos] if pos < size else 0x80
        if length < 0x80:
            pos += 1
        else:
            length, pos = _read_varint(message, pos)
        end = pos + length
        if end > size:
            raise InvalidInput("malformed message: truncated length-delimited field")
        if number <= _ID:
            found[number - 1] = _text(message[pos:end], number)
        pos = end
    return Header(*found)


def rewrite_target(message: bytes, model_name: str, model_version: str) -> bytes:
    """The request with its model name and version replaced, everything else as it was.

    The new fields go first; the rest is copied with one join, in one slice in the usual
    case where the old name and version lead the message (serializers write fields in
    number order).
    """
    view = memoryview(message)
    pieces: list[bytes | memoryview] = [
        _string_field(_NAME, model_name),
        _string_field(_VERSION, model_version),
    ]
    kept = 0
    pos = 0
    size = len(message)
    while pos < size:
        start = pos
        key, pos = _read_varint(message, pos)
        number, wire_type = key >> 3, key & 7
        if number == 0:
            raise InvalidInput("malformed message: field number 0")
        if wire_type != _LENGTH:
            pos = _skip(message, pos, number, wire_type)
            continue
        length, pos = _read_varint(message, pos)
        pos += length
        if pos > size:
            raise InvalidInput("malformed message: truncated length-delimited field")
        if number in (_NAME, _VERSION):
            pieces.append(view[kept:start])
            kept = pos
    pieces.append(view[kept:])
    return b"".join(pieces)


def stream_response(response: bytes) -> bytes:
    """A serialized ModelInferResponse wrapped as a ModelStreamInferResponse, marked final.

    Every response of a non-decoupled model is the final one for its request; Triton
    marks each, and the C++ client (perf_analyzer) reads the mark.
    """
    size = len(response) + len(_FINAL_ENTRY)
    return b"".join((_INFER_RESPONSE_TAG, _varint(size), response, _FINAL_ENTRY))


def stream_error(message: str, header: Header) -> bytes:
    """A ModelStreamInferResponse reporting a failed request, correlated by its header."""
    inner = b"".join(
        (
            _string_field(_NAME, header.model_name),
            _string_field(_VERSION, header.model_version),
            _string_field(_ID, header.id),
            _FINAL_ENTRY,
        )
    )
    return _string_field(1, message) + _bytes_field(2, inner)


def _skip(message: bytes, pos: int, number: int, wire_type: int) -> int:
    """The position after the payload of a non-length-delimited field."""
    if wire_type == _VARINT:
        return _read_varint(message, pos)[1]
    if wire_type in (_FIXED64, _FIXED32):
        end = pos + (8 if wire_type == _FIXED64 else 4)
        if end > len(message):
            raise InvalidInput("malformed message: truncated fixed-width field")
        return end
    if wire_type == _START_GROUP:
        return _skip_group(message, pos, number)
    raise InvalidInput(f"malformed message: wire type {wire_type}")


def _skip_group(message: bytes, pos: int, number: int) -> int:
    """The position after the end of group `number`, whose start tag ends at `pos`.

    Deprecated groups still parse as unknown fields. Nested groups are tracked on a
    stack, not by recursion (a client can nest thousands in a small message), and no
    deeper than protobuf's own parsers accept, so both refuse the same messages.
    """
    open_groups = [number]
    while open_groups:
        if pos >= len(message):
            raise InvalidInput("malformed message: unterminated group")
        key, pos = _read_varint(message, pos)
        inner, inner_type = key >> 3, key & 7
        if inner == 0:
            raise InvalidInput("malformed message: field number 0")
        if inner_type == _END_GROUP:
            if inner != open_groups.pop():
                raise InvalidInput("malformed message: mismatched end of group")
        elif inner_type == _START_GROUP:
            if len(open_groups) >= MAX_GROUP_DEPTH:
                raise InvalidInput(
                    f"malformed message: groups nested deeper than {MAX_GROUP_DEPTH}"
                )
            open_groups.append(inner)
        elif inner_type == _LENGTH:
            length, pos = _read_varint(message, pos)
            pos += length
            if pos > len(message):
                raise InvalidInput("malformed message: truncated length-delimited field")
        else:
            pos = _skip(message, pos, inner, inner_type)
    return pos


def _read_varint(message: bytes, pos: int) -> tuple[int, int]:
    result = 0
    shift = 0
    size = len(message)
    while pos < size and shift < 64:
        byte = message[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, pos
        shift += 7
    raise InvalidInput("malformed message: truncated or overlong varint")


def _text(raw: bytes, number: int) -> str:
    try:
        return raw.decode()
    except UnicodeDecodeError:
        raise InvalidInput(f"malformed message: field {number} is not valid UTF-8") from None


def _varint(value: int) -> bytes:
    out = bytearray()
    while value > 0x7F:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _bytes_field(number: int, payload: bytes) -> bytes:
    return b"".join((_varint(number << 3 | _LENGTH), _varint(len(payload)), payload))


def _string_field(number: int, text: str) -> bytes:
    # proto3 leaves a default value out: an empty string is not emitted.
    return _bytes_field(number, text.encode()) if text else b""


_INFER_RESPONSE_TAG: Final = _varint(2 << 3 | _LENGTH)
# parameters (4) entry {key (1): "triton_final_response", value (2): {bool_param (1): true}}
_FINAL_ENTRY: Final = _bytes_field(
    4, _string_field(1, FINAL_RESPONSE) + _bytes_field(2, bytes([1 << 3 | _VARINT, 1]))
)
