// Athena statement → the steps that give the same effect on DuckDB. One entry point; each statement family has its
// own module (ddl.ts, dml.ts, query.ts) so the translator for a construct lives in one place.
import { isTrivia, keyword, tokenize } from '../tokens.js';
import { translateQuery } from './query.js';

export interface TranslateContext {
  /** Local lake folder: `s3://BUCKET/KEY` ↔ `<lakeRoot>/BUCKET/KEY`. */
  lakeRoot: string;
  /** Default database for unqualified names. */
  database: string;
}

/** A step of a translated statement: DuckDB SQL to run, or a storage action the local engine performs. */
export type TranslationStep = { kind: 'sql'; sql: string; /** the step's result is the statement's result */ result?: boolean };

export interface Translation {
  steps: TranslationStep[];
}

export function translateStatement(sql: string, ctx: TranslateContext): Translation {
  const first = tokenize(sql).find((t) => !isTrivia(t));
  switch (keyword(first)) {
    default:
      return { steps: [{ kind: 'sql', sql: translateQuery(sql, ctx), result: true }] };
  }
}
