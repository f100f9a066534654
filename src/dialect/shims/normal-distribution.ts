// Trino's normal_cdf and inverse_normal_cdf (io.trino.operator.scalar.MathFunctions, Trino 476) on Apache Commons
// Math 3.6.1's Erf.erf (Gamma.regularizedGammaP/Q with a = 1/2) and Erf.erfInv, ported operation for operation on
// FastMath (fast-math.ts), so that each answer is the JVM's double, not one a last-bit away.
import { fastExp, fastLog } from './fast-math.js';
import { continuedFraction, logGamma } from './gamma.js';

const ERF_EPSILON = 1.0e-15;
const ERF_MAX_ITERATIONS = 10000;
/** Gamma.logGamma(0.5): the only `a` erf uses (on first use: see HALF_LOG_2_PI in gamma.ts). */
let logGammaHalf: number | undefined;
const LOG_GAMMA_HALF = (): number => (logGammaHalf ??= logGamma(0.5));

/** exp(-x + a·log(x) - logGamma(a)) for a = 1/2, in Commons Math's order of operations. */
const gammaFactor = (x: number) => fastExp(-x + 0.5 * fastLog(x) - LOG_GAMMA_HALF());

/** Gamma.regularizedGammaP(0.5, x, 1e-15, 10000): the series below a + 1, else 1 - Q. */
function regularizedGammaPHalf(x: number): number {
  if (Number.isNaN(x) || x < 0.0) return Number.NaN;
  if (x === 0.0) return 0.0;
  if (x >= 0.5 + 1) return 1.0 - regularizedGammaQHalf(x);
  let n = 0.0;
  let an = 1.0 / 0.5;
  let sum = an;
  while (Math.abs(an / sum) > ERF_EPSILON && n < ERF_MAX_ITERATIONS && sum < Number.POSITIVE_INFINITY) {
    n += 1.0;
    an *= x / (0.5 + n);
    sum += an;
  }
  if (n >= ERF_MAX_ITERATIONS) throw new Error(`illegal state: maximal count (${ERF_MAX_ITERATIONS}) exceeded`);
  if (!Number.isFinite(sum)) return 1.0;
  return gammaFactor(x) * sum;
}

/** Gamma.regularizedGammaQ(0.5, x, 1e-15, 10000) for x ≥ a + 1: a continued fraction. */
function regularizedGammaQHalf(x: number): number {
  const fraction = continuedFraction(
    (n) => 2.0 * n + 1.0 - 0.5 + x,
    (n) => n * (0.5 - n),
    x,
    ERF_EPSILON,
    ERF_MAX_ITERATIONS,
  );
  return gammaFactor(x) * (1.0 / fraction);
}

/** Erf.erf(x). */
export function erf(x: number): number {
  if (Math.abs(x) > 40) return x > 0 ? 1 : -1;
  const ret = regularizedGammaPHalf(x * x);
  return x < 0 ? -ret : ret;
}

/** Horner's rule with Commons Math's coefficients, highest first: p = c[i] + p·w. */
function horner(coefficients: readonly number[], w: number): number {
  let p = coefficients[0];
  for (let i = 1; i < coefficients.length; i++) p = coefficients[i] + p * w;
  return p;
}

const ERF_INV_CENTRAL = [
  -3.64441206401782e-21, -1.6850591381820166e-19, 1.28584807152564e-18, 1.1157877678025181e-17, -1.333171662854621e-16, 2.0972767875968562e-17,
  6.637638134358324e-15, -4.054566272975207e-14, -8.151934197605472e-14, 2.6335093153082323e-12, -1.2975133253453532e-11, -5.415412054294628e-11,
  1.0512122733215323e-9, -4.112633980346984e-9, -2.9070369957882005e-8, 4.2347877827932404e-7, -0.0000013654692000834679, -0.000013882523362786469,
  0.00018673420803405714, -0.000740702534166267, -0.006033670871430149, 0.24015818242558962, 1.6536545626831027,
];
const ERF_INV_TAIL = [
  2.2137376921775787e-9, 9.075656193888539e-8, -2.7517406297064545e-7, 1.8239629214389228e-8, 0.0000015027403968909828, -0.000004013867526981546,
  0.0000029234449089955446, 0.000012475304481671779, -0.000047318229009055734, 0.00006828485145957318, 0.000024031110387097894, -0.0003550375203628475,
  0.0009532893797373805, -0.0016882755560235047, 0.002491442096107851, -0.003751208507569241, 0.005370914553590064, 1.0052589676941592, 3.0838856104922208,
];
const ERF_INV_FAR_TAIL = [
  -2.7109920616438573e-11, -2.555641816996525e-10, 1.5076572693500548e-9, -3.789465440126737e-9, 7.61570120807834e-9, -1.496002662714924e-8,
  2.914795345090108e-8, -6.771199775845234e-8, 2.2900482228026655e-7, -9.9298272942317e-7, 0.000004526062597223154, -0.00001968177810553167,
  0.00007599527703001776, -0.00021503011930044477, -0.00013871931833623122, 1.0103004648645344, 4.849906401408584,
];

/** Erf.erfInv(x) (Giles' single-precision-free approximation, as Commons Math writes it). */
export function erfInv(x: number): number {
  let w = -fastLog((1.0 - x) * (1.0 + x));
  let p: number;
  if (w < 6.25) {
    w -= 3.125;
    p = horner(ERF_INV_CENTRAL, w);
  } else if (w < 16.0) {
    w = Math.sqrt(w) - 3.25;
    p = horner(ERF_INV_TAIL, w);
  } else if (w !== Number.POSITIVE_INFINITY && w !== Number.NEGATIVE_INFINITY) {
    w = Math.sqrt(w) - 5.0;
    p = horner(ERF_INV_FAR_TAIL, w);
  } else p = Number.POSITIVE_INFINITY;
  return p * x;
}

/** Trino's normal_cdf(mean, sd, v) = 0.5 (1 + erf((v - mean) / (sd √2))), with its argument check. */
export function normalCdf(mean: number, sd: number, value: number): number {
  if (!(sd > 0)) throw new Error('standardDeviation must be > 0');
  return 0.5 * (1 + erf((value - mean) / (sd * Math.sqrt(2.0))));
}

/** Trino's inverse_normal_cdf(mean, sd, p) = mean + sd √2 · erfInv(2p - 1), with its argument checks. */
export function inverseNormalCdf(mean: number, sd: number, p: number): number {
  if (!(p > 0 && p < 1)) throw new Error('p must be 0 > p > 1');
  if (!(sd > 0)) throw new Error('sd must be > 0');
  return mean + sd * Math.SQRT2 * erfInv(2.0 * p - 1); // Trino's constant 1.4142135623730951
}
