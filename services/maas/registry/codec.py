"""JSON for the domain types that are stored as documents or cross a process boundary.

The signature, lineage, metadata and labels live in SQLite as JSON. pydantic builds
both directions from the dataclasses themselves, so the format cannot drift from the
types.
"""

from __future__ import annotations

from typing import Final

from pydantic import TypeAdapter

from maas.registry.domain import Lineage, Signature

SIGNATURE: Final = TypeAdapter(Signature)
LINEAGE: Final = TypeAdapter(Lineage | None)
STRINGS: Final = TypeAdapter(dict[str, str])
