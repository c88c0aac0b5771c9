// Conditions in disjunctive normal form: a list of boxes (conjunctions of atoms).
// `or` concatenates, `and` takes the cross product; the product is capped so that a pathological
// condition is reported instead of exhausting memory.
import type { AtomRef, Box } from "@carve/runtime";

export const MAX_BOXES = 4096;

export class TooComplex extends Error {
  /** the condition that blew the budget, filled in by the lowerer that knows where it is */
  where?: { file: string; range: { start: number; end: number } };
}

export const TRUE: Box[] = [{ atoms: [] }];
export const FALSE: Box[] = [];

export function or(parts: Box[][]): Box[] {
  const out: Box[] = [];
  for (const p of parts) out.push(...p);
  if (out.length > MAX_BOXES) throw new TooComplex();
  return out;
}

export function and(parts: Box[][]): Box[] {
  let acc: Box[] = TRUE;
  for (const p of parts) {
    const next: Box[] = [];
    for (const a of acc) for (const b of p) next.push({ atoms: [...a.atoms, ...b.atoms] });
    if (next.length > MAX_BOXES) throw new TooComplex();
    acc = next;
  }
  return acc;
}

export function atom(ref: AtomRef): Box[] {
  return [{ atoms: [ref] }];
}
