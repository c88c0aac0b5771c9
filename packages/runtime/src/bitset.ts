// Row sets as Uint32Array bitsets: bit r of word r >>> 5. All sets of one table share a length.
// The indexes' precomputed sets carry a summary after their `words` data words (withSummary):
// bit w is set when data word w is not zero, so a first-match search of a large table visits
// only the words where every set has rows.

export type Bits = Uint32Array;

export function wordsFor(rows: number): number {
  return Math.max(1, (rows + 31) >>> 5);
}

export function emptyBits(words: number): Bits {
  return new Uint32Array(words);
}

/** The set {0, …, rows-1}. */
export function fullBits(rows: number, words: number): Bits {
  const b = new Uint32Array(words);
  for (let r = 0; r < rows; r++) b[r >>> 5] |= 1 << (r & 31);
  return b;
}

export function setBit(b: Bits, r: number): void {
  b[r >>> 5] |= 1 << (r & 31);
}

export function clearBit(b: Bits, r: number): void {
  b[r >>> 5] &= ~(1 << (r & 31));
}

export function hasBit(b: Bits, r: number): boolean {
  return (b[r >>> 5] & (1 << (r & 31))) !== 0;
}

export function andInto(dst: Bits, src: Bits): void {
  for (let i = 0; i < dst.length; i++) dst[i] &= src[i];
}

export function orInto(dst: Bits, src: Bits): void {
  for (let i = 0; i < dst.length; i++) dst[i] |= src[i];
}

/** a | (b ^ c), a fresh set: "rows without the atom, plus rows whose (possibly negated) test holds". */
export function orXor(a: Bits, b: Bits, c: Bits): Bits {
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] | (b[i] ^ c[i]);
  return out;
}

/** The lowest set bit at or after `from`, or -1. */
export function nextSetBit(b: Bits, from: number): number {
  let w = from >>> 5;
  if (w >= b.length) return -1;
  let word = b[w] & (~0 << (from & 31));
  while (word === 0) {
    if (++w >= b.length) return -1;
    word = b[w];
  }
  return (w << 5) + (31 - Math.clz32(word & -word));
}

export function sameBits(a: Bits, b: Bits): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Words of summary after `words` data words. */
export function summaryWords(words: number): number {
  return (words + 31) >>> 5;
}

/** Sets the summary of `b` (length words + summaryWords(words)) from its data words. */
export function summarize(b: Bits, words: number): void {
  const end = words + summaryWords(words);
  for (let i = words; i < end; i++) b[i] = 0;
  for (let w = 0; w < words; w++) if (b[w] !== 0) b[words + (w >>> 5)] |= 1 << (w & 31);
}

/** A copy of the data words of `b` followed by their summary. */
export function withSummary(b: Bits, words: number): Bits {
  const out = new Uint32Array(words + summaryWords(words));
  for (let w = 0; w < words; w++) out[w] = b[w];
  summarize(out, words);
  return out;
}
