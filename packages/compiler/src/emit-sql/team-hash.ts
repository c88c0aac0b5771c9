// Team `hash(FIELD)` in SQL, bit for bit the runtime's (strategies.ts): h = the first 4 bytes of
// MD5 of the field's text; a member's score is the highest fmix32(h XOR seed) over its seeds; the
// available member with the highest score wins, ties to the earlier member.
// fmix32 is written with 64-bit integers masked to 32 bits (every product stays below 2^59), over
// a few query stages so that no intermediate value is written (or computed) twice. Its first step
// splits: (h^s) ^ ((h^s) >>> 16) = (h ^ h>>>16) ^ (s ^ s>>>16), and the seed half is a constant.
import type { Team } from "@carve/runtime";
import type { Fields } from "./columns.js";
import type { Dialect } from "./dialects.js";
import type { Owners } from "./owners.js";

const C = 0x45d9f3b;
const MASK = 0xffffffff;

export interface HashStages {
  /** SELECT items for the input stage: one MD5 word per hashed field */
  words: string[];
  /** SELECT items of the stages that follow, in order (empty when no team hashes) */
  stages: string[][];
}

/** Builds the stages and registers each hash team's pick column with `owners`. */
export function hashStages(owners: Owners, fields: Fields, d: Dialect): HashStages {
  const teams = owners.artifact.roster.teams.filter(
    (t) => t.strategy.kind === "hash" && t.members.filter((_, k) => owners.memberAvailable(t, k) !== false).length >= 2,
  );
  const words: string[] = [];
  const wordOf = new Map<string, string>();
  const bs: string[] = [];
  const ds: string[] = [];
  const seedCol = new Map<string, number>();
  const scores: string[] = [];
  const scoreOf = new Map<string, string>();
  const picks: string[] = [];

  const word = (field: string): string => {
    let w = wordOf.get(field);
    if (w === undefined) {
      w = `carve_w${wordOf.size}`;
      wordOf.set(field, w);
      words.push(`${d.md5Word(fields.hashText(field))} AS ${w}`);
    }
    return w;
  };
  const seed = (w: string, s: number): number => {
    const k = `${w}:${s}`;
    let j = seedCol.get(k);
    if (j === undefined) {
      j = seedCol.size;
      seedCol.set(k, j);
      const t = (s ^ (s >>> 16)) >>> 0;
      bs.push(`${d.band(`(${d.xor(d.xor(w, d.shr(w, 16)), String(t))} * ${C})`, String(MASK))} AS carve_b${j}`);
      ds.push(`${d.band(`(${d.xor(`carve_b${j}`, d.shr(`carve_b${j}`, 16))} * ${C})`, String(MASK))} AS carve_d${j}`);
    }
    return j;
  };
  const score = (w: string, seeds: readonly number[]): string => {
    const k = `${w}:${seeds.join(",")}`;
    let s = scoreOf.get(k);
    if (s === undefined) {
      s = `carve_s${scoreOf.size}`;
      scoreOf.set(k, s);
      const each = seeds.map((x) => seed(w, x)).map((j) => d.xor(`carve_d${j}`, d.shr(`carve_d${j}`, 16)));
      scores.push(`${each.length === 1 ? each[0] : `GREATEST(${each.join(", ")})`} AS ${s}`);
    }
    return s;
  };

  teams.forEach((team, i) => {
    const field = (team.strategy as { field: string }).field;
    const w = word(field);
    const column = `carve_p${i}`;
    const pick = pickSql(owners, team, (seeds) => score(w, seeds));
    picks.push(`${pick.sql} AS ${column}`);
    owners.pickColumns.set(team.id, { sql: column, notNull: pick.notNull });
  });
  return { words, stages: teams.length === 0 ? [] : [bs, ds, scores, picks] };
}

/**
 * CASE GREATEST(score, …) WHEN score_a THEN a WHEN score_b THEN b END: the first member whose score
 * is the highest. A member that may be away scores -2 when it is; the floor -1 makes the CASE
 * NULL when every member is away (scores are never negative).
 */
function pickSql(owners: Owners, team: Team, score: (seeds: readonly number[]) => string): { sql: string; notNull: boolean } {
  const arms: { score: string; code: number }[] = [];
  let dynamic = false;
  team.members.forEach((m, k) => {
    const avail = owners.memberAvailable(team, k);
    if (avail === false) return;
    const s = score(m.seeds);
    dynamic ||= avail !== true;
    arms.push({ score: avail === true ? s : `CASE WHEN ${avail} THEN ${s} ELSE -2 END`, code: owners.code({ kind: "rep", id: m.rep, team: team.id }) });
  });
  const top = `GREATEST(${[...arms.map((a) => a.score), ...(dynamic ? ["-1"] : [])].join(", ")})`;
  return { sql: `CASE ${top} ${arms.map((a) => `WHEN ${a.score} THEN ${a.code}`).join(" ")} END`, notNull: !dynamic };
}
