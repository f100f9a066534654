// The digits from_base reads beyond ASCII (function-macros.ts JAVA_DIGITS) are built from a listed set of run starts
// instead of testing every code point of the Basic Multilingual Plane at each process start (issue 18): the list must
// give exactly the texts that scan gave.
import { describe, expect, it } from 'vitest';
import { BMP_DIGIT_ZEROS, JAVA_DIGITS } from '../../src/dialect/shims/function-macros.js';

/** The scan the list replaces: every Nd code point from U+0080 to U+FFFF, numbered 0-9 within its run. */
function scannedDigits(): { from: string; to: string } {
  let from = '';
  let to = '';
  let run = 0;
  for (let c = 0x80; c <= 0xffff; c++) {
    const ch = String.fromCharCode(c);
    if (!/\p{Nd}/u.test(ch)) {
      run = 0;
      continue;
    }
    from += ch;
    to += String(run++ % 10);
  }
  for (let k = 0; k < 26; k++) {
    from += String.fromCharCode(0xff21 + k, 0xff41 + k);
    to += String.fromCharCode(0x61 + k, 0x61 + k);
  }
  return { from, to };
}

describe('from_base digits beyond ASCII', () => {
  it('are the Nd runs of the Basic Multilingual Plane, each numbered 0 to 9, then the fullwidth letters', () => {
    expect(JAVA_DIGITS).toEqual(scannedDigits());
  });

  it('each listed start is a zero that opens a run of ten', () => {
    for (const zero of BMP_DIGIT_ZEROS) {
      expect(/\p{Nd}/u.test(String.fromCharCode(zero - 1))).toBe(false);
      for (let d = 0; d < 10; d++) expect(/\p{Nd}/u.test(String.fromCharCode(zero + d))).toBe(true);
      expect(/\p{Nd}/u.test(String.fromCharCode(zero + 10))).toBe(false);
    }
  });
});
