// The first 32 bits of MD5(utf8(text)) without allocating: team hashing runs once per record, and
// a general-purpose digest (byte arrays, hasher objects) costs microseconds there. Equal to
// hash.ts `md5First32` (tests check both against @noble/hashes on random text).

// floor(|sin(i + 1)| · 2^32), written out: Math.sin is not guaranteed to round the same everywhere.
const K = new Int32Array([
  0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
  0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
  0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
  0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
  0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
  0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
  0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
  0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
]);
// Rotation amounts and message-word order of the 64 steps (RFC 1321).
const R = new Int32Array([7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
  5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
  6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21]);
const G = new Int32Array(64);
for (let i = 0; i < 64; i++) G[i] = i < 16 ? i : i < 32 ? (5 * i + 1) & 15 : i < 48 ? (3 * i + 5) & 15 : (7 * i) & 15;

let bytes = new Uint8Array(256);
const words = new Int32Array(16);
const state = new Int32Array(4);

/** Writes the UTF-8 encoding of `text` into `bytes` (grown as needed); returns its length. */
function encode(text: string): number {
  if (bytes.length < text.length * 3 + 72) bytes = new Uint8Array(text.length * 3 + 72);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) bytes[n++] = c;
    else if (c < 0x800) {
      bytes[n++] = 0xc0 | (c >> 6);
      bytes[n++] = 0x80 | (c & 63);
    } else {
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          bytes[n++] = 0xf0 | (c >> 18);
          bytes[n++] = 0x80 | ((c >> 12) & 63);
          bytes[n++] = 0x80 | ((c >> 6) & 63);
          bytes[n++] = 0x80 | (c & 63);
          continue;
        }
      }
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // a lone surrogate encodes as U+FFFD, as TextEncoder does
      bytes[n++] = 0xe0 | (c >> 12);
      bytes[n++] = 0x80 | ((c >> 6) & 63);
      bytes[n++] = 0x80 | (c & 63);
    }
  }
  return n;
}

/** The first 4 bytes of MD5(utf8(text)), big-endian, as an unsigned 32-bit integer. */
export function md5Word(text: string): number {
  const len = text.length;
  if (len <= 55 && isAscii(text)) {
    // One block, filled straight from the character codes: the usual case (record ids).
    for (let j = 0; j < 16; j++) words[j] = 0;
    for (let i = 0; i < len; i++) words[i >> 2] |= text.charCodeAt(i) << ((i & 3) << 3);
    words[len >> 2] |= 0x80 << ((len & 3) << 3);
    words[14] = len * 8;
    state[0] = 0x67452301; state[1] = 0xefcdab89 | 0; state[2] = 0x98badcfe | 0; state[3] = 0x10325476;
    compress();
  } else md5Bytes(encode(text));
  const a = state[0];
  return (((a & 0xff) << 24) | (((a >>> 8) & 0xff) << 16) | (((a >>> 16) & 0xff) << 8) | ((a >>> 24) & 0xff)) >>> 0;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** MD5 of bytes[0..len) into `state`. */
function md5Bytes(len: number): void {
  // Padding: 0x80, zeros, then the bit length (64-bit little-endian), to a multiple of 64 bytes.
  const total = ((len + 8) >> 6) * 64 + 64;
  for (let i = len; i < total; i++) bytes[i] = 0;
  bytes[len] = 0x80;
  const low = (len * 8) >>> 0;
  const high = Math.floor(len / 0x20000000);
  for (let k = 0; k < 4; k++) {
    bytes[total - 8 + k] = (low >>> (8 * k)) & 0xff;
    bytes[total - 4 + k] = (high >>> (8 * k)) & 0xff;
  }
  state[0] = 0x67452301; state[1] = 0xefcdab89 | 0; state[2] = 0x98badcfe | 0; state[3] = 0x10325476;
  for (let off = 0; off < total; off += 64) {
    for (let j = 0; j < 16; j++) {
      const p = off + j * 4;
      words[j] = bytes[p] | (bytes[p + 1] << 8) | (bytes[p + 2] << 16) | (bytes[p + 3] << 24);
    }
    compress();
  }
}

/** One 64-byte block (`words`) into `state`. */
function compress(): void {
  const a0 = state[0], b0 = state[1], c0 = state[2], d0 = state[3];
  let a = a0, b = b0, c = c0, d = d0;
  for (let i = 0; i < 64; i++) {
    let f = 0;
    if (i < 16) f = (b & c) | (~b & d);
    else if (i < 32) f = (d & b) | (~d & c);
    else if (i < 48) f = b ^ c ^ d;
    else f = c ^ (b | ~d);
    const x = (a + f + K[i] + words[G[i]]) | 0;
    const r = R[i];
    a = d;
    d = c;
    c = b;
    b = (b + ((x << r) | (x >>> (32 - r)))) | 0;
  }
  state[0] = (a0 + a) | 0;
  state[1] = (b0 + b) | 0;
  state[2] = (c0 + c) | 0;
  state[3] = (d0 + d) | 0;
}
