"""A model repository on disk in Triton's layout.

    <root>/<model>/config.pbtxt                      optional
    <root>/<model>/<version>/<default_model_filename>

Version directories are positive decimal numbers without leading zeros; Triton ignores
every other entry, and so do we. The signature that completes the config is read from
the newest version the version policy selects. A `ModelDefinition` holds only the
versions the policy selects, each with its artifact's path.
"""

from __future__ import annotations

import re
import shutil
import uuid
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Final

from maas.errors import InvalidInput, NotFound, echo
from maas.names import check_model_name, is_model_name
from maas.worker import config_codec
from maas.worker.backends.base import Backend
from maas.worker.models import ModelDefinition
from maas_proto import model_config_pb2 as mc

CONFIG_FILENAME: Final = "config.pbtxt"

_VERSION_DIR: Final = re.compile(r"[1-9][0-9]*")


def list_models(root: Path) -> list[str]:
    """Names of the directories under `root` that hold a config or a version, sorted."""
    if not root.is_dir():
        return []
    return sorted(
        entry.name
        for entry in root.iterdir()
        if entry.is_dir() and is_model_name(entry.name) and _looks_like_model(entry)
    )


def read_model(
    root: Path, name: str, backend: Backend, config_override: mc.ModelConfig | None = None
) -> ModelDefinition:
    """Read model `name`: its config (or `config_override`), completed and validated.

    Raises `NotFound` when there is no such model directory and `InvalidInput` when the
    name, the config, or the artifacts are unusable.
    """
    check_model_name(name)
    model_dir = root / name
    if not model_dir.is_dir():
        raise NotFound(f"Request for unknown model: '{name}' is not found")
    config = config_override if config_override is not None else _read_config(model_dir, name)
    filename = config_codec.model_filename(config, name, backend)
    policy = config_codec.version_policy(config, name)
    selected = policy.select(_available_versions(model_dir))
    if not selected:
        raise InvalidInput(f"model '{name}' has no version to serve in {model_dir.name}/")
    versions = {v: model_dir / str(v) / filename for v in selected}
    if missing := [v for v, path in versions.items() if not path.is_file()]:
        raise InvalidInput(f"model '{name}': versions {missing} have no file '{filename}'")
    return define_model(name, config, backend, versions)


def define_model(
    name: str, config: mc.ModelConfig | None, backend: Backend, versions: dict[int, Path]
) -> ModelDefinition:
    """`config` completed from the signature of the newest artifact in `versions` and
    validated, as the definition of model `name` serving those artifacts.

    Raises `InvalidInput` when an artifact or the config is unusable.
    """
    newest = max(versions)
    try:
        signature = backend.describe(versions[newest])
    except InvalidInput as e:
        raise InvalidInput(f"model '{name}' version {newest}: {e}") from e
    spec = config_codec.spec_from_config(config, name, signature, backend)
    return ModelDefinition(spec=spec, versions=versions)


def stage_files(scratch: Path, name: str, files: Mapping[str, bytes]) -> Path:
    """Write a model sent in a load request (`"<version>/<file>"` -> bytes) as a fresh
    repository root under `scratch`, replacing what an earlier request staged for it.

    Triton's RepositoryModelLoad `file:` parameters: the files replace the model's
    directory wholesale. Paths must stay inside the model directory.
    """
    check_model_name(name)
    for path in files:
        parts = PurePosixPath(path).parts
        if not parts or path.startswith("/") or any(not is_model_name(p) for p in parts):
            raise InvalidInput(f"invalid file path '{echo(path)}' for model '{name}'")
    staged = scratch / name
    root = staged / uuid.uuid4().hex
    for path, content in files.items():
        target = root / name / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    for earlier in staged.iterdir():
        if earlier != root:
            shutil.rmtree(earlier, ignore_errors=True)
    return root


def _looks_like_model(path: Path) -> bool:
    return (path / CONFIG_FILENAME).is_file() or bool(_available_versions(path))


def _available_versions(model_dir: Path) -> list[int]:
    return [
        int(entry.name)
        for entry in model_dir.iterdir()
        if entry.is_dir() and _VERSION_DIR.fullmatch(entry.name)
    ]


def _read_config(model_dir: Path, name: str) -> mc.ModelConfig | None:
    path = model_dir / CONFIG_FILENAME
    if not path.is_file():
        return None
    try:
        return config_codec.parse_pbtxt(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as e:
        raise InvalidInput(f"model '{name}': {CONFIG_FILENAME} is not UTF-8 text") from e
    except InvalidInput as e:
        raise InvalidInput(f"model '{name}': {e}") from e
