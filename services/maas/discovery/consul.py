"""Discovery, leader election and key-value store over a Consul agent's HTTP API.

Works with Consul 1.8 and later. Every change is followed with blocking queries
(``?index=N&wait=...``) as Consul's "Blocking Queries" page prescribes: the index resets
to 0 when it goes backwards (a restarted or restored server) and never stays at 0 (which
would turn the query into a hot loop); consecutive queries are at least
`_MIN_QUERY_INTERVAL_S` apart; errors are retried with capped exponential backoff and
jitter. A blocking response does not mean a change, so watchers compare what they read
with what they last yielded.

Leader election follows Consul's session recipe: a session tied to the node's
``serfHealth`` and to the contender's own gRPC service check, with a short lock-delay,
and a KV key acquired with it (see `DiscoverySettings` for the timing budget).
"""

from __future__ import annotations

import asyncio
import base64
import logging
import random
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any, Final
from urllib.parse import quote

import httpx

from maas.discovery.base import Leadership, ServiceInstance
from maas.discovery.settings import DiscoverySettings
from maas.errors import InvalidInput, NotFound, Unavailable

log = logging.getLogger(__name__)

# Consul answers a blocking query early on any write touching the same index, possibly
# many times a second; this caps the request rate of one watcher regardless.
_MIN_QUERY_INTERVAL_S: Final = 0.05


class ConsulError(Unavailable):
    """Consul could not be reached, or refused a request."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class Backoff:
    """Capped exponential backoff with "equal jitter": each delay is drawn from the upper
    half of the current step, so retries spread out but never come back to back."""

    def __init__(self, initial_s: float, max_s: float) -> None:
        self._initial_s = initial_s
        self._max_s = max(max_s, initial_s)
        self._step_s = initial_s

    def next_delay(self) -> float:
        step = self._step_s
        self._step_s = min(self._step_s * 2, self._max_s)
        return step / 2 + random.uniform(0, step / 2)

    async def sleep(self) -> None:
        await asyncio.sleep(self.next_delay())

    def reset(self) -> None:
        self._step_s = self._initial_s


def _duration(seconds: float) -> str:
    """A Go duration string, as Consul parses them."""
    return f"{round(seconds * 1000)}ms"


def _kv_path(key: str) -> str:
    return "/v1/kv/" + quote(key, safe="/")


def service_check_id(instance_id: str) -> str:
    """The id of the health check registered with `instance_id` (Consul's default)."""
    return f"service:{instance_id}"


class ConsulClient:
    """Requests to one Consul agent, with the token and timeouts from settings."""

    def __init__(self, http: httpx.AsyncClient, settings: DiscoverySettings) -> None:
        self._http = http
        self._settings = settings

    @property
    def settings(self) -> DiscoverySettings:
        return self._settings

    def backoff(self) -> Backoff:
        """A fresh retry schedule with the configured delays."""
        return Backoff(self._settings.retry_initial_s, self._settings.retry_max_s)

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str | int] | None = None,
        json: object = None,
        content: bytes | None = None,
        accept: tuple[int, ...] = (200,),
        timeout_s: float | None = None,
    ) -> httpx.Response:
        """Send one request; a status outside `accept` or a transport failure raises
        `ConsulError`."""
        try:
            response = await self._http.request(
                method,
                path,
                params=params,
                json=json,
                content=content,
                timeout=timeout_s if timeout_s is not None else self._settings.request_timeout_s,
            )
        except httpx.HTTPError as exc:
            reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            raise ConsulError(f"{method} {path}: {reason}") from exc
        if response.status_code not in accept:
            raise ConsulError(
                f"{method} {path}: HTTP {response.status_code}: {response.text.strip()}",
                response.status_code,
            )
        return response

    async def blocking(
        self, path: str, params: Mapping[str, str] | None = None
    ) -> AsyncIterator[httpx.Response]:
        """Responses (200 or 404) to a blocking query on `path`, forever.

        The first comes at once; each later one when Consul saw a possible change or
        the wait ran out. Errors are logged and retried with backoff, never raised.
        """
        loop = asyncio.get_running_loop()
        wait_s = self._settings.watch_wait_s
        # Consul adds up to wait/16 of jitter to the wait before it answers.
        timeout = wait_s * 17 / 16 + self._settings.request_timeout_s
        backoff = self.backoff()
        index = 0
        while True:
            started = loop.time()
            try:
                response = await self.request(
                    "GET",
                    path,
                    params={**(params or {}), "index": index, "wait": _duration(wait_s)},
                    accept=(200, 404),
                    timeout_s=timeout,
                )
            except ConsulError as exc:
                delay = backoff.next_delay()
                log.warning("consul watch failed, retrying in %.1fs: %s", delay, exc)
                await asyncio.sleep(delay)
                continue
            backoff.reset()
            try:
                new_index = int(response.headers.get("X-Consul-Index", "0"))
            except ValueError:
                new_index = 0
            if new_index < index:
                # The server's state was restored or rebuilt. Waiting on the old index
                # would block until the new state caught up with it: start over from 0,
                # which answers at once.
                log.info("consul index of %s went back (%d < %d)", path, new_index, index)
                index = 0
            else:
                # An index of 0 would never block, turning the watch into a hot loop.
                index = max(new_index, 1)
            yield response
            await asyncio.sleep(max(0.0, started + _MIN_QUERY_INTERVAL_S - loop.time()))


class ConsulDiscovery:
    """Registers services with the local agent; watches the catalog's passing ones."""

    def __init__(self, client: ConsulClient) -> None:
        self._client = client
        # What this process registered, so that a meta update can resend the same check.
        self._registered: dict[str, ServiceInstance] = {}

    async def register(self, instance: ServiceInstance) -> None:
        await self._client.request(
            "PUT", "/v1/agent/service/register", json=self._definition(instance)
        )
        self._registered[instance.id] = instance
        log.info("registered %s %s at %s", instance.service, instance.id, instance.address)

    async def update_meta(self, instance_id: str, meta: Mapping[str, str]) -> None:
        instance = self._registered.get(instance_id)
        if instance is None:
            raise NotFound(f"service instance '{instance_id}' is not registered here")
        # Re-registering an identical check keeps its current status, so the instance
        # stays passing while its meta changes.
        await self.register(
            ServiceInstance(instance.id, instance.service, instance.host, instance.port, meta)
        )

    async def deregister(self, instance_id: str) -> None:
        # Newer agents answer 404 for an unknown id; withdrawing it is done either way.
        await self._client.request(
            "PUT",
            f"/v1/agent/service/deregister/{quote(instance_id, safe='')}",
            accept=(200, 404),
        )
        self._registered.pop(instance_id, None)
        log.info("deregistered %s", instance_id)

    async def watch(self, service: str) -> AsyncIterator[tuple[ServiceInstance, ...]]:
        last: tuple[ServiceInstance, ...] | None = None
        path = f"/v1/health/service/{quote(service, safe='')}"
        async for response in self._client.blocking(path, {"passing": "true"}):
            entries = response.json() if response.status_code == 200 else []
            current = tuple(sorted((_instance(e) for e in entries), key=lambda i: i.id))
            if current != last:
                last = current
                yield current

    def _definition(self, instance: ServiceInstance) -> dict[str, object]:
        settings = self._client.settings
        return {
            "ID": instance.id,
            "Name": instance.service,
            "Address": instance.host,
            "Port": instance.port,
            "Meta": dict(instance.meta),
            "Check": {
                "CheckID": service_check_id(instance.id),
                "Name": f"{instance.service} gRPC health",
                "GRPC": instance.address,
                "GRPCUseTLS": False,
                "Interval": _duration(settings.check_interval_s),
                "Timeout": _duration(settings.check_timeout_s),
                "DeregisterCriticalServiceAfter": _duration(settings.deregister_critical_after_s),
            },
        }


def _instance(entry: Mapping[str, Any]) -> ServiceInstance:
    """A `ServiceInstance` from one /v1/health/service entry."""
    service = entry["Service"]
    return ServiceInstance(
        id=service["ID"],
        service=service["Service"],
        # An empty service address means "the node's address".
        host=service.get("Address") or entry["Node"]["Address"],
        port=int(service["Port"]),
        meta=service.get("Meta") or {},
    )


class ConsulKeyValueStore:
    """Consul's KV store."""

    def __init__(self, client: ConsulClient) -> None:
        self._client = client

    async def get(self, key: str) -> bytes | None:
        response = await self._client.request(
            "GET", _kv_path(key), params={"raw": "true"}, accept=(200, 404)
        )
        return response.content if response.status_code == 200 else None

    async def put(self, key: str, value: bytes) -> None:
        try:
            await self._client.request("PUT", _kv_path(key), content=value)
        except ConsulError as exc:
            if exc.status == 413:  # over the agent's kv_max_value_size
                raise InvalidInput(f"value of '{key}' is too large for Consul: {exc}") from exc
            raise

    async def delete(self, key: str) -> None:
        await self._client.request("DELETE", _kv_path(key))

    async def list(self, prefix: str) -> dict[str, bytes]:
        response = await self._client.request(
            "GET", _kv_path(prefix), params={"recurse": "true"}, accept=(200, 404)
        )
        return _entries(response)

    async def watch(self, prefix: str) -> AsyncIterator[dict[str, bytes]]:
        last: dict[str, bytes] | None = None
        async for response in self._client.blocking(_kv_path(prefix), {"recurse": "true"}):
            current = _entries(response)
            if current != last:
                last = current
                yield current


def _entries(response: httpx.Response) -> dict[str, bytes]:
    """Keys and values of a recursive KV read (404: none)."""
    if response.status_code == 404:
        return {}
    return {
        e["Key"]: base64.b64decode(e["Value"]) if e.get("Value") else b"" for e in response.json()
    }


def _holder(response: httpx.Response) -> str | None:
    """The session holding the key of a single-key KV read, if any."""
    if response.status_code == 404:
        return None
    session: str | None = response.json()[0].get("Session")
    return session


class _SessionLost(Exception):
    """The campaign's session is gone or can no longer be trusted."""


class ConsulLeaderElection:
    """Leadership as a KV lock held by a Consul session (see the module docstring)."""

    def __init__(self, client: ConsulClient) -> None:
        self._client = client

    @asynccontextmanager
    async def leadership(self, key: str, instance_id: str) -> AsyncIterator[Leadership]:
        lead = Leadership()
        campaign = _Campaign(self._client, key, instance_id, lead)
        task = asyncio.create_task(campaign.run(), name=f"leadership campaign for {key}")
        try:
            yield lead
        finally:
            task.cancel()
            # wait() rather than await: the campaign's CancelledError is expected and
            # must not be mistaken for a cancellation of the caller.
            await asyncio.wait({task})
            await campaign.resign()


class _Campaign:
    """One contender's background loop: a session per term, renewed, used to acquire."""

    def __init__(self, client: ConsulClient, key: str, instance_id: str, lead: Leadership):
        self._client = client
        self._settings = client.settings
        self._key = key
        self._instance_id = instance_id
        self._lead = lead
        self._session: str | None = None

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        backoff = self._client.backoff()
        while True:
            try:
                # A session a failed term could not destroy still holds the key.
                await self._destroy_session()
                created_at = loop.time()
                self._session = await self._create_session()
            except ConsulError as exc:
                # Typically the instance's first health check has not passed yet.
                delay = backoff.next_delay()
                log.warning("no session for %s yet, retrying in %.1fs: %s", self._key, delay, exc)
                await asyncio.sleep(delay)
                continue
            backoff.reset()
            try:
                async with asyncio.TaskGroup() as tasks:
                    tasks.create_task(self._renew(self._session, created_at))
                    tasks.create_task(self._contend(self._session))
            except* _SessionLost as lost:
                log.warning("lost the session for %s: %s", self._key, lost.exceptions[0])
            except* Exception:
                log.exception("leadership campaign for %s failed; starting over", self._key)
            self._set_leader(False)
            await backoff.sleep()

    async def resign(self) -> None:
        """Release the key (skipping lock-delay, so a successor leads at once) and end
        the session; best effort, as Consul ends a dead contender's session anyway."""
        self._set_leader(False)
        if self._session is None:
            return
        try:
            await self._client.request(
                "PUT", _kv_path(self._key), params={"release": self._session}
            )
            await self._destroy_session()
        except ConsulError as exc:
            log.warning("could not resign leadership of %s: %s", self._key, exc)

    async def _create_session(self) -> str:
        response = await self._client.request(
            "PUT",
            "/v1/session/create",
            json={
                "Name": f"maas leadership of {self._key} by {self._instance_id}",
                "TTL": _duration(self._settings.session_ttl_s),
                "LockDelay": _duration(self._settings.lock_delay_s),
                "Behavior": "release",
                # serfHealth (the default when no checks are given) catches a dead node;
                # the instance's gRPC check catches a dead or unhealthy process within
                # one check interval, far sooner than the TTL.
                "NodeChecks": ["serfHealth"],
                "ServiceChecks": [{"ID": service_check_id(self._instance_id)}],
            },
        )
        session: str = response.json()["ID"]
        return session

    async def _destroy_session(self) -> None:
        if self._session is not None:
            # Idempotent in Consul: destroying an invalidated session succeeds too.
            await self._client.request("PUT", f"/v1/session/destroy/{self._session}")
            self._session = None

    async def _renew(self, session: str, created_at: float) -> None:
        ttl = self._settings.session_ttl_s
        # Consul never expires a session sooner than the TTL after its last renewal; a
        # leader that cannot renew gives up with half of it left, before anyone else
        # could take over.
        give_up_after = ttl / 2
        loop = asyncio.get_running_loop()
        backoff = self._client.backoff()
        renewed_at = created_at
        delay = ttl / 3
        while True:
            await asyncio.sleep(delay)
            started = loop.time()
            remaining = renewed_at + give_up_after - started
            if remaining <= 0:
                raise _SessionLost(f"not renewed for {started - renewed_at:.1f}s")
            try:
                await self._client.request(
                    "PUT", f"/v1/session/renew/{session}", timeout_s=remaining
                )
            except ConsulError as exc:
                if exc.status == 404:
                    raise _SessionLost("Consul invalidated it") from exc
                delay = min(backoff.next_delay(), remaining)
                log.warning(
                    "could not renew the session for %s, retrying in %.1fs: %s",
                    self._key,
                    delay,
                    exc,
                )
                continue
            backoff.reset()
            renewed_at = started
            delay = ttl / 3

    async def _contend(self, session: str) -> None:
        async for response in self._client.blocking(_kv_path(self._key)):
            holder = _holder(response)
            if holder == session:
                self._set_leader(True)
                continue
            self._set_leader(False)
            if holder is None:
                try:
                    await self._acquire_free_key(session)
                except ConsulError as exc:
                    log.warning("could not acquire %s: %s", self._key, exc)

    async def _acquire_free_key(self, session: str) -> None:
        loop = asyncio.get_running_loop()
        step = min(max(self._settings.lock_delay_s / 4, 0.05), 0.25)
        deadline = loop.time() + self._settings.lock_delay_s + step
        while not await self._acquire(session):
            # Refused: another contender was quicker (the blocking query will show it),
            # or the previous holder's session was invalidated and its lock-delay is
            # running. The key does not change when the delay ends, so a blocking query
            # would sleep through it: poll for the delay's length instead.
            if loop.time() >= deadline:
                return
            response = await self._client.request("GET", _kv_path(self._key), accept=(200, 404))
            if _holder(response) is not None:
                return
            await asyncio.sleep(step)

    async def _acquire(self, session: str) -> bool:
        response = await self._client.request(
            "PUT",
            _kv_path(self._key),
            params={"acquire": session},
            content=self._instance_id.encode(),
        )
        acquired = response.json() is True
        if acquired:
            self._set_leader(True)
        return acquired

    def _set_leader(self, is_leader: bool) -> None:
        if is_leader != self._lead.is_leader:
            log.info(
                "%s %s leadership of %s",
                self._instance_id,
                "gained" if is_leader else "gave up",
                self._key,
            )
        self._lead.set(is_leader)
