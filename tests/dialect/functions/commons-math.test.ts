// normal_cdf, inverse_normal_cdf, beta_cdf and inverse_beta_cdf as Trino computes them: io.trino.operator.scalar.MathFunctions on
// Apache Commons Math 3.6.1 (Erf.erf through Gamma.regularizedGammaP/Q on FastMath.exp and FastMath.log, Erf.erfInv,
// BetaDistribution.cumulativeProbability = Beta.regularizedBeta, and its inverseCumulativeProbability = BrentSolver),
// ported operation for operation. https://trino.io/docs/current/functions/math.html#normal_cdf: "Compute the Normal cdf
// with given mean and standard deviation (sd): P(N < v; mean, sd). The mean and value v must be real values and the
// standard deviation sd must be a real and positive value"; inverse_normal_cdf "the probability p must lie on the
// interval (0, 1)"; beta_cdf(a, b, v) "Compute the Beta cdf with given a, b parameters: P(N < v; a, b). The a, b
// parameters must be positive real numbers and value v must be a real value on the interval [0, 1]". The fixtures are
// Trino 476's own answers (tests/fixtures/commons-math/Normal.java, Beta.java, IBeta.java on Trino's class path), as raw IEEE
// 754 bits: a last-bit difference fails.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fastExp, fastLog, fastLog1p } from '../../../src/dialect/shims/fast-math.js';
import { betaCdf, inverseBetaCdf } from '../../../src/dialect/shims/beta-distribution.js';
import { erf, erfInv, inverseNormalCdf, normalCdf } from '../../../src/dialect/shims/normal-distribution.js';
import { describeFunctions } from './harness.js';

const view = new DataView(new ArrayBuffer(8));
function fromBits(hex: string): number {
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}
function bitsOf(d: number): string {
  view.setFloat64(0, d);
  return view.getBigUint64(0).toString(16);
}

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/commons-math/${name}`, import.meta.url), 'utf8')
    .trim()
    .split('\n');
const FIXTURE = [...fixture('normal-distribution.txt'), ...fixture('beta-distribution.txt')];
const PORTS: Record<string, (x: number, y: number, z: number) => number> = {
  normal_cdf: normalCdf,
  inverse_normal_cdf: inverseNormalCdf,
  beta_cdf: betaCdf,
  inverse_beta_cdf: inverseBetaCdf,
};

describe('the Commons Math port agrees with Trino 476 to the last bit', () => {
  it.each(Object.keys(PORTS))('%s on every fixture line', (name) => {
    const fn = PORTS[name];
    const lines = FIXTURE.filter((line) => line.startsWith(`${name} `));
    expect(lines.length).toBeGreaterThan(250);
    const differing = lines.filter((line) => {
      const [, mean, sd, x, expected] = line.split(' ');
      return bitsOf(fn(fromBits(mean), fromBits(sd), fromBits(x))) !== expected;
    });
    expect(differing).toEqual([]);
  });

  it('FastMath.exp, log and log1p where V8’s Math.* give another double, and exp below e^-700 (fast-math.txt)', () => {
    const ports: Record<string, (x: number) => number> = { exp: fastExp, log: fastLog, log1p: fastLog1p };
    const lines = fixture('fast-math.txt');
    expect(new Set(lines.map((line) => line.split(' ')[0]))).toEqual(new Set(Object.keys(ports)));
    const differing = lines.filter((line) => {
      const [name, x, expected] = line.split(' ');
      return bitsOf(ports[name](fromBits(x))) !== expected;
    });
    expect(differing).toEqual([]);
  });

  it('Math.log would not do: FastMath.log differs from it in the last bit, and the port keeps FastMath’s value', () => {
    // FastMath.log(1.3997172901343442) on the JVM is 0x3fd58573c875dcf5; V8's Math.log gives …dcf6 (about 2% of
    // random arguments differ so).
    expect(bitsOf(fastLog(1.3997172901343442))).toBe('3fd58573c875dcf5');
    expect(bitsOf(Math.log(1.3997172901343442))).toBe('3fd58573c875dcf6');
  });

  it('edges: erf saturates beyond 40, erfInv(±1) is ±Infinity, NaN stays NaN', () => {
    expect([erf(41), erf(-41), erf(0)]).toEqual([1, -1, 0]);
    expect([erfInv(1), erfInv(-1)]).toEqual([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    expect(Number.isNaN(erf(Number.NaN))).toBe(true);
  });
});

// Values from Trino 476 (MathFunctions on its class path, and `npx lake sql --engine trino`).
describeFunctions(
  'normal_cdf, inverse_normal_cdf, beta_cdf and inverse_beta_cdf on the local engine',
  [
    ['normal_cdf at 1.96', 'normal_cdf(0, 1, 1.96)', 0.9750021048517796, 'double'],
    ['normal_cdf at the mean', 'normal_cdf(0, 1, 0)', 0.5, 'double'],
    ['normal_cdf with mean and sd', 'normal_cdf(10, 2, 12)', 0.841344746068543, 'double'],
    ['normal_cdf of a small sd', 'normal_cdf(5, 0.001, 5.0001)', 0.5398278372769365, 'double'],
    ['normal_cdf far below', 'normal_cdf(0, 1, -40)', 0, 'double'],
    ['normal_cdf far above', 'normal_cdf(0, 1, 8.5)', 1, 'double'],
    ['normal_cdf(NULL, …)', 'normal_cdf(CAST(NULL AS double), 1, 0)', null, 'double'],
    ['normal_cdf of a NULL value', 'normal_cdf(0, 1, CAST(NULL AS double))', null, 'double'],
    ['inverse_normal_cdf at 0.975', 'inverse_normal_cdf(0, 1, 0.975)', 1.959963984540054, 'double'],
    ['inverse_normal_cdf at 0.5', 'inverse_normal_cdf(0, 1, 0.5)', 0, 'double'],
    ['inverse_normal_cdf with mean and sd', 'inverse_normal_cdf(100, 15, 0.9)', 119.22327348316901, 'double'],
    ['inverse_normal_cdf in the far tail', 'inverse_normal_cdf(0, 1, 1e-10)', -6.361340889697421, 'double'],
    ['inverse_normal_cdf near 1', 'inverse_normal_cdf(0, 1, 0.999999)', 4.753424308817088, 'double'],
    ['inverse_normal_cdf(NULL, …)', 'inverse_normal_cdf(0, 1, CAST(NULL AS double))', null, 'double'],
    ['doc-style beta_cdf', 'beta_cdf(2, 5, 0.3)', 0.579825, 'double'],
    ['beta_cdf(0.5, 0.5, 0.25) (arcsine: 1/3 in the last bit as Commons Math has it)', 'beta_cdf(0.5, 0.5, 0.25)', 0.3333333333333332, 'double'],
    ['beta_cdf with a, b ≥ 10', 'beta_cdf(10, 20, 0.4)', 0.7853183897628246, 'double'],
    ['beta_cdf(1, 1, v) is v', 'beta_cdf(1, 1, 0.3)', 0.3, 'double'],
    ['beta_cdf with b > 1000', 'beta_cdf(3, 1500, 0.001)', 0.19159275950420124, 'double'],
    ['beta_cdf at 0', 'beta_cdf(2, 3, 0)', 0, 'double'],
    ['beta_cdf at 1', 'beta_cdf(2, 3, 1)', 1, 'double'],
    ['beta_cdf(NULL, …)', 'beta_cdf(CAST(NULL AS double), 3, 0.5)', null, 'double'],
    ['inverse_beta_cdf undoes beta_cdf (to the solver’s 1e-9)', 'inverse_beta_cdf(2, 5, 0.579825)', 0.29999999997970367, 'double'],
    ['inverse_beta_cdf of the arcsine median', 'inverse_beta_cdf(0.5, 0.5, 0.5)', 0.5, 'double'],
    ['inverse_beta_cdf with a, b ≥ 10', 'inverse_beta_cdf(10, 20, 0.95)', 0.47901190972021174, 'double'],
    ['inverse_beta_cdf with b > 1000', 'inverse_beta_cdf(3, 1500, 0.5)', 0.0017799336686174746, 'double'],
    ['inverse_beta_cdf at p = 0', 'inverse_beta_cdf(2, 3, 0)', 0, 'double'],
    ['inverse_beta_cdf at p = 1', 'inverse_beta_cdf(2, 3, 1)', 1, 'double'],
    ['inverse_beta_cdf(NULL, …)', 'inverse_beta_cdf(2, 3, CAST(NULL AS double))', null, 'double'],
    ['normal_cdf of a column', 'normal_cdf(m, 1, x) FROM (VALUES (0, 1.96E0)) t(m, x)', 0.9750021048517796, 'double'],
  ],
  [
    ['normal_cdf with sd 0', 'normal_cdf(0, 0, 1)', /standardDeviation must be > 0/],
    ['normal_cdf with a negative sd', 'normal_cdf(0, -1, 1)', /standardDeviation must be > 0/],
    ['inverse_normal_cdf with p = 1', 'inverse_normal_cdf(0, 1, 1)', /p must be 0 > p > 1/],
    ['inverse_normal_cdf with p = 0', 'inverse_normal_cdf(0, 1, 0)', /p must be 0 > p > 1/],
    ['inverse_normal_cdf with sd 0', 'inverse_normal_cdf(0, 0, 0.5)', /sd must be > 0/],
    ['beta_cdf with v > 1', 'beta_cdf(2, 3, 1.5)', /value must be 0 >= v >= 1/],
    ['beta_cdf with a = 0', 'beta_cdf(0, 3, 0.5)', /a, b must be > 0/],
    ['beta_cdf with a negative b', 'beta_cdf(2, -1, 0.5)', /a, b must be > 0/],
    ['inverse_beta_cdf with p > 1', 'inverse_beta_cdf(2, 3, 1.5)', /p must be 0 >= p >= 1/],
    ['inverse_beta_cdf with b = 0', 'inverse_beta_cdf(2, 0, 0.5)', /a, b must be > 0/],
  ],
);
