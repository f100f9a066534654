// t_cdf(x, df) and t_pdf(x, df) as Trino 476 answers them (Commons Math's TDistribution, ported on the FastMath and
// Gamma ports of beta_cdf). Values asked of the shared Trino 476; 300 random (x, df) pairs over [-50, 50] × [1, 1e6]
// also agreed bit for bit (docs/issue-15-audit.md, "Found by the lead, session of 2026-12-06 (late morning)").
// They were refused locally before.
import { describe, expect, it } from 'vitest';
import { tCdf, tPdf } from '../../../src/dialect/shims/t-distribution.js';
import { describeFunctions } from './harness.js';

describeFunctions(
  "Student's t distribution",
  [
    ['t_cdf', 't_cdf(x, df) FROM (VALUES (1.5E0, 3E0)) t(x, df)', 0.8847080673775887, 'double'],
    ['t_cdf of a negative value', 't_cdf(-2E0, 1E0)', 0.1475836176504333, 'double'],
    ['t_cdf at 0', 't_cdf(0E0, 1E0)', 0.5, 'double'],
    ['t_cdf of integers', 't_cdf(1, 3)', 0.8044988905221149, 'double'],
    ['t_cdf with a fractional df', 't_cdf(40E0, 2.5E0)', 0.9999290218285475, 'double'],
    ['t_cdf of +Infinity', 't_cdf(infinity(), 3E0)', 1, 'double'],
    ['t_cdf of -Infinity', 't_cdf(-infinity(), 3E0)', 0, 'double'],
    ['t_cdf of NaN', 't_cdf(nan(), 3E0)', Number.NaN, 'double'],
    ['a NaN df passes the check', 't_cdf(1E0, nan())', Number.NaN, 'double'],
    ['t_cdf of a NULL', 't_cdf(x, 3E0) FROM (VALUES CAST(NULL AS double)) t(x)', null, 'double'],
    ['t_pdf', 't_pdf(x, df) FROM (VALUES (1.5E0, 3E0)) t(x, df)', 0.12001717451358736, 'double'],
    ['t_pdf at 0 with one df', 't_pdf(0E0, 1E0)', 0.3183098861837907, 'double'],
    ['t_pdf far out', 't_pdf(3E0, 100E0)', 0.005126089702319964, 'double'],
    ['t_pdf of Infinity', 't_pdf(infinity(), 3E0)', 0, 'double'],
  ],
  [['df below 1', 't_cdf(x, df) FROM (VALUES (1.5E0, 0.5E0)) t(x, df)', /degrees of freedom must be greater than or equal to 1/]],
);

describe('t-distribution port', () => {
  it('answers the JVM doubles of Trino 476 at the tails and for large df', () => {
    expect(tCdf(1, 1e10)).toBe(0.8413447560789156);
    expect(tCdf(-1e5, 7)).toBe(1.3205206734788954e-33);
    expect(tPdf(1e-300, 2)).toBe(0.3535533905932738);
    expect(() => tPdf(0, 0.5)).toThrow(/degrees of freedom/);
  });
});
