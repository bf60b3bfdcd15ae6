#!/bin/sh
# `compliance check` as a whole process, warm pack cache, beside `python -c pass` and a check without the cache,
# measured by hyperfine in one run. Usage: bench/cli_bench.sh [example.yaml]   (RUNS=40 by default)
# BEFORE=/path/to/another/checkout adds that checkout's `compliance check` (e.g. the main branch) to the run.
set -eu
cd "$(dirname "$0")/.."
BIN=.venv/bin
EXAMPLE=${1:-examples/darija-support-chatbot.yaml}
COMPLIANCE_CACHE_DIR=$(mktemp -d)
export COMPLIANCE_CACHE_DIR
trap 'rm -rf "$COMPLIANCE_CACHE_DIR"' EXIT
# Bytecode as an installed package has it (a shell with PYTHONDONTWRITEBYTECODE=1 would otherwise compile
# every module on every run); a BEFORE checkout should be compiled the same way to compare like with like.
env -u PYTHONDONTWRITEBYTECODE "$BIN/python" -m compileall -q compliance
if [ -n "${BEFORE:-}" ] && [ ! -d "$BEFORE/compliance/__pycache__" ]; then
  echo "warning: $BEFORE has no bytecode: run python -m compileall -q compliance there first" >&2
fi
"$BIN/compliance" check "$EXAMPLE" >/dev/null || true  # warms the caches (exit 1: the example fails)
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
set -- "$BIN/python -c pass" "$BIN/compliance check $EXAMPLE" \
  "env COMPLIANCE_PACK_CACHE=off $BIN/compliance check $EXAMPLE"
if [ -n "${BEFORE:-}" ]; then
  # the checkout's own copy of the example where it has one: an older format may refuse today's file
  OWN="$BEFORE/$EXAMPLE"
  [ -f "$OWN" ] || OWN=$EXAMPLE
  set -- "$@" "env PYTHONPATH=$BEFORE $BIN/compliance check $OWN"
fi
hyperfine -N -i --warmup 3 --runs "${RUNS:-40}" --export-json "$COMPLIANCE_CACHE_DIR/runs.json" "$@"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
# The target is a median; hyperfine's summary shows means. Median wall time and mean user CPU per command:
"$BIN/python" - "$COMPLIANCE_CACHE_DIR/runs.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"median {r['median'] * 1e3:8.1f} ms  user {r['user'] * 1e3:7.1f} ms  system {r['system'] * 1e3:6.1f} ms  {r['command']}")
PY
