// The parts of a previous parse that an incremental re-parse (reparse.ts) keeps, moved to the new
// text: one region of the old text was replaced by new text of another length. Syntax trees,
// comments and diagnostics before the region are shared as they are; those after it are copied
// with their ranges moved by the change in length; nodes containing the region (the ancestors of
// the re-parsed declaration) are copied with their end moved. Nothing of the previous parse is
// modified, so programs built from it stay valid while the editor's next version is checked.
import { moveNode, type AnyNode } from "../ast/move.js";
import type { Comment } from "../ast/nodes.js";
import type { Range } from "../ast/source.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

export interface Splice {
  /** the replaced region of the old text, [start, end) */
  start: number;
  end: number;
  /** new length minus old length */
  delta: number;
}

/** Thrown when something straddles the region's edge: the caller parses the whole file instead. */
export class NotSpliceable extends Error {}

type Obj = Record<string, unknown>;

const isRange = (o: Obj): boolean => typeof o.start === "number" && o.kind === undefined;

export function spliceRange(r: Range, s: Splice): Range {
  if (r.end <= s.start) return r;
  if (r.start >= s.end) return { start: r.start + s.delta, end: r.end + s.delta };
  if (r.start <= s.start && r.end >= s.end) return { start: r.start, end: r.end + s.delta };
  throw new NotSpliceable();
}

/**
 * `tree` (items of a SourceFile, or any part of them) with `replaced` swapped for `replacement`
 * and every other node moved as above. `replaced` must be the node that covers the region.
 */
export function spliceTree<T>(tree: T, s: Splice, replaced: object, replacement: object): T {
  const visit = (v: unknown): unknown => {
    if (v === null || typeof v !== "object") return v;
    if (v === replaced) return replacement;
    if (Array.isArray(v)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        const x = visit(v[i]);
        if (x !== v[i]) out ??= v.slice(0, i);
        out?.push(x);
      }
      return out ?? v;
    }
    const o = v as Obj;
    if (isRange(o)) return spliceRange(o as unknown as Range, s);
    const r = o.range as Range | undefined;
    if (r !== undefined) {
      if (r.end <= s.start) return o;
      if (r.start >= s.end) {
        if (s.delta === 0) return o;
        // The hot path: most of a file usually lies after the edit.
        const moved = moveNode(o as unknown as AnyNode, s.delta);
        if (moved === undefined) throw new NotSpliceable();
        return moved;
      }
    }
    // Contains the region (an ancestor of the re-parsed declaration): copy, splicing each field.
    const out: Obj = { ...o };
    for (const k in out) out[k] = visit(out[k]);
    return out;
  };
  return visit(tree) as T;
}

/** Comments outside the region, moved; those inside it are dropped (the region is lexed again). */
export function spliceComments(comments: Comment[], s: Splice): { before: Comment[]; after: Comment[] } {
  const before: Comment[] = [];
  const after: Comment[] = [];
  for (const c of comments) {
    if (c.range.end <= s.start) before.push(c);
    else if (c.range.start >= s.end) after.push(s.delta === 0 ? c : { text: c.text, range: spliceRange(c.range, s) });
    else if (c.range.start < s.start || c.range.end > s.end) throw new NotSpliceable();
  }
  return { before, after };
}

/**
 * Diagnostics outside the region, moved; those inside it are dropped (re-parsing the region
 * reports them again). One that points both inside and outside, or sits on an edge with no
 * width, cannot be placed for sure: NotSpliceable.
 */
export function spliceDiagnostics(ds: Diagnostic[], s: Splice): { before: Diagnostic[]; after: Diagnostic[] } {
  const before: Diagnostic[] = [];
  const after: Diagnostic[] = [];
  for (const d of ds) {
    const r = d.range;
    const ranges = [r, ...(d.related ?? []).filter((x) => x.file === d.file).map((x) => x.range), ...(d.fixes ?? []).filter((x) => x.file === d.file).map((x) => x.range)];
    const inside = ranges.filter((x) => x.start >= s.start && x.end <= s.end);
    if (inside.length > 0 && inside.length < ranges.length) throw new NotSpliceable();
    if (r.start === r.end && (r.start === s.start || r.start === s.end)) throw new NotSpliceable();
    if (inside.length > 0) continue;
    if (r.end <= s.start) {
      before.push(ranges.every((x) => x.end <= s.start) ? d : moveDiagnostic(d, s));
    } else if (r.start >= s.end) after.push(moveDiagnostic(d, s));
    else throw new NotSpliceable();
  }
  return { before, after };
}

function moveDiagnostic(d: Diagnostic, s: Splice): Diagnostic {
  if (s.delta === 0) return d;
  const out: Diagnostic = { ...d, range: spliceRange(d.range, s) };
  if (d.related) out.related = d.related.map((x) => (x.file === d.file ? { ...x, range: spliceRange(x.range, s) } : x));
  if (d.fixes) out.fixes = d.fixes.map((x) => (x.file === d.file ? { ...x, range: spliceRange(x.range, s) } : x));
  return out;
}
