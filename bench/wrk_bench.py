"""CPU time per `/evaluate` with a new body, and stored submissions at concurrency 16, under load from `wrk`.

Run: `.venv/bin/python bench/wrk_bench.py` (needs `wrk`: `apt-get install -y wrk`); `--seconds`, `--runs`.
It starts the real `compliance serve` (one server process and its assessment helper processes) on loopback.
- eval-new: `POST /api/v1/evaluate` (JSON answer) whose `project_name` differs in every request, so that each is
  assessed. The CPU time of the server and of every process under it (user + system, from /proc/<pid>/stat) is
  read before and after; divided by the requests wrk completed, it is the service's cost of one request, the load
  generator's own cost left out. Target: <= 1.0 ms.
- stored: `POST /api/v1/projects/{id}/versions`, 16 connections over 16 projects; p99 from wrk. Target: <= 100 ms
  in each of three runs.
- yardstick: this host's speed changes up to threefold from hour to hour, so the unchanged reference engine
  (`compliance.engine.reference`, the engine the issue measured at 0.76 ms an assessment) is timed on the darija
  example in this process before and after the runs (`--no-yardstick` to skip). Dividing a figure by
  yardstick / 0.76 gives what it would be on the issue's host; the raw figures stay the ones measured.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compliance.devserver import ServerProcess  # noqa: E402
from compliance.service.access import create_key, create_organisation  # noqa: E402
from compliance.service.store import Role, open_admin  # noqa: E402
from compliance.strictyaml import load_yaml  # noqa: E402

EXAMPLE = ROOT / "examples" / "darija-support-chatbot.yaml"
TICK = os.sysconf("SC_CLK_TCK")
ISSUE_REFERENCE_MS = 0.76  # the reference engine's p50 on the issue's host (issue 16's "Why")


def yardstick(calls: int = 300) -> float:
    """The unchanged reference engine's median ms an assessment of the darija example, in this process."""
    from compliance.engine.reference import ReferenceEngine
    from compliance.ruleset.loader import load_pack
    from compliance.service.submissions import parse_submission

    engine = ReferenceEngine(load_pack(ROOT / "rules"))
    submission = parse_submission(EXAMPLE.read_bytes(), EXAMPLE.name)
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        engine.assess(submission)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def print_yardstick(when: str) -> float:
    ms = yardstick()
    print(
        f"yardstick {when}: reference engine {ms:.3f} ms an assessment (issue's host {ISSUE_REFERENCE_MS} ms: x{ms / ISSUE_REFERENCE_MS:.2f})"
    )
    return ms


LUA = r"""
local body = [==[%BODY%]==]
local projects = {%PROJECTS%}
local counter = 0
local id = 0
setup = function(thread) id = id + 1; thread:set("tid", id) end
request = function()
  counter = counter + 1
  local name = "bench " .. tostring(tid) .. "-" .. tostring(counter)
  local path = "%PATH%"
  if #projects > 0 then path = "/api/v1/projects/" .. projects[(counter %% #projects) + 1] .. "/versions" end
  return wrk.format("POST", path, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer %TOKEN%"},
                    (string.gsub(body, "__NAME__", name)))
end
"""


def cpu_seconds(root_pid: int, only_root: bool = False) -> float:
    """User + system time of a process and all its descendants still alive (or of the process alone)."""
    stats = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                text = (entry / "stat").read_text()
            except OSError:
                continue
            fields = text[text.rindex(")") + 2 :].split()
            stats[int(entry.name)] = (int(fields[1]), int(fields[11]) + int(fields[12]))  # ppid, utime+stime
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        total += stats.get(pid, (0, 0))[1]
        if not only_root:
            todo += [p for p, (ppid, _) in stats.items() if ppid == pid]
    return total / TICK


def wrk(url: str, script: Path, seconds: int, connections: int) -> tuple[int, dict[str, float], str]:
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "30s",
            "--latency",
            "-s",
            str(script),
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    requests = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    latency = dict.fromkeys(("50", "75", "90", "99"), float("nan"))  # nan: a line wrk did not print
    for q, value, unit in re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s|m)\s*$", out, re.MULTILINE):
        latency[q] = float(value) * {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}[unit]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        raise SystemExit(f"wrk saw {non2xx.group(1)} failed answers:\n{out}")
    return requests, latency, out


def example_of(code: Path | None) -> Path:
    """The example as a checkout's own format has it: an older checkout may refuse today's (schema 1.0 before 1.1)."""
    own = code / "examples" / EXAMPLE.name if code else EXAMPLE
    return own if own.exists() else EXAMPLE


def script(
    work: Path, name: str, token: str, path: str, projects: list[str], example: Path = EXAMPLE
) -> Path:
    body = json.dumps(load_yaml(example.read_text(encoding="utf-8")) | {"project_name": "__NAME__"})
    text = (
        LUA.replace("%BODY%", body)
        .replace("%TOKEN%", token)
        .replace("%PATH%", path)
        .replace("%PROJECTS%", ", ".join(f'"{p}"' for p in projects))
        .replace("%%", "%")
    )
    target = work / f"{name}.lua"
    target.write_text(text, encoding="utf-8")
    return target


def _projects(url: str, token: str) -> list[str]:
    ids = []
    for i in range(16):
        request = urllib.request.Request(
            url + "/api/v1/projects",
            data=json.dumps({"name": f"bench {i}"}).encode(),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request) as answer:
            ids.append(json.loads(answer.read())["id"])
    return ids


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument(
        "--before",
        type=Path,
        help="another checkout (e.g. the main branch) whose server is measured in alternation with this one",
    )
    ap.add_argument("--no-yardstick", action="store_true", help="do not time the reference engine")
    args = ap.parse_args()
    codes = [("this", None)] + ([("before", args.before.resolve())] if args.before else [])
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        servers = []
        try:
            for label, code in codes:
                data = work / f"data-{label}"
                access, audit = open_admin(data)
                create_organisation(access, audit, "bench", "bench")
                _, token = create_key(access, audit, Role.submitter, "bench", label="bench")
                server = ServerProcess(data, work / f"server-{label}.log")
                servers.append(
                    (label, server, token, example_of(code))
                )  # stopped below even if it fails to start
                # PYTHONSAFEPATH: `python -m` would put the current folder (this checkout) before PYTHONPATH
                server.start(120, {"PYTHONPATH": str(code), "PYTHONSAFEPATH": "1"} if code else None)
            print(f"load before: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
            if not args.no_yardstick:
                print_yardstick("before")
            for label, server, token, example in servers:
                evaluate = script(work, f"evaluate-{label}", token, "/api/v1/evaluate", [], example)
                wrk(server.url, evaluate, 2, 4)  # warm-up
            for run in range(args.runs):
                for label, server, _token, _ in servers:
                    assert server.process is not None
                    evaluate = work / f"evaluate-{label}.lua"
                    pid = server.process.pid
                    before, before_server = cpu_seconds(pid), cpu_seconds(pid, only_root=True)
                    requests, latency, _ = wrk(server.url, evaluate, args.seconds, 16)
                    used = cpu_seconds(pid) - before
                    in_server = cpu_seconds(pid, only_root=True) - before_server
                    print(
                        f"[{label}] eval-new run {run + 1}: {requests} requests, {requests / args.seconds:.0f}/s, "
                        f"server + helpers CPU {used:.2f} s = {used / requests * 1e3:.3f} ms a request "
                        f"({in_server / requests * 1e3:.3f} ms in the server process; "
                        f"p50 {latency['50']:.1f} ms, p99 {latency['99']:.1f} ms)"
                    )
            stored = {
                label: script(work, f"stored-{label}", token, "", _projects(server.url, token), example)
                for label, server, token, example in servers
            }
            for run in range(args.runs):
                for label, server, _, _ in servers:
                    assert server.process is not None
                    before = cpu_seconds(server.process.pid)
                    requests, latency, _ = wrk(server.url, stored[label], args.seconds, 16)
                    used = cpu_seconds(server.process.pid) - before
                    print(
                        f"[{label}] stored c=16 run {run + 1}: {requests / args.seconds:.0f}/s, "
                        f"p50 {latency['50']:.1f} ms, p90 {latency['90']:.1f} ms, p99 {latency['99']:.1f} ms "
                        f"(target <= 100 ms); CPU {used / requests * 1e3:.3f} ms a request"
                    )
            print(f"load after: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
            if not args.no_yardstick:
                print_yardstick("after")
        finally:
            for _, server, _, _ in servers:
                server.stop()


if __name__ == "__main__":
    main()
