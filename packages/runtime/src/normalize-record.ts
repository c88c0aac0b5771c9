// Step 1 of SPEC 2.6: read every declared field from the input (nested objects or flat dotted
// keys), normalise it by its type with @carve/values, and collect every error. Also derives the
// comparison keys the matchers use, so nothing is re-normalised per territory.
import {
  canonicalPostalDigits, closest, foldString, NO_VALUE, type NormalizeContext, normalizeValue, postalDigits,
  type Normalized, type PostalRule, postalRule, trimmedCanonicalPostal,
} from "@carve/values";
import type { FieldError } from "./decision.js";
import { thrownMessage } from "./errors.js";
import type { FieldSlot, Model } from "./model.js";
import type { ValueIds } from "./value-ids.js";

export interface NormRecord {
  /** normalised value per field slot; undefined = no value */
  values: unknown[];
  /** equality key per slot (strings folded) */
  cmp: unknown[];
  /** text key per slot, for string tests and string ranges (postal: digits only) */
  txt: (string | undefined)[];
  /** the input value per slot, for explanations */
  raw: unknown[];
  /** per slot with ids: the ValueIds id of the value (set by a normaliser given ValueIds) */
  ids: Int32Array;
}

export function newRecord(size: number): NormRecord {
  return { values: new Array(size), cmp: new Array(size), txt: new Array(size), raw: new Array(size), ids: new Int32Array(size) };
}

const hasOwn = Object.prototype.hasOwnProperty;

/** The input value of a field: a flat dotted key wins over the nested path. */
export function readField(input: Record<string, unknown>, f: FieldSlot): unknown {
  if (f.parts.length === 1) return f.ownOnly ? (hasOwn.call(input, f.name) ? input[f.name] : undefined) : input[f.name];
  if (!f.ownOnly || hasOwn.call(input, f.name)) {
    const flat = input[f.name];
    if (flat !== undefined) return flat;
  }
  let cur: unknown = input;
  for (const p of f.parts) {
    if (cur === null || typeof cur !== "object" || Array.isArray(cur)) return undefined;
    if (f.ownOnly && !hasOwn.call(cur, p)) return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

// Memo of normalisations per field: CRM data repeats the same few hundred spellings of
// countries, regions and enum values, and normalising a name costs far more than a lookup. An
// entry carries everything the record needs (value, keys, value id), so a repeated spelling costs
// one Map lookup. A field whose values rarely repeat (postal codes, amounts as text) turns its
// memo off.
const MEMO_LIMIT = 4096;
const MEMO_KEY_MAX = 128;
const NO_MEMO_TYPES = new Set(["string"]);

/** A normalisation with what setKeys and the value ids derive from it (when it succeeded). */
interface Entry {
  /** r.ok and r.value, copied: a cache hit reads the entry alone */
  ok: boolean;
  value: unknown;
  r: Normalized<unknown>;
  cmp: unknown;
  txt: string | undefined;
  id: number;
  /** the record's country it was computed with ("" none): regions and postal codes depend on it */
  country: string;
}

class Memo {
  /** by raw text, for the first country it was seen with (the same spelling nearly always comes with the same country) */
  private readonly first = new Map<string, Entry>();
  /** by country then raw text, for the other countries */
  private readonly others = new Map<string, Map<string, Entry>>();
  private size = 0;
  private hits = 0;
  off = false;

  get(country: string, raw: string): Entry | undefined {
    let e = this.first.get(raw);
    if (e !== undefined && e.country !== country) e = this.others.get(country)?.get(raw);
    if (e !== undefined) this.hits++;
    return e;
  }

  set(raw: string, e: Entry): void {
    if (this.size >= MEMO_LIMIT) {
      if (this.hits < this.size) this.off = true; // mostly distinct values: not worth keeping
      this.first.clear();
      this.others.clear();
      this.size = this.hits = 0;
      if (this.off) return;
    }
    if (!this.first.has(raw)) this.first.set(raw, e);
    else {
      let m = this.others.get(e.country);
      if (m === undefined) this.others.set(e.country, (m = new Map()));
      m.set(raw, e);
    }
    this.size++;
  }
}

export class RecordNormalizer {
  private readonly memos: (Memo | undefined)[];
  /** slots in normalisation order: country fields first (regions and postal codes read them) */
  private readonly order: FieldSlot[];
  private readonly contexts: NormalizeContext[];
  /** per slot: some rule tests the field, so the record needs its comparison keys */
  private readonly keyed: Uint8Array;
  /** per slot: the record's value id is wanted (an equality test lists values of the field) */
  private readonly withId: Uint8Array;
  /** per record country: the rule its postal codes follow */
  private readonly postalRules = new Map<string | undefined, PostalRule>();

  /**
   * `ids`: also set each record's value ids (for matchers bound to the same ValueIds).
   * `keyedSlots`: the slots whose comparison keys anything reads (default: all); the others get
   * their value only, which saves folding text nobody compares.
   */
  constructor(
    private readonly model: Model,
    private readonly ids?: ValueIds,
    keyedSlots?: ReadonlySet<number>,
  ) {
    this.memos = model.fields.map((f) => (NO_MEMO_TYPES.has(f.type) ? undefined : new Memo()));
    this.contexts = model.fields.map((f) => ({ enumValues: f.enumValues }));
    this.order = [...model.fields.filter((f) => f.type === "country"), ...model.fields.filter((f) => f.type !== "country")];
    this.keyed = Uint8Array.from(model.fields, (f) => (keyedSlots === undefined || keyedSlots.has(f.slot) ? 1 : 0));
    this.withId = Uint8Array.from(model.fields, (f) => (ids?.has(f.slot) ? 1 : 0));
  }

  /** Fills `rec`; returns the field errors (null when the record is valid). */
  normalize(input: unknown, rec: NormRecord): FieldError[] | null {
    if (input === null || typeof input !== "object" || Array.isArray(input)) {
      const what = input === null ? "null" : Array.isArray(input) ? "a list" : `a ${typeof input}`;
      // The scratch record is reused: clear it so nothing of the previous record (its key) leaks.
      rec.values.fill(undefined);
      rec.cmp.fill(undefined);
      rec.txt.fill(undefined);
      rec.raw.fill(undefined);
      return [{ field: "(record)", reason: `expected a record (an object with fields), got ${what}` }];
    }
    const obj = input as Record<string, unknown>;
    let errors: FieldError[] | null = null;
    const order = this.order;
    for (let i = 0; i < order.length; i++) {
      const f = order[i];
      const s = f.slot;
      let raw: unknown;
      try {
        raw = f.simple ? obj[f.name] : readField(obj, f);
      } catch (e) {
        // A getter or proxy that throws: this field is unreadable, the record invalid.
        rec.values[s] = rec.cmp[s] = rec.txt[s] = rec.raw[s] = undefined;
        (errors ??= []).push({ field: f.name, reason: `the value could not be read: ${thrownMessage(e)}` });
        continue;
      }
      rec.raw[s] = raw;
      rec.ids[s] = 0;
      if (typeof raw === "number" && f.numeric && Number.isFinite(raw) && (f.type !== "int" || Number.isSafeInteger(raw))) {
        // Already a number: nothing to normalise (-0 is 0, as normalizeNumber has it).
        this.setNumber(s, raw === 0 ? 0 : raw, rec);
        continue;
      }
      if (raw === undefined || raw === null) {
        rec.values[s] = rec.cmp[s] = rec.txt[s] = undefined;
        if (!f.optional) (errors ??= []).push(requiredError(f));
        continue;
      }
      if (typeof raw === "string" && this.fastPath(f, raw, rec)) continue;
      const e = this.normalizeField(f, raw, rec);
      if (e.ok) {
        rec.values[s] = e.value;
        rec.cmp[s] = e.cmp;
        rec.txt[s] = e.txt;
        rec.ids[s] = e.id;
      } else {
        rec.values[s] = rec.cmp[s] = rec.txt[s] = undefined;
        const r = e.r as Extract<Normalized<unknown>, { ok: false }>;
        if (r.reason === NO_VALUE) {
          if (f.optional) continue;
          (errors ??= []).push(requiredError(f));
        } else (errors ??= []).push(fieldError(f, r, raw));
      }
    }
    return errors;
  }

  private setNumber(s: number, v: number, rec: NormRecord): void {
    rec.values[s] = rec.cmp[s] = v;
    rec.txt[s] = undefined;
    if (this.withId[s] === 1) rec.ids[s] = this.ids!.id(s, v);
  }

  /**
   * Values already in canonical form, which CRM data is full of, skip the general normaliser;
   * each case gives exactly what normalizeValue and setKeys would. False: take the general path.
   */
  private fastPath(f: FieldSlot, raw: string, rec: NormRecord): boolean {
    const s = f.slot;
    if (f.type === "string") {
      // No white space to trim at either end: the value is the text itself, the key its lower case.
      if (raw.length === 0 || !isGraphic(raw.charCodeAt(0)) || !isGraphic(raw.charCodeAt(raw.length - 1))) return false;
      rec.values[s] = raw;
      if (this.keyed[s] === 0) rec.cmp[s] = rec.txt[s] = undefined;
      else {
        const k = raw.toLowerCase();
        rec.cmp[s] = rec.txt[s] = k;
        if (this.withId[s] === 1) rec.ids[s] = this.ids!.id(s, k);
      }
      return true;
    }
    if (f.numeric) {
      // Plain digits, or digits grouped by commas (1,200): exactly what normalizeNumber reads.
      const v = plainNumber(raw);
      if (v < 0) return false;
      this.setNumber(s, v, rec);
      return true;
    }
    if (f.type === "postal") {
      // Postal codes rarely repeat (the memo is off): a code in its country's canonical form
      // (94105, 94105-1234, M5V 2T6, SW1A 1AA), give or take case and outer spaces, is recognised
      // without the general normaliser's regular expressions.
      const country = f.countrySlot < 0 ? undefined : (rec.values[f.countrySlot] as string | undefined);
      const v = trimmedCanonicalPostal(raw, this.postalRule(country));
      if (v === undefined) return false;
      rec.values[s] = rec.cmp[s] = v;
      rec.txt[s] = canonicalPostalDigits(v);
      if (this.withId[s] === 1) rec.ids[s] = this.ids!.id(s, v);
      return true;
    }
    return false;
  }

  private postalRule(country: string | undefined): PostalRule {
    let rule = this.postalRules.get(country);
    if (rule === undefined) {
      rule = postalRule(country);
      if (this.postalRules.size < MEMO_LIMIT) this.postalRules.set(country, rule);
    }
    return rule;
  }

  private normalizeField(f: FieldSlot, raw: unknown, rec: NormRecord): Entry {
    const country = f.countrySlot < 0 ? "" : ((rec.values[f.countrySlot] as string | undefined) ?? "");
    const memo = this.memos[f.slot];
    if (memo === undefined || memo.off || typeof raw !== "string" || raw.length > MEMO_KEY_MAX) return this.entry(f, raw, country);
    let e = memo.get(country, raw);
    if (e === undefined) {
      e = this.entry(f, raw, country);
      memo.set(raw, e);
    }
    return e;
  }

  private entry(f: FieldSlot, raw: unknown, country: string): Entry {
    const r = this.compute(f, raw, country === "" ? undefined : country);
    const e: Entry = { ok: r.ok, value: r.ok ? r.value : undefined, r, cmp: undefined, txt: undefined, id: 0, country };
    if (r.ok) {
      setKeys(f, r.value, e);
      if (this.withId[f.slot] === 1) e.id = this.ids!.id(f.slot, e.cmp);
    }
    return e;
  }

  private compute(f: FieldSlot, raw: unknown, country: string | undefined): Normalized<unknown> {
    const ctx = this.contexts[f.slot];
    ctx.country = country;
    const r = normalizeValue(f.type, raw, ctx);
    if (f.type !== "rep" || !r.ok) return r;
    const rep = this.model.repLookup.get(foldString(r.value as string));
    if (rep !== undefined) return { ok: true, value: this.model.artifact.roster.reps[rep].id };
    const reps = this.model.artifact.roster.reps;
    const near = closest(r.value as string, [...reps.map((x) => x.id), ...reps.flatMap((x) => (x.email ? [x.email] : []))]);
    const hint = near.length > 0 ? `did you mean ${near.map((n) => `\`${n}\``).join(" or ")}?` : "use a rep's name or e-mail";
    return { ok: false, reason: `${JSON.stringify(shorten(r.value as string))} is not a rep: ${hint}`, suggestions: near };
  }
}

/** Printable ASCII other than the space: nothing String.prototype.trim removes. */
function isGraphic(c: number): boolean {
  return c > 0x20 && c < 0x7f;
}

/**
 * The value of `1234` or `1,234` (groups of three after the first one to three digits), at most
 * 15 digits so the value is exact; -1 for any other text (signs, decimals, white space, units).
 */
function plainNumber(s: string): number {
  const n = s.length;
  if (n === 0 || n > 20) return -1;
  let v = 0;
  let digits = 0;
  let comma = -1; // index of the last comma
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      v = v * 10 + (c - 0x30);
      digits++;
    } else if (c === 0x2c) {
      if (comma < 0 ? i === 0 || i > 3 : i - comma !== 4) return -1;
      comma = i;
    } else return -1;
  }
  if (digits > 15 || (comma >= 0 && n - comma !== 4)) return -1;
  return v;
}

function requiredError(f: FieldSlot): FieldError {
  return { field: f.name, reason: `\`${f.name}\` is required but has no value` };
}

/** The comparison keys of a normalised value: the equality key and the text key. */
function setKeys(f: FieldSlot, v: unknown, e: { cmp: unknown; txt: string | undefined }): void {
  switch (f.type) {
    case "string": {
      const k = foldString(v as string);
      e.cmp = k;
      e.txt = k;
      return;
    }
    case "postal":
      e.cmp = v;
      e.txt = postalDigits(v as string);
      return;
    case "int":
    case "number":
    case "money":
    case "bool":
      e.cmp = v;
      e.txt = undefined;
      return;
    default:
      e.cmp = v;
      e.txt = v as string;
  }
}

function fieldError(f: FieldSlot, r: { reason: string; suggestions?: string[] }, raw: unknown): FieldError {
  const e: FieldError = { field: f.name, reason: r.reason };
  const value = shownValue(raw);
  if (value !== undefined) e.value = value;
  if (r.suggestions && r.suggestions.length > 0) e.suggestions = r.suggestions;
  return e;
}

function shorten(s: string): string {
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

/** The input as an error shows it: scalars as given (long text cut), nothing for objects. */
export function shownValue(raw: unknown): unknown {
  if (typeof raw === "string") return shorten(raw);
  if (typeof raw === "number" || typeof raw === "boolean") return raw;
  return undefined;
}
