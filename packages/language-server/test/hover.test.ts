// Hover: what a name stands for — a rep's details, a team's members and strategy, a segment's or
// set's definition, a field's type, a territory's path, owner and window.
import { describe, expect, it } from "vitest";
import type { MarkupContent } from "vscode-languageserver";
import { hover } from "../src/index.js";
import { ACME, ROSTER, acmeText, acmeWorkspace, positionOf, rosterText } from "./helpers.js";

function hoverAt(needle: string, delta = 0, nth = 0, file = ACME) {
  const text = file === ACME ? acmeText : rosterText;
  const h = hover(acmeWorkspace(acmeText, rosterText, [ACME, ROSTER]), file, positionOf(text, needle, delta, nth));
  return { value: (h?.contents as MarkupContent | undefined)?.value ?? "", range: h?.range };
}

describe("hover", () => {
  it("shows a rep's label, e-mail, capacity, away dates and teams", () => {
    const bob = hoverAt("expect owner bob", "expect owner ".length);
    expect(bob.value).toContain("**rep** `bob` — Bob Ortiz");
    expect(bob.value).toContain("- e-mail: bob@acme.com");
    expect(bob.value).toContain("- capacity: 150");
    expect(bob.value).toContain("- member of: `west_ae`, `east_ae`");
    const at = positionOf(acmeText, "expect owner bob", "expect owner ".length);
    expect(bob.range).toEqual({ start: at, end: { line: at.line, character: at.character + 3 } });
    const carol = hoverAt("assign carol", "assign ".length);
    expect(carol.value).toContain("- away: 2026-12-20..2027-01-04");
    expect(hoverAt("assign dana", "assign ".length).value).toContain("- until: 2027-06-30");
  });

  it("shows a team's members with weights and its strategy and overflow", () => {
    const { value } = hoverAt("assign west_ae", "assign ".length);
    expect(value).toContain("**team** `west_ae` — West AEs");
    expect(value).toContain("- members: `alice`, `bob` (weight 2)");
    expect(value).toContain("- strategy: hash(id)");
    expect(value).toContain("- overflow: `na_queue`");
  });

  it("shows a segment's and a set's definition", () => {
    const seg = hoverAt("when enterprise", "when ".length).value;
    expect(seg).toContain("**segment** `enterprise`");
    expect(seg).toContain("segment enterprise = employees >= 1000 or annual_revenue >= 250M");
    const set = hoverAt("region in west_states", "region in ".length).value;
    expect(set).toContain("**set** `west_states`");
    expect(set).toContain("- of: region");
    expect(set).toContain("- elements: US-CA, US-OR, US-WA, US-NV, US-AZ, US-UT, US-ID");
  });

  it("shows a field's type, on its uses and its declaration", () => {
    expect(hoverAt("when account.status", "when account.".length).value).toContain("**field** `account.status`: enum(prospect, customer, churned)?");
    const employees = hoverAt("employees >= 1000").value;
    expect(employees).toContain("**field** `employees`: int");
    expect(employees).toContain("- required");
    expect(hoverAt("id:             string key").value).toContain("the record's key");
  });

  it("shows a territory's path, owner (inherited when it has none) and window", () => {
    const canada = hoverAt('territory canada "Canada"', "territory ".length).value;
    expect(canada).toContain("**territory** `canada` — Canada");
    expect(canada).toContain("- path: `na.canada`");
    expect(canada).toContain("- owner: `carol`");
    expect(canada).toContain("- from: 2027-02-01");
    // `west` assigns no one: records that stop there go to the owner of `na`.
    const west = hoverAt("expect territory na.west.west_ent", "expect territory na.".length).value;
    expect(west).toContain("- path: `na.west`");
    expect(west).toContain("- owner: `na_queue` (from `na`)");
    expect(west).toContain("- when: `country == US and region in west_states`");
  });

  it("shows an override and a queue", () => {
    expect(hoverAt("via override keep_owner", "via override ".length).value).toContain("**override** `keep_owner` — Customers keep their account owner");
    expect(hoverAt("overflow na_queue", "overflow ".length, 0, ROSTER).value).toBe("**queue** `na_queue` — NA triage\n- always available");
  });

  it("names country and region codes", () => {
    expect(hoverAt("US-CA, US-OR").value).toBe("`US-CA` — California");
    expect(hoverAt("country == CA", "country == ".length).value).toBe("`CA` — Canada");
    // A bare subdivision code is read in the country of its condition.
    const text = acmeText.replace("when country == US and region in west_states", "when country == US and region == CA");
    const h = hover(acmeWorkspace(text), ACME, positionOf(text, "region == CA", "region == ".length));
    expect((h?.contents as MarkupContent).value).toBe("`US-CA` — California");
  });

  it("has nothing to say about keywords and punctuation", () => {
    expect(hoverAt("territories first").value).toBe("");
    expect(hover(acmeWorkspace(), ACME, positionOf(acmeText, "{"))).toBeNull();
  });
});
