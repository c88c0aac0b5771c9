// Small text helpers for change details: one aspect's old and new text, and windows as the
// language writes them.
import type { Window } from "@carve/runtime";
import type { ChangeDetail } from "./types.js";

/** Adds the aspect when its text differs between the versions. */
export function detail(out: ChangeDetail[], aspect: string, from: string | undefined, to: string | undefined): void {
  if (from === to) return;
  const d: ChangeDetail = { aspect };
  if (from !== undefined) d.from = from;
  if (to !== undefined) d.to = to;
  out.push(d);
}

/** "from 2027-02-01", "until 2027-06-30", "from … until …"; undefined for no window. */
export function windowText(w: Window | undefined): string | undefined {
  if (w === undefined || (w.from === undefined && w.until === undefined)) return undefined;
  if (w.from !== undefined && w.until !== undefined) return `from ${w.from} until ${w.until}`;
  return w.from !== undefined ? `from ${w.from}` : `until ${w.until}`;
}
