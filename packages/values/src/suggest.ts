// "Did you mean": shared with @carve/language so both rank near misses the same way.

/** Damerau-Levenshtein distance (optimal string alignment), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const m = s.length;
  const n = t.length;
  if (m === 0) return n;
  if (n === 0) return m;
  // Three rolling rows instead of a full matrix: suggestions run over thousands of candidates.
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

/**
 * The candidates closest to `word`, best first (at most `max`). A candidate qualifies when its
 * distance is at most a third of the longer word's length (at least 1), so short words need
 * near-exact matches and long ones tolerate a couple of typos. Exact matches are not suggested.
 * `maxDistance` tightens the bound, for very large candidate lists where loose matches are noise.
 */
export function closest(word: string, candidates: Iterable<string>, max = 3, maxDistance = Infinity): string[] {
  const scored: { c: string; d: number }[] = [];
  const seen = new Set<string>();
  const w = word.toLowerCase();
  for (const c of candidates) {
    if (seen.has(c)) continue;
    seen.add(c);
    if (c.toLowerCase() === w) continue;
    const limit = Math.min(maxDistance, Math.max(1, Math.floor(Math.max(word.length, c.length) / 3)));
    // Lengths alone bound the distance from below: skip hopeless candidates cheaply.
    if (Math.abs(word.length - c.length) > limit) continue;
    const d = editDistance(word, c);
    if (d <= limit) scored.push({ c, d });
  }
  // Ties: a shared beginning is the likelier intent ("CAL" → "CA" before "AL"), then A–Z.
  scored.sort((x, y) => x.d - y.d || commonPrefix(y.c, w) - commonPrefix(x.c, w) || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0));
  return scored.slice(0, max).map((s) => s.c);
}

function commonPrefix(candidate: string, lowerWord: string): number {
  const c = candidate.toLowerCase();
  let i = 0;
  while (i < c.length && i < lowerWord.length && c[i] === lowerWord[i]) i++;
  return i;
}
