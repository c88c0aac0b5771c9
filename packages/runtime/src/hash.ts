// Content hashing of artifacts (canonical JSON + SHA-256) and the MD5 helpers of the team-hashing
// contract. @noble/hashes, not node:crypto: the runtime also runs in browsers and edge workers.
import { md5 } from "@noble/hashes/legacy.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import type { Artifact } from "./artifact-types.js";

/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no white space, members whose value is
 * `undefined` left out (as JSON.stringify does, so an object and its parsed JSON text hash the
 * same), numbers in ECMAScript's shortest round-trip form (`String(n)`, -0 as 0). Throws on values
 * JSON cannot carry (NaN, Infinity, bigint, functions, cycles).
 */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, parts, new Set());
  return parts.join("");
}

function write(value: unknown, out: string[], open: Set<object>): void {
  switch (typeof value) {
    case "string":
      out.push(JSON.stringify(value));
      return;
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON cannot hold the number ${value}`);
      out.push(Object.is(value, -0) ? "0" : String(value));
      return;
    case "boolean":
      out.push(value ? "true" : "false");
      return;
    case "object":
      break;
    default:
      throw new TypeError(`canonical JSON cannot hold a value of type ${typeof value}`);
  }
  if (value === null) {
    out.push("null");
    return;
  }
  if (open.has(value)) throw new TypeError("canonical JSON cannot hold a cyclic structure");
  open.add(value);
  if (Array.isArray(value)) {
    out.push("[");
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(",");
      const v: unknown = value[i];
      if (v === undefined || typeof v === "function") out.push("null");
      else write(v, out, open);
    }
    out.push("]");
  } else {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    out.push("{");
    keys.forEach((k, i) => {
      if (i > 0) out.push(",");
      out.push(JSON.stringify(k), ":");
      write(obj[k], out, open);
    });
    out.push("}");
  }
  open.delete(value);
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The artifact's content hash: SHA-256 (hex) of the canonical JSON of everything but `hash`. */
export function artifactHash(artifactWithoutHash: Omit<Artifact, "hash"> | Record<string, unknown>): string {
  const { hash: _ignored, ...body } = artifactWithoutHash as Record<string, unknown>;
  return sha256Hex(canonicalJson(body));
}

/** The artifact with its `hash` set: what the compiler writes. */
export function sealArtifact(body: Omit<Artifact, "hash">): Artifact {
  return { ...(body as Artifact), hash: artifactHash(body) };
}

/** MD5 (hex) of the UTF-8 bytes of `text`. */
export function md5Hex(text: string): string {
  return bytesToHex(md5(utf8ToBytes(text)));
}

/** The first 4 bytes of MD5(utf8(text)), big-endian, as an unsigned 32-bit integer. */
export function md5First32(text: string): number {
  const d = md5(utf8ToBytes(text));
  return ((d[0] << 24) | (d[1] << 16) | (d[2] << 8) | d[3]) >>> 0;
}

/** A team member's rendezvous seeds: md5First32(`${rep}#${i}`) for i = 1..weight (artifact contract). */
export function memberSeeds(rep: string, weight: number): number[] {
  const seeds: number[] = [];
  for (let i = 1; i <= weight; i++) seeds.push(md5First32(`${rep}#${i}`));
  return seeds;
}
