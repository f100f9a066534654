// Apache Commons Math 3.6.1's Gamma functions and ContinuedFraction, ported operation for operation on FastMath
// (fast-math.ts) for Trino's normal_cdf and beta_cdf (normal-distribution.ts, beta-distribution.ts). Constants are
// Commons Math's decimal literals written as the shortest text of the same double.
import { fastLog, fastLog1p } from './fast-math.js';

/** ContinuedFraction.evaluate (modified Lentz), with Commons Math's `small` of 1e-50 standing in for zero. */
export function continuedFraction(getA: (n: number) => number, getB: (n: number) => number, x: number, epsilon: number, maxIterations: number): number {
  const small = 1e-50;
  let hPrev = getA(0);
  if (Math.abs(hPrev) <= small) hPrev = small;
  let n = 1;
  let dPrev = 0.0;
  let cPrev = hPrev;
  let hN = hPrev;
  while (n < maxIterations) {
    const a = getA(n);
    const b = getB(n);
    let dN = a + b * dPrev;
    if (Math.abs(dN) <= small) dN = small;
    let cN = a + b / cPrev;
    if (Math.abs(cN) <= small) cN = small;
    dN = 1 / dN;
    const deltaN = cN * dN;
    hN = hPrev * deltaN;
    if (!Number.isFinite(hN)) throw new Error(`Continued fraction diverged for value ${x}`);
    if (Math.abs(deltaN - 1.0) < epsilon) break;
    dPrev = dN;
    cPrev = cN;
    hPrev = hN;
    n++;
  }
  if (n >= maxIterations) throw new Error(`Continued fraction convergents failed to converge for value ${x}`);
  return hN;
}

const LANCZOS_G = 607.0 / 128.0;
const LANCZOS = [
  0.9999999999999971, 57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202, 0.00003399464998481189, 0.00004652362892704858,
  -0.00009837447530487956, 0.0001580887032249125, -0.00021026444172410488, 0.00021743961811521265, -0.0001643181065367639, 0.00008441822398385275,
  -0.000026190838401581408, 0.0000036899182659531625,
];
// Computed on first use: at module load it built FastMath's tables (~50 ms of CPU) for every command that loads the
// shims, most of which never call a gamma function (issue 18: `lake test`, `npm start`, cold start).
let halfLog2Pi: number | undefined;
const HALF_LOG_2_PI = (): number => (halfLog2Pi ??= 0.5 * fastLog(2.0 * Math.PI));

const A0 = 6.116095104481416e-9;
const A1 = 6.247308301164655e-9;
const B = [
  0.203610414066807, 0.026620534842894922, 0.0004939449793824468, -0.000008514194324403149, -0.0000064304548177935305, 9.926418406727737e-7,
  -6.077618957228252e-8, 1.9575583661463974e-10,
];
const P = [
  6.116095104481416e-9, 6.8716741130671986e-9, 6.820161668496171e-10, 4.686843322948848e-11, 1.5728330277104463e-12, -1.2494415722763663e-13,
  4.343529937408594e-15,
];
const Q = [0.3056961078365221, 0.054642130860422966, 0.004956830093825887, 0.00026923694661863613];
/** INV_GAMMA1P_M1_C, C0 … C13. */
const C_NEG = -0.42278433509846713;
const C = [
  0.5772156649015329, -0.6558780715202539, -0.04200263503409524, 0.16653861138229148, -0.04219773455554433, -0.009621971527876973, 0.0072189432466631,
  -0.0011651675918590652, -0.00021524167411495098, 0.0001280502823881162, -0.00002013485478078824, -0.0000012504934821426706, 0.000001133027231981696,
  -2.056338416977607e-7,
];

/** Gamma.lanczos(x). */
export function lanczos(x: number): number {
  let sum = 0.0;
  for (let i = LANCZOS.length - 1; i > 0; --i) sum += LANCZOS[i] / (x + i);
  return sum + LANCZOS[0];
}

/** Gamma.invGamma1pm1(x) = 1 / Γ(1 + x) - 1 for -0.5 ≤ x ≤ 1.5. */
export function invGamma1pm1(x: number): number {
  if (x < -0.5 || x > 1.5) throw new Error(`invGamma1pm1: ${x} is out of [-0.5, 1.5]`);
  const t = x <= 0.5 ? x : x - 0.5 - 0.5;
  if (t < 0.0) {
    const a = A0 + t * A1;
    let b = B[7];
    for (let i = 6; i >= 0; i--) b = B[i] + t * b;
    b = 1.0 + t * b;
    let c = C[13] + t * (a / b);
    for (let i = 12; i >= 1; i--) c = C[i] + t * c;
    c = C_NEG + t * c;
    return x > 0.5 ? (t * c) / x : x * (c + 0.5 + 0.5);
  }
  let p = P[6];
  for (let i = 5; i >= 0; i--) p = P[i] + t * p;
  let q = Q[3];
  for (let i = 2; i >= 0; i--) q = Q[i] + t * q;
  q = 1.0 + t * q;
  let c = C[13] + (p / q) * t;
  for (let i = 12; i >= 0; i--) c = C[i] + t * c;
  return x > 0.5 ? (t / x) * (c - 0.5 - 0.5) : x * c;
}

/** Gamma.logGamma1p(x) = log Γ(1 + x) for -0.5 ≤ x ≤ 1.5. */
export function logGamma1p(x: number): number {
  if (x < -0.5 || x > 1.5) throw new Error(`logGamma1p: ${x} is out of [-0.5, 1.5]`);
  return -fastLog1p(invGamma1pm1(x));
}

/** Gamma.logGamma(x). */
export function logGamma(x: number): number {
  if (Number.isNaN(x) || x <= 0.0) return Number.NaN;
  if (x < 0.5) return logGamma1p(x) - fastLog(x);
  if (x <= 2.5) return logGamma1p(x - 0.5 - 0.5);
  if (x <= 8.0) {
    const n = Math.floor(x - 1.5);
    let prod = 1.0;
    for (let i = 1; i <= n; i++) prod *= x - i;
    return logGamma1p(x - (n + 1)) + fastLog(prod);
  }
  const sum = lanczos(x);
  const tmp = x + LANCZOS_G + 0.5;
  return (x + 0.5) * fastLog(tmp) - tmp + HALF_LOG_2_PI() + fastLog(sum / x);
}

/** Gamma.gamma(x) for 0 < x ≤ 20 (the range beta_cdf reaches: a < 1 and a + b < 11). */
export function gamma(x: number): number {
  if (!(x > 0 && x <= 20)) throw new Error(`gamma: ${x} is out of (0, 20]`);
  if (x >= 1.0) {
    let prod = 1.0;
    let t = x;
    while (t > 2.5) {
      t -= 1.0;
      prod *= t;
    }
    return prod / (1.0 + invGamma1pm1(t - 1.0));
  }
  return 1.0 / (x * (1.0 + invGamma1pm1(x)));
}
