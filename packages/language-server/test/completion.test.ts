// Completion at the places a user types: keywords valid there, fields, enum values of the field
// being compared, owners, sets, segments, territory paths, country and region codes.
import { describe, expect, it, vi } from "vitest";
import { CompletionItemKind } from "vscode-languageserver";
import { completion } from "../src/index.js";
import { ACME, ROSTER, acmeText, acmeWith, acmeWorkspace, cursor, rosterText, textAt } from "./helpers.js";

/** Completion in acme.carve with `needle` replaced by `marked` (holding the `|` cursor). */
function complete(needle: string, marked: string) {
  const { text, position } = acmeWith(needle, marked);
  return completion(acmeWorkspace(text), ACME, position);
}
const labels = (needle: string, marked: string) => complete(needle, marked).items.map((i) => i.label);

const FIELDS = ["id", "country", "region", "postal_code", "industry", "employees", "annual_revenue", "source", "email_domain", "account.id", "account.owner", "account.status"];
const INDUSTRIES = ["software", "healthcare", "fintech", "manufacturing", "logistics", "retail", "public_sector", "other"];

describe("completion", () => {
  it("offers the top-level declarations at the start of a line outside any block", () => {
    const got = labels('test "Unknown countries', '|\ntest "Unknown countries');
    expect(got).toEqual(expect.arrayContaining(["record", "rep", "team", "queue", "set", "segment", "override", "territories", "overlays", "test"]));
    expect(got).not.toContain("when");
  });

  it("offers the clauses of a territory inside its block", () => {
    const got = labels("    assign dana\n", "    assign dana\n    |\n");
    expect(got.sort()).toEqual(["assign", "from", "territories", "until", "when"]);
  });

  it("offers fields, segments and `not` where a condition starts or goes on", () => {
    const items = complete("when country == US and industry", "when country == US and |industry").items;
    const got = items.map((i) => i.label);
    expect(got).toEqual(expect.arrayContaining([...FIELDS, "enterprise", "mid_market", "not"]));
    expect(got).not.toContain("territory");
    expect(got).not.toContain("alice");
    expect(items.find((i) => i.label === "employees")).toMatchObject({ kind: CompletionItemKind.Field, detail: "int" });
    expect(items.find((i) => i.label === "enterprise")).toMatchObject({ kind: CompletionItemKind.Function });
  });

  it("offers the operators a field can take after a field", () => {
    const got = labels("when country == US and industry == healthcare", "when country == US and industry |");
    expect(got.sort()).toEqual(["contains", "ends", "in", "is", "not", "starts"]);
  });

  it("offers `and`, `or` and the next clauses after a whole test", () => {
    const got = labels("when country == US and industry == healthcare", "when country == US and industry == healthcare |");
    expect(got).toEqual(expect.arrayContaining(["and", "or", "assign", "from", "until"]));
    expect(got).not.toContain("country");
  });

  it("offers exactly the enum values of the field being compared", () => {
    expect(labels("industry == healthcare", "industry == |healthcare").sort()).toEqual([...INDUSTRIES].sort());
    expect(labels("account.status == customer", "account.status == |customer").sort()).toEqual(["churned", "customer", "prospect"]);
    // In a list after `in`, too.
    expect(labels('when account.id in ["0015g00000A1", "0015g00000B7"]', "when source in [inbound, |]").sort()).toEqual(["event", "inbound", "outbound", "partner"]);
  });

  it("replaces the whole word being typed, dotted names included", () => {
    const { text, position } = acmeWith("when account.status == customer", "when account.st| == customer");
    const r = completion(acmeWorkspace(text), ACME, position);
    const item = r.items.find((i) => i.label === "account.status");
    expect(item?.textEdit && "range" in item.textEdit ? textAt(text, item.textEdit.range) : undefined).toBe("account.st");
  });

  it("offers reps, teams, queues and rep fields after `assign` and `otherwise`", () => {
    const owners = ["alice", "bob", "carol", "dana", "erin", "west_ae", "west_commercial", "east_ae", "na_queue", "triage", "account.owner"];
    expect(labels("assign dana", "assign |dana").sort()).toEqual([...owners].sort());
    expect(labels("otherwise triage", "otherwise |").sort()).toEqual([...owners].sort());
    const items = complete("assign dana", "assign |dana").items;
    expect(items.find((i) => i.label === "dana")).toMatchObject({ detail: "rep — Dana Weiss" });
    expect(items.find((i) => i.label === "west_ae")).toMatchObject({ kind: CompletionItemKind.Class, detail: "team — West AEs" });
  });

  it("offers sets of the right type after `in`, and reps after `members`", () => {
    expect(labels("region in west_states\n", "region in |\n")).toEqual(["west_states"]);
    // `west_states` holds regions: it does not fit `industry`.
    expect(labels("region in west_states\n", "industry in |\n")).toEqual([]);
    const { text, position } = cursor(rosterText.replace("members erin, carol", "members erin, |"));
    const ws = acmeWorkspace(acmeText, text, [ACME, ROSTER]);
    expect(completion(ws, ROSTER, position).items.map((i) => i.label).sort()).toEqual(["alice", "bob", "carol", "dana", "erin"]);
  });

  it("offers country codes with their names", () => {
    const items = complete("when country in [US, CA]", "when country == |").items;
    expect(items.find((i) => i.label === "DE")).toMatchObject({ detail: "Germany", kind: CompletionItemKind.EnumMember });
    expect(items.find((i) => i.label === "US")?.detail).toMatch(/United States/);
    expect(items.length).toBeGreaterThan(200);
  });

  it("offers only the regions of the country named in the same condition", () => {
    const us = complete("when country == US and region in west_states", "when country == US and region == |").items;
    expect(us.find((i) => i.label === "US-CA")).toMatchObject({ detail: "California" });
    expect(us.every((i) => i.label.startsWith("US-"))).toBe(true);
    expect(us.length).toBeGreaterThanOrEqual(50);
    const ca = complete("when country == CA\n", "when country == CA and region in [|]\n").items;
    expect(ca.map((i) => i.label)).toContain("CA-QC");
    expect(ca.every((i) => i.label.startsWith("CA-"))).toBe(true);
    // While a code is typed, the whole code is replaced.
    const { text, position } = acmeWith("when country == CA\n", "when country == CA and region == CA-Q|\n");
    const item = completion(acmeWorkspace(text), ACME, position).items.find((i) => i.label === "CA-QC");
    expect(item?.textEdit && "range" in item.textEdit ? textAt(text, item.textEdit.range) : undefined).toBe("CA-Q");
  });

  it("completes test blocks: expectations, territory paths, owners, overrides, given fields and values", () => {
    expect(labels("  expect invalid country", "  expect |").sort()).toEqual(["invalid", "overlay", "owner", "territory", "unassigned"]);
    const paths = labels("expect territory na.west.west_ent", "expect territory |");
    expect(paths).toEqual(expect.arrayContaining(["healthcare", "na", "na.west", "na.west.west_ent", "na.east", "na.canada"]));
    expect(labels("expect owner in west_ae", "expect owner in |").sort()).toEqual(["east_ae", "west_ae", "west_commercial"]);
    expect(labels("expect owner bob via override keep_owner", "expect owner bob via override |").sort()).toEqual(["keep_owner", "named_accounts"]);
    // In `given`, the fields not given yet, and after `field:` its values.
    const given = labels('given { id: "L-3", country: "Atlantis", employees: 10, industry: other, source: event }', 'given { id: "L-3", country: "Atlantis", |');
    expect(given).toContain("employees");
    expect(given).not.toContain("id");
    expect(labels('given { id: "L-3", country: "Atlantis", employees: 10, industry: other, source: event }', 'given { id: "L-3", industry: |').sort()).toEqual([...INDUSTRIES].sort());
    const regions = labels('given { id: "L-3", country: "Atlantis", employees: 10, industry: other, source: event }', 'given { id: "L-3", country: CA, region: |');
    expect(regions).toContain("CA-ON");
    expect(regions.every((r) => r.startsWith("CA-"))).toBe(true);
  });

  it("offers field types in a record and strategies in a team", () => {
    expect(labels("  email_domain:   domain?", "  email_domain:   |")).toEqual(expect.arrayContaining(["string", "int", "money", "country", "region", "enum", "rep"]));
    const { text, position } = cursor(rosterText.replace("strategy round_robin", "strategy |"));
    const ws = acmeWorkspace(acmeText, text, [ACME, ROSTER]);
    expect(completion(ws, ROSTER, position).items.map((i) => i.label).sort()).toEqual(["hash", "least_loaded", "round_robin"]);
  });

  it("offers nothing inside comments and strings", () => {
    expect(labels("# every record gets an owner", "# every |record gets an owner")).toEqual([]);
    expect(labels('ruleset acme "Acme Corp', 'ruleset acme "Acme |Corp')).toEqual([]);
  });

  it("does not rebuild the program for each keystroke on a large file", () => {
    const territories = Array.from({ length: 1250 }, (_, i) =>
      `  territory t${i} "T${i}" {\n    when country == US and employees >= ${i}\n    assign alice\n  }`).join("\n");
    const big = acmeText.replace("territories first {", `territories first {\n${territories}`);
    expect(big.split("\n").length).toBeGreaterThan(5000);
    const { text, position } = cursor(big.replace("  otherwise triage", "  territory last { when country == US and employees > 1 and | }\n  otherwise triage"));
    const ws = acmeWorkspace(text);
    expect(completion(ws, ACME, position).items.map((i) => i.label)).toContain("employees");
    // A keystroke: the program built before it is good enough for the names completion offers.
    const at = { line: position.line, character: position.character };
    ws.change(ACME, [{ range: { start: at, end: at }, text: "e" }], 2);
    const build = vi.spyOn(ws, "program");
    const r = completion(ws, ACME, { line: at.line, character: at.character + 1 });
    expect(build).not.toHaveBeenCalled();
    expect(r.items.map((i) => i.label)).toEqual(expect.arrayContaining(["employees", "enterprise"]));
    // Between two of the thousands of territories: what a territories block holds.
    const between = cursor(big.replace("  otherwise triage", "  |\n  otherwise triage"));
    expect(completion(acmeWorkspace(between.text), ACME, between.position).items.map((i) => i.label).sort()).toEqual(["otherwise", "territory"]);
  });
});
