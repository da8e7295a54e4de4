"""What the use cases need besides storage: checking artifacts, deriving versions, and
knowing what is deployed. Each has one implementation here and room for others (a
TensorRT engine builder is another `Deriver`; the scheduler provides the real guard).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from maas.registry.domain import ArtifactFormat, DeriveOutcome, DeriveTask, Signature


class Validator(Protocol):
    async def validate(self, path: Path, fmt: ArtifactFormat) -> Signature:
        """The artifact's signature, or `InvalidInput` saying why it is not acceptable."""
        ...


class Deriver(Protocol):
    async def derive(self, task: DeriveTask) -> DeriveOutcome:
        """Writes the derived artifact to `task.output_path`; `InvalidInput` if it cannot."""
        ...


class DeploymentGuard(Protocol):
    """Tells whether something is deployed, so that deleting it can be refused.

    The scheduler provides the real one; until it is wired in, `NoDeployments`.
    """

    async def deployments(self, model: str, version: int | None) -> Sequence[str]:
        """Names of the deployments serving `version` of `model` (any version if None)."""
        ...


class NoDeployments:
    async def deployments(self, model: str, version: int | None) -> Sequence[str]:
        return ()
