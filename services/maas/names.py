"""Names and version strings as every API edge accepts them: one rule each, shared by the
worker, the gateway, the registry and the scheduler, so that they all answer alike.

A name that breaks its rule is InvalidInput before it reaches a lookup, a file path, a
store or an error message; error messages quote client text through `errors.echo`.
"""

from __future__ import annotations

import re
from typing import Final

from maas.errors import InvalidInput, echo

# Model, deployment and served names: safe as a file name and as a Consul key segment
# (no leading dot, no separator), short enough for any filesystem.
MODEL_NAME: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
ALIAS_NAME: Final = re.compile(r"[a-z][a-z0-9._-]{0,62}")
_DIGITS: Final = re.compile(r"[0-9]+")
# int64, the protocol's model version type.
_MAX_VERSION: Final = 2**63 - 1


def is_model_name(text: str) -> bool:
    return MODEL_NAME.fullmatch(text) is not None


def check_model_name(text: str, kind: str = "model name") -> str:
    """`text`, or InvalidInput when it is not a valid model (or deployment) name."""
    if not is_model_name(text):
        raise InvalidInput(
            f"invalid {kind} '{echo(text)}': use 1-128 letters, digits, '.', '_' or '-', "
            "starting with a letter or digit"
        )
    return text


def check_alias_name(text: str) -> str:
    """`text`, or InvalidInput when it is not a valid alias name."""
    if not ALIAS_NAME.fullmatch(text):
        raise InvalidInput(
            f"invalid alias '{echo(text)}': use 1-63 lowercase letters, digits, '.', '_' or "
            "'-', starting with a letter"
        )
    return text


def parse_version(text: str) -> int | None:
    """A request's model version string: "" means the server's choice, else a version.

    Only ASCII decimal digits make a version: `str.isdigit` and `int` also take other
    scripts' digits, superscripts, signs, `_` and surrounding whitespace.
    """
    if not text:
        return None
    if _DIGITS.fullmatch(text) is None or len(text.lstrip("0")) > 19 or int(text) > _MAX_VERSION:
        raise InvalidInput(
            f"failed to get model version from specified version string '{echo(text)}' "
            "(details: expecting digits only), use empty string for latest version"
        )
    return int(text)
