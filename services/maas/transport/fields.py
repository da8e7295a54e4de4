"""Bounds on integer fields of requests, applied by the converters.

Our protos carry counts, sizes, offsets and revisions as uint64 for clarity, but what
they reach (SQLite integers, numpy, file offsets, the protocol's int64 versions) stops
at 2^63 - 1: a larger value is the client's mistake, refused before it gets there.
"""

from __future__ import annotations

from typing import Final

from maas.errors import InvalidInput

INT64_MAX: Final = 2**63 - 1


def int64(value: int, field: str) -> int:
    """`value`, or InvalidInput when it does not fit a signed 64-bit integer."""
    if not -INT64_MAX - 1 <= value <= INT64_MAX:
        raise InvalidInput(f"{field} {value} is out of range: at most {INT64_MAX}")
    return value
