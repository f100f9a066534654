#!/usr/bin/env bash
# The bench's peers (docs/performance.md, "Peers"): dbt-duckdb and SQLMesh, the tools a user would pick instead, pinned
# (bench/peers/requirements.txt, every transitive package too) and installed by this script into an ignored
# virtualenv (.cache/bench-peers/), never by hand. Needs python3 (3.9+) and PyPI; `npm test` needs neither.
# `npm run bench` runs the peers when this virtualenv exists (or with --peers, which runs this script first).
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=.cache/bench-peers
VENV="$DIR/venv"
REQUIREMENTS=bench/peers/requirements.txt
if ! command -v python3 >/dev/null; then
  echo "bench-peers: python3 is not installed; the peers need it (npm run bench without --peers skips them)" >&2
  exit 1
fi
if ! cmp -s "$REQUIREMENTS" "$DIR/installed" || [ ! -x "$VENV/bin/python" ]; then
  rm -rf "$VENV" "$DIR/installed" && mkdir -p "$DIR" && python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps -r "$REQUIREMENTS"
  "$VENV/bin/pip" check --disable-pip-version-check >/dev/null
  cp "$REQUIREMENTS" "$DIR/installed"
fi
"$VENV/bin/python" -c 'import dbt.version, duckdb, sqlmesh; print(f"dbt-core {dbt.version.__version__}, duckdb {duckdb.__version__}, sqlmesh {sqlmesh.__version__}")'
