"""A real HTTP server on loopback that receives webhooks for the tests and records what came."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    body: bytes
    at: float


@dataclass
class Receiver:
    """Paths: /ok answers 204; /flaky 500 the first time, then 200; /down 503 while `down` is set;
    /redirect 302 to /redirect-target."""

    hits: list[Hit] = field(default_factory=list)
    down: bool = True
    flaky_seen: set[str] = field(default_factory=set)

    def start(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                receiver.hits.append(
                    Hit(self.path, {k.lower(): v for k, v in self.headers.items()}, body, time.time())
                )
                self.send_response(receiver.status_for(self.path, self.headers.get("webhook-id", "")))
                if self.path == "/redirect":
                    self.send_header("Location", "/redirect-target")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def status_for(self, path: str, event_id: str) -> int:
        if path == "/flaky":
            if event_id in self.flaky_seen:
                return 200
            self.flaky_seen.add(event_id)
            return 500
        if path == "/down":
            return 503 if self.down else 200
        if path == "/redirect":
            return 302
        return 204

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def at(self, path: str) -> list[Hit]:
        return [h for h in self.hits if h.path == path]

    def wait_for(self, path: str, count: int = 1, timeout: float = 20.0) -> list[Hit]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.at(path)
            if len(found) >= count:
                return found
            time.sleep(0.05)
        raise AssertionError(f"{path}: {len(self.at(path))} request(s) after {timeout} s, expected {count}")

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
