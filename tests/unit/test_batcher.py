"""The request schedulers: Triton's dynamic batching rules, queue policies, isolation.

The model is a fake whose `infer` can be held until the test releases it, so "every
instance is busy" is a state the test creates rather than a timing it hopes for.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator, Callable, Coroutine, Mapping, Sequence
from typing import Any

import numpy as np
import pytest

from maas.errors import InvalidInput, Overloaded, Unavailable
from maas.worker.batcher import (
    BatchPlan,
    DirectScheduler,
    DynamicBatcher,
    make_scheduler,
    plan_batch,
)
from maas.worker.datatypes import DataType
from maas.worker.scheduling import Job, Scheduler
from maas.worker.spec import BatchingSpec, ModelSpec, QueuePolicy, TensorSpec, TimeoutAction
from maas.worker.stats import ModelStats

# A scheduler that loses a job would leave its caller waiting forever: fail instead.
pytestmark = pytest.mark.timeout(30)

BLOCKER = 100.0  # marker of the job that keeps the only instance busy


class FakeModel:
    """y = 2x and s = row sums, so every caller can check it got exactly its own rows.

    Records what each run saw; holds every run until `release` is set when built with
    `hold=True`; fails a run whose input holds a negative number.
    """

    def __init__(self, *, hold: bool = False) -> None:
        self.release = threading.Event()
        if not hold:
            self.release.set()
        self.batches: list[np.ndarray] = []
        self.threads: set[int] = set()
        self.active = 0
        self.max_active = 0
        self._lock = threading.Lock()

    @property
    def memory_bytes(self) -> int:
        return 0

    def infer(
        self, inputs: Mapping[str, np.ndarray], outputs: Sequence[str]
    ) -> dict[str, np.ndarray]:
        x = inputs["x"]
        with self._lock:
            self.batches.append(x)
            self.threads.add(threading.get_ident())
            self.active += 1
            self.max_active = max(self.max_active, self.active)
        try:
            if not self.release.wait(timeout=5):
                raise TimeoutError("the test never released the model")
            if (x < 0).any():
                raise ValueError("negative input")
            result = {"y": x * 2, "s": x.sum(axis=tuple(range(1, x.ndim)))}
            return {name: result[name] for name in outputs}
        finally:
            with self._lock:
                self.active -= 1

    def unload(self) -> None:
        pass

    @property
    def sizes(self) -> list[int]:
        return [len(batch) for batch in self.batches]

    @property
    def markers(self) -> list[list[float]]:
        """The jobs of each run, in order, by their marker."""
        return [list(dict.fromkeys(batch[:, 0].tolist())) for batch in self.batches]


def job(
    marker: float,
    rows: int = 1,
    *,
    width: int = 4,
    dtype: type[np.floating[Any]] = np.float32,
    outputs: tuple[str, ...] = ("y", "s"),
    priority: int = 0,
    timeout_us: int = 0,
) -> Job:
    """A job whose every row starts with `marker`, the rest telling rows apart."""
    x = np.full((rows, width), marker, dtype)
    x[:, 1:] += np.arange(rows * (width - 1), dtype=dtype).reshape(rows, width - 1)
    return Job(
        inputs={"x": x},
        outputs=outputs,
        batch_size=rows,
        priority=priority,
        timeout_us=timeout_us,
    )


def check(result: dict[str, np.ndarray], submitted: Job) -> None:
    """The outputs are the ones computed from this job's own rows."""
    x = submitted.inputs["x"]
    assert list(result) == list(submitted.outputs)
    if "y" in result:
        np.testing.assert_array_equal(result["y"], x * 2)
    if "s" in result:
        np.testing.assert_array_equal(result["s"], x.sum(axis=1))


def spec(max_batch_size: int, batching: BatchingSpec | None, instances: int = 1) -> ModelSpec:
    dims = (-1,) if max_batch_size > 0 else (-1, -1)
    return ModelSpec(
        name="fake",
        platform="onnxruntime_onnx",
        backend="onnxruntime",
        max_batch_size=max_batch_size,
        inputs=(TensorSpec("x", DataType.FP32, dims),),
        outputs=(TensorSpec("y", DataType.FP32, dims), TensorSpec("s", DataType.FP32, ())),
        batching=batching,
        instance_count=instances,
    )


class Rig:
    """Builds models and schedulers, and releases and closes them all at the end."""

    def __init__(self) -> None:
        self.models: list[FakeModel] = []
        self.schedulers: list[Scheduler] = []

    def model(self, *, hold: bool = False) -> FakeModel:
        model = FakeModel(hold=hold)
        self.models.append(model)
        return model

    def batcher(
        self,
        model: FakeModel,
        *,
        stats: ModelStats | None = None,
        max_batch_size: int = 8,
        instances: int = 1,
        inline: bool = False,
        default_max_queue_size: int = 64,
        batching: BatchingSpec | None = None,
    ) -> Scheduler:
        return self._make(
            spec(max_batch_size, batching or BatchingSpec(), instances),
            model,
            stats,
            inline,
            default_max_queue_size,
        )

    def direct(
        self,
        model: FakeModel,
        *,
        max_batch_size: int = 8,
        instances: int = 1,
        inline: bool = False,
        default_max_queue_size: int = 64,
    ) -> Scheduler:
        return self._make(
            spec(max_batch_size, None, instances), model, None, inline, default_max_queue_size
        )

    def _make(
        self,
        model_spec: ModelSpec,
        model: FakeModel,
        stats: ModelStats | None,
        inline: bool,
        default_max_queue_size: int,
    ) -> Scheduler:
        scheduler = make_scheduler(
            model_spec,
            model,
            stats or ModelStats(),
            default_max_queue_size=default_max_queue_size,
            inline=inline,
        )
        self.schedulers.append(scheduler)
        return scheduler

    async def aclose(self) -> None:
        for model in self.models:
            model.release.set()
        for scheduler in self.schedulers:
            await asyncio.wait_for(scheduler.close(), 10)


@pytest.fixture
async def rig() -> AsyncIterator[Rig]:
    made = Rig()
    yield made
    await made.aclose()


async def until(condition: Callable[[], bool], within_s: float = 2.0) -> None:
    deadline = time.monotonic() + within_s
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        await asyncio.sleep(0.001)


async def settle() -> None:
    """Let every ready task run up to its next wait (submits reach their queue)."""
    for _ in range(5):
        await asyncio.sleep(0)


def spawn(
    coroutine: Coroutine[Any, Any, dict[str, np.ndarray]],
) -> asyncio.Task[dict[str, np.ndarray]]:
    return asyncio.ensure_future(coroutine)


async def occupy(
    scheduler: Scheduler, model: FakeModel, rows: int = 1
) -> asyncio.Task[dict[str, np.ndarray]]:
    """Submit a job that keeps one instance busy until the model is released."""
    running = model.active
    task = spawn(scheduler.submit(job(BLOCKER, rows)))
    await until(lambda: model.active == running + 1)
    return task


async def queue(scheduler: Scheduler, jobs: list[Job]) -> list[asyncio.Task[dict[str, np.ndarray]]]:
    tasks = [spawn(scheduler.submit(j)) for j in jobs]
    await settle()
    return tasks


# --- the dynamic batcher ----------------------------------------------------------------


async def test_64_concurrent_callers_each_get_their_own_rows(rig: Rig) -> None:
    model = rig.model()
    batcher = rig.batcher(
        model, max_batch_size=16, instances=2, batching=BatchingSpec(max_queue_delay_us=2000)
    )
    jobs = [job(float(i), rows=1 + i % 3) for i in range(64)]

    results = await asyncio.gather(*(batcher.submit(j) for j in jobs))

    for result, submitted in zip(results, jobs, strict=True):
        check(result, submitted)
    assert sum(model.sizes) == sum(j.batch_size for j in jobs)
    assert max(model.sizes) <= 16
    assert len(model.batches) < len(jobs)


async def test_queue_delay_gathers_jobs_arriving_over_time(rig: Rig) -> None:
    model = rig.model()
    batcher = rig.batcher(model, batching=BatchingSpec(max_queue_delay_us=300_000))
    started = time.monotonic()
    tasks = []
    for i in range(4):
        tasks.append(spawn(batcher.submit(job(float(i)))))
        await asyncio.sleep(0.02)

    await asyncio.gather(*tasks)

    assert model.sizes == [4]
    assert time.monotonic() - started >= 0.29  # it did wait out the delay


async def test_batch_reaching_a_preferred_size_leaves_before_the_delay(rig: Rig) -> None:
    model = rig.model()
    batcher = rig.batcher(
        model, batching=BatchingSpec(preferred_batch_sizes=(4,), max_queue_delay_us=10_000_000)
    )
    waiting = await queue(batcher, [job(1.0), job(2.0, rows=2)])
    await asyncio.sleep(0.05)
    assert model.batches == []  # three samples: short of 4, so they wait for company

    waiting += await queue(batcher, [job(3.0)])
    await asyncio.wait_for(asyncio.gather(*waiting), 2)

    assert model.sizes == [4]


async def test_preferred_sizes_without_delay_take_the_largest_reachable(rig: Rig) -> None:
    model = rig.model(hold=True)
    batcher = rig.batcher(model, batching=BatchingSpec(preferred_batch_sizes=(2, 4)))
    blocker = await occupy(batcher, model)
    waiting = await queue(batcher, [job(float(i)) for i in range(7)])

    model.release.set()
    await asyncio.gather(blocker, *waiting)

    # 7 queued: 4 (largest preferred), then 2 of the 3 left, then the last one.
    assert model.sizes == [1, 4, 2, 1]


async def test_after_the_delay_everything_up_to_max_batch_size_leaves(rig: Rig) -> None:
    model = rig.model(hold=True)
    batcher = rig.batcher(
        model, batching=BatchingSpec(preferred_batch_sizes=(2,), max_queue_delay_us=50_000)
    )
    blocker = await occupy(batcher, model)
    waiting = await queue(batcher, [job(float(i)) for i in range(3)])
    await asyncio.sleep(0.1)  # the queued jobs are now older than the delay

    model.release.set()
    await asyncio.gather(blocker, *waiting)

    assert model.sizes == [1, 3]  # as Triton: past the delay, not cut to preferred size 2


async def test_max_batch_size_is_never_exceeded(rig: Rig) -> None:
    model = rig.model(hold=True)
    batcher = rig.batcher(model, max_batch_size=5)
    blocker = await occupy(batcher, model)
    jobs = [job(float(i), rows=rows) for i, rows in enumerate([3, 2, 4, 1, 1, 5, 2])]
    waiting = await queue(batcher, jobs)

    model.release.set()
    results = await asyncio.gather(*waiting)
    await blocker

    for result, submitted in zip(results, jobs, strict=True):
        check(result, submitted)
    assert model.sizes == [1, 5, 5, 1, 5, 2]


async def test_incompatible_jobs_never_share_a_batch(rig: Rig) -> None:
    model = rig.model(hold=True)
    batcher = rig.batcher(model)
    blocker = await occupy(batcher, model)
    jobs = [
        job(1.0),
        job(2.0),
        job(3.0, width=3),  # another per-sample shape
        job(4.0),
        job(5.0),
        job(6.0, outputs=("s",)),  # another output set
        job(7.0, dtype=np.float64),  # another dtype
    ]
    waiting = await queue(batcher, jobs)

    model.release.set()
    results = await asyncio.gather(*waiting)
    await blocker

    for result, submitted in zip(results, jobs, strict=True):
        check(result, submitted)
    # FIFO is kept: the jobs behind an incompatible one do not overtake it.
    assert model.markers == [[BLOCKER], [1.0, 2.0], [3.0], [4.0, 5.0], [6.0], [7.0]]
    assert [b.dtype for b in model.batches][-1] == np.float64


async def test_more_urgent_level_is_served_first(rig: Rig) -> None:
    model = rig.model(hold=True)
    batcher = rig.batcher(model, batching=BatchingSpec(priority_levels=2, default_priority_level=2))
    blocker = await occupy(batcher, model)
    waiting = await queue(
        batcher,
        [job(1.0, priority=2), job(2.0), job(3.0, priority=1), job(4.0, priority=1)],
    )

    model.release.set()
    await asyncio.gather(blocker, *waiting)

    assert model.markers == [[BLOCKER], [3.0, 4.0, 1.0, 2.0]]


async def test_urgent_job_can_leave_at_once_while_others_wait_out_the_delay(rig: Rig) -> None:
    model = rig.model()
    batching = BatchingSpec(
        preferred_batch_sizes=(2, 8),
        max_queue_delay_us=10_000_000,
        priority_levels=2,
        default_priority_level=2,
    )
    batcher = rig.batcher(model, batching=batching)
    [patient] = await queue(batcher, [job(1.0, rows=3)])
    await asyncio.sleep(0.02)
    assert model.batches == []  # 3 samples: not a preferred size, so it waits

    [urgent] = await queue(batcher, [job(2.0, rows=2, priority=1)])
    await asyncio.wait_for(urgent, 2)  # 2 samples at the head: a preferred size

    assert model.markers == [[2.0]]
    assert not patient.done()
    await batcher.close()  # closing sends the rest without waiting out the delay
    assert model.markers == [[2.0], [1.0]]


async def test_priority_out_of_range_is_invalid_input(rig: Rig) -> None:
    batcher = rig.batcher(
        rig.model(), batching=BatchingSpec(priority_levels=2, default_priority_level=1)
    )
    for priority in (3, -1):
        with pytest.raises(InvalidInput, match="priority"):
            await batcher.submit(job(1.0, priority=priority))
    # Without priority levels a priority changes nothing.
    single = rig.batcher(rig.model())
    check(await single.submit(job(1.0, priority=7)), job(1.0))


async def test_full_queue_is_refused_at_once_and_queued_jobs_complete(rig: Rig) -> None:
    model = rig.model(hold=True)
    batcher = rig.batcher(
        model, batching=BatchingSpec(default_queue_policy=QueuePolicy(max_queue_size=2))
    )
    blocker = await occupy(batcher, model)
    waiting = await queue(batcher, [job(1.0), job(2.0)])

    with pytest.raises(Overloaded, match="Exceeds maximum queue size"):
        await asyncio.wait_for(batcher.submit(job(3.0)), 1)

    model.release.set()
    await asyncio.gather(blocker, *waiting)
    assert model.markers == [[BLOCKER], [1.0, 2.0]]


async def test_queue_bounds_are_per_level_with_the_worker_default(rig: Rig) -> None:
    model = rig.model(hold=True)
    batching = BatchingSpec(
        priority_levels=2,
        default_priority_level=2,
        priority_queue_policy={1: QueuePolicy(max_queue_size=1)},
    )
    batcher = rig.batcher(model, batching=batching, default_max_queue_size=2)
    blocker = await occupy(batcher, model)
    waiting = await queue(batcher, [job(1.0, priority=1), job(2.0), job(3.0)])

    with pytest.raises(Overloaded):
        await batcher.submit(job(4.0, priority=1))  # level 1's own bound: 1
    with pytest.raises(Overloaded):
        await batcher.submit(job(5.0))  # level 2 has no bound: the worker's default, 2

    model.release.set()
    await asyncio.gather(blocker, *waiting)


async def test_expired_job_is_rejected_even_while_instances_are_busy(rig: Rig) -> None:
    model = rig.model(hold=True)
    policy = QueuePolicy(default_timeout_us=50_000)
    batcher = rig.batcher(model, batching=BatchingSpec(default_queue_policy=policy))
    blocker = await occupy(batcher, model)
    [late] = await queue(batcher, [job(1.0)])

    with pytest.raises(Unavailable, match="Request timeout expired"):
        await asyncio.wait_for(late, 2)
    assert model.active == 1  # the instance never came free: rejected from the queue

    model.release.set()
    await blocker
    assert model.markers == [[BLOCKER]]


@pytest.mark.parametrize(
    ("policy", "requested_us", "expires"),
    [
        (QueuePolicy(default_timeout_us=10_000_000, allow_timeout_override=True), 50_000, True),
        (QueuePolicy(default_timeout_us=50_000, allow_timeout_override=True), 10_000_000, True),
        (QueuePolicy(allow_timeout_override=True), 50_000, True),
        (QueuePolicy(), 50_000, False),
    ],
    ids=["shortens-default", "cannot-lengthen", "no-default", "override-not-allowed"],
)
async def test_request_timeout_override(
    rig: Rig, policy: QueuePolicy, requested_us: int, expires: bool
) -> None:
    model = rig.model(hold=True)
    batcher = rig.batcher(model, batching=BatchingSpec(default_queue_policy=policy))
    blocker = await occupy(batcher, model)
    [waiting] = await queue(batcher, [job(1.0, timeout_us=requested_us)])

    await asyncio.sleep(0.2)
    assert waiting.done() is expires
    model.release.set()
    await blocker
    if expires:
        with pytest.raises(Unavailable, match="Request timeout expired"):
            await waiting
    else:
        check(await waiting, job(1.0))


async def test_delayed_jobs_run_after_timely_ones_of_every_level(rig: Rig) -> None:
    model = rig.model(hold=True)
    policy = QueuePolicy(default_timeout_us=150_000, timeout_action=TimeoutAction.DELAY)
    batching = BatchingSpec(
        priority_levels=2, default_priority_level=2, default_queue_policy=policy
    )
    batcher = rig.batcher(model, max_batch_size=1, batching=batching)
    blocker = await occupy(batcher, model)
    waiting = await queue(batcher, [job(1.0, priority=1)])
    await asyncio.sleep(0.25)  # job 1 expired: DELAY keeps it, behind timely jobs
    waiting += await queue(batcher, [job(2.0, priority=2)])

    model.release.set()
    await asyncio.gather(blocker, *waiting)

    assert model.markers == [[BLOCKER], [2.0], [1.0]]


async def test_failing_batch_fails_only_its_own_jobs(rig: Rig) -> None:
    model = rig.model(hold=True)
    batcher = rig.batcher(model, max_batch_size=2)
    blocker = await occupy(batcher, model)
    bad, unlucky, fine1, fine2 = await queue(batcher, [job(-1.0), job(1.0), job(2.0), job(3.0)])

    model.release.set()
    await blocker
    for failed in (bad, unlucky):
        with pytest.raises(ValueError, match="negative input"):
            await failed
    check(await fine1, job(2.0))
    check(await fine2, job(3.0))
    check(await batcher.submit(job(4.0)), job(4.0))
    assert model.markers == [[BLOCKER], [-1.0, 1.0], [2.0, 3.0], [4.0]]


async def test_output_that_cannot_be_split_fails_the_batch(rig: Rig) -> None:
    class Truncating(FakeModel):
        def infer(
            self, inputs: Mapping[str, np.ndarray], outputs: Sequence[str]
        ) -> dict[str, np.ndarray]:
            return {name: out[:1] for name, out in super().infer(inputs, outputs).items()}

    model = Truncating(hold=True)
    rig.models.append(model)
    batcher = rig.batcher(model)
    blocker = await occupy(batcher, model)
    waiting = await queue(batcher, [job(1.0), job(2.0)])

    model.release.set()
    check(await blocker, job(BLOCKER))  # one row in, one row out: fine
    for task in waiting:
        with pytest.raises(RuntimeError, match="batch dimension"):
            await task


async def test_cancelled_queued_job_never_reaches_the_model(rig: Rig) -> None:
    model = rig.model(hold=True)
    batcher = rig.batcher(
        model, batching=BatchingSpec(default_queue_policy=QueuePolicy(max_queue_size=1))
    )
    blocker = await occupy(batcher, model)
    [gone] = await queue(batcher, [job(1.0)])

    gone.cancel()
    with pytest.raises(asyncio.CancelledError):
        await gone
    [kept] = await queue(batcher, [job(2.0)])  # its queue slot was given back

    model.release.set()
    await asyncio.gather(blocker, kept)
    assert model.markers == [[BLOCKER], [2.0]]


@pytest.mark.parametrize("kind", ["batcher", "direct"])
async def test_cancelled_running_job_gives_its_instance_back(rig: Rig, kind: str) -> None:
    model = rig.model(hold=True)
    scheduler = rig.batcher(model) if kind == "batcher" else rig.direct(model)
    blocker = await occupy(scheduler, model)

    blocker.cancel()
    with pytest.raises(asyncio.CancelledError):
        await blocker
    [after] = await queue(scheduler, [job(1.0)])
    assert model.active == 1  # the cancelled run still holds its instance

    model.release.set()
    check(await after, job(1.0))
    assert model.max_active == 1


async def test_one_job_batch_is_passed_through_without_copies(rig: Rig) -> None:
    model = rig.model()
    batcher = rig.batcher(model)
    single = job(1.0, rows=3)

    result = await batcher.submit(single)

    assert model.batches[0] is single.inputs["x"]
    check(result, single)


async def test_statistics_count_executions_batches_and_queue_waits(rig: Rig) -> None:
    model = rig.model(hold=True)
    stats = ModelStats()
    batcher = rig.batcher(model, stats=stats)
    blocker = await occupy(batcher, model)
    waiting = await queue(batcher, [job(1.0), job(2.0), job(3.0, rows=2)])

    model.release.set()
    await asyncio.gather(blocker, *waiting)

    assert model.sizes == [1, 4]
    assert stats.execution_count == 2
    assert sorted(stats.batches) == [1, 4]
    for batch in stats.batches.values():
        assert batch.compute_input.count == 1
        assert batch.compute_infer.count == 1
        assert batch.compute_output.count == 1
    assert stats.batches[1].compute_infer.ns > 0
    # Per request: four requests were queued and computed.
    assert stats.queue.count == 4
    assert stats.compute_infer.count == 4
    assert stats.compute_input.count == 4
    # Request totals belong to the caller.
    assert stats.inference_count == 0
    assert stats.success.count == 0


async def test_close_runs_accepted_jobs_then_refuses(rig: Rig) -> None:
    model = rig.model(hold=True)
    batcher = rig.batcher(model, batching=BatchingSpec(max_queue_delay_us=10_000_000))
    blocker = await occupy(batcher, model, rows=8)  # a full batch leaves at once
    waiting = await queue(batcher, [job(1.0), job(2.0)])

    closing = asyncio.ensure_future(batcher.close())
    await settle()
    assert not closing.done()
    with pytest.raises(Unavailable, match="model is unloading"):
        await batcher.submit(job(3.0))

    model.release.set()
    await asyncio.wait_for(closing, 2)  # queued jobs did not wait out the 10 s delay
    assert all(task.done() for task in waiting)
    check(waiting[0].result(), job(1.0))
    await blocker
    await batcher.close()
    with pytest.raises(Unavailable, match="model is unloading"):
        await batcher.submit(job(4.0))


async def test_inline_batcher_runs_on_the_loop_and_still_batches(rig: Rig) -> None:
    model = rig.model()
    batcher = rig.batcher(model, inline=True)
    jobs = [job(float(i)) for i in range(10)]

    results = await asyncio.gather(*(batcher.submit(j) for j in jobs))

    for result, submitted in zip(results, jobs, strict=True):
        check(result, submitted)
    assert model.threads == {threading.get_ident()}
    assert max(model.sizes) == 8
    assert sum(model.sizes) == 10


# --- the direct scheduler ---------------------------------------------------------------


async def test_direct_scheduler_runs_at_most_instance_count_at_once(rig: Rig) -> None:
    model = rig.model(hold=True)
    direct = rig.direct(model, instances=2)
    jobs = [job(float(i), rows=2) for i in range(6)]
    waiting = await queue(direct, jobs)
    await until(lambda: model.active == 2)
    await asyncio.sleep(0.05)
    assert len(model.batches) == 2

    model.release.set()
    results = await asyncio.gather(*waiting)

    for result, submitted in zip(results, jobs, strict=True):
        check(result, submitted)
    assert model.max_active == 2
    assert model.sizes == [2] * 6  # never batched together
    assert len(model.threads) == 2


async def test_executor_threads_replace_instance_count(rig: Rig) -> None:
    model = rig.model(hold=True)
    direct = make_scheduler(
        spec(8, None, instances=1),
        model,
        ModelStats(),
        executor_threads=3,
        default_max_queue_size=8,
        inline=False,
    )
    rig.schedulers.append(direct)
    waiting = await queue(direct, [job(float(i)) for i in range(4)])
    await until(lambda: model.active == 3)

    model.release.set()
    await asyncio.gather(*waiting)
    assert model.max_active == 3


async def test_direct_scheduler_bounds_its_queue_and_ignores_timeouts(rig: Rig) -> None:
    model = rig.model(hold=True)
    direct = rig.direct(model, default_max_queue_size=2)
    blocker = await occupy(direct, model)
    waiting = await queue(direct, [job(1.0, timeout_us=1_000), job(2.0, priority=9)])

    with pytest.raises(Overloaded, match="Exceeds maximum queue size"):
        await direct.submit(job(3.0))
    await asyncio.sleep(0.05)  # well past the 1 ms request timeout: Triton ignores it here

    model.release.set()
    await asyncio.gather(blocker, *waiting)
    assert model.markers == [[BLOCKER], [1.0], [2.0]]


async def test_direct_scheduler_serves_unbatched_models(rig: Rig) -> None:
    model = rig.model()
    direct = rig.direct(model, max_batch_size=0)
    x = np.arange(12, dtype=np.float32).reshape(3, 4)  # no batch dimension

    result = await direct.submit(Job(inputs={"x": x}, outputs=("y",), batch_size=1))

    assert model.batches[0] is x
    np.testing.assert_array_equal(result["y"], x * 2)


async def test_direct_scheduler_cancel_close_and_inline(rig: Rig) -> None:
    model = rig.model(hold=True)
    direct = rig.direct(model)
    blocker = await occupy(direct, model)
    gone, kept = await queue(direct, [job(1.0), job(2.0)])
    gone.cancel()
    with pytest.raises(asyncio.CancelledError):
        await gone

    closing = asyncio.ensure_future(direct.close())
    await settle()
    assert not closing.done()
    with pytest.raises(Unavailable, match="model is unloading"):
        await direct.submit(job(3.0))
    model.release.set()
    await asyncio.wait_for(closing, 2)
    await asyncio.gather(blocker, kept)
    assert model.markers == [[BLOCKER], [2.0]]

    on_loop = rig.model()
    inline = rig.direct(on_loop, inline=True)
    check(await inline.submit(job(4.0)), job(4.0))
    assert on_loop.threads == {threading.get_ident()}


# --- choice of scheduler and the pure batching decision ---------------------------------


def test_factory_batches_only_batching_models_with_a_batcher_config() -> None:
    model = FakeModel()

    def kind(max_batch_size: int, batching: BatchingSpec | None) -> type:
        return type(
            make_scheduler(
                spec(max_batch_size, batching),
                model,
                ModelStats(),
                default_max_queue_size=4,
                inline=True,
            )
        )

    assert kind(8, BatchingSpec()) is DynamicBatcher
    assert kind(8, None) is DirectScheduler
    assert kind(0, BatchingSpec()) is DirectScheduler


def _plan(
    sizes: list[int],
    *,
    keys: list[str] | None = None,
    age_ns: int = 0,
    preferred: tuple[int, ...] = (8,),
    delay_ns: int = 0,
) -> BatchPlan:
    now = 10_000_000_000
    keys = keys or ["k"] * len(sizes)
    return plan_batch(
        ((size, key, now - age_ns) for size, key in zip(sizes, keys, strict=True)),
        now_ns=now,
        max_batch_size=8,
        preferred=preferred,
        delay_ns=delay_ns,
    )


@pytest.mark.parametrize(
    ("plan", "expected"),
    [
        (_plan([]), BatchPlan(0)),
        (_plan([1, 1, 1]), BatchPlan(3)),  # no delay: whatever is there
        (_plan([3, 3, 3]), BatchPlan(2)),  # a third job would pass max_batch_size
        (_plan([1, 1, 1], keys=["a", "a", "b"], delay_ns=10**9), BatchPlan(2)),
        (_plan([1, 1, 1], preferred=(2, 4)), BatchPlan(2)),
        (_plan([3, 3], preferred=(4,)), BatchPlan(1)),  # 6 passes every preferred size
        (_plan([1, 1, 1], delay_ns=1000), BatchPlan(0, wait_ns=1000, grow_by=5)),
        (_plan([1, 1, 1], preferred=(4, 8), delay_ns=1000), BatchPlan(0, 1000, grow_by=1)),
        (_plan([1, 1, 1], age_ns=1000, preferred=(2,), delay_ns=1000), BatchPlan(3)),
    ],
    ids=[
        "empty",
        "no-delay",
        "max-batch-size",
        "incompatible-sends-now",
        "largest-preferred",
        "past-largest-preferred",
        "waits-for-delay",
        "waits-for-next-preferred",
        "delay-exceeded-sends-all",
    ],
)
def test_plan_batch(plan: BatchPlan, expected: BatchPlan) -> None:
    assert plan == expected
