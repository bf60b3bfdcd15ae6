"""People's accounts, one-time links and drafts survive a crash between their write and their audit entry.

Each step runs the service in a child process over the real TinyDB data folder with
`COMPLIANCE_CRASH_AT=<action>:stored`: the child dies (`os._exit`) right after the change and its event
were written to the file, before the event reached the audit log. Opening the folder again (as the next
server start or admin command does) must log the event, once, and `compliance audit verify` must pass.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from compliance.cli.main import main
from compliance.service.accounts import Accounts
from compliance.service.store import Role, open_store
from compliance.storage.accounts import User
from compliance.storage.faults import CRASH_EXIT_CODE

PASSWORD = "correct horse battery staple"

# Run in the child: `store`, `accounts`, `admin` (as created: an erasure cut short may have removed it)
# and `member` (as stored now) are set, then the step's code.
CHILD = """
import sys
from pathlib import Path
from compliance.service.access import Principal
from compliance.service.accounts import Accounts
from compliance.service.drafts import Drafts
from compliance.service.org_data import erase_organisation
from compliance.service.store import Role, open_store
from compliance.storage.accounts import User
store = open_store(Path(sys.argv[1]))
accounts = Accounts(store.access, store.audit, store.accounts)
admin, member = (User.model_validate_json(a) for a in sys.argv[2:4])
member = store.accounts.get_user(member.id) or member
exec(sys.argv[4])
"""


def _logged(data: Path) -> Counter[tuple[str, str | None]]:
    lines = (data / "audit.log").read_text().splitlines()
    return Counter((e["action"], e["target"]) for e in map(json.loads, lines))


def _crash(data: Path, point: str, code: str, admin: User, member: User) -> None:
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(data), admin.model_dump_json(), member.model_dump_json(), code],
        env=os.environ | {"COMPLIANCE_CRASH_AT": point},
        capture_output=True,
        text=True,
        check=False,
    )
    assert child.returncode == CRASH_EXIT_CODE, f"the child did not stop at {point}: {child.stderr}"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    assert main(["admin", "create-org", "--name", "Atlas AI", "--id", "atlas", "--data-dir", str(data)]) == 0
    return data


def _people(data: Path) -> tuple[User, User]:
    store = open_store(data)
    try:
        accounts = Accounts(store.access, store.audit, store.accounts)
        admin = accounts.create_user("admin@atlas.ma", PASSWORD, Role.submitter, "atlas", org_admin=True)
        member = accounts.create_user("member@atlas.ma", PASSWORD, Role.submitter, "atlas")
        return admin, member
    finally:
        store.close()


def _after_restart(data: Path) -> tuple[Counter[tuple[str, str | None]], Accounts]:
    """The start-up recovery, then the log and the accounts as stored."""
    store = open_store(data)
    store.close()
    assert main(["audit", "verify", "--data-dir", str(data)]) == 0
    return _logged(data), Accounts(store.access, store.audit, store.accounts)


def test_each_account_change_killed_before_its_entry_is_logged_at_the_next_start(data: Path) -> None:
    admin, member = _people(data)

    # An invitation accepted: the account is stored with its event, the process dies before the log.
    store = open_store(data)
    link = Accounts(store.access, store.audit, store.accounts).invite(admin, "invited@atlas.ma")
    store.close()
    _crash(
        data,
        "user.created:stored",
        f"accounts.accept_invitation({link.token!r}, {PASSWORD!r})",
        admin,
        member,
    )
    logged, accounts = _after_restart(data)
    invited = accounts.repo.find_user("invited@atlas.ma")
    assert invited is not None and logged[("user.created", invited.id)] == 1

    # A password reset by link, a role change, an account disabled.
    store = open_store(data)
    reset = Accounts(store.access, store.audit, store.accounts).issue_reset(admin, member.id)
    store.close()
    steps = [
        (
            "user.password_changed:stored",
            f"accounts.reset_password({reset.token!r}, 'a brand new passphrase')",
        ),
        ("user.role_changed:stored", "accounts.set_org_admin(admin, member.id, True)"),
        ("user.disabled:stored", "accounts.set_disabled(admin, member.id, True)"),
    ]
    for point, code in steps:
        _crash(data, point, code, admin, member)
        logged, accounts = _after_restart(data)
        assert logged[(point.split(":")[0], member.id)] == 1, point
    stored = accounts.repo.get_user(member.id)
    assert stored is not None and stored.org_admin and stored.disabled
    assert stored.password_changed_at > member.password_changed_at
    assert logged[("user.created", member.id)] == 1  # nothing logged twice by the restarts

    # The account erased: gone from the store, its tombstone (the id only) in the log.
    _crash(data, "user.erased:stored", "accounts.erase_user(admin, member)", admin, member)
    logged, accounts = _after_restart(data)
    assert accounts.repo.get_user(member.id) is None and logged[("user.erased", member.id)] == 1
    assert "member@atlas.ma" not in (data / "audit.log").read_text()


def test_a_draft_saved_and_an_organisation_erased_killed_before_their_entries(data: Path) -> None:
    admin, member = _people(data)
    drafts = "drafts = Drafts(store, None); who = Principal(key_id=member.id, role=Role.submitter, organisation='atlas')"
    create = f"{drafts}; drafts.create(who, 'Chatbot')"
    _crash(data, "draft.created:stored", create, admin, member)
    logged, accounts = _after_restart(data)
    (draft,) = accounts.repo.list_drafts("atlas")
    assert logged[("draft.created", draft.id)] == 1

    save = f"{drafts}; d = drafts.get(who, {draft.id!r}); drafts.save(who, d, {{'purpose': 'support'}})"
    _crash(data, "draft.saved:stored", save, admin, member)
    logged, accounts = _after_restart(data)
    (saved,) = accounts.repo.list_drafts("atlas")
    assert saved.answers == {"purpose": "support"} and logged[("draft.saved", draft.id)] == 1

    # The organisation erased, the process dying after each of its writes in turn; each run goes further.
    for point in ("drafts.erased:stored", "user.erased:stored", "organisation.erased:stored"):
        _crash(data, point, "erase_organisation(store, admin, 'atlas')", admin, member)
        logged, accounts = _after_restart(data)
        assert logged[(point.split(":")[0], "atlas" if point != "user.erased:stored" else admin.id)] == 1
    assert accounts.repo.list_drafts("atlas") == [] and accounts.repo.list_users("atlas") == []
    assert accounts.access.get_organisation("atlas") is None
    assert logged[("user.erased", member.id)] == 1 and logged[("organisation.erased", "atlas")] == 1
