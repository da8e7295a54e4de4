"""Domain errors, free of any transport.

Each class names a situation, not a status code; the gRPC layer maps them in one table
(`maas.transport.errors`). Messages are written for the user and follow Triton's wording
where a client might match on it.
"""

from __future__ import annotations

from typing import Final

# Longest user-supplied text an error message quotes in full: clients drop a status whose
# message nears their 8 KiB metadata limit, and a long echo helps no one.
ECHO_CHARS: Final = 100


def echo(value: object) -> str:
    """`value` as an error message shows it: cut to ECHO_CHARS characters with an ellipsis.

    Every error text that quotes client input goes through here.
    """
    text = str(value)
    if len(text) > ECHO_CHARS:
        text = text[: ECHO_CHARS - 3] + "..."
    return text


class MaasError(Exception):
    """Base of every error a caller is meant to see."""


class NotFound(MaasError):
    """The named thing (model, version, alias, ...) does not exist."""


class InvalidInput(MaasError):
    """The request is malformed: bad shape, datatype, size, name or parameter."""


class AlreadyExists(MaasError):
    """Creating something that is already there."""


class FailedPrecondition(MaasError):
    """The request is valid but the current state forbids it."""


class Overloaded(MaasError):
    """A bounded queue is full; the caller should back off and retry."""


class Unavailable(MaasError):
    """Not ready, draining, timed out in a queue, or shutting down; retrying may succeed."""


class Unsupported(MaasError):
    """A feature this server does not implement."""


class Cancelled(MaasError):
    """The caller went away before the work was done."""
