// A brute-force oracle for analysis tests: evaluates plans record by record (written independently
// of the analysis, after the runtime's reference semantics) and derives, for one date, every
// finding that a given pool of records exhibits.
import type { Atom, Box, FieldType, Window } from "@carve/runtime";
import { foldString, normalizeValue, postalDigits } from "@carve/values";
import type { AnalysisPlan, Finding, Witness } from "../../src/analysis/index.js";

type Rec = Record<string, unknown>;

function text(type: FieldType, v: unknown): string | undefined {
  if (typeof v !== "string") return undefined;
  return type === "string" ? foldString(v) : type === "postal" ? postalDigits(v) : v;
}

export function atomHolds(a: Atom, type: FieldType, v: unknown): boolean {
  if (v === undefined) return a.op === "unset";
  const key = (x: unknown) => (type === "string" && typeof x === "string" ? foldString(x) : x);
  switch (a.op) {
    case "unset": return false;
    case "set": return true;
    case "in": return a.values.some((x) => key(x) === key(v));
    case "notIn": return !a.values.some((x) => key(x) === key(v));
    case "range": {
      if (type === "int" || type === "number" || type === "money") {
        const n = v as number;
        if (a.min !== undefined && (a.minInclusive ? n < (a.min as number) : n <= (a.min as number))) return false;
        if (a.max !== undefined && (a.maxInclusive ? n > (a.max as number) : n >= (a.max as number))) return false;
        return true;
      }
      const t = text(type, v);
      if (t === undefined) return false;
      const k = (b: string | number) => text(type, String(b))!;
      if (a.min !== undefined) { const m = k(a.min); const c = t.slice(0, m.length); if (a.minInclusive ? c < m : c <= m) return false; }
      if (a.max !== undefined) { const m = k(a.max); const c = t.slice(0, m.length); if (a.maxInclusive ? c > m : c >= m) return false; }
      return true;
    }
    default: {
      const t = text(type, v);
      if (t === undefined) return false;
      const hit = a.values.some((p) => {
        const k = text(type, p)!;
        return a.op === "startsWith" ? t.startsWith(k) : a.op === "endsWith" ? t.endsWith(k) : t.includes(k);
      });
      return hit !== a.negated;
    }
  }
}

export class Oracle {
  private readonly types: Map<string, FieldType>;
  private readonly groupOf: number[];

  constructor(readonly plan: AnalysisPlan) {
    this.types = new Map(plan.schema.fields.map((f) => [f.name, f.type]));
    this.groupOf = plan.territories.map(() => -1);
    plan.groups.forEach((g, gi) => g.territories.forEach((t) => (this.groupOf[t] = gi)));
  }

  boxHolds(b: Box, r: Rec): boolean {
    return b.atoms.every(({ atom }) => atomHolds(atom, this.types.get(atom.field)!, r[atom.field]));
  }

  whenHolds(when: Box[], r: Rec): boolean {
    return when.some((b) => this.boxHolds(b, r));
  }

  active(w: Window | undefined, d: string): boolean {
    return w === undefined || ((w.from === undefined || w.from <= d) && (w.until === undefined || d <= w.until));
  }

  /** The territory matches in the runtime's sense: active and its when holds. */
  matches(t: number, r: Rec, d: string): boolean {
    const terr = this.plan.territories[t];
    return this.active(terr.window, d) && this.whenHolds(terr.when, r);
  }

  /** Does the record reach group g on day d (descending through first matches)? */
  reaches(g: number, r: Rec, d: string): boolean {
    const parent = this.plan.groups[g].parent;
    if (parent === undefined) return true;
    const pg = this.groupOf[parent];
    if (!this.reaches(pg, r, d) || !this.matches(parent, r, d)) return false;
    if (this.plan.groups[pg].policy === "overlays") return true;
    for (const s of this.plan.groups[pg].territories) {
      if (s === parent) return true;
      if (this.matches(s, r, d)) return false;
    }
    return true;
  }

  /** The earliest active sibling before `t` (in its group) matching r. */
  takenBy(t: number, r: Rec, d: string): number | undefined {
    const g = this.plan.groups[this.groupOf[t]];
    for (const s of g.territories) {
      if (s === t) return undefined;
      if (this.matches(s, r, d)) return s;
    }
    return undefined;
  }

  /** Findings (as keys) the pool exhibits on day d: overlaps, gaps, shadowed children. */
  treeTruth(pool: readonly Rec[], d: string): Set<string> {
    const out = new Set<string>();
    const { groups, territories } = this.plan;
    groups.forEach((g, gi) => {
      if (g.policy === "overlays") return;
      const reaching = pool.filter((r) => this.reaches(gi, r, d));
      const kids = g.territories;
      if (g.policy === "unique") {
        for (let i = 0; i < kids.length; i++) for (let j = i + 1; j < kids.length; j++) {
          if (reaching.some((r) => this.matches(kids[i], r, d) && this.matches(kids[j], r, d))) out.add(`overlap:${gi}:${kids[i]}:${kids[j]}`);
        }
      }
      if (g.otherwise === undefined && reaching.some((r) => kids.every((k) => !this.matches(k, r, d)))) out.add(`gap:${gi}`);
      if (reaching.length === 0) return;
      for (const k of kids) {
        if (!this.active(territories[k].window, d)) continue;
        if (!pool.some((r) => this.whenHolds(territories[k].when, r))) continue; // unsatisfiable
        const selected = reaching.some((r) => this.matches(k, r, d) && (g.policy !== "first" || this.takenBy(k, r, d) === undefined));
        if (!selected) out.add(`shadowed:${gi}:${k}`);
      }
    });
    return out;
  }

  /** Shadowed overrides on day d, when every target is a queue or a rep field (always / never certain). */
  overrideTruth(pool: readonly Rec[], d: string): Set<string> {
    const out = new Set<string>();
    const os = this.plan.overrides;
    os.forEach((o, i) => {
      if (i === 0 || !this.active(o.window, d) || !pool.some((r) => this.whenHolds(o.when, r))) return;
      const certain = os.slice(0, i).filter((e) => this.active(e.window, d) && e.target.kind === "queue");
      if (!pool.some((r) => this.whenHolds(o.when, r) && !certain.some((e) => this.whenHolds(e.when, r)))) out.add(`shadowed-override:${i}`);
    });
    return out;
  }

  /** Unsatisfiable findings over the pool (date-independent). */
  unsatTruth(pool: readonly Rec[]): Set<string> {
    const out = new Set<string>();
    const check = (when: Box[], site: string) => {
      const ok = when.map((b) => pool.some((r) => this.boxHolds(b, r)));
      if (!ok.some(Boolean)) out.add(`unsatisfiable:${site}`);
      else ok.forEach((v, i) => !v && out.add(`unsatisfiable:${site}:${i}`));
    };
    this.plan.territories.forEach((t, i) => check(t.when, `t${i}`));
    this.plan.overrides.forEach((o, i) => check(o.when, `o${i}`));
    return out;
  }

  /** Every value of the witness is a normalised value of its field (and it has all required fields). */
  validWitness(w: Witness): string | undefined {
    for (const f of this.plan.schema.fields) {
      const v = w[f.name];
      if (v === undefined) {
        if (!f.optional) return `missing required ${f.name}`;
        continue;
      }
      if (f.type === "rep") continue;
      const country = f.countryField ? (w[f.countryField] as string | undefined) : undefined;
      const r = normalizeValue(f.type, v, { country, enumValues: f.enumValues });
      if (!r.ok || r.value !== v) return `${f.name}: ${JSON.stringify(v)} is not normalised (${r.ok ? JSON.stringify(r.value) : r.reason})`;
    }
    for (const k of Object.keys(w)) if (!this.types.has(k)) return `unknown field ${k}`;
    return undefined;
  }
}

/** A finding's key, as the oracle writes it. */
export function keyOf(f: Finding): string | undefined {
  switch (f.kind) {
    case "overlap": return `overlap:${f.group}:${f.a}:${f.b}`;
    case "gap": return `gap:${f.group}`;
    case "shadowed": return `shadowed:${f.group}:${f.territory}`;
    case "shadowed-override": return `shadowed-override:${f.override}`;
    case "unsatisfiable": return `unsatisfiable:${f.territory !== undefined ? `t${f.territory}` : `o${f.override}`}${f.box !== undefined ? `:${f.box}` : ""}`;
    default: return undefined;
  }
}

export function inPeriod(p: Window | undefined, d: string): boolean {
  return p === undefined || ((p.from === undefined || p.from <= d) && (p.until === undefined || d <= p.until));
}
