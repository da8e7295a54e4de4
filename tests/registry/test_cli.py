"""`maas models ...` and the blocking client against a registry served from a thread."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest
from typer.testing import CliRunner

from maas.registry.app import RegistryHandle, run_registry
from maas.registry.cli import models_app
from maas.registry.settings import RegistrySettings
from maas_client.registry import DigestMismatchError, RegistryClient
from tests.registry.conftest import mlp, sha256
from tests.support import serve_in_thread

runner = CliRunner()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[RegistryHandle]:
    settings = RegistrySettings(data_dir=tmp_path / "registry", port=0, grace_s=1)
    with serve_in_thread(lambda: run_registry(settings)) as handle:
        yield handle


@pytest.fixture
def address(served: RegistryHandle) -> str:
    return f"127.0.0.1:{served.port}"


def maas_models(address: str, *args: str) -> tuple[int, str]:
    result = runner.invoke(models_app, ["--registry", address, *args])
    return result.exit_code, result.output


def test_a_model_from_creation_to_deletion(address: str, tmp_path: Path) -> None:
    artifact = mlp(seed=5, hidden=64)
    path = tmp_path / "classifier.onnx"
    path.write_bytes(artifact)

    code, out = maas_models(address, "create", "clf", "-d", "digits", "-l", "team=vision")
    assert (code, "created model clf" in out) == (0, True)
    code, out = maas_models(address, "upload", "clf", str(path), "-m", "framework=numpy")
    assert code == 0, out
    assert f"uploaded clf version 1 (sha256 {sha256(artifact)[:12]})" in out

    code, out = maas_models(address, "list", "-l", "team=vision")
    assert code == 0
    assert "clf" in out
    assert "digits" in out
    code, out = maas_models(address, "list", "-l", "team=speech")
    assert code == 0
    assert "clf" not in out

    assert maas_models(address, "alias", "clf", "production", "1")[0] == 0
    code, out = maas_models(address, "derive", "clf", "production", "--int8")
    assert code == 0, out
    assert "derived from version 1 by int8" in out
    assert "top-1 agreement" in out

    code, out = maas_models(address, "show", "clf")
    assert code == 0
    assert "int8 of v1" in out
    assert "production" in out
    code, out = maas_models(address, "show", "clf", "1")
    assert code == 0
    assert "metadata framework=numpy" in out
    assert "[-1, 16]" in out

    dest = tmp_path / "copy.onnx"
    code, out = maas_models(address, "download", "clf", "production", "-o", str(dest))
    assert code == 0, out
    assert dest.read_bytes() == artifact

    code, out = maas_models(address, "delete", "clf", "--version", "1", "--yes")
    assert code == 1
    assert "FAILED_PRECONDITION" in out
    assert "aliased as production" in out
    assert maas_models(address, "alias", "clf", "production", "--delete")[0] == 0
    assert maas_models(address, "delete", "clf", "--yes")[0] == 0
    code, out = maas_models(address, "show", "clf")
    assert code == 1
    assert "NOT_FOUND" in out


def test_usage_mistakes_are_caught_before_any_call(address: str) -> None:
    assert maas_models(address, "derive", "clf", "--fp16", "--int8")[0] == 2
    assert maas_models(address, "alias", "clf", "production")[0] == 2
    assert maas_models(address, "create", "clf", "-l", "novalue")[0] == 2


def test_an_unreachable_registry_is_one_line_not_a_traceback() -> None:
    code, out = maas_models("127.0.0.1:1", "list")
    assert code == 1
    assert "UNAVAILABLE" in out
    assert "Traceback" not in out


def test_blocking_client_round_trip_and_resume(address: str, tmp_path: Path) -> None:
    artifact = mlp(seed=6, hidden=8_000)
    path = tmp_path / "m.onnx"
    path.write_bytes(artifact)
    with RegistryClient(address) as client:
        client.create_model("m", labels={"k": "v"})
        with path.open("rb") as f:
            version = client.upload("m", f, chunk_bytes=1 << 20)
        assert [m.name for m in client.list_models({"k": "v"})] == ["m"]
        assert [v.version for v in client.list_versions("m")] == [1]

        dest = tmp_path / "out.onnx"
        part = tmp_path / f"out.onnx.{version.sha256[:16]}.part"
        part.write_bytes(artifact[:123_456])
        assert client.download("m", "latest", dest) == version
        assert dest.read_bytes() == artifact
        assert not part.exists()

        dest.unlink()
        part.write_bytes(b"\1" * 10)
        with pytest.raises(DigestMismatchError):
            client.download("m", 1, dest)
        assert not part.exists()

        with pytest.raises(grpc.RpcError) as refused:
            client.get_version("m", 5)
        assert refused.value.code() == grpc.StatusCode.NOT_FOUND
