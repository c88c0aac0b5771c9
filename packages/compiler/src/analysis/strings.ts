// Partition of a text field (string, postal, domain) that has starts/ends-with, contains or range
// tests. A value's class is its signature under the plan's tests (text-automaton.ts); the classes
// are found by exploring the automaton breadth-first, each represented by the shortest text
// reaching it (so "x" for "none of the tests" when possible).
import type { Atom, FieldType } from "@carve/runtime";
import { emptyBits, has, setBit, type Bits } from "./bits.js";
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
  const classIndex = new Map<string, number>();
  const reps: string[] = [];
  const found = (st: TextState, text: string) => {
    const sig = automaton.signature(st);
    if (!classIndex.has(sig)) {
      classIndex.set(sig, reps.length);
      reps.push(valueOfText.get(text) ?? text);
    }
  };
  if (automaton.trieOnly) exploreTrie(automaton, budget, found);
  else explore(automaton, start, budget, found);

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
  let texts: (string | undefined)[] | undefined;
  let sorted: number[] | undefined;
  const dflt = classOf(type === "postal" ? "10001" : type === "domain" ? "example.com" : "x");
  return {
    count: reps.length,
    value: (c) => reps[c],
    classOf,
    rank: (c) => (c === dflt ? 0 : 1 + c),
    atomSet(atom) {
      const b = emptyBits(reps.length);
      if (atom.op === "startsWith" || atom.op === "endsWith" || atom.op === "contains") {
        // evaluateAtom's string tests, with each class's text and the tested texts computed once
        // (a postal field has hundreds of classes and as many distinct prefix tests).
        texts ??= reps.map((r) => textOf(type, r));
        const keys = atom.values.map((v) => textKey(type, v));
        if (atom.op === "startsWith") {
          sorted ??= bySortedText(texts);
          return prefixSet(texts, sorted, keys, atom.negated);
        }
        const op = atom.op;
        for (let c = 0; c < reps.length; c++) {
          const t = texts[c];
          if (t === undefined) continue; // no text: the test is false, negated or not
          const hit = keys.some((k) => (op === "endsWith" ? t.endsWith(k) : t.includes(k)));
          if (hit !== atom.negated) b[c >>> 5] |= 1 << (c & 31);
        }
        return b;
      }
      for (let c = 0; c < reps.length; c++) if (evaluateAtom(atom, type, reps[c])) b[c >>> 5] |= 1 << (c & 31);
      return b;
    },
  };
}

/** The classes that have a text, ordered by it: those starting with a prefix are a run. */
function bySortedText(texts: readonly (string | undefined)[]): number[] {
  const out: number[] = [];
  texts.forEach((t, c) => t !== undefined && out.push(c));
  return out.sort((a, b) => (texts[a]! < texts[b]! ? -1 : texts[a]! > texts[b]! ? 1 : a - b));
}

/** The classes whose text starts with one of `keys` (or, negated, with none): binary search per key. */
function prefixSet(texts: readonly (string | undefined)[], sorted: readonly number[], keys: readonly string[], negated: boolean): Bits {
  const hit = emptyBits(texts.length);
  for (const k of keys) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (texts[sorted[mid]]! < k) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length && texts[sorted[i]]!.startsWith(k); i++) setBit(hit, sorted[i]);
  }
  if (!negated) return hit;
  const out = emptyBits(texts.length);
  for (const c of sorted) if (!has(hit, c)) setBit(out, c);
  return out;
}

/** Every state reachable from `start`, breadth-first; `found` sees each accepting one once. */
function explore(automaton: TextAutomaton, start: TextState, budget: Budget, found: (st: TextState, text: string) => void): void {
  const visited = new Set<string>([automaton.key(start)]);
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
        if (automaton.accepting(t)) found(t, text + unit);
        next.push([t, text + unit]);
      }
    }
    frontier = next;
  }
}

/**
 * `explore` for an automaton whose state is a trie node, on or off the trie (trieOnly): the same
 * states in the same order, numbered instead of keyed. A postal field with 900 ZIP3 prefixes has
 * as many trie nodes; the general walk spent a quarter of a second building their states' keys.
 * A state off the trie steps only to itself, so it is not expanded.
 */
function exploreTrie(automaton: TextAutomaton, budget: Budget, found: (st: TextState, text: string) => void): void {
  const size = automaton.trieSize;
  const seenOn = new Uint8Array(size);
  const seenOff = new Uint8Array(size);
  seenOn[0] = 1; // the start (the empty text)
  let frontier: [number, string][] = [[0, ""]];
  while (frontier.length > 0) {
    const next: [number, string][] = [];
    for (const [node, text] of frontier) {
      budget.spend(automaton.alphabet.length);
      for (const unit of automaton.alphabet) {
        const child = automaton.trieChild(node, unit);
        if (child === undefined) {
          if (seenOff[node] === 1) continue;
          seenOff[node] = 1;
          found(automaton.trieState(node, true), text + unit);
        } else {
          if (seenOn[child] === 1) continue;
          seenOn[child] = 1;
          found(automaton.trieState(child, false), text + unit);
          next.push([child, text + unit]);
        }
      }
    }
    frontier = next;
  }
}
