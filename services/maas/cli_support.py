"""What every `maas` command shares: turning errors a user can act on into one line."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import grpc
import typer
from rich.console import Console

errors = Console(stderr=True, soft_wrap=True)


@contextmanager
def user_errors(*expected: type[Exception]) -> Iterator[None]:
    """A gRPC error (or one of `expected`) becomes `error CODE: details` on stderr and
    exit status 1, instead of a traceback."""
    try:
        yield
    except grpc.RpcError as exc:
        code = exc.code().name if isinstance(exc, grpc.Call) else "ERROR"
        details = exc.details() if isinstance(exc, grpc.Call) else str(exc)
        errors.print(f"[red]error[/] {code}: {details}", highlight=False)
        raise typer.Exit(1) from None
    except expected as exc:
        errors.print(f"[red]error[/] {exc}", highlight=False)
        raise typer.Exit(1) from None
