#!/usr/bin/env bash
# `npm run test:trino`: the differential oracle tier (README, "Trino engine and the differential oracle";
# docs/trino-oracle.md). Deterministic: a fixed seed (ORACLE_SEED overrides) and count (ORACLE_CASES) of random
# expressions. Trino is the one LAKE_TRINO_URL names, or one already running (scripts/trino.sh status), or one this
# script starts, in the background while the dialect tests record, and always stops (trap), pass or fail.
#  1. the dialect tests run on the local engine only to record their queries (tests/trino/record.config.ts); whether
#     they pass is `npm test`'s verdict, so a failure here (a timing assertion on a loaded machine, say) is reported
#     but does not stop the replay, which needs only the recorded SQL (and checks that there is enough of it). `npm
#     test` records the same queries as it runs them: when its recording is whole and no source or test changed
#     since (.ci/run runs this tier right after it), that recording is replayed and this step runs no test;
#  2. the oracle proper (tests/trino/vitest.config.ts): replay, random expressions, the example project on Trino;
#  3. one summary line (scripts/trino-summary.mjs) from the parts' results in .cache/trino/.
set -uo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
export ORACLE_SEED="${ORACLE_SEED:-20261205}" ORACLE_CASES="${ORACLE_CASES:-3000}"
echo "test:trino: seed $ORACLE_SEED, $ORACLE_CASES random expressions (set ORACLE_SEED / ORACLE_CASES to change them)" >&2
mkdir -p .cache/trino
rm -f .cache/trino/dialect-differences*.json .cache/trino/random-differences.json .cache/trino/example-project.json .cache/trino/timings.json

start_pid=""
stop_trino() {
  [ -n "$start_pid" ] && kill "$start_pid" 2>/dev/null
  bash scripts/trino.sh stop
}
if [ -z "${LAKE_TRINO_URL:-}" ]; then
  if url="$(bash scripts/trino.sh status 2>/dev/null)"; then
    LAKE_TRINO_URL="$url"
  else
    trap stop_trino EXIT
    trap 'exit 130' INT TERM
    bash scripts/trino.sh start >.cache/trino/start.out &
    start_pid=$!
  fi
fi

t=$SECONDS
npx vitest run --config tests/trino/record.config.ts --reporter=dot \
  || echo "test:trino: some dialect tests failed while recording (npm test reports them); replaying what was recorded" >&2
record_s=$((SECONDS - t))

t=$SECONDS
if [ -n "$start_pid" ]; then
  wait "$start_pid" || { echo "test:trino: Trino did not start (see above)" >&2; exit 1; }
  start_pid=""
  LAKE_TRINO_URL="$(tail -1 .cache/trino/start.out)"
fi
export LAKE_TRINO_URL
wait_s=$((SECONDS - t))

t=$SECONDS
npx vitest run --config tests/trino/vitest.config.ts
status=$?
oracle_s=$((SECONDS - t))

node scripts/trino-summary.mjs "$status" "$((SECONDS - started))" "record $record_s s, waiting for Trino $wait_s s, oracle $oracle_s s"
exit $status
