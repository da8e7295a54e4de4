"""Request schedulers of one model version: Triton's dynamic batcher and direct execution.

`make_scheduler` picks one from the model's spec. Both run `LoadedModel.infer` in a
dedicated thread pool with one thread per execution instance, or inline on the event
loop for models so fast that a thread hop would cost more than the compute.

The dynamic batcher follows Triton's `DynamicBatchScheduler::GetDynamicBatch`:

- Jobs wait in one FIFO queue per priority level (1 most urgent). A batch is a prefix
  of the queues read in order (level 1 first, then level 2, ...); it stops at the first
  job whose input names, dtypes, per-sample shapes or requested outputs differ from the
  batch's first job, so a compatible job never overtakes an incompatible one, and such
  a job makes the batch before it leave at once (it cannot grow any more).
- Priorities: 0 means the model's `default_priority_level`; anything outside
  1..`priority_levels` is refused with `InvalidInput` (Triton quietly uses the default
  level instead). A model without priority levels ignores priorities, as Triton does.
- A batch is formed only when an execution instance is free, so under load the queue
  (bounded, and refused early with `Overloaded`) absorbs requests, and jobs that arrive
  while every instance is busy leave together in the next batch.
- The preferred batch sizes default to `{max_batch_size}`, as Triton's config
  normalisation does. A batch leaves at once with the largest preferred size it
  reaches, or with what is pending when the next job would carry it past the largest
  preferred size. Otherwise it waits up to `max_queue_delay_us` from its oldest job's
  arrival and then leaves with every compatible job up to `max_batch_size` (with no
  delay: as soon as an instance is free).
- Queue timeouts: a job expires `default_timeout_us` after it was queued, or after its
  own `timeout_us` when the level's policy allows overrides and the request asks for
  less: Triton's documentation lets a request shorten the default, never lengthen it.
  With no default timeout any requested timeout applies (Triton's code then ignores the
  request's; its documented intent is followed here). REJECT fails an expired job at
  once with `Unavailable("Request timeout expired")`, even while every instance is
  busy. DELAY keeps it, but behind every unexpired job of every level (Triton keeps a
  delayed queue per level; one shared queue never lets a late job hold up a timely
  one). Expired DELAY jobs still count against their level's `max_queue_size`.

Telemetry: given a version's `ModelMetrics`, both record each job's queue wait and
each batch's compute time and size, and report their queue depth. While tracing is on,
a job submitted under a recording span gets a `queue` span, and each batch serving such
jobs gets a `batch` span (child of the first one, linking to all of them) with a
`compute` child for the backend run: spans are made from timestamps taken anyway, on
the event loop, never in the executor thread.

The direct scheduler runs each job alone, in arrival order, with at most
`instance_count` at once. Like Triton's default scheduler it applies no priority and no
request timeout (Triton's schedule-policy extension says those are specific to the
dynamic batcher); its queue is bounded by the worker's `default_max_queue_size`.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Sequence
from concurrent.futures import Future as ThreadFuture
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from opentelemetry.trace import Link, Span

from maas.errors import InvalidInput, Overloaded, Unavailable
from maas.telemetry import tracing
from maas.telemetry.metrics import ModelMetrics
from maas.worker.backends.base import LoadedModel
from maas.worker.scheduling import Job, Scheduler
from maas.worker.spec import BatchingSpec, ModelSpec, QueuePolicy, TimeoutAction
from maas.worker.stats import ModelStats

Outputs = dict[str, np.ndarray]
# What a batch run yields: each job's outputs, the batch size, its start
# (`time.monotonic_ns()`), and the input, infer and output durations in ns.
_BatchResult = tuple[list[Outputs], int, int, int, int, int]


def make_scheduler(
    spec: ModelSpec,
    model: LoadedModel,
    stats: ModelStats,
    *,
    executor_threads: int | None = None,
    default_max_queue_size: int,
    inline: bool,
    metrics: ModelMetrics | None = None,
) -> Scheduler:
    """The scheduler for one loaded model version.

    The dynamic batcher when the spec enables batching and the model has a batch
    dimension, else the direct scheduler. `executor_threads` replaces
    `spec.instance_count` as the number of threads, and so of batches executing at
    once. `default_max_queue_size` bounds each queue whose policy sets no
    `max_queue_size`. With `inline` every run happens on the event loop, one at a time.
    `metrics`, the version's bundle, receives queue, compute and batch observations.
    """
    instances = spec.instance_count if executor_threads is None else executor_threads
    if spec.batching is not None and spec.max_batch_size > 0:
        return DynamicBatcher(
            spec.batching,
            spec.max_batch_size,
            model,
            stats,
            instances=instances,
            default_max_queue_size=default_max_queue_size,
            inline=inline,
            name=spec.name,
            metrics=metrics,
        )
    return DirectScheduler(
        model,
        stats,
        batched=spec.max_batch_size > 0,
        instances=instances,
        max_queue_size=default_max_queue_size,
        inline=inline,
        name=spec.name,
        metrics=metrics,
    )


class DynamicBatcher:
    """Triton's dynamic batcher for one model version (see the module docstring)."""

    def __init__(
        self,
        batching: BatchingSpec,
        max_batch_size: int,
        model: LoadedModel,
        stats: ModelStats,
        *,
        instances: int,
        default_max_queue_size: int,
        inline: bool,
        name: str,
        metrics: ModelMetrics | None = None,
    ) -> None:
        levels = batching.priority_levels
        if levels > 0 and not 1 <= batching.default_priority_level <= levels:
            raise ValueError(
                f"model '{name}': default priority level {batching.default_priority_level} "
                f"is not within 1..{levels}"
            )
        if default_max_queue_size < 1:
            raise ValueError("default_max_queue_size must be at least 1")
        self._name = name
        self._max_batch_size = max_batch_size
        self._preferred = tuple(sorted(set(batching.preferred_batch_sizes))) or (max_batch_size,)
        self._delay_ns = batching.max_queue_delay_us * 1000
        self._priority_levels = levels
        self._default_level = batching.default_priority_level
        policies = (
            [batching.queue_policy(level) for level in range(1, levels + 1)]
            if levels > 0
            else [batching.default_queue_policy]
        )
        self._levels = [
            _Level(index, policy, default_max_queue_size) for index, policy in enumerate(policies)
        ]
        self._delayed: deque[_Entry] = deque()
        # Service order: every level, most urgent first, then the expired DELAY jobs.
        self._order = [level.queue for level in self._levels] + [self._delayed]
        self._instances = _Instances(
            model,
            stats,
            batched=True,
            count=instances,
            inline=inline,
            name=name,
            freed=self._kick,
            metrics=metrics,
        )
        # True while a pump is scheduled or running: further kicks are absorbed by it.
        self._kicked = False
        self._delay_timer: asyncio.TimerHandle | None = None
        # Set while waiting out the queue delay: arrivals that cannot change the decision
        # then schedule no pump, so each costs O(1) rather than a re-plan of the queue.
        self._gate: _Gate | None = None
        self._closing = False
        self._drained: asyncio.Event | None = None
        self._metrics = metrics
        if metrics is not None:
            metrics.watch_queue(self._queued)

    def _queued(self) -> int:
        return sum(level.waiting for level in self._levels)

    async def submit(self, job: Job) -> Outputs:
        """Queue the job, wait for its batch to run, and return the job's own outputs."""
        if self._closing:
            raise Unavailable("model is unloading")
        level = self._level_of(job.priority)
        if level.waiting >= level.max_size:
            raise Overloaded("Exceeds maximum queue size")
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Outputs] = loop.create_future()
        entry = _Entry(job, future, level, key=_compatibility(job))
        timeout_us = level.timeout_us(job.timeout_us)
        if timeout_us:
            entry.timer = loop.call_later(timeout_us / 1e6, self._expire, entry)
        level.queue.append(entry)
        level.waiting += 1
        entry.where = level.queue
        if self._instances.free:
            self._arrived(entry)
        try:
            return await future
        except asyncio.CancelledError:
            if entry.where is not None:
                entry.withdraw()
                self._kick()
            raise

    async def close(self) -> None:
        """Refuse new jobs, run every queued one without further delay, stop the threads."""
        self._closing = True
        instances = self._instances
        if instances.free < instances.count or any(self._order):
            if self._drained is None:
                self._drained = asyncio.Event()
            self._kick()
            await self._drained.wait()
        instances.shutdown()
        if self._metrics is not None:
            self._metrics.unwatch_queue(self._queued)

    def _level_of(self, priority: int) -> _Level:
        if self._priority_levels == 0:
            # One queue: like Triton, a model without priority levels ignores priorities.
            return self._levels[0]
        level = priority or self._default_level
        if not 1 <= level <= self._priority_levels:
            raise InvalidInput(
                f"priority {priority} is out of range for model '{self._name}': "
                f"expected 1..{self._priority_levels} (0 for the default)"
            )
        return self._levels[level - 1]

    def _arrived(self, entry: _Entry) -> None:
        gate = self._gate
        if gate is not None:
            gate.room -= entry.job.batch_size
            # The last plan saw every queued job, all compatible and short of the next
            # preferred size; a compatible job appended behind them that keeps the batch
            # short changes nothing.
            if gate.room > 0 and entry.key == gate.key and entry.level.index >= gate.last_level:
                return
        self._kick()

    def _kick(self) -> None:
        """Plan at the end of this loop iteration, so that every job arriving in it can
        join the batch (this is also what lets inline execution batch at all)."""
        if not self._kicked:
            self._kicked = True
            asyncio.get_running_loop().call_soon(self._pump)

    def _expire(self, entry: _Entry) -> None:
        # The timer is cancelled whenever the entry leaves the queues, so it is queued.
        assert entry.where is not None
        entry.timer = None
        if entry.level.delay:
            entry.where.remove(entry)
            self._delayed.append(entry)
            entry.where = self._delayed
        else:
            entry.withdraw()
            if not entry.future.done():
                entry.future.set_exception(Unavailable("Request timeout expired"))
        self._kick()

    def _pump(self) -> None:
        """Start batches while an instance is free and the plan says so."""
        self._kicked = True
        self._gate = None
        if self._delay_timer is not None:
            self._delay_timer.cancel()
            self._delay_timer = None
        instances = self._instances
        try:
            while instances.free:
                if not any(self._order):
                    if self._drained is not None and instances.free == instances.count:
                        self._drained.set()
                    return
                plan = plan_batch(
                    self._candidates(),
                    now_ns=time.monotonic_ns(),
                    max_batch_size=self._max_batch_size,
                    preferred=self._preferred,
                    # Closing flushes the queue instead of waiting for company.
                    delay_ns=0 if self._closing else self._delay_ns,
                )
                if plan.take:
                    instances.start(self._take(plan.take))
                    continue
                # With jobs queued, a plan that takes none waits for the delay.
                self._delay_timer = asyncio.get_running_loop().call_later(
                    plan.wait_ns / 1e9, self._pump
                )
                if not self._delayed:
                    self._gate = self._gate_for(plan.grow_by)
                return
        finally:
            self._kicked = False

    def _candidates(self) -> Iterable[tuple[int, Hashable, int]]:
        return (
            (entry.job.batch_size, entry.key, entry.enqueued_ns)
            for queue in self._order
            for entry in queue
        )

    def _take(self, count: int) -> list[_Entry]:
        taken: list[_Entry] = []
        for queue in self._order:
            while queue and len(taken) < count:
                entry = queue.popleft()
                entry.left()
                taken.append(entry)
        return taken

    def _gate_for(self, grow_by: int) -> _Gate:
        # Only called after a plan read every queued job into one compatible batch.
        last = max(level.index for level in self._levels if level.queue)
        return _Gate(key=self._levels[last].queue[0].key, last_level=last, room=grow_by)


class DirectScheduler:
    """Runs each job alone, first come first served, `instances` at a time."""

    def __init__(
        self,
        model: LoadedModel,
        stats: ModelStats,
        *,
        batched: bool,
        instances: int,
        max_queue_size: int,
        inline: bool,
        name: str,
        metrics: ModelMetrics | None = None,
    ) -> None:
        if max_queue_size < 1:
            raise ValueError("max_queue_size must be at least 1")
        self._instances = _Instances(
            model,
            stats,
            batched=batched,
            count=instances,
            inline=inline,
            name=name,
            freed=self._next,
            metrics=metrics,
        )
        self._line = _Level(0, QueuePolicy(), max_queue_size)
        self._closing = False
        self._drained: asyncio.Event | None = None
        self._metrics = metrics
        if metrics is not None:
            metrics.watch_queue(self._queued)

    def _queued(self) -> int:
        return self._line.waiting

    async def submit(self, job: Job) -> Outputs:
        """Run the job as soon as an instance is free and return its outputs."""
        if self._closing:
            raise Unavailable("model is unloading")
        line = self._line
        future: asyncio.Future[Outputs] = asyncio.get_running_loop().create_future()
        entry = _Entry(job, future, line)
        if self._instances.free:
            self._instances.start([entry])
        elif line.waiting >= line.max_size:
            raise Overloaded("Exceeds maximum queue size")
        else:
            line.queue.append(entry)
            line.waiting += 1
            entry.where = line.queue
        try:
            return await future
        except asyncio.CancelledError:
            if entry.where is not None:
                entry.withdraw()
            raise

    async def close(self) -> None:
        """Refuse new jobs, let queued and running ones finish, stop the threads."""
        self._closing = True
        if self._instances.free < self._instances.count:
            if self._drained is None:
                self._drained = asyncio.Event()
            await self._drained.wait()
        self._instances.shutdown()
        if self._metrics is not None:
            self._metrics.unwatch_queue(self._queued)

    def _next(self) -> None:
        queue = self._line.queue
        while queue:
            entry = queue.popleft()
            entry.left()
            # A caller cancelled in this very loop iteration has not withdrawn yet.
            if not entry.future.done():
                self._instances.start([entry])
                return
        if self._drained is not None and self._instances.free == self._instances.count:
            self._drained.set()


@dataclass(frozen=True, slots=True)
class BatchPlan:
    """What the dynamic batcher does next with its queue.

    `take` > 0: dispatch the first `take` queued jobs now. Otherwise, with jobs queued,
    wait `wait_ns` for the queue delay to run out; meanwhile only arrivals that are
    incompatible, or that add up to `grow_by` more samples, can change the decision.
    """

    take: int
    wait_ns: int = 0
    grow_by: int = 0


_NOTHING = BatchPlan(0)


def plan_batch(
    candidates: Iterable[tuple[int, Hashable, int]],
    *,
    now_ns: int,
    max_batch_size: int,
    preferred: Sequence[int],
    delay_ns: int,
) -> BatchPlan:
    """Decide the next batch the way Triton's `GetDynamicBatch` does.

    `candidates` are the queued jobs in service order as (batch size, compatibility
    key, enqueue time in ns); `preferred` holds the preferred batch sizes, ascending and
    never empty. At most `max_batch_size` + 1 candidates are read.
    """
    max_preferred = preferred[-1]
    pending = 0
    count = 0
    best = 0  # jobs in the best batch found so far; 0: none yet
    oldest_ns = now_ns
    head_key: Hashable = None
    send_now = False
    for size, key, enqueued_ns in candidates:
        if count == 0:
            head_key = key
        else:
            if best == 0 and pending + size > max_preferred:
                # Growing past every preferred size: what is pending is the best batch.
                best = count
            if pending + size > max_batch_size or key != head_key:
                send_now = True
                break
        pending += size
        count += 1
        oldest_ns = min(oldest_ns, enqueued_ns)
        if pending in preferred:
            best = count
    if count == 0:
        return _NOTHING
    waited_ns = now_ns - oldest_ns
    delay_exceeded = delay_ns != 0 and waited_ns >= delay_ns
    if best != 0 and not delay_exceeded:
        return BatchPlan(best)
    if send_now or pending >= max_preferred or delay_exceeded or delay_ns == 0:
        return BatchPlan(count)
    grow_to = next(size for size in preferred if size > pending)
    return BatchPlan(0, wait_ns=delay_ns - waited_ns, grow_by=grow_to - pending)


class _Level:
    """One priority level's queue and policy."""

    __slots__ = (
        "allow_override",
        "default_timeout_us",
        "delay",
        "index",
        "max_size",
        "queue",
        "waiting",
    )

    def __init__(self, index: int, policy: QueuePolicy, default_max_queue_size: int) -> None:
        self.index = index
        self.queue: deque[_Entry] = deque()
        self.max_size = policy.max_queue_size or default_max_queue_size
        self.default_timeout_us = policy.default_timeout_us
        self.allow_override = policy.allow_timeout_override
        self.delay = policy.timeout_action is TimeoutAction.DELAY
        # Jobs of this level not yet dispatched, expired DELAY ones included (Triton
        # counts those against max_queue_size too).
        self.waiting = 0

    def timeout_us(self, requested: int) -> int:
        """The queue timeout of a job that asked for `requested` (0: none asked)."""
        default = self.default_timeout_us
        if self.allow_override and requested > 0 and (default == 0 or requested < default):
            return requested
        return default


@dataclass(slots=True)
class _Gate:
    """The pending batch a delay wait is for: its key, its least urgent level, and the
    samples still missing to reach the next preferred size."""

    key: Hashable
    last_level: int
    room: int


class _Entry:
    """A job from submission until its execution starts."""

    __slots__ = ("enqueued_ns", "future", "job", "key", "level", "span", "timer", "where")

    def __init__(
        self, job: Job, future: asyncio.Future[Outputs], level: _Level, *, key: Hashable = None
    ) -> None:
        self.job = job
        self.future = future
        self.level = level
        self.key = key
        self.enqueued_ns = time.monotonic_ns()
        # The submitter's recording span (its request's), None when not traced.
        self.span = tracing.recording_span()
        self.timer: asyncio.TimerHandle | None = None
        # The queue holding the entry (its level's, or the delayed one); None outside.
        self.where: deque[_Entry] | None = None

    def withdraw(self) -> None:
        """Take the entry out of its queue, wherever it stands."""
        assert self.where is not None
        self.where.remove(self)
        self.left()

    def left(self) -> None:
        """Account for the entry having left its queue."""
        self.where = None
        self.level.waiting -= 1
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None


def _compatibility(job: Job) -> Hashable:
    """Jobs with equal keys can share a batch: same inputs, dtypes, per-sample shapes and
    requested outputs."""
    # Sets: the order in which a request lists its tensors does not matter.
    return (
        frozenset((name, array.dtype, array.shape[1:]) for name, array in job.inputs.items()),
        frozenset(job.outputs),
    )


class _Instances:
    """Execution instances: run batches in threads (or inline) and resolve their futures.

    Used from the event loop only. `freed` is called each time an instance becomes free,
    after the finished batch's futures are resolved and its statistics recorded.
    """

    def __init__(
        self,
        model: LoadedModel,
        stats: ModelStats,
        *,
        batched: bool,
        count: int,
        inline: bool,
        name: str,
        freed: Callable[[], None],
        metrics: ModelMetrics | None,
    ) -> None:
        if count < 1:
            raise ValueError(f"model '{name}' needs at least one execution instance")
        self.count = count
        self.free = count
        self._model = model
        self._stats = stats
        self._batched = batched
        self._freed = freed
        self._metrics = metrics
        self._attributes: dict[str, str] = {"maas.model.name": name}
        if metrics is not None:
            self._attributes["maas.model.version"] = metrics.version
        self._executor = (
            None
            if inline
            else ThreadPoolExecutor(max_workers=count, thread_name_prefix=f"infer-{name}")
        )

    def start(self, entries: Sequence[_Entry]) -> None:
        """Take a free instance and run the entries on it as one batch."""
        self.free -= 1
        now = time.monotonic_ns()
        metrics = self._metrics
        for entry in entries:
            waited = now - entry.enqueued_ns
            self._stats.record_queue(waited)
            if metrics is not None:
                traced = entry.span
                metrics.queue_seconds.observe(
                    waited / 1e9, None if traced is None else tracing.exemplar(traced)
                )
        batch = (
            None if tracing.tracer() is None else _start_batch_span(entries, now, self._attributes)
        )
        jobs = [entry.job for entry in entries]
        if self._executor is None:
            result: _BatchResult | BaseException
            try:
                result = _run_batch(self._model, jobs, self._batched)
            except Exception as exc:
                result = exc
            self._complete(entries, result, batch)
            return
        loop = entries[0].future.get_loop()
        work = self._executor.submit(_run_batch, self._model, jobs, self._batched)
        work.add_done_callback(
            lambda done: loop.call_soon_threadsafe(self._complete_thread, entries, done, batch)
        )

    def shutdown(self) -> None:
        """Stop the threads; only once no batch is running."""
        if self._executor is not None:
            self._executor.shutdown()

    def _complete_thread(
        self, entries: Sequence[_Entry], done: ThreadFuture[_BatchResult], batch: Span | None
    ) -> None:
        error = done.exception()
        self._complete(entries, done.result() if error is None else error, batch)

    def _complete(
        self,
        entries: Sequence[_Entry],
        result: _BatchResult | BaseException,
        batch: Span | None,
    ) -> None:
        self.free += 1
        if batch is not None:
            _end_batch_span(batch, result)
        if isinstance(result, BaseException):
            for entry in entries:
                # A caller that went away has a cancelled future; its result is dropped.
                if not entry.future.done():
                    entry.future.set_exception(result)
        else:
            outputs, batch_size, _, input_ns, infer_ns, output_ns = result
            self._stats.record_execution(
                batch_size=batch_size,
                requests=len(entries),
                input_ns=input_ns,
                infer_ns=infer_ns,
                output_ns=output_ns,
            )
            metrics = self._metrics
            if metrics is not None:
                sample = None if batch is None else tracing.exemplar(batch)
                metrics.compute_seconds.observe(infer_ns / 1e9, sample)
                metrics.batch_size.observe(batch_size, sample)
            for entry, output in zip(entries, outputs, strict=True):
                if not entry.future.done():
                    entry.future.set_result(output)
        self._freed()


def _run_batch(model: LoadedModel, jobs: list[Job], batched: bool) -> _BatchResult:
    """Concatenate, infer, split: one execution. Runs in an executor thread unless inline.

    A model output without the batch's total in dimension 0 cannot be split, so the whole
    batch fails with RuntimeError (an internal error, not the caller's fault).
    """
    started = time.monotonic_ns()
    head = jobs[0]
    if len(jobs) == 1:
        inputs = head.inputs
        total = head.batch_size
    else:
        inputs = {name: np.concatenate([job.inputs[name] for job in jobs]) for name in head.inputs}
        total = sum(job.batch_size for job in jobs)
    concatenated = time.monotonic_ns()
    result = model.infer(inputs, head.outputs)
    inferred = time.monotonic_ns()
    for name in head.outputs:
        array = result.get(name)
        if array is None:
            raise RuntimeError(f"model returned no output '{name}'")
        if batched and (array.ndim == 0 or array.shape[0] != total):
            raise RuntimeError(
                f"model output '{name}' has shape {list(array.shape)}, "
                f"expected {total} in the batch dimension"
            )
    if len(jobs) == 1:
        outputs = [{name: result[name] for name in head.outputs}]
    else:
        # Views, not copies: a slice along axis 0 of a C-contiguous array is C-contiguous.
        outputs = []
        offset = 0
        for job in jobs:
            end = offset + job.batch_size
            outputs.append({name: result[name][offset:end] for name in job.outputs})
            offset = end
    finished = time.monotonic_ns()
    return (
        outputs,
        total,
        started,
        concatenated - started,
        inferred - concatenated,
        finished - inferred,
    )


def _start_batch_span(
    entries: Sequence[_Entry], dispatched_ns: int, attributes: dict[str, str]
) -> Span | None:
    """Close each traced job's `queue` span and open the batch's span: a child of the
    first traced job, linking to every traced job. None when no job is traced."""
    traced = [entry for entry in entries if entry.span is not None]
    if not traced:
        return None
    offset = tracing.wall_clock_offset_ns()
    dispatched = dispatched_ns + offset
    spans: list[Span] = []
    for entry in traced:
        assert entry.span is not None
        spans.append(entry.span)
        tracing.record_span("queue", entry.span, entry.enqueued_ns + offset, dispatched)
    batch = tracing.start_child(
        "batch", spans[0], dispatched, links=[Link(s.get_span_context()) for s in spans]
    )
    batch.set_attributes(attributes)
    batch.set_attribute("maas.batch.requests", len(entries))
    return batch


def _end_batch_span(batch: Span, result: _BatchResult | BaseException) -> None:
    if isinstance(result, BaseException):
        tracing.set_error(batch, result)
    else:
        _, batch_size, started, input_ns, infer_ns, _ = result
        batch.set_attribute("maas.batch.size", batch_size)
        compute_start = started + input_ns + tracing.wall_clock_offset_ns()
        tracing.record_span("compute", batch, compute_start, compute_start + infer_ns)
    batch.end()
