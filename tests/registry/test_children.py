"""Child processes for artifact work: answers, refusals, crashes, hangs and bugs."""

from __future__ import annotations

import asyncio
import os
import signal

import pytest

from maas.errors import InvalidInput
from maas.registry.children import ChildError, run_child


async def test_the_answer_comes_back_from_another_process() -> None:
    pid = await run_child("os:getpid", result=int, timeout_s=60, what="work")
    assert pid != os.getpid()


async def test_a_crash_is_a_refused_artifact_not_a_dead_server() -> None:
    # As when a malformed model kills ONNX Runtime (or the kernel kills it for memory).
    with pytest.raises(InvalidInput, match=r"work crashed on the artifact \(SIGKILL\)"):
        await run_child(
            "signal:raise_signal", signal.SIGKILL, result=int, timeout_s=60, what="work"
        )


async def test_a_hang_is_cut_short_and_the_child_killed() -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()
    with pytest.raises(InvalidInput, match=r"did not finish within 0\.5 s"):
        await run_child("time:sleep", 30, result=type(None), timeout_s=0.5, what="work")
    assert loop.time() - started < 10


async def test_bugs_and_refusals_are_told_apart() -> None:
    # json.loads raises ValueError, a bug from the child's point of view...
    with pytest.raises(ChildError, match="JSONDecodeError"):
        await run_child("json:loads", "{", result=dict, timeout_s=60, what="work")
    # ...while a domain error is the input's fault, reported as such.
    with pytest.raises(InvalidInput, match="ONNX model"):
        await run_child(
            "maas.registry.validation:validate_onnx",
            os.devnull,
            result=dict,
            timeout_s=60,
            what="work",
        )


async def test_a_result_of_the_wrong_type_is_a_bug() -> None:
    with pytest.raises(ChildError):
        await run_child("os:getpid", result=str, timeout_s=60, what="work")
