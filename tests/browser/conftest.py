"""Browser tests in Debian's Chromium, driven by Playwright for Python, against `compliance serve` on a free
loopback port (compliance.devserver).

Secure cookies over plain http: the `__Host-` session cookie is Secure. Chromium treats http://127.0.0.1 as
a potentially trustworthy origin (a secure context), so it stores and sends Secure cookies there; no TLS is
needed for these tests. (The in-process tests use https://testserver for the same reason.)

Without /usr/bin/chromium the tests are skipped with a message, except when CI is set: then they fail.
Screenshots of every step go to test-output/browser/ (git-ignored); look at them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from compliance.devserver import ServerProcess
from compliance.service.access import create_organisation
from compliance.service.accounts import Accounts
from compliance.service.store import Role, open_admin, open_admin_accounts

CHROMIUM = Path(os.environ.get("COMPLIANCE_CHROMIUM", "/usr/bin/chromium"))
ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "test-output" / "browser"
AXE = Path(__file__).with_name("vendor") / "axe-core" / "axe.min.js"
PASSWORD = "correct horse battery staple"
PEOPLE = [
    ("founder@draa.ma", Role.submitter, "draa-sante", "Salma Bennani"),
    ("nadia@cndp.ma", Role.liaison, None, "Nadia Alaoui"),
    ("youssef@cndp.ma", Role.liaison, None, "Youssef Idrissi"),
]
TIMINGS: list[tuple[str, float, float]] = []
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = f"Chromium is not installed at {CHROMIUM} (apt-get install -y chromium): browser tests not run"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message + " — CI must run them", pytrace=False)
    pytest.skip(message)


@dataclass
class Site:
    server: ServerProcess
    data_dir: Path

    @property
    def url(self) -> str:
        return self.server.url

    def admin(self, *args: str, password: str | None = None) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "compliance.cli.main", "admin", *args, "--data-dir", str(self.data_dir)],
            input=(password + "\n") if password else None,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    _require_chromium()
    data = tmp_path_factory.mktemp("web-data")
    server = ServerProcess(data_dir=data, log_path=data.parent / "server.log")
    built = Site(server, data)
    access, audit = open_admin(data)
    for name in ("Atlas AI", "Souss Data", "Draa Sante"):
        create_organisation(access, audit, name)
    tables = open_admin_accounts(data, audit)
    accounts = Accounts(access, audit, tables)
    accounts.create_user("founder@souss.ma", PASSWORD, Role.submitter, "souss-data")
    accounts.create_user("liaison@cndp.ma", PASSWORD, Role.liaison, None)
    # The console's cycle (test_console.py): its own founder and two named liaisons.
    for email, role, org, name in PEOPLE:
        made = accounts.create_user(email, PASSWORD, role, org)
        tables.save_user(made.model_copy(update={"display_name": name}))
    # The first founder's account comes from the command an operator would run.
    built.admin(
        "create-user",
        "--email",
        "founder@atlas.ma",
        "--role",
        "submitter",
        "--org",
        "atlas-ai",
        "--password-stdin",
        password=PASSWORD,
    )
    server.start(extra_env={"COMPLIANCE_ASSESS_WORKERS": "0"})
    yield built
    server.stop()
    for name, shot, axe in TIMINGS:
        sys.stderr.write(f"{name}: screenshot {shot:.2f}s axe {axe:.2f}s\n")


@pytest.fixture(scope="session")
def browser(site: Site) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()


@dataclass
class Tab:
    """A browser tab on the site that records requests to other hosts, CSP reports and dialogs."""

    page: Any
    site: Site
    name: str
    foreign: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    shots: int = 0

    def go(self, path: str) -> None:
        self.page.goto(self.site.url + path)

    def check(self, step: str) -> None:
        """Screenshot the page and run axe-core on it: no serious or critical violation."""
        self.page.wait_for_load_state("load")
        self.shots += 1
        folder = OUTPUT / self.name
        folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        self.page.screenshot(path=str(folder / f"{self.shots:02d}-{step}.png"), full_page=True)
        shot = time.perf_counter() - started
        if not self.page.evaluate("typeof window.axe !== 'undefined'"):
            self.page.evaluate(AXE.read_text(encoding="utf-8"))
        violations = self.page.evaluate(
            "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations"
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
            ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')))"
        )
        TIMINGS.append((f"{self.name}/{step}", shot, time.perf_counter() - started - shot))
        assert violations == [], f"{step}: {violations}"


def open_tab(browser: Any, site: Site, name: str) -> tuple[Tab, Any]:
    """A tab in a fresh browser context (its own cookies: one person), in French, that records requests to
    other hosts, console errors and dialogs; `close_tab` closes it and asserts there were none."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    made = Tab(page, site, name)
    host = urlsplit(site.url).netloc

    def route(route: Any) -> None:
        target = urlsplit(route.request.url)
        if target.scheme in ("http", "https") and target.netloc != host:
            made.foreign.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", route)
    page.on("console", lambda msg: made.console_errors.append(msg.text) if msg.type == "error" else None)

    def dismiss(dialog: Any) -> None:
        made.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    return made, context


def close_tab(made: Tab, context: Any) -> None:
    context.close()
    assert made.foreign == [], f"requests to other hosts: {made.foreign}"
    assert made.dialogs == [], f"a script ran: {made.dialogs}"
    assert [e for e in made.console_errors if "Content Security Policy" in e] == []


@pytest.fixture
def tab(browser: Any, site: Site, request: pytest.FixtureRequest) -> Iterator[Tab]:
    made, context = open_tab(browser, site, request.node.name)
    yield made
    close_tab(made, context)
