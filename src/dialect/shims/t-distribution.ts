// Trino's t_cdf(x, df) and t_pdf(x, df) (io.trino.operator.scalar.MathFunctions, Trino 476): Apache Commons Math 3.6.1's
// TDistribution(df).cumulativeProbability(x) and density(x), ported operation for operation on the same FastMath and
// Gamma ports as beta_cdf (beta-distribution.ts), so that each answer is the JVM's double.
import { regularizedBeta } from './beta-distribution.js';
import { fastExp, fastLog } from './fast-math.js';
import { logGamma } from './gamma.js';

/** Trino's argument check: a NaN degree of freedom passes it (and answers NaN), as in Trino 476. */
function checkDegreesOfFreedom(df: number): void {
  if (df < 1) throw new Error('degrees of freedom must be greater than or equal to 1');
}

/** TDistribution.cumulativeProbability: 0.5 at 0, else from the regularized beta of df / (df + x²). */
export function tCdf(x: number, df: number): number {
  checkDegreesOfFreedom(df);
  if (x === 0) return 0.5;
  const t = regularizedBeta(df / (df + x * x), 0.5 * df, 0.5);
  return x < 0.0 ? 0.5 * t : 1.0 - 0.5 * t;
}

/** TDistribution.density: exp of logDensity, whose constant factor Commons Math computes once per distribution. */
export function tPdf(x: number, df: number): number {
  checkDegreesOfFreedom(df);
  const nPlus1Over2 = (df + 1) / 2;
  const factor = logGamma(nPlus1Over2) - 0.5 * (fastLog(Math.PI) + fastLog(df)) - logGamma(df / 2);
  return fastExp(factor - nPlus1Over2 * fastLog(1 + (x * x) / df));
}
