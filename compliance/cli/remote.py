"""Remote mode: `compliance check FILE --server URL` evaluates on the service (`--submit PROJECT` stores a
version), so that a partner's CI results reach the liaison. The report is still rendered here, from the
local file, so SARIF points at its lines.

The key comes from an environment variable (a CI secret), never from the command line, where it would land
in the shell history and the process list. A stored version's Idempotency-Key is derived from the commit,
the file's name and its content: a retried pipeline stores the version once.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compliance.cli.help_texts import N_, tr

if TYPE_CHECKING:
    import urllib.error

    from compliance.domain.outcomes import Assessment

KEY_ENV = "COMPLIANCE_API_KEY"
COMMIT_ENVS = ("GITHUB_SHA", "CI_COMMIT_SHA", "BUILD_SOURCEVERSION", "GIT_COMMIT")
TIMEOUT = 60.0


class RemoteError(Exception):
    """The service could not be reached or refused the request; `worded(lang)` says why, for a person."""

    def __init__(self, text: str, detail: str = "", **params: object) -> None:
        super().__init__(text.format(**params) + detail)
        self.text, self.detail, self.params = text, detail, params

    def worded(self, lang: str) -> str:
        return tr(lang, self.text, **self.params) + self.detail


@dataclass(frozen=True)
class Remote:
    url: str
    key: str
    lang: str = "fr"

    @classmethod
    def from_env(cls, url: str, lang: str = "fr", key_env: str = KEY_ENV) -> Remote:
        key = os.environ.get(key_env, "").strip()
        if not key:
            raise RemoteError(
                N_("no API key: set the environment variable {variable} (a 'ci' key of the service)"),
                variable=key_env,
            )
        parsed = urllib.parse.urlsplit(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise RemoteError(
                N_("--server: expected the service's base URL, e.g. https://host:8000 (got '{url}')"), url=url
            )
        return cls(url.rstrip("/"), key, lang)

    def _post(self, path: str, body: bytes, is_json: bool, headers: dict[str, str]) -> Any:
        import urllib.error  # here: `check` without --server loads no HTTP client (nor ssl)
        import urllib.request

        request = urllib.request.Request(
            self.url + path,
            data=body,
            method="POST",
            headers={
                "Authorization": f"Bearer {self.key}",
                "Content-Type": "application/json" if is_json else "application/yaml",
                "Accept": "application/json",
                "Accept-Language": self.lang,  # the service's own messages in the reader's language
                **headers,
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as exc:
            reason, fields = _problem(exc)
            raise RemoteError(
                N_("the service answered {status}: {reason}"), fields, status=exc.code, reason=reason
            ) from None
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            why = getattr(exc, "reason", exc)
            raise RemoteError(N_("cannot reach {url}: {reason}"), url=self.url, reason=why) from None
        except json.JSONDecodeError:
            raise RemoteError(
                N_("{url} did not answer with JSON: is it the compliance service?"), url=self.url
            ) from None

    def evaluate(self, raw: bytes, is_json: bool) -> Assessment:
        return _assessment(self._post("/api/v1/evaluate?format=json", raw, is_json, {}), self.url)

    def submit(self, project: str, raw: bytes, is_json: bool, idempotency_key: str) -> tuple[int, Assessment]:
        path = f"/api/v1/projects/{urllib.parse.quote(project, safe='')}/versions"
        version = self._post(path, raw, is_json, {"Idempotency-Key": idempotency_key})
        if not isinstance(version, dict) or not isinstance(version.get("number"), int):
            raise RemoteError(N_("{url} answered without a version number"), url=self.url)
        return version["number"], _assessment(version.get("assessment"), self.url)


def _assessment(data: Any, url: str) -> Assessment:
    from pydantic import ValidationError

    from compliance.domain.outcomes import Assessment

    try:
        return Assessment.model_validate(data)
    except ValidationError:
        raise RemoteError(N_("{url} answered with something that is not an assessment"), url=url) from None


def _problem(exc: urllib.error.HTTPError) -> tuple[str, str]:
    """The problem document (RFC 9457) of a refusal: its detail, and the fields at fault, one a line."""
    try:
        problem = json.loads(exc.read())
    except (json.JSONDecodeError, OSError):
        problem = {}
    detail = problem.get("detail") or exc.reason
    lines = [""]
    for error in problem.get("errors") or []:
        if isinstance(error, dict):
            lines.append(f"  {error.get('path', '')}: {error.get('message', '')}")
    return str(detail), "\n".join(lines) if len(lines) > 1 else ""


def current_commit(folder: Path) -> str | None:
    """The commit being checked: from the CI's environment, else from git, else None."""
    for name in COMMIT_ENVS:
        value = os.environ.get(name, "").strip()
        if value:
            return value
    import subprocess  # only without a CI commit variable

    try:
        done = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=folder, capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or None if done.returncode == 0 else None


def idempotency_key(commit: str | None, name: str, raw: bytes) -> str:
    """`commit-<sha>-<digest of the file's name and content>`: one stored version per commit and file."""
    digest = hashlib.sha256(name.encode() + b"\0" + raw).hexdigest()[:16]
    sha = re.sub(r"[^A-Za-z0-9]", "", commit or "")[:64]
    return f"commit-{sha}-{digest}" if sha else f"content-{digest}"
