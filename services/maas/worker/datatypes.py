"""Protocol datatypes and how their elements sit in memory.

The strings are the Open Inference Protocol's (`FP32`, `BYTES`, ...); the config enum
values (`TYPE_FP32`) belong to model_config.proto and are mapped in the converters.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

import ml_dtypes
import numpy as np


class DataType(StrEnum):
    BOOL = "BOOL"
    UINT8 = "UINT8"
    UINT16 = "UINT16"
    UINT32 = "UINT32"
    UINT64 = "UINT64"
    INT8 = "INT8"
    INT16 = "INT16"
    INT32 = "INT32"
    INT64 = "INT64"
    FP16 = "FP16"
    FP32 = "FP32"
    FP64 = "FP64"
    BYTES = "BYTES"
    BF16 = "BF16"


# BYTES elements are Python `bytes` in an object array, as tritonclient does.
NUMPY_DTYPES: Final[dict[DataType, np.dtype[np.generic]]] = {
    DataType.BOOL: np.dtype(np.bool_),
    DataType.UINT8: np.dtype(np.uint8),
    DataType.UINT16: np.dtype(np.uint16),
    DataType.UINT32: np.dtype(np.uint32),
    DataType.UINT64: np.dtype(np.uint64),
    DataType.INT8: np.dtype(np.int8),
    DataType.INT16: np.dtype(np.int16),
    DataType.INT32: np.dtype(np.int32),
    DataType.INT64: np.dtype(np.int64),
    DataType.FP16: np.dtype(np.float16),
    DataType.FP32: np.dtype(np.float32),
    DataType.FP64: np.dtype(np.float64),
    DataType.BYTES: np.dtype(np.object_),
    DataType.BF16: np.dtype(ml_dtypes.bfloat16),
}

_BY_NUMPY: Final[dict[np.dtype[np.generic], DataType]] = {
    dtype: dt for dt, dtype in NUMPY_DTYPES.items() if dt is not DataType.BYTES
}


def parse_datatype(text: str) -> DataType | None:
    """The DataType for a protocol string, or None when the string names none."""
    try:
        return DataType(text)
    except ValueError:
        return None


def from_numpy(dtype: np.dtype[np.generic]) -> DataType:
    """The protocol datatype of a numpy dtype (object and bytes/str arrays are BYTES)."""
    if dtype.kind in "OSU":
        return DataType.BYTES
    try:
        return _BY_NUMPY[dtype]
    except KeyError:
        raise ValueError(f"numpy dtype {dtype} has no protocol datatype") from None


def element_size(datatype: DataType) -> int:
    """Bytes per element; 0 for BYTES, whose elements vary in size."""
    return 0 if datatype is DataType.BYTES else NUMPY_DTYPES[datatype].itemsize
