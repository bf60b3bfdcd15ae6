"""`compliance serve` as a child process on a free loopback port, for end-to-end tests, the load benchmark and
local integration tests of client code. It listens on 127.0.0.1 only."""

from __future__ import annotations

import errno
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

PORT_ATTEMPTS = 5


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class ServerProcess:
    data_dir: Path
    log_path: Path
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    args: tuple[str, ...] = ()  # more `compliance serve` options, e.g. ("--workers", "2")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0, extra_env: dict[str, str] | None = None) -> None:
        """Start on a new free port and return once `/readyz` answers; the server's output goes to the log.
        The port is free when chosen but bound only once the server has started, a second or more later:
        meanwhile any other socket of the host may take it (an outgoing connection's local port, another
        test's server). The server then exits at once, and is started again on another port."""
        env = os.environ | {"PYTHONUNBUFFERED": "1"} | (extra_env or {})
        for _ in range(PORT_ATTEMPTS):
            self.port = free_port()
            if self._started(env, timeout):
                return
        raise RuntimeError(f"no free port taken in {PORT_ATTEMPTS} attempts:\n{self.log()}")

    def _started(self, env: dict[str, str], timeout: float) -> bool:
        """Whether it answers; False when the port was taken before it could bind it."""
        command = [sys.executable, "-m", "compliance.cli.main", "serve", "--port", str(self.port)]
        with self.log_path.open("ab") as log:
            since = log.tell()
            self.process = subprocess.Popen(
                [*command, "--data-dir", str(self.data_dir), *self.args],
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                if f"[Errno {errno.EADDRINUSE}]" in self.log()[since:]:
                    return False
                raise RuntimeError(f"the server exited with {self.process.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(self.url + "/readyz", timeout=1):
                    return True
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"the server did not start:\n{self.log()}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush, nothing but what was already on disk survives."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self.process = None

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def __enter__(self) -> ServerProcess:
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()
