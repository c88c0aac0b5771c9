// Partition of a text field (string, postal, domain) that has starts/ends-with, contains or range
// tests. A value's class is its signature under the plan's tests (text-automaton.ts); the classes
// are found by exploring the automaton breadth-first, each represented by the shortest text
// reaching it (so "x" for "none of the tests" when possible).
import type { Atom, FieldType } from "@carve/runtime";
import { emptyBits } from "./bits.js";
import type { Budget } from "./budget.js";
import { evaluateAtom, textKey, textOf } from "./evaluate-atom.js";
import { mentionedValues } from "./finite.js";
import type { Partition } from "./partition.js";
import { TextAutomaton, type TextCharset, type TextState } from "./text-automaton.js";

/**
 * Work units per automaton step. A step (transition, state key, signature) costs microseconds,
 * ~30× a unit elsewhere; charged at 1, twelve `contains` tests on one field (4,096 classes) ran for
 * minutes inside the budget. Calibrated so the budget stops such a field after a few seconds.
 */
const TEXT_STEP_COST = 30;

/** Tests that need the automaton (plain equality is handled by finite.ts). */
export function hasTextTests(atoms: readonly Atom[]): boolean {
  return atoms.some((a) => a.op === "startsWith" || a.op === "endsWith" || a.op === "contains" || a.op === "range");
}

const WHITE = /^\s$/;
const CHARSETS: Partial<Record<FieldType, TextCharset>> = {
  // folded text: lower-case, trimmed
  string: { valid: (u) => u.toLowerCase() === u, edge: (u) => WHITE.test(u), preferred: [..."xyzqwkjvabcdefghilmnoprstu0123456789-_."] },
  // postal codes are tested on their letters and digits, upper-cased
  postal: { valid: (u) => /^[0-9A-Z]$/.test(u), preferred: [..."0123456789XYZQWKJVABCDEFGHILMNOPRSTU"] },
  domain: { valid: (u) => /^[a-z0-9.-]$/.test(u), preferred: [..."xyzqwkjvabcdefghilmnoprstu0123456789.-"] },
  // rep ids without a roster: any text, trimmed
  rep: { valid: () => true, edge: (u) => WHITE.test(u), preferred: [..."xyzqwkjvabcdefghilmnoprstu0123456789"] },
};

export function textPartition(type: FieldType, atoms: readonly Atom[], budget: Budget): Partition {
  const key = (s: unknown) => textKey(type, String(s));
  const uniq = (xs: string[]) => [...new Set(xs)];
  const collect = (op: string) => uniq(atoms.flatMap((a) => (a.op === op ? (a as { values: string[] }).values.map(key) : [])));
  const bounds: string[] = [];
  for (const a of atoms) {
    if (a.op !== "range") continue;
    if (a.min !== undefined) bounds.push(key(a.min));
    if (a.max !== undefined) bounds.push(key(a.max));
  }
  // A class's representative must be a value equality can compare: for a postal code the
  // automaton reads "K1A0B1" but equality compares the value "K1A 0B1", so a text that is the
  // text of a listed value stands for that value.
  const eqValues = mentionedValues(atoms).filter((v): v is string => typeof v === "string");
  const valueOfText = new Map(eqValues.map((v) => [key(v), v]));
  const automaton = new TextAutomaton(
    {
      eqs: uniq(eqValues.map(key)),
      prefixes: collect("startsWith"),
      suffixes: collect("endsWith"),
      substrings: collect("contains"),
      bounds: uniq(bounds),
    },
    CHARSETS[type] ?? CHARSETS.string!,
  );

  // Breadth-first, letters in sorted order: shortest representatives, deterministic.
  const start = automaton.start();
  const visited = new Set<string>([automaton.key(start)]);
  const classIndex = new Map<string, number>();
  const reps: string[] = [];
  let frontier: [TextState, string][] = [[start, ""]];
  while (frontier.length > 0) {
    const next: [TextState, string][] = [];
    for (const [st, text] of frontier) {
      budget.spend(automaton.alphabet.length * TEXT_STEP_COST);
      for (const unit of automaton.alphabet) {
        const t = automaton.step(st, unit);
        if (t === undefined) continue;
        const k = automaton.key(t);
        if (visited.has(k)) continue;
        visited.add(k);
        if (automaton.accepting(t)) {
          const sig = automaton.signature(t);
          if (!classIndex.has(sig)) {
            classIndex.set(sig, reps.length);
            reps.push(valueOfText.get(text + unit) ?? text + unit);
          }
        }
        next.push([t, text + unit]);
      }
    }
    frontier = next;
  }

  const classOf = (v: unknown): number => {
    const t = textOf(type, v);
    if (t === undefined || t.length === 0) return -1;
    let st: TextState | undefined = start;
    for (let i = 0; i < t.length && st !== undefined; i++) {
      const unit = automaton.canonical(t[i]);
      st = unit === undefined ? undefined : automaton.step(st, unit);
    }
    if (st === undefined || !automaton.accepting(st)) return -1;
    return classIndex.get(automaton.signature(st)) ?? -1;
  };
  const dflt = classOf(type === "postal" ? "10001" : type === "domain" ? "example.com" : "x");
  return {
    count: reps.length,
    value: (c) => reps[c],
    classOf,
    rank: (c) => (c === dflt ? 0 : 1 + c),
    atomSet(atom) {
      const b = emptyBits(reps.length);
      for (let c = 0; c < reps.length; c++) if (evaluateAtom(atom, type, reps[c])) b[c >>> 5] |= 1 << (c & 31);
      return b;
    },
  };
}
