// Fixed-size bitsets over the classes of one field (Uint32Array words). A class set of a box is
// one of these; `null` in a box means "every class" and is handled by the callers in boxes.ts.

export type Bits = Uint32Array;

export function emptyBits(size: number): Bits {
  return new Uint32Array((size + 31) >>> 5);
}

export function fullBits(size: number): Bits {
  const b = emptyBits(size);
  for (let i = 0; i < size; i++) b[i >>> 5] |= 1 << (i & 31);
  return b;
}

export function bitsOf(size: number, members: Iterable<number>): Bits {
  const b = emptyBits(size);
  for (const i of members) b[i >>> 5] |= 1 << (i & 31);
  return b;
}

export function has(b: Bits, i: number): boolean {
  return (b[i >>> 5] & (1 << (i & 31))) !== 0;
}

export function setBit(b: Bits, i: number): void {
  b[i >>> 5] |= 1 << (i & 31);
}

export function clearBit(b: Bits, i: number): void {
  b[i >>> 5] &= ~(1 << (i & 31));
}

export function and(a: Bits, b: Bits): Bits {
  const r = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) r[i] = a[i] & b[i];
  return r;
}

export function or(a: Bits, b: Bits): Bits {
  const r = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) r[i] = a[i] | b[i];
  return r;
}

export function andNot(a: Bits, b: Bits): Bits {
  const r = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) r[i] = a[i] & ~b[i];
  return r;
}

export function isEmpty(b: Bits): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) return false;
  return true;
}

export function intersects(a: Bits, b: Bits): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i] & b[i]) !== 0) return true;
  return false;
}

/** a ⊆ b */
export function isSubset(a: Bits, b: Bits): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i] & ~b[i]) !== 0) return false;
  return true;
}

export function equals(a: Bits, b: Bits): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function count(b: Bits): number {
  let n = 0;
  for (let i = 0; i < b.length; i++) {
    let w = b[i];
    while (w !== 0) {
      w &= w - 1;
      n++;
    }
  }
  return n;
}

/** The members, ascending. */
export function members(b: Bits): number[] {
  const out: number[] = [];
  for (let i = 0; i < b.length; i++) {
    let w = b[i];
    while (w !== 0) {
      const low = w & -w;
      out.push((i << 5) + (31 - Math.clz32(low)));
      w ^= low;
    }
  }
  return out;
}
