// Compares one `expect …` clause with a decision. Each check says what was expected and what the
// decision had in the same words, so a failure reads "expected owner alice, got owner bob".
import type { Expect, LineIndex, Via } from "@carve/language";
import type { Decision, Owner } from "@carve/runtime";
import type { ExpectationKind, ExpectationResult } from "./types.js";

export function checkExpect(e: Expect, d: Decision, lines: LineIndex): ExpectationResult[] {
  const at = { range: e.range, line: lines.position(e.range.start).line + 1 };
  const result = (kind: ExpectationKind, expected: string, actual: string, passed: boolean): ExpectationResult =>
    ({ kind, expected, actual, passed, ...at });
  switch (e.kind) {
    case "ExpectTerritory": {
      const want = e.path?.text ?? "";
      const got = d.territory?.id;
      const out = [result("territory", `territory ${want}`, territoryText(d), got === want)];
      if (e.via) out.push(checkVia(e.via, d, result));
      return out;
    }
    case "ExpectOwner": {
      const want = e.target?.text ?? "";
      const out = e.inTeam
        ? [result("owner-in", `owner in team ${want}`, ownerText(d), d.owner?.team === want)]
        : [result("owner", `owner ${want}`, ownerText(d), d.owner?.id === want)];
      if (e.via) out.push(checkVia(e.via, d, result));
      return out;
    }
    case "ExpectUnassigned":
      return [result("unassigned", "unassigned", statusText(d), d.status === "unassigned")];
    case "ExpectInvalid": {
      const want = e.field?.text ?? "";
      const fields = (d.errors ?? []).map((x) => x.field);
      const actual = d.status === "invalid" ? `invalid ${fields.join(", ")}` : `a valid record (${statusText(d)})`;
      return [result("invalid", `invalid ${want}`, actual, d.status === "invalid" && fields.includes(want))];
    }
    case "ExpectOverlay": {
      const want = e.path?.text ?? "";
      const got = d.overlays.map((o) => o.territory);
      const actual = d.status === "invalid" ? invalidText(d) : got.length === 0 ? "no overlays" : `overlays ${got.join(", ")}`;
      return [result("overlay", `overlay ${want}`, actual, got.includes(want))];
    }
  }
}

function checkVia(
  via: Via,
  d: Decision,
  result: (kind: ExpectationKind, expected: string, actual: string, passed: boolean) => ExpectationResult,
): ExpectationResult {
  // The decision's `via` is spelled exactly like this: "override keep_owner", "territory na.east", "otherwise".
  const want = via.kind === "override" ? `override ${via.name?.text ?? ""}` : via.kind === "territory" ? `territory ${via.path?.text ?? ""}` : "otherwise";
  const actual = d.via !== undefined ? `via ${d.via}` : d.status === "invalid" ? invalidText(d) : "no owner, so no via";
  return result("via", `via ${want}`, actual, d.via === want);
}

function territoryText(d: Decision): string {
  if (d.status === "invalid") return invalidText(d);
  return d.territory ? `territory ${d.territory.id}` : "no territory";
}

export function ownerLabel(o: Owner): string {
  return o.team ? `${o.id} (${o.kind}, team ${o.team})` : `${o.id} (${o.kind})`;
}

function ownerText(d: Decision): string {
  if (d.status === "invalid") return invalidText(d);
  return d.owner ? `owner ${ownerLabel(d.owner)}` : "no owner (unassigned)";
}

function statusText(d: Decision): string {
  if (d.status === "invalid") return invalidText(d);
  if (d.status === "unassigned") return "unassigned";
  return `assigned to ${d.owner ? ownerLabel(d.owner) : "?"}${d.via ? ` via ${d.via}` : ""}`;
}

/** "the record is invalid: country: …; employees: …" — the reasons matter most when it was unexpected. */
function invalidText(d: Decision): string {
  const errs = d.errors ?? [];
  return `the record is invalid: ${errs.map((x) => `${x.field}: ${x.reason}`).join("; ")}`;
}
