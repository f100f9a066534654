// Apache Commons Math 3.6.1's FastMath.exp and FastMath.log, ported operation for operation so that they give the
// same double as on the JVM (Trino's normal_cdf and inverse_normal_cdf run on them; Math.exp and Math.log differ in
// the last bit for about 2% of arguments). Java's double arithmetic is IEEE 754 round-to-nearest as JavaScript's is.
// The tables are computed at load the way FastMathCalc computes them; they equal the ones Commons Math ships
// (FastMathLiteralArrays) entry for entry, except exp(n) for n in [-709, -501], whose shipped values are taken from
// fast-math-shipped.ts. tests/dialect/functions/commons-math.test.ts compares with Trino's answers bit for bit.
import { SHIPPED_EXP_INT_A, SHIPPED_EXP_INT_B, SHIPPED_FIRST_INDEX } from './fast-math-shipped.js';

const HEX_40000000 = 1073741824;
const EXP_INT_TABLE_MAX_INDEX = 750;
const EXP_FRAC_TABLE_LEN = 1025;
const LN_MANT_LEN = 1024;
const LN_2_A = 0.6931470632553101;
const LN_2_B = 1.1730463525082348e-7;
const TWO_POWER_52 = 4503599627370496;

const FACT = [
  1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0, 1307674368000.0,
  20922789888000.0, 355687428096000.0, 6402373705728000, 121645100408832000,
];

const LN_SPLIT_COEF: readonly (readonly [number, number])[] = [
  [2.0, 0.0],
  [0.6666666269302368, 3.9736429850260626e-8],
  [0.3999999761581421, 2.3841857910019882e-8],
  [0.2857142686843872, 1.7029898543501842e-8],
  [0.2222222089767456, 1.3245471311735498e-8],
  [0.1818181574344635, 2.4384203044354907e-8],
  [0.1538461446762085, 9.140260083262505e-9],
  [0.13333332538604736, 9.220590270857665e-9],
  [0.11764700710773468, 1.2393345855018391e-8],
  [0.10526403784751892, 8.251545029714408e-9],
  [0.0952233225107193, 1.2675934823758863e-8],
  [0.08713622391223907, 1.1430250008909141e-8],
  [0.07842259109020233, 2.404307984052299e-9],
  [0.08371849358081818, 1.176342548272881e-8],
  [0.030589580535888672, 1.2958646899018938e-9],
  [0.14982303977012634, 1.225743062930824e-8],
];

const LN_HI_PREC_COEF: readonly (readonly [number, number])[] = [
  [1.0, -6.032174644509064e-23],
  [-0.25, -0.25],
  [0.3333333134651184, 1.9868161777724352e-8],
  [-0.2499999701976776, -2.957007209750105e-8],
  [0.19999954104423523, 1.5830993332061267e-10],
  [-0.16624879837036133, -2.6033824355191673e-8],
];

const LN_QUICK_COEF: readonly (readonly [number, number])[] = [
  [1.0, 5.669184079525e-24],
  [-0.25, -0.25],
  [0.3333333134651184, 1.986821492305628e-8],
  [-0.25, -6.663542893624021e-14],
  [0.19999998807907104, 1.1921056801463227e-8],
  [-0.1666666567325592, -7.800414592973399e-9],
  [0.1428571343421936, 5.650007086920087e-9],
  [-0.12502530217170715, -7.44321345601866e-11],
  [0.11113807559013367, 9.219544613762692e-9],
];

/** A double-double: [high part with at most 30 significant bits, low part]. */
type Split = [number, number];

// --- FastMathCalc: the extended-precision arithmetic that builds the tables -----------------------------------------

function split(d: number): Split {
  if (d < 8e298 && d > -8e298) {
    const a = d * HEX_40000000;
    const high = d + a - a;
    return [high, d - high];
  }
  const a = d * 9.313225746154785e-10;
  const high = (d + a - d) * HEX_40000000;
  return [high, d - high];
}

function resplit(a: Split): void {
  const c = a[0] + a[1];
  const d = -(c - a[0] - a[1]);
  if (c < 8e298 && c > -8e298) {
    const z = c * HEX_40000000;
    a[0] = c + z - z;
    a[1] = c - a[0] + d;
  } else {
    const z = c * 9.313225746154785e-10;
    a[0] = (c + z - c) * HEX_40000000;
    a[1] = c - a[0] + d;
  }
}

function splitMult(a: Split, b: Split): Split {
  const ans: Split = [a[0] * b[0], a[0] * b[1] + a[1] * b[0] + a[1] * b[1]];
  resplit(ans);
  return ans;
}

function splitAdd(a: Split, b: readonly [number, number]): Split {
  const ans: Split = [a[0] + b[0], a[1] + b[1]];
  resplit(ans);
  return ans;
}

function splitReciprocal(input: Split): Split {
  const b = 1.0 / 4194304.0;
  const a = 1.0 - b;
  if (input[0] === 0.0) {
    input[0] = input[1];
    input[1] = 0.0;
  }
  const result: Split = [a / input[0], (b * input[0] - a * input[1]) / (input[0] * input[0] + input[0] * input[1])];
  if (Number.isNaN(result[1])) result[1] = 0.0;
  resplit(result);
  for (let i = 0; i < 2; i++) {
    let err = 1.0 - result[0] * input[0] - result[0] * input[1] - result[1] * input[0] - result[1] * input[1];
    err *= result[0] + result[1];
    result[1] += err;
  }
  return result;
}

function quadMult(a: Split, b: Split): Split {
  const result = splitMult(split(a[0]), split(b[0]));
  const accumulate = (zs: Split) => {
    for (const z of zs) {
      const tmp = result[0] + z;
      result[1] -= tmp - result[0] - z;
      result[0] = tmp;
    }
  };
  accumulate(splitMult(split(a[0]), split(b[1])));
  accumulate(splitMult(split(a[1]), split(b[0])));
  accumulate(splitMult(split(a[1]), split(b[1])));
  return result;
}

function expint(p: number): Split {
  let xs: Split = [Math.E, 1.4456468917292502e-16]; // Math.E is FastMathCalc's 2.718281828459045
  let ys = split(1.0);
  for (let q = p; q > 0; q >>= 1) {
    if ((q & 1) !== 0) ys = quadMult(ys, xs);
    xs = quadMult(xs, xs);
  }
  const result: Split = [ys[0], ys[1]];
  resplit(result);
  return result;
}

function slowexp(x: number): Split {
  const xs = split(x);
  let ys: Split = [0.0, 0.0];
  for (let i = FACT.length - 1; i >= 0; i--) {
    ys = splitMult(xs, ys);
    ys = splitAdd(ys, splitReciprocal(split(FACT[i])));
  }
  return ys;
}

function slowLog(xi: number): Split {
  let x = split(xi);
  x[0] += 1.0;
  resplit(x);
  const a = splitReciprocal([x[0], x[1]]);
  x[0] -= 2.0;
  resplit(x);
  x = splitMult(x, a);
  const x2 = splitMult(x, x);
  let y: Split = [LN_SPLIT_COEF[LN_SPLIT_COEF.length - 1][0], LN_SPLIT_COEF[LN_SPLIT_COEF.length - 1][1]];
  for (let i = LN_SPLIT_COEF.length - 2; i >= 0; i--) {
    y = splitMult(y, x2);
    y = splitAdd(y, LN_SPLIT_COEF[i]);
  }
  return splitMult(y, x);
}

// --- the tables (FastMath's ExpIntTable, ExpFracTable and lnMant) ----------------------------------------------------

interface Tables {
  expIntA: Float64Array;
  expIntB: Float64Array;
  expFracA: Float64Array;
  expFracB: Float64Array;
  lnMant: Float64Array; // pairs
}

let tables: Tables | undefined;

function buildTables(): Tables {
  const expIntA = new Float64Array(EXP_INT_TABLE_MAX_INDEX * 2);
  const expIntB = new Float64Array(EXP_INT_TABLE_MAX_INDEX * 2);
  for (let i = 0; i < EXP_INT_TABLE_MAX_INDEX; i++) {
    const tmp = expint(i);
    expIntA[i + EXP_INT_TABLE_MAX_INDEX] = tmp[0];
    expIntB[i + EXP_INT_TABLE_MAX_INDEX] = tmp[1];
    if (i !== 0) {
      const recip = splitReciprocal(tmp);
      expIntA[EXP_INT_TABLE_MAX_INDEX - i] = recip[0];
      expIntB[EXP_INT_TABLE_MAX_INDEX - i] = recip[1];
    }
  }
  const bits = new DataView(new ArrayBuffer(8));
  const fromBits = (hex: string) => {
    bits.setBigUint64(0, BigInt(`0x${hex}`));
    return bits.getFloat64(0);
  };
  SHIPPED_EXP_INT_A.forEach((hex, k) => {
    expIntA[SHIPPED_FIRST_INDEX + k] = fromBits(hex);
    expIntB[SHIPPED_FIRST_INDEX + k] = fromBits(SHIPPED_EXP_INT_B[k]);
  });
  const expFracA = new Float64Array(EXP_FRAC_TABLE_LEN);
  const expFracB = new Float64Array(EXP_FRAC_TABLE_LEN);
  const factor = 1 / (EXP_FRAC_TABLE_LEN - 1);
  for (let i = 0; i < EXP_FRAC_TABLE_LEN; i++) {
    const tmp = slowexp(i * factor);
    expFracA[i] = tmp[0];
    expFracB[i] = tmp[1];
  }
  const lnMant = new Float64Array(LN_MANT_LEN * 2);
  const view = new DataView(new ArrayBuffer(8));
  for (let i = 0; i < LN_MANT_LEN; i++) {
    view.setBigUint64(0, (BigInt(i) << 42n) | 0x3ff0000000000000n);
    const [a, b] = slowLog(view.getFloat64(0));
    lnMant[2 * i] = a;
    lnMant[2 * i + 1] = b;
  }
  return { expIntA, expIntB, expFracA, expFracB, lnMant };
}

/** Whether the tables were built (tests: loading the shims must not build them). */
export const fastMathTablesBuilt = (): boolean => tables !== undefined;

/** The tables, built on first use (a few milliseconds). */
export function fastMathTables(): Tables {
  tables ??= buildTables();
  return tables;
}

// --- FastMath.exp(x) and FastMath.log(x) ------------------------------------------------------------------------------

/** FastMath.exp(x) (exp(x, 0.0, null) in Commons Math). */
export function fastExp(x: number): number {
  let intVal = Math.trunc(x);
  if (Number.isNaN(x)) intVal = 0; // Java's (int) NaN
  if (x < 0.0) {
    if (x < -746) return 0.0;
    if (intVal < -709) return fastExp(x + 40.19140625) / 285040095144011780;
    if (intVal === -709) return fastExp(x + 1.494140625) / 4.455505956692757;
    intVal--;
  } else if (intVal > 709) return Number.POSITIVE_INFINITY;
  const t = fastMathTables();
  const intPartA = t.expIntA[EXP_INT_TABLE_MAX_INDEX + intVal];
  const intPartB = t.expIntB[EXP_INT_TABLE_MAX_INDEX + intVal];
  const intFrac = Math.trunc((x - intVal) * 1024.0);
  const fracPartA = t.expFracA[intFrac];
  const fracPartB = t.expFracB[intFrac];
  const epsilon = x - (intVal + intFrac / 1024.0);
  let z = 0.04168701738764507;
  z = z * epsilon + 0.1666666505023083;
  z = z * epsilon + 0.5000000000042687;
  z = z * epsilon + 1.0;
  z = z * epsilon + -3.940510424527919e-20;
  const tempA = intPartA * fracPartA;
  const tempB = intPartA * fracPartB + intPartB * fracPartA + intPartB * fracPartB;
  const tempC = tempB + tempA;
  if (tempC === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  return tempC * z + tempB + tempA;
}

const bitsView = new DataView(new ArrayBuffer(8));

/** FastMath.log(x) (log(x, null) in Commons Math). */
export function fastLog(x: number): number {
  return logOf(x, undefined);
}

/** FastMath.log(x, hiPrec): the logarithm, with its high and low parts written to `hiPrec` when given. */
function logOf(x: number, hiPrec: [number, number] | undefined): number {
  if (x === 0) return Number.NEGATIVE_INFINITY;
  bitsView.setFloat64(0, x);
  let bits = bitsView.getBigInt64(0);
  if ((bits & -0x8000000000000000n) !== 0n || Number.isNaN(x)) {
    if (hiPrec) hiPrec[0] = Number.NaN;
    return Number.NaN;
  }
  if (x === Number.POSITIVE_INFINITY) {
    if (hiPrec) hiPrec[0] = Number.POSITIVE_INFINITY;
    return Number.POSITIVE_INFINITY;
  }
  let exp = Number(bits >> 52n) - 1023;
  if ((bits & 0x7ff0000000000000n) === 0n) {
    bits = BigInt.asIntN(64, bits << 1n);
    while ((bits & 0x0010000000000000n) === 0n) {
      --exp;
      bits = BigInt.asIntN(64, bits << 1n);
    }
  }
  if ((exp === -1 || exp === 0) && x < 1.01 && x > 0.99 && !hiPrec) {
    // Commons Math: a straight polynomial in higher precision near 1.
    let xa = x - 1.0;
    let tmp = xa * HEX_40000000;
    let aa = xa + tmp - tmp;
    let ab = xa - aa;
    xa = aa;
    const xb = ab;
    let ya = LN_QUICK_COEF[LN_QUICK_COEF.length - 1][0];
    let yb = LN_QUICK_COEF[LN_QUICK_COEF.length - 1][1];
    for (let i = LN_QUICK_COEF.length - 2; i >= 0; i--) {
      aa = ya * xa;
      ab = ya * xb + yb * xa + yb * xb;
      tmp = aa * HEX_40000000;
      ya = aa + tmp - tmp;
      yb = aa - ya + ab;
      aa = ya + LN_QUICK_COEF[i][0];
      ab = yb + LN_QUICK_COEF[i][1];
      tmp = aa * HEX_40000000;
      ya = aa + tmp - tmp;
      yb = aa - ya + ab;
    }
    aa = ya * xa;
    ab = ya * xb + yb * xa + yb * xb;
    tmp = aa * HEX_40000000;
    ya = aa + tmp - tmp;
    yb = aa - ya + ab;
    return ya + yb;
  }
  const index = Number((bits & 0x000ffc0000000000n) >> 42n);
  const t = fastMathTables();
  const lnm0 = t.lnMant[2 * index];
  const lnm1 = t.lnMant[2 * index + 1];
  const epsilon = Number(bits & 0x3ffffffffffn) / (TWO_POWER_52 + Number(bits & 0x000ffc0000000000n));
  let lnza: number;
  let lnzb = 0.0;
  if (hiPrec) {
    let tmp = epsilon * HEX_40000000;
    let aa = epsilon + tmp - tmp;
    let ab = epsilon - aa;
    const xa = aa;
    let xb = ab;
    const numer = Number(bits & 0x3ffffffffffn);
    const denom = TWO_POWER_52 + Number(bits & 0x000ffc0000000000n);
    aa = numer - xa * denom - xb * denom;
    xb += aa / denom;
    let ya = LN_HI_PREC_COEF[LN_HI_PREC_COEF.length - 1][0];
    let yb = LN_HI_PREC_COEF[LN_HI_PREC_COEF.length - 1][1];
    for (let i = LN_HI_PREC_COEF.length - 2; i >= 0; i--) {
      aa = ya * xa;
      ab = ya * xb + yb * xa + yb * xb;
      tmp = aa * HEX_40000000;
      ya = aa + tmp - tmp;
      yb = aa - ya + ab;
      aa = ya + LN_HI_PREC_COEF[i][0];
      ab = yb + LN_HI_PREC_COEF[i][1];
      tmp = aa * HEX_40000000;
      ya = aa + tmp - tmp;
      yb = aa - ya + ab;
    }
    aa = ya * xa;
    ab = ya * xb + yb * xa + yb * xb;
    lnza = aa + ab;
    lnzb = -(lnza - aa - ab);
  } else {
    lnza = -0.16624882440418567;
    lnza = lnza * epsilon + 0.19999954120254515;
    lnza = lnza * epsilon + -0.2499999997677497;
    lnza = lnza * epsilon + 0.3333333333332802;
    lnza = lnza * epsilon + -0.5;
    lnza = lnza * epsilon + 1.0;
    lnza *= epsilon;
  }
  // Sum from the smallest terms, tracking the rounding error of each addition.
  let a = LN_2_A * exp;
  let b = 0.0;
  let c = a + lnm0;
  let d = -(c - a - lnm0);
  a = c;
  b += d;
  c = a + lnza;
  d = -(c - a - lnza);
  a = c;
  b += d;
  c = a + LN_2_B * exp;
  d = -(c - a - LN_2_B * exp);
  a = c;
  b += d;
  c = a + lnm1;
  d = -(c - a - lnm1);
  a = c;
  b += d;
  c = a + lnzb;
  d = -(c - a - lnzb);
  a = c;
  b += d;
  if (hiPrec) {
    hiPrec[0] = a;
    hiPrec[1] = b;
  }
  return a + b;
}

/** FastMath.log1p(x). */
export function fastLog1p(x: number): number {
  if (x === -1) return Number.NEGATIVE_INFINITY;
  if (x === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  if (x > 1e-6 || x < -1e-6) {
    const xpa = 1 + x;
    const xpb = -(xpa - 1 - x);
    const hiPrec: [number, number] = [0, 0];
    const lores = logOf(xpa, hiPrec);
    if (lores === Number.POSITIVE_INFINITY || lores === Number.NEGATIVE_INFINITY) return lores;
    const fx1 = xpb / xpa;
    const epsilon = 0.5 * fx1 + 1;
    return epsilon * fx1 + hiPrec[1] + hiPrec[0];
  }
  const y = (x * (1 / 3) - 1 / 2) * x + 1;
  return y * x;
}
