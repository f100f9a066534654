// How the dialect replay is cut into files (tests/trino/dialect-replay.ts): dialect-replay-<part>.trino.ts for part 1
// to REPLAY_PARTS, each replaying every REPLAY_PARTS-th recorded query, so each part gets some of every test file's
// queries (a file's heavy queries are not all in one part) and every query is in exactly one part.

/** How many dialect-replay-<part>.trino.ts files there are (tests/trino/replay-parts.test.ts checks it). */
export const REPLAY_PARTS = 3;

/** Part `part`'s (1-based) share of the queries. */
export const partOf = <T>(items: readonly T[], part: number): T[] => items.filter((_, i) => i % REPLAY_PARTS === part - 1);
