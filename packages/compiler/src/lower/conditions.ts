// Lowers checked conditions to DNF boxes of atoms over normalised values (SPEC 2.4 semantics):
// every test on a missing optional field is false, except `is not set`; so `not T` holds when the
// field is missing *or* when its value fails T.
import { foldString } from "@carve/values";
import { LineIndex, type Cond, type FieldInfo, type NormalizedLiteral, type Program, type SegmentDecl, type Test } from "@carve/language";
import type { Atom, Box, ConditionInfo, Scalar } from "@carve/runtime";
import { and, atom, FALSE, or, TooComplex, TRUE } from "./dnf.js";

export class ConditionLowerer {
  readonly conditions: ConditionInfo[] = [];
  private readonly conditionIndex = new Map<object, number>();
  private readonly segments = new Map<string, Box[]>();
  private readonly files = new Map<string, { text: string; lines: LineIndex; display: string }>();

  /** `displayFile` names files in the artifact (relative paths keep artifacts independent of the checkout) */
  constructor(
    private readonly program: Program,
    private readonly displayFile: (file: string) => string = (f) => f,
  ) {}

  /** `when` absent means "every record that reaches it". */
  lowerWhen(cond: Cond | undefined, file: string): Box[] {
    if (!cond) return TRUE;
    try {
      return this.lower(cond, false, file);
    } catch (e) {
      if (e instanceof TooComplex && !e.where) e.where = { file, range: cond.range };
      throw e;
    }
  }

  private lower(c: Cond, neg: boolean, file: string): Box[] {
    switch (c.kind) {
      case "Or":
        return neg ? and(c.operands.map((o) => this.lower(o, true, file))) : or(c.operands.map((o) => this.lower(o, false, file)));
      case "And":
        return neg ? or(c.operands.map((o) => this.lower(o, true, file))) : and(c.operands.map((o) => this.lower(o, false, file)));
      case "Not":
        return this.lower(c.operand, !neg, file);
      case "Paren":
        return this.lower(c.inner, neg, file);
      case "SegmentRef":
        return this.segment(c.name.text, neg);
      default:
        return this.test(c, neg, file);
    }
  }

  private segment(name: string, neg: boolean): Box[] {
    const key = `${neg ? "!" : ""}${name}`;
    const cached = this.segments.get(key);
    if (cached) return cached;
    const sym = this.program.symbols.get(name);
    if (!sym || sym.kind !== "segment") return FALSE;
    const decl: SegmentDecl = sym.decl;
    // A segment in a cycle is an error already reported; lower it as matching nothing.
    this.segments.set(key, FALSE);
    const boxes = this.lower(decl.cond, neg, sym.file);
    this.segments.set(key, boxes);
    return boxes;
  }

  private condition(t: Test, file: string): number {
    const known = this.conditionIndex.get(t);
    if (known !== undefined) return known;
    // Per file once, not per test (40,000 tests at 10,000 territories).
    let src = this.files.get(file);
    if (!src) {
      const text = this.program.files.find((f) => f.uri === file)?.text ?? "";
      this.files.set(file, (src = { text, lines: new LineIndex(text), display: this.displayFile(file) }));
    }
    const info: ConditionInfo = {
      file: src.display,
      line: src.lines.position(t.range.start).line + 1,
      text: src.text.slice(t.range.start, t.range.end).replace(/\s+/g, " "),
    };
    this.conditions.push(info);
    this.conditionIndex.set(t, this.conditions.length - 1);
    return this.conditions.length - 1;
  }

  private test(t: Test, neg: boolean, file: string): Box[] {
    const field = this.program.record?.fields.get(t.field.text);
    if (!field) return FALSE;
    const condition = this.condition(t, file);
    const lit = t.kind === "IsSet" ? undefined : this.program.literals.get(t.value);
    const positive = positiveAtoms(t, field, lit);
    if (positive === undefined) return FALSE;
    if (!neg) return or(positive.map((a) => atom({ atom: a, condition })));
    // not (a1 or a2 …) = (not a1) and (not a2) …; each "not a" is its complement among present
    // values, or the field being missing when it is optional.
    const unset: Atom = { field: field.name, op: "unset" };
    const parts = positive.map((a) => {
      const alts = complement(a);
      if (field.optional && a.op !== "unset" && a.op !== "set") alts.push(unset);
      return or(alts.map((x) => atom({ atom: x, condition })));
    });
    return simplify(and(parts));
  }
}

const present = (field: FieldInfo) => field.name;

/** The alternatives (an or) of atoms that make the test true. Undefined when the test did not check. */
function positiveAtoms(t: Test, field: FieldInfo, lit: NormalizedLiteral | undefined): Atom[] | undefined {
  const f = present(field);
  const fold = (v: Scalar): Scalar => (field.type === "string" && typeof v === "string" ? foldString(v) : v);
  switch (t.kind) {
    case "IsSet":
      return [{ field: f, op: t.negated ? "unset" : "set" }];
    case "Compare": {
      if (!lit || lit.kind !== "value") return undefined;
      const v = fold(lit.value);
      switch (t.op) {
        case "==": return [{ field: f, op: "in", values: [v] }];
        case "!=": return [{ field: f, op: "notIn", values: [v] }];
        case "<": return [bound(f, undefined, false, v, false)];
        case "<=": return [bound(f, undefined, false, v, true)];
        case ">": return [bound(f, v, false, undefined, false)];
        case ">=": return [bound(f, v, true, undefined, false)];
      }
      return undefined;
    }
    case "In": {
      if (!lit) return undefined;
      if (lit.kind === "range") {
        const lo = lit.low as number | string;
        const hi = lit.high as number | string;
        return t.negated
          ? [bound(f, undefined, false, lo, false), bound(f, hi, false, undefined, false)]
          : [bound(f, lo, true, hi, true)];
      }
      const values = lit.kind === "list" || lit.kind === "set" ? lit.values.map(fold) : lit.kind === "value" ? [fold(lit.value)] : [];
      return [{ field: f, op: t.negated ? "notIn" : "in", values: uniq(values) }];
    }
    case "StringTest": {
      if (!lit) return undefined;
      const values = lit.kind === "list" || lit.kind === "set" ? lit.values : lit.kind === "value" ? [lit.value] : [];
      const op = t.op === "starts_with" ? "startsWith" : t.op === "ends_with" ? "endsWith" : "contains";
      return [{ field: f, negated: t.negated, op, values: uniq(values.map(String)) }];
    }
  }
}

/** Keys in canonical order (see plan.ts). */
function bound(field: string, min: Scalar | undefined, minInclusive: boolean, max: Scalar | undefined, maxInclusive: boolean): Atom {
  const a = { field } as Extract<Atom, { op: "range" }>;
  if (max !== undefined) a.max = max as number | string;
  a.maxInclusive = maxInclusive;
  if (min !== undefined) a.min = min as number | string;
  a.minInclusive = minInclusive;
  a.op = "range";
  return a;
}

/** Atoms that together (as an or) hold exactly when the field is present and `a` is false. */
function complement(a: Atom): Atom[] {
  switch (a.op) {
    case "in": return [{ field: a.field, op: "notIn", values: a.values }];
    case "notIn": return [{ field: a.field, op: "in", values: a.values }];
    case "set": return [{ field: a.field, op: "unset" }];
    case "unset": return [{ field: a.field, op: "set" }];
    case "startsWith": case "endsWith": case "contains":
      return [{ ...a, negated: !a.negated }];
    case "range": {
      const out: Atom[] = [];
      if (a.min !== undefined) out.push(bound(a.field, undefined, false, a.min, !a.minInclusive));
      if (a.max !== undefined) out.push(bound(a.field, a.max, !a.maxInclusive, undefined, false));
      return out; // an unbounded range holds for every present value: its complement is empty
    }
  }
}

/** Drops boxes that require a field to be both missing and present, and repeated `unset` atoms. */
function simplify(boxes: Box[]): Box[] {
  const out: Box[] = [];
  for (const b of boxes) {
    const unset = new Set<string>();
    const presentFields = new Set<string>();
    for (const r of b.atoms) (r.atom.op === "unset" ? unset : presentFields).add(r.atom.field);
    if ([...unset].some((f) => presentFields.has(f))) continue;
    const seen = new Set<string>();
    out.push({ atoms: b.atoms.filter((r) => r.atom.op !== "unset" || (!seen.has(r.atom.field) && seen.add(r.atom.field))) });
  }
  return out;
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
