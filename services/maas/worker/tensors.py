"""Tensor bytes <-> numpy, per the protocol's layout rules.

Raw contents are row-major little-endian elements; BYTES elements are each prefixed by
their length as a little-endian uint32. Numeric decoding never copies: the array is a
view over the request's bytes (read-only, which backends accept).
"""

from __future__ import annotations

import struct
from collections.abc import Sequence

import numpy as np

from maas.errors import InvalidInput, echo
from maas.worker.datatypes import NUMPY_DTYPES, DataType, element_size
from maas.worker.spec import ModelSpec

_LENGTH = struct.Struct("<I")
_MAX_BYTES = 2**63 - 1


def element_count(shape: Sequence[int], most: int) -> int | None:
    """The number of elements of `shape`, or None when it exceeds `most` (or a dimension
    is negative): a shape is client input, and its product may be astronomically large."""
    count = 1
    for dim in shape:
        if dim < 0:
            return None
        count *= dim
        if count > most:
            # A later zero would bring it back, but then the shape holds no data anyway.
            return None if 0 not in shape else 0
    return count


def decode_raw(
    name: str, model: str, datatype: DataType, shape: Sequence[int], raw: bytes
) -> np.ndarray:
    """An array of `shape` over `raw`, or InvalidInput when the sizes disagree.

    Sizes are checked against `raw` before anything is allocated: memory for a request
    stays bounded by the request's own size.
    """
    if datatype is DataType.BYTES:
        # Each element takes at least its 4-byte length.
        count = element_count(shape, len(raw) // _LENGTH.size)
        if count is None:
            raise _too_large(name, model, shape, raw)
        return _decode_bytes(name, model, shape, count, raw)
    size = element_size(datatype)
    # Bounded as Triton's int64 byte sizes are; below that, Triton's own message.
    count = element_count(shape, _MAX_BYTES // size)
    if count is None:
        raise _too_large(name, model, shape, raw)
    expected = count * size
    if len(raw) != expected:
        raise InvalidInput(
            f"input byte size mismatch for input '{echo(name)}' for model '{model}'. "
            f"Expected {expected}, got {len(raw)}"
        )
    return np.frombuffer(raw, dtype=NUMPY_DTYPES[datatype]).reshape(shape)


def _too_large(name: str, model: str, shape: Sequence[int], raw: bytes) -> InvalidInput:
    return InvalidInput(
        f"input byte size mismatch for input '{echo(name)}' for model '{model}'. "
        f"Shape {dims_text(shape)} needs more than the {len(raw)} bytes sent"
    )


def _decode_bytes(
    name: str, model: str, shape: Sequence[int], count: int, raw: bytes
) -> np.ndarray:
    out = np.empty(count, dtype=np.object_)
    view = memoryview(raw)
    offset = 0
    for i in range(count):
        if offset + 4 > len(raw):
            raise InvalidInput(
                f"incomplete string length indicator for inference input '{echo(name)}' for model "
                f"'{model}', expecting {count} strings but found {i}"
            )
        (length,) = _LENGTH.unpack_from(view, offset)
        offset += 4
        if offset + length > len(raw):
            raise InvalidInput(
                f"incomplete string data for inference input '{echo(name)}' for model '{model}', "
                f"expecting string of length {length} but only {len(raw) - offset} bytes available"
            )
        out[i] = bytes(view[offset : offset + length])
        offset += length
    if offset != len(raw):
        raise InvalidInput(
            f"input byte size mismatch for input '{echo(name)}' for model '{model}'. "
            f"Expected {offset}, got {len(raw)}"
        )
    return out.reshape(shape)


def decode_typed(
    name: str, model: str, datatype: DataType, shape: Sequence[int], values: Sequence[object]
) -> np.ndarray:
    """An array from typed `contents` (already checked to be the right field)."""
    count = element_count(shape, len(values))
    if count != len(values):
        expected = "more than " + str(len(values)) if count is None else str(count)
        raise InvalidInput(
            f"unexpected number of elements for input '{echo(name)}' for model '{model}'. "
            f"Expected {expected}, got {len(values)}"
        )
    if datatype is DataType.BYTES:
        out = np.empty(count, dtype=np.object_)
        out[:] = [bytes(v) for v in values]  # type: ignore[call-overload]
        return out.reshape(shape)
    dtype = NUMPY_DTYPES[datatype]
    try:
        # Narrowing int32 contents into INT8/INT16 (as Triton does) must not wrap silently.
        wide = np.asarray(values)
        array = wide.astype(dtype)
        if dtype.kind in "iu" and not np.array_equal(array, wide):
            raise OverflowError
    except (OverflowError, ValueError):
        raise InvalidInput(
            f"values out of range for input '{echo(name)}' of type {datatype} for model '{model}'"
        ) from None
    return array.reshape(shape)


def dims_text(shape: Sequence[int]) -> str:
    """A shape as error messages show it, bounded in length: `[1,16]`."""
    return echo("[" + ",".join(str(d) for d in shape) + "]")


def encode(array: np.ndarray, datatype: DataType) -> bytes:
    """Raw contents for an output array."""
    if datatype is DataType.BYTES:
        parts: list[bytes] = []
        for item in array.reshape(-1):
            data = item if isinstance(item, bytes) else str(item).encode()
            parts.append(_LENGTH.pack(len(data)))
            parts.append(data)
        return b"".join(parts)
    return array.tobytes()


def sample_inputs(spec: ModelSpec, batch_size: int = 1) -> dict[str, np.ndarray]:
    """Zero-valued inputs of a valid shape (variable dimensions set to 1), for warm-up."""
    inputs: dict[str, np.ndarray] = {}
    for tensor in spec.inputs:
        dims = tuple(1 if d < 0 else d for d in tensor.dims)
        shape = ((batch_size,) if spec.batched else ()) + dims
        if tensor.datatype is DataType.BYTES:
            inputs[tensor.name] = np.full(shape, b"", dtype=np.object_)
        else:
            inputs[tensor.name] = np.zeros(shape, dtype=NUMPY_DTYPES[tensor.datatype])
    return inputs
