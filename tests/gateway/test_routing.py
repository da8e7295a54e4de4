"""Resolving names against the routing table, and picking a replica."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from maas.errors import InvalidInput, NotFound, Unavailable
from maas.gateway.routing import Balancer, IndexEntry, Replica, Route, RoutingTable

A = Replica("a", "10.0.0.1:8001", {"mlp": frozenset({"1", "2"}), "bert": frozenset({"1"})})
B = Replica("b", "10.0.0.2:8001", {"mlp": frozenset({"2"})})
C = Replica("c", "10.0.0.3:8001", {"mlp": frozenset({"2"})})

TABLE = RoutingTable(
    (A, B),
    deployed=frozenset({"pending"}),
    aliases={
        "mlp-prod": Route("mlp", "1"),
        "mlp-latest": Route("mlp"),
        "dangling": Route("gone", "1"),
    },
)


def test_a_model_resolves_to_every_replica_serving_it() -> None:
    assert TABLE.resolve("mlp").replicas == (A, B)
    assert TABLE.resolve("mlp").route == Route("mlp", "")
    assert TABLE.resolve("bert").replicas == (A,)
    assert TABLE.replicas_for("mlp") == (A, B)
    assert TABLE.replicas_for("nothing") == ()


def test_a_version_narrows_the_replicas() -> None:
    assert TABLE.resolve("mlp", "1").replicas == (A,)
    assert TABLE.resolve("mlp", "2").replicas == (A, B)
    assert TABLE.resolve("mlp", "2").route == Route("mlp", "2")


def test_unknown_models_are_not_found_in_tritons_words() -> None:
    with pytest.raises(NotFound, match=r"^Request for unknown model: 'nope' is not found$"):
        TABLE.resolve("nope")


def test_deployed_models_without_a_ready_replica_are_unavailable() -> None:
    with pytest.raises(Unavailable, match=r"^no ready replica for model 'pending'$"):
        TABLE.resolve("pending")
    with pytest.raises(Unavailable, match=r"^no ready replica for model 'pending' version 7$"):
        TABLE.resolve("pending", "7")
    with pytest.raises(Unavailable, match="no ready replica for model 'dangling' version 1"):
        TABLE.resolve("dangling")


def test_a_version_no_replica_serves_is_not_found_as_on_a_worker() -> None:
    with pytest.raises(
        NotFound, match=r"^Request for unknown model: 'mlp' version 7 is not found$"
    ):
        TABLE.resolve("mlp", "7")


@pytest.mark.parametrize(
    "version", ["\u00b2", "\u0661", "+1", " 1", "1 ", "1_0", "-1", "1.0", "9" * 30]
)
def test_only_ascii_digits_are_a_version(version: str) -> None:
    with pytest.raises(
        InvalidInput,
        match="failed to get model version from specified version string '"
        + re.escape(version[:20]),
    ):
        TABLE.resolve("mlp", version)


def test_a_version_with_leading_zeros_names_that_version() -> None:
    assert TABLE.resolve("mlp", "01").route == Route("mlp", "1")


def test_aliases_route_to_a_model_and_version() -> None:
    pinned = TABLE.resolve("mlp-prod")
    assert (pinned.route, pinned.replicas) == (Route("mlp", "1"), (A,))
    assert TABLE.resolve("mlp-prod", "1").route == Route("mlp", "1")
    assert TABLE.resolve("mlp-latest").route == Route("mlp", "")
    assert TABLE.resolve("mlp-latest", "2").route == Route("mlp", "2")
    with pytest.raises(NotFound, match=r"'mlp-prod' version 2 is not found"):
        TABLE.resolve("mlp-prod", "2")


def test_index_lists_ready_versions_and_models_without_replicas() -> None:
    assert TABLE.index() == [
        IndexEntry("bert", "1", True),
        IndexEntry("dangling", "1", False),
        IndexEntry("mlp", "1", True),
        IndexEntry("mlp", "2", True),
        IndexEntry("mlp-latest", "1", True),
        IndexEntry("mlp-latest", "2", True),
        IndexEntry("mlp-prod", "1", True),
        IndexEntry("pending", "", False),
    ]


def test_addresses() -> None:
    assert TABLE.addresses == {"10.0.0.1:8001", "10.0.0.2:8001"}
    assert RoutingTable().addresses == frozenset()


def test_ties_are_broken_round_robin() -> None:
    balancer = Balancer()
    picks = Counter(balancer.pick((A, B, C)).id for _ in range(300))  # type: ignore[union-attr]
    assert picks == {"a": 100, "b": 100, "c": 100}


def test_the_replica_with_fewest_outstanding_requests_wins() -> None:
    balancer = Balancer()
    with balancer.track(A), balancer.track(A), balancer.track(B):
        assert balancer.in_flight("a") == 2
        assert [balancer.pick((A, B, C)) for _ in range(3)] == [C, C, C]
        with balancer.track(C), balancer.track(C):
            assert {balancer.pick((A, B, C)) for _ in range(4)} == {B}
    assert (balancer.in_flight("a"), balancer.in_flight("b")) == (0, 0)


def test_exclude_leaves_a_replica_out() -> None:
    balancer = Balancer()
    assert {balancer.pick((A, B), exclude=("a",)) for _ in range(4)} == {B}
    assert balancer.pick((A,), exclude=("a",)) is None
    assert balancer.pick(()) is None


def test_counts_survive_an_exception_and_a_table_swap() -> None:
    balancer = Balancer()
    with pytest.raises(RuntimeError), balancer.track(A):
        raise RuntimeError
    assert balancer.in_flight("a") == 0
    moved = Replica("a", "10.0.0.9:8001", {"mlp": frozenset({"2"})})
    with balancer.track(A):
        # Counts are per replica id, whatever table the replica came from.
        assert balancer.pick((moved, B)) == B
