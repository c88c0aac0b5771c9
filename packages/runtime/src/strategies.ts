// How a team picks among its available members (SPEC 2.6 step 4). `hash` is part of the artifact
// contract: every backend (SQL included) must compute exactly this (README, "Team hashing").
import type { TeamMember } from "./artifact-types.js";

/** The 32-bit finaliser: x ^= x >>> 16; x *= 0x45d9f3b; x ^= x >>> 16; x *= 0x45d9f3b; x ^= x >>> 16 (mod 2^32). */
export function fmix32(x: number): number {
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x45d9f3b) >>> 0;
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x45d9f3b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

/** The string a record's hash field contributes: numbers via String(n), booleans "true"/"false", missing "". */
export function hashKey(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : String(value);
}

export interface Scored {
  member: number;
  score: number;
}

/**
 * Weighted rendezvous hashing: the available member (index into `members`) whose best seed gives
 * the highest fmix32(h XOR seed); ties go to the earlier member. `h` = md5Word(hashKey(value)).
 * `scores`, when given, receives every candidate's best score (for explanations).
 */
export function rendezvous(h: number, members: readonly TeamMember[], available: readonly number[], scores?: Scored[]): number {
  let best = -1;
  let bestScore = -1;
  for (const m of available) {
    let top = -1;
    for (const s of members[m].seeds) {
      const score = fmix32((h ^ s) >>> 0);
      if (score > top) top = score;
    }
    scores?.push({ member: m, score: top });
    if (top > bestScore) {
      bestScore = top;
      best = m;
    }
  }
  return best;
}

/**
 * The weighted rotation of `round_robin`: smooth weighted round robin over the available members
 * (weights 1 and 2 give b, a, b — interleaved, not a burst); one turn per counter value.
 */
export function rotation(members: readonly TeamMember[], available: readonly number[]): number[] {
  const total = available.reduce((s, m) => s + members[m].weight, 0);
  const current = available.map(() => 0);
  const seq: number[] = [];
  for (let turn = 0; turn < total; turn++) {
    let pick = 0;
    for (let i = 0; i < available.length; i++) {
      current[i] += members[available[i]].weight;
      if (current[i] > current[pick]) pick = i;
    }
    current[pick] -= total;
    seq.push(available[pick]);
  }
  return seq;
}

export interface LoadView {
  member: number;
  load: number;
  capacity?: number;
}

/**
 * `least_loaded`: among members below their capacity, the lowest load per unit of weight
 * (load / weight, compared exactly); ties go to the earlier member. -1: everyone is at capacity.
 */
export function leastLoaded(members: readonly TeamMember[], views: readonly LoadView[]): number {
  let best = -1;
  let bestLoad = 0;
  let bestWeight = 1;
  for (const v of views) {
    if (v.capacity !== undefined && v.load >= v.capacity) continue;
    const w = members[v.member].weight;
    if (best < 0 || v.load * bestWeight < bestLoad * w) {
      best = v.member;
      bestLoad = v.load;
      bestWeight = w;
    }
  }
  return best;
}
