// Content hashing of artifacts (SHA-256 of their canonical JSON, canonical-json.ts) and the MD5
// helpers of the team-hashing contract. @noble/hashes, not node:crypto: the runtime also runs in browsers and edge workers.
import { md5 } from "@noble/hashes/legacy.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import type { Artifact } from "./artifact-types.js";
import { canonicalJson, inCanonicalOrder } from "./canonical-json.js";

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The artifact's content hash: SHA-256 (hex) of the canonical JSON of everything but `hash`. */
export function artifactHash(artifactWithoutHash: Omit<Artifact, "hash"> | Record<string, unknown>): string {
  const { hash: _ignored, ...body } = artifactWithoutHash as Record<string, unknown>;
  return sha256Hex(canonicalJson(body));
}

/**
 * The artifact with its `hash` set: what the compiler writes. The result is a copy in canonical
 * key order (`hash` among the other keys), so that hashing it here and writing it later are both
 * native JSON.stringify calls; subtrees already in order are shared, not copied.
 */
export function sealArtifact(body: Omit<Artifact, "hash">): Artifact {
  const { hash: _ignored, ...rest } = body as Record<string, unknown>;
  const { value, exact } = inCanonicalOrder(rest);
  const members: Record<string, unknown> = { ...value, hash: sha256Hex(exact ? JSON.stringify(value) : canonicalJson(value)) };
  const artifact: Record<string, unknown> = {};
  // defineProperty: a member named "__proto__" stays a member
  for (const k of Object.keys(members).sort()) Object.defineProperty(artifact, k, { value: members[k], enumerable: true, writable: true, configurable: true });
  return artifact as unknown as Artifact;
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
