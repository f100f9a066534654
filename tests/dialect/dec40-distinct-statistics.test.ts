// A DISTINCT statistic (the variance family, skewness, kurtosis) of a decimal of more than 15 digits: Trino 476 merges
// partial states in an order its plan decides, so its last digits differ between plans (stddev(DISTINCT d) of the four
// decimal(17,5) values below is 238181407490.20306 alone, 238181407490.203 beside count(*); variance(DISTINCT d)
// 5.673038287401416e22 where the local engine gave …414e22, kurtosis 1.367561744583952 / …9485). Refused while DuckDB
// binds (function-rewrites.ts distinctDecimalRefused). Every value and type below is Trino 476's answer to the same SQL,
// asked of the shared Trino (docs/issue-15-audit.md, "… branch dec40").
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const SEVENTEEN = "FROM (VALUES DECIMAL '525525334469.33716', DECIMAL '815631125310.23048', DECIMAL '570713345862.74869', DECIMAL '234860976170.24529') t(d)";
const REFUSED = /\(DISTINCT …\) of a decimal of more than 15 digits: Athena's last digits depend on how it plans the aggregation/;

describe('a DISTINCT statistic of a decimal of more than 15 digits', () => {
  it.each(['stddev', 'stddev_samp', 'stddev_pop', 'variance', 'var_samp', 'var_pop', 'skewness', 'kurtosis'])('%s(DISTINCT d) is refused', async (name) => {
    await expect(engine.execute(`SELECT ${name}(DISTINCT d) ${SEVENTEEN}`)).rejects.toThrow(REFUSED);
  });

  it('answers without DISTINCT, in a window and over integers', async () => {
    // (stddev(d) over a DISTINCT subquery is left out: its rows' order decides the last digits in both engines.)
    const sql = `SELECT (SELECT stddev(d) ${SEVENTEEN}) AS a,
      (SELECT max(s) FROM (SELECT stddev(DISTINCT d) OVER () AS s ${SEVENTEEN})) AS c,
      (SELECT stddev(DISTINCT x) FROM (VALUES 1, 2, 3, 4, 7, 11, 13) u(x)) AS e`;
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [[238181407490.203, 238181407490.203, 4.634241089562614]],
      types: ['double', 'double', 'double'],
    });
  }, 120_000);
});
