"""Discovery settings, read once from `MAAS_CONSUL_*` environment variables.

No address means all-in-one mode (in-process discovery); an address means Consul.

Timing defaults are chosen for scheduler failover well under 15 s after a leader dies.
Consul invalidates the leader's session as soon as its gRPC check fails: for a killed
process within `check_interval_s` (its port refuses connections), for a hung one within
`check_interval_s` + `check_timeout_s`. Consul then refuses the lock to anyone for
`lock_delay_s`, and the other contenders, woken at once from their blocking queries,
take it: at most 3 s (killed) or 5 s (hung) with the defaults. The session TTL is only a
backstop: it cannot go below 10 s and Consul may wait up to twice the TTL before
expiring a session, so TTL expiry alone could never meet that budget.
"""

from __future__ import annotations

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class DiscoverySettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MAAS_CONSUL_", use_attribute_docstrings=True)

    address: str | None = None
    """HTTP address of the local Consul agent (``127.0.0.1:8500`` or a URL with
    ``http://``/``https://``); unset runs in-process discovery (all-in-one mode)."""

    token: SecretStr | None = None
    """ACL token sent as ``X-Consul-Token``; unset sends none (the agent's default)."""

    check_interval_s: float = Field(default=2.0, ge=1.0, le=3600.0)
    """How often Consul runs each registered instance's gRPC health check (Consul's
    minimum is 1 s). Bounds how long a dead process stays routable and leading."""

    check_timeout_s: float = Field(default=2.0, gt=0.0, le=300.0)
    """How long one gRPC health check may take before it counts as failed: a hung
    process is caught within `check_interval_s` + this, a dead one (connection refused)
    within `check_interval_s`. Shorter risks dropping busy but healthy instances."""

    deregister_critical_after_s: float = Field(default=60.0, ge=60.0)
    """An instance critical for this long is removed by Consul altogether, so killed
    processes leave no registration behind (Consul's minimum is 1 minute; its reaper
    runs every 30 s)."""

    session_ttl_s: float = Field(default=10.0, ge=10.0, le=86400.0)
    """TTL of leader-election sessions, renewed every third of it. A backstop for a
    leader cut off from Consul: Consul allows 10 s to 24 h and may wait up to twice the
    TTL before expiring a session."""

    lock_delay_s: float = Field(default=1.0, ge=0.0, le=60.0)
    """How long Consul refuses a lock after its holder's session was invalidated (its
    default, 15 s, would dominate failover). Gives a leader that lost its session
    without noticing yet a moment to stop; a graceful release skips it."""

    watch_wait_s: float = Field(default=30.0, gt=0.0, le=600.0)
    """Longest a blocking query waits for a change before it is asked again."""

    request_timeout_s: float = Field(default=10.0, gt=0.0)
    """Timeout of every non-blocking request; blocking queries get `watch_wait_s` on
    top of it."""

    retry_initial_s: float = Field(default=0.2, gt=0.0)
    """First delay before retrying after an error; it doubles on every further error."""

    retry_max_s: float = Field(default=5.0, gt=0.0)
    """Cap of the retry delay, so that recovery after an outage is quick."""

    @field_validator("address")
    @classmethod
    def _with_scheme(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip().rstrip("/")
        return value if "://" in value else f"http://{value}"
