"""The organisation's page offers no action on the admin's own row; a forged form asking for one is refused,
so that an organisation cannot be left without an admin (removing one's own role, erasing oneself there)."""

from __future__ import annotations

import pytest

from tests.web.conftest import Web, csrf_of, sign_in
from tests.web.test_security import next_code


@pytest.mark.parametrize("action", ["remove-admin", "erase", "disable", "reset"])
def test_an_admin_may_not_act_on_their_own_row(web: Web, action: str) -> None:
    admin = web.client()
    sign_in(admin, "admin@atlas.ma", code=next_code(web.totp_secret))
    token = csrf_of(admin.get("/organisation/users").text)
    answer = admin.post(f"/organisation/users/{web.admin.id}/{action}", data={"csrf": token})
    assert answer.status_code == 400
    assert "Vous ne pouvez pas faire cela sur votre propre compte." in answer.text
    kept = web.store.accounts.get_user(web.admin.id)
    assert kept is not None and kept.org_admin and not kept.disabled
    assert admin.get("/organisation/users").status_code == 200  # still signed in, still the admin
