"""The HTML report printed to PDF by WeasyPrint, fonts embedded, in a worker process bounded in time and memory.

WeasyPrint may fetch only the package's own assets (the stylesheet's fonts): any other URL stops the rendering.
The worker is a separate process with an address-space limit, reused between reports (WeasyPrint takes about a
second to import), and killed if a rendering outlasts the time limit.
"""

from __future__ import annotations

import os
import resource
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from functools import cache
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from compliance.i18n.said import said
from compliance.lifeline import leave_with
from compliance.reports import PdfRenderError
from compliance.reports.html import ASSETS

TIME_LIMIT_S = 60.0
MEMORY_LIMIT_BYTES = 1536 * 1024 * 1024


def _start_worker(limit: int, parent_pid: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    leave_with(parent_pid)  # not left behind by a server killed outright


def _own_assets_fetcher() -> Any:
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    root = ASSETS.resolve()

    class OwnAssets(URLFetcher):  # type: ignore[misc]
        """Serves files under the package's assets folder; refuses every other URL."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("file://"):
                path = Path(url.removeprefix("file://").split("?")[0]).resolve()
                if path.is_relative_to(root) and path.is_file():
                    return super().fetch(url, headers)
            raise FatalURLFetchingError(f"refused to fetch {url[:80]}: not one of the report's assets")

    return OwnAssets(allowed_protocols=("file",))


def asset_document(html: str) -> Any:
    """A WeasyPrint document of `html` that may load the report's own assets (its fonts) and nothing else."""
    from weasyprint import HTML

    return HTML(string=html, base_url=ASSETS.as_uri() + "/", url_fetcher=_own_assets_fetcher())


def html_to_pdf(html: str) -> bytes:
    """Render in this process (the worker calls this)."""
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import FatalURLFetchingError

    fonts = FontConfiguration()
    document = asset_document(html)
    try:
        data: bytes = document.write_pdf(font_config=fonts)
    except FatalURLFetchingError as exc:  # a BaseException in WeasyPrint: made an ordinary error here
        raise PdfRenderError(str(exc)) from None
    return data


class PdfRenderer:
    """One worker process, one rendering at a time; a rendering past the limit kills the worker."""

    def __init__(self, time_limit_s: float = TIME_LIMIT_S, memory_limit: int = MEMORY_LIMIT_BYTES) -> None:
        self._time_limit = time_limit_s
        self._memory_limit = memory_limit
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None

    def _worker(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=get_context("spawn"),
                initializer=_start_worker,
                initargs=(self._memory_limit, os.getpid()),
            )
        return self._pool

    def render(self, html: str) -> bytes:
        with self._lock:
            future = self._worker().submit(html_to_pdf, html)
            try:
                return future.result(timeout=self._time_limit)
            except PdfRenderError:
                raise
            except FutureTimeout:
                self._kill()
                raise PdfRenderError(said("pdf_too_long", seconds=f"{self._time_limit:.0f}")) from None
            except MemoryError:
                self._kill()
                raise PdfRenderError(said("pdf_memory")) from None
            except Exception as exc:
                self._kill()
                raise PdfRenderError(said("pdf_failed", error=type(exc).__name__)) from exc

    def _kill(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()
            pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True)


@cache
def shared_renderer() -> PdfRenderer:
    """The process-wide renderer: one worker, so renderings queue instead of multiplying processes."""
    return PdfRenderer()


def render_pdf(html: str) -> bytes:
    """The PDF of a report page, through the process-wide bounded renderer."""
    return shared_renderer().render(html)
