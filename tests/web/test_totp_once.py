"""A second-factor code passes once. Two sign-ins that read the account before either saved it each saw the
code as unused, and both passed: the step is now advanced in one change of the store, which only the first
makes (memory store and PostgreSQL)."""

from __future__ import annotations

import time

import pyotp

from compliance.service.accounts import Accounts
from compliance.storage.accounts import User
from compliance.storage.protocol import Store
from compliance.storage.records import Role


def test_a_code_passes_once_for_two_sign_ins_that_read_the_account_together(
    any_store: Store, hashed_users: tuple[list[User], str]
) -> None:
    store, secret = any_store, hashed_users[1]
    accounts = Accounts(store.access, store.audit, store.accounts)
    first = store.accounts.find_user("liaison@cndp.ma")
    second = store.accounts.find_user("liaison@cndp.ma")
    assert first is not None and second is not None and first.role is Role.liaison
    totp = pyotp.TOTP(secret)
    code = totp.at(time.time() + totp.interval)  # the next step's: newer than any used so far
    assert accounts.check_totp(first, code) is True
    assert accounts.check_totp(second, code) is False
    saved = store.accounts.get_user(first.id)
    assert saved is not None and saved.totp_last_step > first.totp_last_step
    assert saved.password_hash == first.password_hash  # only the step changed
