#!/usr/bin/env bash
# `npm run test:trino`: the differential oracle tier (README, "Trino engine and the differential oracle").
#  1. the dialect tests run on the local engine only to record their queries (tests/trino/record.config.ts); whether
#     they pass is `npm test`'s verdict, so a failure here (a timing assertion on a loaded machine, say) is reported
#     but does not stop the replay, which needs only the recorded SQL (and checks that there is enough of it);
#  2. the oracle proper (tests/trino/vitest.config.ts): replay, random expressions, the example project on Trino.
set -uo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
npx vitest run --config tests/trino/record.config.ts --reporter=dot \
  || echo "test:trino: some dialect tests failed while recording (npm test reports them); replaying what was recorded" >&2
npx vitest run --config tests/trino/vitest.config.ts
status=$?
echo "test:trino: $((SECONDS - started)) s" >&2
exit $status
