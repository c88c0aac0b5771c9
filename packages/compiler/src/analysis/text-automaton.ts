// An automaton reading a field's text (UTF-16 code units, as the runtime's string tests do) and
// tracking everything the plan's string tests can ask about it:
//   * its position in the trie of equality values and prefixes,
//   * its Aho–Corasick state over suffixes and substrings, and the substrings seen so far,
//   * for each length L of text-range bounds, where the text cut to L falls among the sorted
//     bounds of that length (pending while the text still shares a prefix with some bound).
// Its end state determines the *signature*: the outcome of every test. The alphabet is the code
// units the tests name plus one stand-in per gap between them (units in a gap compare alike with
// every bound and occur in no pattern), restricted to units the field's text can contain — so
// exploring the automaton's states finds every realisable signature exactly.

export interface TextTests {
  eqs: readonly string[];
  prefixes: readonly string[];
  suffixes: readonly string[];
  substrings: readonly string[];
  bounds: readonly string[];
}

export interface TextCharset {
  /** can this code unit occur in the field's text? */
  valid(unit: string): boolean;
  /** code units that may not start or end the text (white space, which normalisation trims) */
  edge?(unit: string): boolean;
  /** stand-ins to prefer, most plausible first */
  preferred: readonly string[];
}

interface TrieNode {
  children: Map<string, number>;
  eq: number;
  /** deepest node on the root path (inclusive) ending a prefix pattern, or -1 */
  prefix: number;
}

export interface TextState {
  node: number;
  off: boolean;
  ac: number;
  seen: readonly number[];
  /** per bound length: a final code (≥ 0) or the pending bound range encoded as -(lo * K + hi) - 1 */
  pos: readonly number[];
  len: number;
  edgeLast: boolean;
}

export class TextAutomaton {
  readonly alphabet: string[];
  private readonly significant: string[];
  private readonly stand: (string | undefined)[];
  private readonly trie: TrieNode[] = [{ children: new Map(), eq: -1, prefix: -1 }];
  private readonly ac: Map<string, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  private suffixOut: number[][] = [[]];
  private containsOut: number[][] = [[]];
  private readonly acOwn: { suffix: number[]; contains: number[] }[] = [{ suffix: [], contains: [] }];
  private readonly acMemo = new Map<string, number>();
  /** per bound length: [length, sorted distinct bounds] */
  private readonly lengths: [number, string[]][];
  private readonly maxLen: number;
  private readonly K: number;

  constructor(
    tests: TextTests,
    private readonly charset: TextCharset,
  ) {
    const units = new Set<string>();
    for (const list of [tests.eqs, tests.prefixes, tests.suffixes, tests.substrings, tests.bounds]) {
      for (const s of list) for (let i = 0; i < s.length; i++) units.add(s[i]);
    }
    this.significant = [...units].sort();
    // One stand-in per gap: below the first significant unit, between each pair, above the last.
    this.stand = [];
    for (let g = 0; g <= this.significant.length; g++) {
      const lo = g === 0 ? -1 : this.significant[g - 1].charCodeAt(0);
      const hi = g === this.significant.length ? 0x10000 : this.significant[g].charCodeAt(0);
      this.stand.push(standIn(lo, hi, charset));
    }
    const standIns = this.stand.filter((u): u is string => u !== undefined);
    this.alphabet = [...this.significant.filter((u) => charset.valid(u)), ...standIns].sort();

    tests.eqs.forEach((v, i) => (this.trie[this.insert(v)].eq = i));
    const prefixNodes = new Set(tests.prefixes.map((p) => this.insert(p)));
    this.propagatePrefixes(prefixNodes);
    tests.suffixes.forEach((s, i) => this.acAdd(s, "suffix", i));
    tests.substrings.forEach((s, i) => this.acAdd(s, "contains", i));
    this.acBuild();

    const byLength = new Map<number, Set<string>>();
    for (const b of tests.bounds) {
      if (!byLength.has(b.length)) byLength.set(b.length, new Set());
      byLength.get(b.length)!.add(b);
    }
    this.lengths = [...byLength].sort((a, b) => a[0] - b[0]).map(([l, set]) => [l, [...set].sort()]);
    this.maxLen = this.lengths.reduce((m, [l]) => Math.max(m, l), 0);
    this.K = this.lengths.reduce((m, [, bs]) => Math.max(m, bs.length), 0) + 1;
  }

  /**
   * Equality and prefix tests only, and no code unit barred from the text's ends (postal codes,
   * domains): a state is then its trie node and whether the text has left the trie — every other
   * part of it never changes — so exploring it needs no state objects or keys (strings.ts, exploreTrie).
   */
  get trieOnly(): boolean {
    return this.ac.length === 1 && this.lengths.length === 0 && this.charset.edge === undefined;
  }

  /** The trie node reached from `node` by `unit`, or undefined (the text leaves the trie). */
  trieChild(node: number, unit: string): number | undefined {
    return this.trie[node].children.get(unit);
  }

  get trieSize(): number {
    return this.trie.length;
  }

  /** The state of a text that is non-empty and ends at trie node `node` (or left the trie there). */
  trieState(node: number, off: boolean): TextState {
    return { node, off, ac: 0, seen: this.containsOut[0], pos: [], len: Math.max(this.maxLen, 1), edgeLast: false };
  }

  start(): TextState {
    return {
      node: 0,
      off: false,
      ac: 0,
      seen: this.containsOut[0],
      pos: this.lengths.map(([l, bs]) => (l === 0 ? 1 : this.pending(0, bs.length))),
      len: 0,
      edgeLast: false,
    };
  }

  /** The code unit standing for `unit` (itself, or its gap's stand-in); undefined: cannot occur. */
  canonical(unit: string): string | undefined {
    if (!this.charset.valid(unit)) return undefined;
    let lo = 0;
    let hi = this.significant.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.significant[mid] < unit) lo = mid + 1;
      else hi = mid;
    }
    if (lo < this.significant.length && this.significant[lo] === unit) return unit;
    return this.stand[lo];
  }

  /** The next state, or undefined when the text cannot continue so (white space at its start). */
  step(st: TextState, unit: string): TextState | undefined {
    const edge = this.charset.edge?.(unit) ?? false;
    if (st.len === 0 && edge) return undefined;
    let node = st.node;
    let off = st.off;
    if (!off) {
      const next = this.trie[node].children.get(unit);
      if (next === undefined) off = true;
      else node = next;
    }
    const ac = this.acStep(st.ac, unit);
    const found = this.containsOut[ac];
    const seen = found.length === 0 ? st.seen : union(st.seen, found);
    const i = st.len;
    const pos = st.pos.map((p, k) => (p >= 0 ? p : this.advance(p, k, i, unit)));
    // The length matters only while a bound is pending (and to tell the empty text apart).
    const len = pos.some((p) => p < 0) ? i + 1 : Math.max(this.maxLen, 1);
    return { node, off, ac, seen, pos, len, edgeLast: edge };
  }

  /** Can the text end here (non-empty, not ending in white space)? */
  accepting(st: TextState): boolean {
    return st.len > 0 && !st.edgeLast;
  }

  key(st: TextState): string {
    return `${st.node}:${st.off ? 1 : 0}:${st.ac}:${st.seen.join(",")}:${st.pos.join(",")}:${st.len}:${st.edgeLast ? 1 : 0}`;
  }

  signature(st: TextState): string {
    const n = this.trie[st.node];
    const pos = st.pos.map((p) => (p >= 0 ? p : 2 * this.unpend(p)[0])); // a proper prefix sorts first
    return `${st.off ? -1 : n.eq}|${n.prefix}|${this.suffixOut[st.ac].join(",")}|${st.seen.join(",")}|${pos.join(",")}`;
  }

  private pending(lo: number, hi: number): number {
    return -(lo * this.K + hi) - 1;
  }

  private unpend(p: number): [number, number] {
    const v = -p - 1;
    return [Math.floor(v / this.K), v % this.K];
  }

  /** Narrows the pending bound range of length k by the unit at index i. */
  private advance(p: number, k: number, i: number, unit: string): number {
    const [len, bounds] = this.lengths[k];
    const [lo, hi] = this.unpend(p);
    let a = lo;
    while (a < hi && bounds[a][i] < unit) a++;
    let b = a;
    while (b < hi && bounds[b][i] === unit) b++;
    if (a === b) return 2 * a; // diverged: strictly between bounds[a-1] and bounds[a]
    if (i + 1 === len) return 2 * a + 1; // equal to bounds[a] (bounds are distinct)
    return this.pending(a, b);
  }

  private insert(s: string): number {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      let next = this.trie[n].children.get(s[i]);
      if (next === undefined) {
        next = this.trie.length;
        this.trie.push({ children: new Map(), eq: -1, prefix: -1 });
        this.trie[n].children.set(s[i], next);
      }
      n = next;
    }
    return n;
  }

  private propagatePrefixes(isPrefix: ReadonlySet<number>): void {
    const stack: [number, number][] = [[0, -1]];
    while (stack.length > 0) {
      const [n, inherited] = stack.pop()!;
      const p = isPrefix.has(n) ? n : inherited;
      this.trie[n].prefix = p;
      for (const child of this.trie[n].children.values()) stack.push([child, p]);
    }
  }

  private acAdd(s: string, kind: "suffix" | "contains", id: number): void {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      let next = this.ac[n].get(s[i]);
      if (next === undefined) {
        next = this.ac.length;
        this.ac.push(new Map());
        this.fail.push(0);
        this.acOwn.push({ suffix: [], contains: [] });
        this.ac[n].set(s[i], next);
      }
      n = next;
    }
    this.acOwn[n][kind].push(id);
  }

  private acBuild(): void {
    const order: number[] = [0];
    for (let i = 0; i < order.length; i++) {
      const s = order[i];
      for (const [unit, t] of this.ac[s]) {
        this.fail[t] = s === 0 ? 0 : this.acStep(this.fail[s], unit);
        order.push(t);
      }
    }
    this.suffixOut = new Array(order.length);
    this.containsOut = new Array(order.length);
    for (const s of order) {
      const f = s === 0 ? undefined : this.fail[s];
      this.suffixOut[s] = union(this.acOwn[s].suffix, f === undefined ? [] : this.suffixOut[f]);
      this.containsOut[s] = union(this.acOwn[s].contains, f === undefined ? [] : this.containsOut[f]);
    }
  }

  private acStep(s: number, unit: string): number {
    const key = `${s}\u0000${unit}`;
    const hit = this.acMemo.get(key);
    if (hit !== undefined) return hit;
    let t = s;
    let next: number | undefined;
    for (;;) {
      next = this.ac[t].get(unit);
      if (next !== undefined || t === 0) break;
      t = this.fail[t];
    }
    const r = next ?? 0;
    this.acMemo.set(key, r);
    return r;
  }
}

function union(a: readonly number[], b: readonly number[]): number[] {
  if (b.length === 0) return [...a];
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

/** A valid code unit strictly between lo and hi (exclusive), preferred ones first. */
function standIn(lo: number, hi: number, charset: TextCharset): string | undefined {
  const inside = (u: string) => u.length === 1 && u.charCodeAt(0) > lo && u.charCodeAt(0) < hi && charset.valid(u);
  const pick = charset.preferred.find(inside);
  if (pick !== undefined) return pick;
  // Scan the gap (skipping surrogates) for a valid unit; gaps of valid units are dense for text.
  for (let c = lo + 1, n = 0; c < hi && n < 4096; c++, n++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const u = String.fromCharCode(c);
    if (charset.valid(u)) return u;
  }
  return undefined;
}
