// Partition of a string field that has starts/ends-with or contains tests. A string's class is
// its *signature*: which equality values, prefixes, suffixes and substrings of the plan it
// matches. The realisable signatures are found exactly by exploring an automaton that reads a
// string and tracks (1) its position in the trie of equality values and prefixes, (2) its
// Aho–Corasick state over suffixes and substrings, and (3) the substrings seen so far. Every
// character outside the patterns behaves alike, so one "fresh" character stands for all of them
// and the exploration is finite. Each class is represented by the shortest string reaching it.
import type { Atom, FieldType } from "@carve/runtime";
import { emptyBits } from "./bits.js";
import type { Budget } from "./budget.js";
import { evaluateAtom, fold } from "./evaluate-atom.js";
import { mentionedValues } from "./finite.js";
import type { Partition } from "./partition.js";

// Stand-ins for "any other character", in order of preference: lower-case for text and
// domains, upper-case and digits for postal codes (their normalised form).
const FRESH = ["x", "y", "z", "q", "w", "k", "j", "v", "0", "1", "_", "~", "§"];
const FRESH_POSTAL = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "X", "Y", "Z", "Q", "W", "K"];

export function hasStringTests(atoms: readonly Atom[]): boolean {
  return atoms.some((a) => a.op === "startsWith" || a.op === "endsWith" || a.op === "contains");
}

interface TrieNode {
  children: Map<string, number>;
  /** index of the equality value ending here, or -1 */
  eq: number;
  /** deepest node on the root path (inclusive) that ends a prefix pattern, or -1 */
  prefix: number;
}

class Trie {
  readonly nodes: TrieNode[] = [{ children: new Map(), eq: -1, prefix: -1 }];

  insert(chars: readonly string[]): number {
    let n = 0;
    for (const ch of chars) {
      let next = this.nodes[n].children.get(ch);
      if (next === undefined) {
        next = this.nodes.length;
        this.nodes.push({ children: new Map(), eq: -1, prefix: -1 });
        this.nodes[n].children.set(ch, next);
      }
      n = next;
    }
    return n;
  }

  /** Propagates `prefix` down: each node's deepest prefix-pattern ancestor. */
  finish(isPrefix: ReadonlySet<number>): void {
    const stack: [number, number][] = [[0, isPrefix.has(0) ? 0 : -1]];
    while (stack.length > 0) {
      const [n, inherited] = stack.pop()!;
      const p = isPrefix.has(n) ? n : inherited;
      this.nodes[n].prefix = p;
      for (const child of this.nodes[n].children.values()) stack.push([child, p]);
    }
  }
}

/** Aho–Corasick over the suffix and substring patterns. */
class Matcher {
  readonly children: Map<string, number>[] = [new Map()];
  readonly fail: number[] = [0];
  /** per state: suffix patterns ending here (via failure links), sorted */
  suffixes: number[][] = [[]];
  /** per state: substring patterns ending here (via failure links), sorted */
  contains: number[][] = [[]];
  private readonly own: { suffix: number[]; contains: number[] }[] = [{ suffix: [], contains: [] }];
  private readonly memo = new Map<string, number>();

  add(chars: readonly string[], kind: "suffix" | "contains", id: number): void {
    let s = 0;
    for (const ch of chars) {
      let next = this.children[s].get(ch);
      if (next === undefined) {
        next = this.children.length;
        this.children.push(new Map());
        this.fail.push(0);
        this.own.push({ suffix: [], contains: [] });
        this.children[s].set(ch, next);
      }
      s = next;
    }
    this.own[s][kind].push(id);
  }

  build(): void {
    const order: number[] = [0];
    for (let i = 0; i < order.length; i++) {
      const s = order[i];
      for (const [ch, t] of this.children[s]) {
        this.fail[t] = s === 0 ? 0 : this.step(this.fail[s], ch);
        order.push(t);
      }
    }
    this.suffixes = new Array(order.length);
    this.contains = new Array(order.length);
    for (const s of order) {
      const f = s === 0 ? undefined : this.fail[s];
      this.suffixes[s] = merge(this.own[s].suffix, f === undefined ? [] : this.suffixes[f]);
      this.contains[s] = merge(this.own[s].contains, f === undefined ? [] : this.contains[f]);
    }
  }

  step(s: number, ch: string): number {
    const key = `${s}\u0000${ch}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    let t = s;
    let next: number | undefined;
    for (;;) {
      next = this.children[t].get(ch);
      if (next !== undefined || t === 0) break;
      t = this.fail[t];
    }
    const r = next ?? 0;
    this.memo.set(key, r);
    return r;
  }
}

function merge(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

interface State {
  node: number;
  off: boolean;
  ac: number;
  seen: readonly number[]; // substring patterns matched so far, sorted
}

export function stringPartition(type: FieldType, atoms: readonly Atom[], budget: Budget): Partition {
  const key = (s: string) => (type === "string" ? fold(s) : s);
  const eqs = mentionedValues(atoms).filter((v): v is string => typeof v === "string");
  const prefixes = new Set<string>();
  const suffixes = new Set<string>();
  const substrings = new Set<string>();
  for (const a of atoms) {
    if (a.op === "startsWith") a.values.forEach((v) => prefixes.add(v));
    else if (a.op === "endsWith") a.values.forEach((v) => suffixes.add(v));
    else if (a.op === "contains") a.values.forEach((v) => substrings.add(v));
  }
  const alphabet = new Set<string>();
  for (const p of [...eqs, ...prefixes, ...suffixes, ...substrings]) for (const ch of p) alphabet.add(ch);
  const fresh = (type === "postal" ? FRESH_POSTAL : FRESH).find((ch) => !alphabet.has(ch)) ?? freshBeyond(alphabet);
  const letters = [...[...alphabet].sort(), fresh];

  const trie = new Trie();
  const prefixNodes = new Set<number>();
  eqs.forEach((v, i) => {
    trie.nodes[trie.insert([...v])].eq = i;
  });
  for (const p of prefixes) prefixNodes.add(trie.insert([...p]));
  trie.finish(prefixNodes);
  const matcher = new Matcher();
  [...suffixes].forEach((s, i) => matcher.add([...s], "suffix", i));
  [...substrings].forEach((s, i) => matcher.add([...s], "contains", i));
  matcher.build();

  const move = (st: State, ch: string): State => {
    let node = st.node;
    let off = st.off;
    if (!off) {
      const next = trie.nodes[node].children.get(ch);
      if (next === undefined) off = true;
      else node = next;
    }
    const ac = matcher.step(st.ac, ch);
    const found = matcher.contains[ac];
    const seen = found.length === 0 ? st.seen : merge(st.seen, found);
    return { node, off, ac, seen };
  };
  const signature = (st: State): string => {
    const n = trie.nodes[st.node];
    return `${st.off ? -1 : n.eq}|${n.prefix}|${matcher.suffixes[st.ac].join(",")}|${st.seen.join(",")}`;
  };

  // Breadth-first over states, shortest strings first, letters in sorted order: deterministic.
  const start: State = { node: 0, off: false, ac: 0, seen: matcher.contains[0] };
  const stateKey = (st: State) => `${st.node}:${st.off ? 1 : 0}:${st.ac}:${st.seen.join(",")}`;
  const visited = new Set<string>([stateKey(start)]);
  const classIndex = new Map<string, number>();
  const reps: string[] = [];
  let frontier: [State, string][] = [[start, ""]];
  while (frontier.length > 0) {
    const next: [State, string][] = [];
    for (const [st, text] of frontier) {
      budget.spend(letters.length);
      for (const ch of letters) {
        const t = move(st, ch);
        const k = stateKey(t);
        if (visited.has(k)) continue;
        visited.add(k);
        const sig = signature(t);
        if (!classIndex.has(sig)) {
          classIndex.set(sig, reps.length);
          reps.push(text + ch);
        }
        next.push([t, text + ch]);
      }
    }
    frontier = next;
  }

  const classOf = (v: unknown): number => {
    if (typeof v !== "string" || v.length === 0) return -1;
    let st = start;
    for (const ch of key(v)) st = move(st, alphabet.has(ch) ? ch : fresh);
    return classIndex.get(signature(st)) ?? -1;
  };
  const dflt = classOf(defaultString(type));
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

function defaultString(type: FieldType): string {
  return type === "postal" ? "10001" : type === "domain" ? "example.com" : "x";
}

function freshBeyond(alphabet: ReadonlySet<string>): string {
  for (let code = 0x4e00; ; code++) {
    const ch = String.fromCodePoint(code);
    if (!alphabet.has(ch)) return ch;
  }
}
