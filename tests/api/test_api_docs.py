"""The API reference page works offline: every asset it names comes from the server itself."""

from __future__ import annotations

import re

from tests.api.conftest import Server


def test_api_docs_load_only_local_assets(live: Server) -> None:
    with live.client() as c:
        page = c.get("/api/v1/docs")
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        refs = re.findall(r'(?:src|href)="([^"]+)"', page.text)
        assert len(refs) == 4 and all(r.startswith("/api/v1/docs/assets/") for r in refs), refs
        assert "<script>" not in page.text  # no inline script: the page runs under a strict CSP
        bundle = c.get("/api/v1/docs/assets/swagger-ui-bundle.js")
        assert bundle.status_code == 200 and "javascript" in bundle.headers["content-type"]
        assert "SwaggerUIBundle" in bundle.text and len(bundle.content) > 500_000
        css = c.get("/api/v1/docs/assets/swagger-ui.css")
        assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
        start = c.get("/api/v1/docs/assets/start.js").text
        assert "SwaggerUIBundle(" in start and "http" not in start
        licence = c.get("/api/v1/docs/assets/LICENSE")
        assert licence.status_code == 200 and "Apache License" in licence.text
        spec = c.get(page.text.split('data-openapi="')[1].split('"')[0])
        assert spec.status_code == 200 and spec.json()["openapi"].startswith("3.")
