// Region literals in conditions (SPEC 2.4): a full code (`US-CA`), a name (`"California"`), or a
// bare code (`CA`) resolved against the countries the same conjunction limits records to
// (`country == US`, `country in [US, CA]`). A bare code with no such constraint, or with more than
// one candidate inside it, is an error that lists the candidates.
import { normalizeRegion, regionCandidates, regionName } from "@carve/values";
import { orList } from "./context.js";

export type RegionResult =
  | { ok: true; value: string }
  | { ok: false; ambiguous: boolean; message: string; help: string; suggestions: string[] };

const BARE = /^[A-Za-z0-9]{1,3}$/;
const MAX_LISTED = 12;

function describe(codes: readonly string[]): string {
  const shown = codes.slice(0, MAX_LISTED).map((c) => `${c} (${regionName(c) ?? c})`);
  const more = codes.length > MAX_LISTED ? [`${codes.length - MAX_LISTED} more`] : [];
  return orList([...shown, ...more], false);
}

/** "write the full code, or say which country in the same condition (e.g. …)" */
function pinHint(text: string, candidates: readonly string[]): string {
  const cc = (candidates.find((c) => c.startsWith("US-")) ?? candidates[0]).slice(0, 2);
  return `write the full code, or pin the country in the same condition, e.g. \`country == ${cc} and region == ${text}\``;
}

/** `"X" is …` (the normaliser's quoting) → "`X` is …", for messages in the rustc style. */
export function backtickLead(reason: string, text: string): string {
  const q = JSON.stringify(text);
  return reason.startsWith(q) ? `\`${text}\`${reason.slice(q.length)}` : reason;
}

/** Splits a normaliser's reason "what: how" into a message and a help line. */
export function splitReason(reason: string, text: string): { message: string; help?: string } {
  const r = backtickLead(reason, text);
  const start = r.startsWith("`") ? r.indexOf("`", 1) + 1 : 0;
  const colon = r.indexOf(": ", start);
  return colon < 0 ? { message: r } : { message: r.slice(0, colon), help: r.slice(colon + 2) };
}

/**
 * Resolves a region literal written in a condition. `isCode` is true for a literal written as a
 * code (`US-CA`); `countries` are the ISO codes the conjunction allows, when it constrains them.
 */
export function resolveRegion(raw: string, isCode: boolean, countries: readonly string[] | undefined): RegionResult {
  const text = raw.trim();
  const scope = countries && countries.length > 0 ? countries : undefined;
  const scopeText = scope ? orList(scope, false) : "";

  if (!isCode && BARE.test(text)) {
    const all = regionCandidates(text);
    if (all.length > 0) {
      const inScope = scope ? all.filter((c) => scope.includes(c.slice(0, 2))) : all;
      if (inScope.length === 1 && scope) return { ok: true, value: inScope[0] };
      if (inScope.length === 0) {
        return {
          ok: false, ambiguous: false,
          message: `\`${text}\` is not a region code of ${scopeText}`,
          help: `elsewhere it is ${describe(all)}; write a region of ${scopeText} or the full code`,
          suggestions: [],
        };
      }
      return {
        ok: false, ambiguous: true,
        message: inScope.length === 1
          ? `\`${text}\` is a bare region code and no \`country ==\` condition says which country it belongs to`
          : `\`${text}\` could be ${describe(inScope)}`,
        help: inScope.length === 1 ? `write the full code \`${inScope[0]}\`` : scope ? "write the full code" : pinHint(text, inScope),
        suggestions: inScope,
      };
    }
  }

  // Names first within the allowed countries, so "Georgia" under `country == GE` is GE's.
  if (scope && !isCode) {
    const found = [...new Set(scope.map((cc) => normalizeRegion(text, cc)).filter((r) => r.ok).map((r) => r.value as string))];
    if (found.length === 1) return { ok: true, value: found[0] };
    if (found.length > 1) {
      return { ok: false, ambiguous: true, message: `\`${text}\` could be ${describe(found)}`, help: "write the full code", suggestions: found };
    }
  }
  const r = normalizeRegion(text);
  if (r.ok) {
    if (scope && !scope.includes(r.value.slice(0, 2))) {
      return {
        ok: false, ambiguous: false,
        message: `\`${text}\` is ${describe([r.value])}, a region of ${r.value.slice(0, 2)}, but this condition only covers ${scopeText}`,
        help: `write a region of ${scopeText}, or change the country condition`,
        suggestions: [],
      };
    }
    return { ok: true, value: r.value };
  }
  const ambiguous = r.reason.includes("ambiguous");
  const { message, help } = splitReason(r.reason, text);
  const suggestions = r.suggestions ?? [];
  return {
    ok: false, ambiguous, message,
    help: suggestions.length > 0 && !ambiguous ? "" : help ?? "write an ISO 3166-2 code such as `US-CA`",
    suggestions,
  };
}
