// "Did you mean": the ranking lives in @carve/values (which also suggests country and region
// names), so names and values are matched by one rule everywhere.
import { closest, editDistance } from "@carve/values";

export { editDistance };

/** The closest candidates to `word`, best first (at most `max`); see `closest` in @carve/values. */
export function suggest(word: string, candidates: Iterable<string>, max = 3): string[] {
  return closest(word, candidates, max);
}

/** "did you mean `a`?" / "did you mean `a` or `b`?" or undefined when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const s = suggest(word, candidates);
  if (s.length === 0) return undefined;
  const q = s.map((x) => `\`${x}\``);
  return `did you mean ${q.length === 1 ? q[0] : `${q.slice(0, -1).join(", ")} or ${q[q.length - 1]}`}?`;
}
