// `starts with` / `ends with` columns: the affixes the rules list, in a character trie. A value
// walks the trie once, character by character from its start (or its end), and the deepest
// affix it passes gives the rows: no substrings are cut and nothing is hashed per record.
import type { CAtom } from "./atoms.js";
import { type Bits, orInto, orXor, setBit, withSummary } from "./bitset.js";
import { type Column, type ColumnAtoms, firstSlot, otherWord, withoutAtom, type WordColumn } from "./columns.js";
import type { NormRecord } from "./normalize-record.js";

/** Children of a node within this many character codes are an array; wider, a Map. */
const DENSE_SPAN = 128;

export class AffixColumn implements Column {
  readonly missing: Bits;
  private readonly slot: number;
  private readonly suffix: boolean;
  /** rows for a value with no listed affix (a negated test holds) */
  private readonly none: Bits;
  /** per node: the rows when this node is the deepest affix passed, or null (not an affix) */
  private readonly accept: (Bits | null)[] = [];
  /** per node: its lowest child's character code, and the children by code - lo (0: none) */
  private readonly lo: number[] = [];
  private readonly kids: (Int32Array | null)[] = [];
  /** per node with children spread wider than DENSE_SPAN: code → child */
  private readonly wide: (Map<number, number> | null)[] = [];

  constructor(c: ColumnAtoms) {
    const noAtom = withoutAtom(c);
    this.missing = withSummary(noAtom, c.words);
    this.slot = firstSlot(c);
    this.suffix = (c.atoms.values().next().value as CAtom).kind === "suffix";
    const neg = new Uint32Array(c.words);
    const hits = new Map<string, Bits>();
    for (const [r, a] of c.atoms) {
      if (a.kind !== "prefix" && a.kind !== "suffix") continue;
      if (a.negated) setBit(neg, r);
      for (const v of a.values) {
        let h = hits.get(v);
        if (!h) hits.set(v, (h = new Uint32Array(c.words)));
        setBit(h, r);
      }
    }
    this.none = withSummary(orXor(noAtom, new Uint32Array(c.words), neg), c.words);
    // Build with Maps, then freeze: a node's rows are its own affix's OR every shorter one's.
    const children: Map<number, number>[] = [new Map()];
    const own: (Bits | undefined)[] = [undefined];
    for (const [v, h] of hits) {
      let node = 0;
      for (let i = 0; i < v.length; i++) {
        const code = this.charAt(v, i);
        let next = children[node].get(code);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          own.push(undefined);
          children[node].set(code, next);
        }
        node = next;
      }
      own[node] = h;
    }
    const cum: Bits[] = [new Uint32Array(c.words)];
    for (let node = 0; node < children.length; node++) {
      // Children are numbered after their parent, so the parent's cumulative rows are ready.
      const h = own[node];
      if (h !== undefined) orInto(cum[node], h);
      this.accept.push(h === undefined ? null : withSummary(orXor(noAtom, cum[node], neg), c.words));
      for (const child of children[node].values()) cum[child] = cum[node].slice();
      this.freeze(node, children[node]);
    }
  }

  private charAt(v: string, i: number): number {
    return this.suffix ? v.charCodeAt(v.length - 1 - i) : v.charCodeAt(i);
  }

  private freeze(node: number, kids: Map<number, number>): void {
    const codes = [...kids.keys()];
    const lo = codes.length === 0 ? 0 : Math.min(...codes);
    const span = codes.length === 0 ? 0 : Math.max(...codes) - lo + 1;
    this.lo.push(lo);
    if (span > DENSE_SPAN) {
      this.kids.push(null);
      this.wide.push(kids);
      return;
    }
    const arr = new Int32Array(span);
    for (const [code, child] of kids) arr[code - lo] = child;
    this.kids.push(arr);
    this.wide.push(null);
  }

  word(): WordColumn {
    return otherWord(this);
  }

  mask(rec: NormRecord): Bits {
    const t = rec.txt[this.slot];
    if (t === undefined) return this.missing;
    let node = 0;
    let best = this.accept[0] ?? this.none; // the empty affix, when listed, holds for every value
    for (let i = 0; i < t.length; i++) {
      const code = this.suffix ? t.charCodeAt(t.length - 1 - i) : t.charCodeAt(i);
      const kids = this.kids[node];
      let next: number | undefined;
      if (kids !== null) {
        const k = code - this.lo[node];
        next = k >= 0 && k < kids.length ? kids[k] : 0;
      } else next = this.wide[node]!.get(code) ?? 0;
      if (next === 0) break;
      node = next;
      const m = this.accept[node];
      if (m !== null) best = m;
    }
    return best;
  }
}
