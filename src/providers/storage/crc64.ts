// CRC-64/XZ (the ECMA-182 polynomial, reflected, as OSS's x-oss-hash-crc64ecma): a streaming digest
// kept as two 32-bit halves (fast on any input size), and the combination of two CRCs, which gives a
// multipart object's CRC from its parts' without reading the object again.

const POLY_LO = 0xd7870f42;
const POLY_HI = 0xc96c5795;

const TABLE_LO = new Uint32Array(256);
const TABLE_HI = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let lo = n;
  let hi = 0;
  for (let k = 0; k < 8; k++) {
    const lsb = lo & 1;
    lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
    hi = hi >>> 1;
    if (lsb) {
      lo = (lo ^ POLY_LO) >>> 0;
      hi = (hi ^ POLY_HI) >>> 0;
    }
  }
  TABLE_LO[n] = lo;
  TABLE_HI[n] = hi;
}

/** A running CRC-64/XZ; `value` is the decimal text OSS sends. */
export class Crc64 {
  // Held inverted (init and xorout are all ones).
  private lo = 0xffffffff;
  private hi = 0xffffffff;

  update(data: Uint8Array): this {
    let lo = this.lo;
    let hi = this.hi;
    for (let i = 0; i < data.length; i++) {
      const idx = (lo ^ (data[i] ?? 0)) & 0xff;
      lo = ((lo >>> 8) | (hi << 24)) ^ (TABLE_LO[idx] ?? 0);
      hi = (hi >>> 8) ^ (TABLE_HI[idx] ?? 0);
    }
    this.lo = lo >>> 0;
    this.hi = hi >>> 0;
    return this;
  }

  get bigint(): bigint {
    return (BigInt((~this.hi) >>> 0) << 32n) | BigInt((~this.lo) >>> 0);
  }

  /** Decimal, as in x-oss-hash-crc64ecma. */
  get value(): string {
    return this.bigint.toString();
  }
}

const MASK = (1n << 64n) - 1n;
const POLY = (BigInt(POLY_HI) << 32n) | BigInt(POLY_LO);

function gf2Times(mat: bigint[], vec: bigint): bigint {
  let sum = 0n;
  let v = vec;
  for (let i = 0; v !== 0n; i++, v >>= 1n) {
    if (v & 1n) {
      sum ^= mat[i] ?? 0n;
    }
  }
  return sum;
}

function gf2Square(mat: bigint[]): bigint[] {
  return mat.map((row) => gf2Times(mat, row));
}

/** The CRC of A followed by B, from crc(A), crc(B) and B's length (zlib's crc32_combine, for 64 bits). */
export function crc64Combine(crcA: bigint, crcB: bigint, lengthB: number): bigint {
  if (lengthB <= 0) {
    return crcA;
  }
  // The operator for one zero bit, then squared to 2, 4 bits...
  let odd: bigint[] = [POLY];
  for (let i = 1, row = 1n; i < 64; i++, row <<= 1n) {
    odd.push(row);
  }
  let even = gf2Square(odd);
  odd = gf2Square(even);
  let crc = crcA & MASK;
  let len = BigInt(lengthB);
  do {
    even = gf2Square(odd);
    if (len & 1n) {
      crc = gf2Times(even, crc);
    }
    len >>= 1n;
    if (len === 0n) {
      break;
    }
    odd = gf2Square(even);
    if (len & 1n) {
      crc = gf2Times(odd, crc);
    }
    len >>= 1n;
  } while (len !== 0n);
  return (crc ^ crcB) & MASK;
}

/** The whole object's CRC from its parts' in order (`crc` decimal text, `size` bytes). */
export function combineParts(parts: ReadonlyArray<{ readonly crc: string; readonly size: number }>): string {
  let crc = 0n;
  for (const p of parts) {
    crc = crc64Combine(crc, BigInt(p.crc), p.size);
  }
  return crc.toString();
}
