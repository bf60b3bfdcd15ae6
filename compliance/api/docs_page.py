"""The interactive API reference at /api/v1/docs, served entirely from the package.

Swagger UI's files are vendored from the npm package `swagger-ui-dist` (see static/swagger-ui/SOURCE.md and
its LICENSE and NOTICE), so the page works without internet and loads no script from another host. The page
starts Swagger UI from a file, not an inline script, so it also runs under a Content-Security-Policy without
'unsafe-inline' for scripts.
"""

from __future__ import annotations

from importlib.resources import files

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

DOCS_PATH = "/api/v1/docs"
ASSETS_PATH = "/api/v1/docs/assets"

_PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>compliance-0908 API</title>
<link rel="icon" href="{ASSETS_PATH}/favicon-32x32.png">
<link rel="stylesheet" href="{ASSETS_PATH}/swagger-ui.css">
</head>
<body>
<main id="swagger-ui" data-openapi="/api/v1/openapi.json"></main>
<script src="{ASSETS_PATH}/swagger-ui-bundle.js"></script>
<script src="{ASSETS_PATH}/start.js"></script>
</body>
</html>
"""


def install_api_docs(app: FastAPI) -> None:
    assets = files("compliance.api") / "static" / "swagger-ui"
    app.mount(ASSETS_PATH, StaticFiles(directory=str(assets)), name="api-docs-assets")

    @app.get(DOCS_PATH, include_in_schema=False)
    async def api_docs() -> HTMLResponse:
        return HTMLResponse(_PAGE)
