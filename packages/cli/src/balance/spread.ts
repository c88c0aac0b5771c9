// Spread figures for a set of loads (records or the measure per territory or owner): how unequal
// the plan is. Population statistics: every territory is in the set, none is a sample.

export interface Load {
  name: string;
  value: number;
}

export interface Spread {
  /** the least and most loaded (ties: the first by name) */
  least: Load;
  most: Load;
  /** max / min; null when the least loaded has nothing (the ratio is unbounded) */
  ratio: number | null;
  /** coefficient of variation: standard deviation / mean (0 when the mean is 0) */
  cv: number;
  /** Gini coefficient, 0 (all equal) … 1 (one holds everything) */
  gini: number;
}

/** null for an empty set. */
export function spreadOf(loads: readonly Load[]): Spread | null {
  if (loads.length === 0) return null;
  const sorted = [...loads].sort((a, b) => a.value - b.value || a.name.localeCompare(b.name));
  const least = sorted[0];
  const top = sorted[sorted.length - 1].value;
  const most = sorted.find((l) => l.value === top)!;
  const n = sorted.length;
  const sum = sorted.reduce((s, l) => s + l.value, 0);
  const mean = sum / n;
  const variance = sorted.reduce((s, l) => s + (l.value - mean) ** 2, 0) / n;
  const cv = mean === 0 ? 0 : Math.sqrt(variance) / mean;
  // G = 2·Σ i·x(i) / (n·Σx) − (n+1)/n over the values sorted ascending, i from 1.
  const weighted = sorted.reduce((s, l, i) => s + (i + 1) * l.value, 0);
  const gini = sum === 0 ? 0 : (2 * weighted) / (n * sum) - (n + 1) / n;
  return { least, most, ratio: least.value === 0 ? null : most.value / least.value, cv, gini: Math.max(0, gini) };
}
