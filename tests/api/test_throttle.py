"""Throttled authentication on its own (the real server is in test_abuse.py): per address and key id, and
never against the right secret."""

from __future__ import annotations

import pytest

from compliance.service.access import create_key, create_organisation
from compliance.service.errors import Unauthenticated
from compliance.service.throttle import AuthThrottle, TooManyFailures
from compliance.storage.failure_counters import MemoryFailureCounters
from compliance.storage.memory import memory_store
from compliance.storage.records import Role


def test_the_right_secret_passes_even_when_its_key_id_is_throttled() -> None:
    store = memory_store()
    create_organisation(store.access, store.audit, "Atlas", "atlas")
    key, token = create_key(store.access, store.audit, Role.submitter, "atlas")
    throttle = AuthThrottle(MemoryFailureCounters(), limit=2, window=60)
    wrong = f"Bearer {key.id}.{'w' * 43}"
    for _ in range(2):
        with pytest.raises(Unauthenticated):
            throttle.authenticate(store.access, wrong, "10.0.0.1")
    with pytest.raises(TooManyFailures) as throttled:
        throttle.authenticate(store.access, wrong, "10.0.0.1")
    assert 1 <= throttled.value.retry_after <= 60
    assert throttle.authenticate(store.access, f"Bearer {token}", "10.0.0.1").key_id == key.id
    with pytest.raises(Unauthenticated):  # another address guessing the same key id is counted apart
        throttle.authenticate(store.access, wrong, "10.0.0.2")
    for _ in range(5):  # no key at all is not a guess
        with pytest.raises(Unauthenticated):
            throttle.authenticate(store.access, None, "10.0.0.1")
