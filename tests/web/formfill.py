"""Submit a page's form with the values it shows, as a browser would without any change."""

from __future__ import annotations

from html.parser import HTMLParser

from httpx2 import Response  # what the Starlette test client answers with (dev dependency httpx2)
from starlette.testclient import TestClient


class _Form(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self._textarea: str | None = None
        self._select: str | None = None
        self._text = ""
        self._in_questions = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and "questions" in a.get("class", ""):
            self._in_questions = True
        if not self._in_questions:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("radio", "checkbox"):
                if "checked" in a:
                    self.fields.append((a["name"], a.get("value", "on")))
            elif kind != "file":
                self.fields.append((a["name"], a.get("value", "")))
        elif tag == "textarea":
            self._textarea, self._text = a.get("name"), ""
        elif tag == "select":
            self._select = a.get("name")
        elif tag == "option" and self._select and "selected" in a:
            self.fields.append((self._select, a.get("value", "")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self._textarea:
            self.fields.append((self._textarea, self._text.removeprefix("\n")))
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self._in_questions = False

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text += data


def submit_form_as_is(
    client: TestClient, html: str, action: str, changes: dict[str, str] | None = None
) -> Response:
    """Post the questionnaire form with the values it shows, but for the fields named in `changes`."""
    parser = _Form()
    parser.feed(html)
    fields = [(name, (changes or {}).get(name, value)) for name, value in parser.fields]
    answer: Response = client.post(
        action,
        content=_encode([*fields, ("action", "stay")]),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    return answer


def _encode(fields: list[tuple[str, str]]) -> bytes:
    from urllib.parse import urlencode

    return urlencode(fields).encode()
