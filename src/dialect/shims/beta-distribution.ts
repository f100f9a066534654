// Trino's beta_cdf (io.trino.operator.scalar.MathFunctions, Trino 476): Apache Commons Math 3.6.1's
// BetaDistribution.cumulativeProbability, i.e. Beta.regularizedBeta with its logBeta (Didonato and Morris), ported
// operation for operation on FastMath (fast-math.ts) and Gamma (gamma.ts) so that each answer is the JVM's double.
// inverse_beta_cdf is its inverseCumulativeProbability: Brent's method (BrentSolver) on that cdf, ported likewise.
import { fastExp, fastLog, fastLog1p } from './fast-math.js';
import { continuedFraction, gamma, logGamma, logGamma1p } from './gamma.js';

const DEFAULT_EPSILON = 1e-14;
/** Integer.MAX_VALUE: BetaDistribution lets the continued fraction run until it converges. */
const MAX_ITERATIONS = 2147483647;
const HALF_LOG_TWO_PI = 0.9189385332046727;
const DELTA = [
  0.08333333333333333, -0.00002777777777777778, 7.936507936507937e-8, -5.952380952380953e-10, 8.417508417508329e-12, -1.917526917518546e-13,
  6.410256405103255e-15, -2.955065141253382e-16, 1.7964371635940225e-17, -1.3922896466162779e-18, 1.338028550140209e-19, -1.542460098679661e-20,
  1.9770199298095743e-21, -2.3406566479399704e-22, 1.713480149663986e-23,
];

/** log Γ(a + b) for 1 ≤ a, b ≤ 2. */
function logGammaSum(a: number, b: number): number {
  const x = a - 1.0 + (b - 1.0);
  if (x <= 0.5) return logGamma1p(1.0 + x);
  if (x <= 1.5) return logGamma1p(x) + fastLog1p(x);
  return logGamma1p(x - 1.0) + fastLog(x * (1.0 + x));
}

/** Δ(b) - Δ(a + b) for 0 ≤ a ≤ b, b ≥ 10 (Δ: the remainder of Stirling's log Γ). */
function deltaMinusDeltaSum(a: number, b: number): number {
  const h = a / b;
  const p = h / (1.0 + h);
  const q = 1.0 / (1.0 + h);
  const q2 = q * q;
  const s = new Array<number>(DELTA.length);
  s[0] = 1.0;
  for (let i = 1; i < s.length; i++) s[i] = 1.0 + (q + q2 * s[i - 1]);
  const sqrtT = 10.0 / b;
  const t = sqrtT * sqrtT;
  let w = DELTA[DELTA.length - 1] * s[s.length - 1];
  for (let i = DELTA.length - 2; i >= 0; i--) w = t * w + DELTA[i] * s[i];
  return (w * p) / b;
}

/** log Γ(b) - log Γ(a + b) for a ≥ 0, b ≥ 10. */
function logGammaMinusLogGammaSum(a: number, b: number): number {
  let d: number;
  let w: number;
  if (a <= b) {
    d = b + (a - 0.5);
    w = deltaMinusDeltaSum(a, b);
  } else {
    d = a + (b - 0.5);
    w = deltaMinusDeltaSum(b, a);
  }
  const u = d * fastLog1p(a / b);
  const v = a * (fastLog(b) - 1.0);
  return u <= v ? w - u - v : w - v - u;
}

/** Δ(p) + Δ(q) - Δ(p + q) for p, q ≥ 10. */
function sumDeltaMinusDeltaSum(p: number, q: number): number {
  const a = Math.min(p, q);
  const b = Math.max(p, q);
  const sqrtT = 10.0 / a;
  const t = sqrtT * sqrtT;
  let z = DELTA[DELTA.length - 1];
  for (let i = DELTA.length - 2; i >= 0; i--) z = t * z + DELTA[i];
  return z / a + deltaMinusDeltaSum(a, b);
}

/** Beta.logBeta(p, q). */
export function logBeta(p: number, q: number): number {
  if (Number.isNaN(p) || Number.isNaN(q) || p <= 0.0 || q <= 0.0) return Number.NaN;
  const a = Math.min(p, q);
  const b = Math.max(p, q);
  if (a >= 10.0) {
    const w = sumDeltaMinusDeltaSum(a, b);
    const h = a / b;
    const c = h / (1.0 + h);
    const u = -(a - 0.5) * fastLog(c);
    const v = b * fastLog1p(h);
    const head = -0.5 * fastLog(b) + HALF_LOG_TWO_PI + w;
    return u <= v ? head - u - v : head - v - u;
  }
  if (a > 2.0) {
    if (b > 1000.0) {
      const n = Math.floor(a - 1.0);
      let prod = 1.0;
      let ared = a;
      for (let i = 0; i < n; i++) {
        ared -= 1.0;
        prod *= ared / (1.0 + ared / b);
      }
      return fastLog(prod) - n * fastLog(b) + (logGamma(ared) + logGammaMinusLogGammaSum(ared, b));
    }
    let prod1 = 1.0;
    let ared = a;
    while (ared > 2.0) {
      ared -= 1.0;
      const h = ared / b;
      prod1 *= h / (1.0 + h);
    }
    if (b < 10.0) {
      let prod2 = 1.0;
      let bred = b;
      while (bred > 2.0) {
        bred -= 1.0;
        prod2 *= bred / (ared + bred);
      }
      return fastLog(prod1) + fastLog(prod2) + (logGamma(ared) + (logGamma(bred) - logGammaSum(ared, bred)));
    }
    return fastLog(prod1) + logGamma(ared) + logGammaMinusLogGammaSum(ared, b);
  }
  if (a >= 1.0) {
    if (b > 2.0) {
      if (b < 10.0) {
        let prod = 1.0;
        let bred = b;
        while (bred > 2.0) {
          bred -= 1.0;
          prod *= bred / (a + bred);
        }
        return fastLog(prod) + (logGamma(a) + (logGamma(bred) - logGammaSum(a, bred)));
      }
      return logGamma(a) + logGammaMinusLogGammaSum(a, b);
    }
    return logGamma(a) + logGamma(b) - logGammaSum(a, b);
  }
  if (b >= 10.0) return logGamma(a) + logGammaMinusLogGammaSum(a, b);
  return fastLog((gamma(a) * gamma(b)) / gamma(a + b));
}

/** Beta.regularizedBeta(x, a, b) with the default ε of 1e-14 and no iteration limit. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (Number.isNaN(x) || Number.isNaN(a) || Number.isNaN(b) || x < 0 || x > 1 || a <= 0 || b <= 0) return Number.NaN;
  if (x > (a + 1) / (2 + b + a) && 1 - x <= (b + 1) / (2 + b + a)) return 1 - regularizedBeta(1 - x, b, a);
  const getB = (n: number) => {
    if (n % 2 === 0) {
      const m = n / 2.0;
      return (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    }
    const m = (n - 1.0) / 2.0;
    return -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1.0));
  };
  const fraction = continuedFraction(() => 1.0, getB, x, DEFAULT_EPSILON, MAX_ITERATIONS);
  return (fastExp(a * fastLog(x) + b * fastLog1p(-x) - fastLog(a) - logBeta(a, b)) * 1.0) / fraction;
}

/** Trino's beta_cdf(a, b, v): BetaDistribution(a, b).cumulativeProbability(v), with Trino's argument checks. */
export function betaCdf(a: number, b: number, value: number): number {
  if (!(value >= 0 && value <= 1)) throw new Error('value must be 0 >= v >= 1');
  if (!(a > 0 && b > 0)) throw new Error('a, b must be > 0');
  if (value <= 0) return 0;
  if (value >= 1) return 1;
  return regularizedBeta(value, a, b);
}

/** Precision.equals(x, 0.0) with one ulp: ±0 or ±Double.MIN_VALUE. */
const isZeroWithinUlp = (x: number) => Math.abs(x) <= Number.MIN_VALUE;

/** BrentSolver.brent: Brent's method on [lo, hi] with the solver's accuracies (relative 1e-14, absolute `t`). */
function brent(f: (x: number) => number, lo: number, hi: number, fLo: number, fHi: number, t: number): number {
  const eps = 1e-14;
  let a = lo;
  let fa = fLo;
  let b = hi;
  let fb = fHi;
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (;;) {
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * eps * Math.abs(b) + t;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || isZeroWithinUlp(fb)) return b;
    if (Math.abs(e) < tol || Math.abs(fa) <= Math.abs(fb)) {
      d = m;
      e = d;
    } else {
      let s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        q = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * q * (q - r) - (b - a) * (r - 1));
        q = (q - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      s = e;
      e = d;
      if (p >= 1.5 * m * q - Math.abs(tol * q) || p >= Math.abs(0.5 * s * q)) {
        d = m;
        e = d;
      } else d = p / q;
    }
    a = b;
    fa = fb;
    if (Math.abs(d) > tol) b += d;
    else if (m > 0) b += tol;
    else b -= tol;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb <= 0 && fc <= 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
  }
}

/** UnivariateSolverUtils.solve(f, min, max, accuracy): BrentSolver.doSolve from the middle of [min, max]. */
function solve(f: (x: number) => number, min: number, max: number, absoluteAccuracy: number): number {
  const functionValueAccuracy = 1e-15;
  const initial = min + 0.5 * (max - min);
  const yInitial = f(initial);
  if (Math.abs(yInitial) <= functionValueAccuracy) return initial;
  const yMin = f(min);
  if (Math.abs(yMin) <= functionValueAccuracy) return min;
  if (yInitial * yMin < 0) return brent(f, min, initial, yMin, yInitial, absoluteAccuracy);
  const yMax = f(max);
  if (Math.abs(yMax) <= functionValueAccuracy) return max;
  if (yInitial * yMax < 0) return brent(f, initial, max, yInitial, yMax, absoluteAccuracy);
  throw new Error(`function values at endpoints do not have different signs, endpoints: [${min}, ${max}], values: [${yMin}, ${yMax}]`);
}

/**
 * Trino's inverse_beta_cdf(a, b, p): BetaDistribution(a, b, 1e-9).inverseCumulativeProbability(p), i.e.
 * AbstractRealDistribution's search on the support [0, 1] (finite and connected, so no bracketing or plateau step).
 */
export function inverseBetaCdf(a: number, b: number, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new Error('p must be 0 >= p >= 1');
  if (!(a > 0 && b > 0)) throw new Error('a, b must be > 0');
  if (p === 0.0) return 0;
  if (p === 1.0) return 1;
  const cdf = (x: number) => (x <= 0 ? 0 : x >= 1 ? 1 : regularizedBeta(x, a, b));
  return solve((x) => cdf(x) - p, 0, 1, 1e-9);
}
