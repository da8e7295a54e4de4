"""Where a request goes: the gateway's view of the placement, and how it picks a replica.

Pure data and decisions, no transport. The table is immutable and replaced as a whole
by whoever knows the placement (the scheduler; tests set it directly), so a request
resolves against one consistent snapshot. In-flight counts live in the `Balancer`,
outside the table, so they survive a table replacement.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import count

from maas.errors import NotFound, Unavailable, echo
from maas.names import parse_version


@dataclass(frozen=True, slots=True)
class Route:
    """Where a client-visible model name leads: the model name and version on the worker.

    An empty version leaves the choice to the worker's version policy (latest ready).
    """

    model_name: str
    version: str = ""


@dataclass(frozen=True, slots=True)
class Replica:
    """One ready worker serving some models.

    `models` maps each model name on the worker to the versions it serves there.
    Replicas are keyed by `id` (the gateway counts in-flight requests per id), so two
    entries with one id are one replica.
    """

    id: str
    address: str
    models: Mapping[str, frozenset[str]]

    def __hash__(self) -> int:
        # `models` is a mapping, unhashable; equal replicas still hash alike.
        return hash((self.id, self.address))


@dataclass(frozen=True, slots=True)
class Target:
    """A resolved request: how to name the model upstream, and who can serve it."""

    route: Route
    replicas: tuple[Replica, ...]


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One row of the repository index the gateway reports."""

    name: str
    version: str
    ready: bool


@dataclass(frozen=True, slots=True)
class RoutingTable:
    """A snapshot of placement: ready replicas, deployed models, aliases.

    `deployed` names models that exist but may have no ready replica yet (a request for
    one is UNAVAILABLE, not NOT_FOUND); models served by a replica are deployed anyway.
    `aliases` expose a model under another name, optionally pinned to a version.
    """

    replicas: tuple[Replica, ...] = ()
    deployed: frozenset[str] = frozenset()
    aliases: Mapping[str, Route] = field(default_factory=dict)
    _by_model: dict[str, tuple[Replica, ...]] = field(init=False, repr=False, compare=False)
    _by_version: dict[tuple[str, str], tuple[Replica, ...]] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        # Indexed once per table so that resolving a request is two dict lookups.
        by_model: dict[str, list[Replica]] = {}
        by_version: dict[tuple[str, str], list[Replica]] = {}
        for replica in self.replicas:
            for model, versions in replica.models.items():
                by_model.setdefault(model, []).append(replica)
                for version in versions:
                    by_version.setdefault((model, version), []).append(replica)
        object.__setattr__(self, "_by_model", {k: tuple(v) for k, v in by_model.items()})
        object.__setattr__(self, "_by_version", {k: tuple(v) for k, v in by_version.items()})

    @property
    def addresses(self) -> frozenset[str]:
        return frozenset(r.address for r in self.replicas)

    def replicas_for(self, model: str) -> Sequence[Replica]:
        """Replicas serving any version of `model` (a name on the workers)."""
        return self._by_model.get(model, ())

    def resolve(self, name: str, version: str = "") -> Target:
        """The route and candidate replicas for a client's model name and version.

        The version string is read as a worker reads it (`maas.names.parse_version`), so
        that both answer alike. Raises InvalidInput for a version string that names no
        version; NotFound (Triton's wording) for a name that is neither deployed nor an
        alias, or a version that no replica serves while others of the model are ready
        (what a worker answers); Unavailable for a deployed model without a ready replica.
        """
        number = parse_version(version)
        route = self._route(name, "" if number is None else str(number))
        if route.version:
            replicas = self._by_version.get((route.model_name, route.version), ())
        else:
            replicas = self._by_model.get(route.model_name, ())
        if not replicas:
            if name not in self.aliases and not self._known(route.model_name):
                raise NotFound(f"Request for unknown model: '{echo(name)}' is not found")
            at = f" version {route.version}" if route.version else ""
            if at and self._by_model.get(route.model_name):
                raise NotFound(f"Request for unknown model: '{echo(name)}'{at} is not found")
            raise Unavailable(f"no ready replica for model '{echo(name)}'{at}")
        return Target(route, replicas)

    def index(self) -> list[IndexEntry]:
        """Every client-visible model: one row per ready version, or one not-ready row."""
        names = sorted({*self._by_model, *self.deployed, *self.aliases})
        entries: list[IndexEntry] = []
        for name in names:
            route = self._route(name, "")
            served = sorted(
                {v for r in self.replicas_for(route.model_name) for v in r.models[route.model_name]}
            )
            versions = [v for v in served if not route.version or v == route.version]
            if versions:
                entries.extend(IndexEntry(name, v, True) for v in versions)
            else:
                entries.append(IndexEntry(name, route.version, False))
        return entries

    def _route(self, name: str, version: str) -> Route:
        alias = self.aliases.get(name)
        if alias is None:
            return Route(name, version)
        if version and alias.version and version != alias.version:
            # The alias pins a version; asking it for another one names nothing.
            raise NotFound(
                f"Request for unknown model: '{echo(name)}' version {version} is not found"
            )
        return Route(alias.model_name, alias.version or version)

    def _known(self, model: str) -> bool:
        return model in self._by_model or model in self.deployed


class Balancer:
    """Least outstanding requests across replicas, ties broken round-robin.

    Not thread-safe: one event loop owns it.
    """

    def __init__(self) -> None:
        self._in_flight: dict[str, int] = {}
        self._turn = count()

    def pick(self, replicas: Sequence[Replica], exclude: Iterable[str] = ()) -> Replica | None:
        """The least loaded replica whose id is not in `exclude`, or None."""
        excluded = frozenset(exclude)
        best: list[Replica] = []
        least = -1
        for replica in replicas:
            if replica.id in excluded:
                continue
            load = self._in_flight.get(replica.id, 0)
            if not best or load < least:
                best, least = [replica], load
            elif load == least:
                best.append(replica)
        if not best:
            return None
        return best[next(self._turn) % len(best)]

    def in_flight(self, replica_id: str) -> int:
        return self._in_flight.get(replica_id, 0)

    @contextmanager
    def track(self, replica: Replica) -> Iterator[None]:
        """Count a request as outstanding on `replica` while the block runs."""
        self._in_flight[replica.id] = self._in_flight.get(replica.id, 0) + 1
        try:
            yield
        finally:
            left = self._in_flight[replica.id] - 1
            if left:
                self._in_flight[replica.id] = left
            else:
                # Replicas come and go; an idle one leaves no entry behind.
                del self._in_flight[replica.id]
