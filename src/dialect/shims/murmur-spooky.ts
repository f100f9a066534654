// MurmurHash3 x64 128-bit and SpookyHash V2, seed 0, as Trino's murmur3() and spooky_hash_v2_32/64() compute them
// (airlift's Murmur3Hash128 and SpookyHashV2; https://trino.io/docs/current/functions/binary.html). murmur3 gives
// the two 64-bit halves little-endian; spooky_hash_v2_64 the 64-bit hash big-endian, spooky_hash_v2_32 its low 32 bits.
const MASK = (1n << 64n) - 1n;
const rotl = (x: bigint, r: number) => ((x << BigInt(r)) | (x >> BigInt(64 - r))) & MASK;
const add = (a: bigint, b: bigint) => (a + b) & MASK;
const mul = (a: bigint, b: bigint) => (a * b) & MASK;

const word = (view: DataView, at: number) => view.getBigUint64(at, true);

// --- MurmurHash3 x64 128 --------------------------------------------------------------------------------------------

const C1 = 0x87c37b91114253d5n;
const C2 = 0x4cf5ad432745937fn;

function fmix(k: bigint): bigint {
  k ^= k >> 33n;
  k = mul(k, 0xff51afd7ed558ccdn);
  k ^= k >> 33n;
  k = mul(k, 0xc4ceb9fe1a85ec53n);
  return k ^ (k >> 33n);
}

export function murmur3(data: Uint8Array): Uint8Array {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const blocks = Math.floor(data.length / 16);
  let h1 = 0n;
  let h2 = 0n;
  for (let i = 0; i < blocks; i++) {
    const k1 = mul(rotl(mul(word(view, i * 16), C1), 31), C2);
    h1 = add(mul(add(rotl(h1 ^ k1, 27), h2), 5n), 0x52dce729n);
    const k2 = mul(rotl(mul(word(view, i * 16 + 8), C2), 33), C1);
    h2 = add(mul(add(rotl(h2 ^ k2, 31), h1), 5n), 0x38495ab5n);
  }
  const tail = blocks * 16;
  let k1 = 0n;
  let k2 = 0n;
  for (let i = data.length - tail - 1; i >= 0; i--) {
    const byte = BigInt(data[tail + i]);
    if (i >= 8) k2 |= byte << BigInt((i - 8) * 8);
    else k1 |= byte << BigInt(i * 8);
  }
  if (data.length - tail > 8) h2 ^= mul(rotl(mul(k2, C2), 33), C1);
  if (data.length - tail > 0) h1 ^= mul(rotl(mul(k1, C1), 31), C2);
  const length = BigInt(data.length);
  h1 ^= length;
  h2 ^= length;
  h1 = add(h1, h2);
  h2 = add(h2, h1);
  h1 = fmix(h1);
  h2 = fmix(h2);
  h1 = add(h1, h2);
  h2 = add(h2, h1);
  const out = new Uint8Array(16);
  const outView = new DataView(out.buffer);
  outView.setBigUint64(0, h1, true);
  outView.setBigUint64(8, h2, true);
  return out;
}

// --- SpookyHash V2 ------------------------------------------------------------------------------------------------

const SC_CONST = 0xdeadbeefdeadbeefn;
const BLOCK = 96;

/** Bytes [at, at + n) as a little-endian number. */
function bytesLE(data: Uint8Array, at: number, n: number): bigint {
  let v = 0n;
  for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(data[at + i]);
  return v;
}

function shortMix(h: bigint[]): void {
  const steps: [number, number, number, number][] = [
    [2, 50, 3, 0],
    [3, 52, 0, 1],
    [0, 30, 1, 2],
    [1, 41, 2, 3],
    [2, 54, 3, 0],
    [3, 48, 0, 1],
    [0, 38, 1, 2],
    [1, 37, 2, 3],
    [2, 62, 3, 0],
    [3, 34, 0, 1],
    [0, 5, 1, 2],
    [1, 36, 2, 3],
  ];
  // h[a] = rot(h[a], r); h[a] += h[b]; h[c] ^= h[a]
  for (const [a, r, b, c] of steps) {
    h[a] = add(rotl(h[a], r), h[b]);
    h[c] ^= h[a];
  }
}

function shortEnd(h: bigint[]): void {
  const steps: [number, number, number][] = [
    [3, 2, 15],
    [0, 3, 52],
    [1, 0, 26],
    [2, 1, 51],
    [3, 2, 28],
    [0, 3, 9],
    [1, 0, 47],
    [2, 1, 54],
    [3, 2, 32],
    [0, 3, 25],
    [1, 0, 63],
  ];
  // h[a] ^= h[b]; h[b] = rot(h[b], r); h[a] += h[b]
  for (const [a, b, r] of steps) {
    h[a] ^= h[b];
    h[b] = rotl(h[b], r);
    h[a] = add(h[a], h[b]);
  }
}

function spookyShort(data: Uint8Array): bigint {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const h = [0n, 0n, SC_CONST, SC_CONST];
  let at = 0;
  let remainder = data.length % 32;
  if (data.length > 15) {
    for (const end = data.length - remainder; at < end; at += 32) {
      h[2] = add(h[2], word(view, at));
      h[3] = add(h[3], word(view, at + 8));
      shortMix(h);
      h[0] = add(h[0], word(view, at + 16));
      h[1] = add(h[1], word(view, at + 24));
    }
    if (remainder >= 16) {
      h[2] = add(h[2], word(view, at));
      h[3] = add(h[3], word(view, at + 8));
      shortMix(h);
      at += 16;
      remainder -= 16;
    }
  }
  h[3] = add(h[3], BigInt(data.length) << 56n);
  if (remainder === 0) {
    h[2] = add(h[2], SC_CONST);
    h[3] = add(h[3], SC_CONST);
  } else if (remainder >= 8) {
    h[2] = add(h[2], word(view, at));
    h[3] = add(h[3], bytesLE(data, at + 8, remainder - 8));
  } else h[2] = add(h[2], bytesLE(data, at, remainder));
  shortEnd(h);
  return h[0];
}

const MIX_ROTATIONS = [11, 32, 43, 31, 17, 28, 39, 57, 55, 54, 22, 46];
const END_ROTATIONS = [44, 15, 34, 21, 38, 33, 10, 13, 38, 53, 42, 54];

function mix(view: DataView, at: number, s: bigint[]): void {
  for (let i = 0; i < 12; i++) {
    s[i] = add(s[i], word(view, at + i * 8));
    s[(i + 2) % 12] ^= s[(i + 10) % 12];
    s[(i + 11) % 12] ^= s[i];
    s[i] = rotl(s[i], MIX_ROTATIONS[i]);
    s[(i + 11) % 12] = add(s[(i + 11) % 12], s[(i + 1) % 12]);
  }
}

function endPartial(h: bigint[]): void {
  for (let i = 0; i < 12; i++) {
    h[(i + 11) % 12] = add(h[(i + 11) % 12], h[(i + 1) % 12]);
    h[(i + 2) % 12] ^= h[(i + 11) % 12];
    h[(i + 1) % 12] = rotl(h[(i + 1) % 12], END_ROTATIONS[i]);
  }
}

function spookyLong(data: Uint8Array): bigint {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const h = Array.from({ length: 12 }, (_v, i): bigint => (i % 3 === 2 ? SC_CONST : 0n));
  const blocks = Math.floor(data.length / BLOCK);
  for (let b = 0; b < blocks; b++) mix(view, b * BLOCK, h);
  const last = new Uint8Array(BLOCK);
  const remainder = data.length - blocks * BLOCK;
  last.set(data.subarray(blocks * BLOCK));
  last[BLOCK - 1] = remainder;
  const lastView = new DataView(last.buffer);
  for (let i = 0; i < 12; i++) h[i] = add(h[i], word(lastView, i * 8));
  endPartial(h);
  endPartial(h);
  endPartial(h);
  return h[0];
}

/** SpookyHash V2 64-bit of the bytes with seed 0, big-endian. */
export function spookyHash64(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, data.length < 2 * BLOCK ? spookyShort(data) : spookyLong(data), false);
  return out;
}

/** SpookyHash V2 32-bit (the low 32 bits of the 64-bit hash) with seed 0, big-endian. */
export function spookyHash32(data: Uint8Array): Uint8Array {
  return spookyHash64(data).slice(4);
}
