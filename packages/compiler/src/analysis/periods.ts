// Effective dating: the plan's windows cut time into periods during which the same territories,
// overrides and roster entries are active. Each period is analysed on its own; a finding that
// holds in consecutive periods is reported once, with the date range it holds for.
import type { Window } from "@carve/runtime";
import { fromDay, toDay } from "./dates.js";
import type { Period } from "./types.js";

/** Inclusive day numbers; an absent end is unbounded. */
export interface Span {
  start?: number;
  end?: number;
}

export type DatedWindow = Window | { from: string; until: string } | undefined;

/** The periods cut by every window's first day and the day after its last day. */
export function spansOf(windows: Iterable<DatedWindow>): Span[] {
  const cuts = new Set<number>();
  for (const w of windows) {
    if (w === undefined) continue;
    const from = w.from === undefined ? undefined : toDay(w.from);
    const until = w.until === undefined ? undefined : toDay(w.until);
    if (from !== undefined) cuts.add(from);
    if (until !== undefined) cuts.add(until + 1);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const spans: Span[] = [];
  let start: number | undefined;
  for (const c of sorted) {
    spans.push({ start, end: c - 1 });
    start = c;
  }
  spans.push({ start, end: undefined });
  return spans;
}

/** The window holds the whole span (spans never straddle a window's edge when cut by it). */
export function activeIn(window: DatedWindow, span: Span): boolean {
  if (window === undefined) return true;
  if (window.from !== undefined) {
    const from = toDay(window.from);
    if (from !== undefined && (span.start === undefined || span.start < from)) return false;
  }
  if (window.until !== undefined) {
    const until = toDay(window.until);
    if (until !== undefined && (span.end === undefined || span.end > until)) return false;
  }
  return true;
}

/** Some day of the span lies in the window. */
export function overlapsSpan(window: { from: string; until: string }, span: Span): boolean {
  const from = toDay(window.from);
  const until = toDay(window.until);
  if (from === undefined || until === undefined) return false;
  return (span.end === undefined || from <= span.end) && (span.start === undefined || until >= span.start);
}

export function periodOf(first: Span, last: Span): Period | undefined {
  if (first.start === undefined && last.end === undefined) return undefined;
  const p: Period = {};
  if (first.start !== undefined) p.from = fromDay(first.start);
  if (last.end !== undefined) p.until = fromDay(last.end);
  return p;
}

interface Run<F, E> {
  start: number;
  end: number;
  finding: F;
  evidence: E | undefined;
}

export interface RunOptions<F, E> {
  /** what shows the finding (a witness point): a run is extended only while it still holds */
  evidence?: E;
  holds?: (evidence: E) => boolean;
  /** folds a later period's finding into the kept one (e.g. the union of `by`) */
  merge?: (kept: F, later: F) => F;
}

/**
 * Findings per period, merged over consecutive periods by key — as long as the first period's
 * evidence (its witness) still holds, so a reported witness is valid for the whole period reported.
 */
export class Runs<F extends { period?: Period }, E = unknown> {
  private readonly runs = new Map<string, Run<F, E>[]>();

  add(key: string, period: number, finding: F, opts: RunOptions<F, E> = {}): void {
    let list = this.runs.get(key);
    if (list === undefined) this.runs.set(key, (list = []));
    const last = list[list.length - 1];
    const extends_ = last !== undefined && last.end === period - 1 &&
      (last.evidence === undefined || opts.holds === undefined || opts.holds(last.evidence));
    if (extends_) {
      last.end = period;
      if (opts.merge) last.finding = opts.merge(last.finding, finding);
    } else list.push({ start: period, end: period, finding, evidence: opts.evidence });
  }

  finish(spans: readonly Span[]): F[] {
    const out: F[] = [];
    for (const list of this.runs.values()) {
      for (const run of list) {
        const period = periodOf(spans[run.start], spans[run.end]);
        const f = { ...run.finding };
        delete f.period;
        out.push(period === undefined ? f : { ...f, period });
      }
    }
    return out;
  }
}
