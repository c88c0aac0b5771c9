// The semantic diff on the example ruleset: realistic edits give the pairs, witnesses, structural
// changes and notes a reviewer relies on; an unchanged ruleset gives nothing; a diff that cannot
// finish says so instead of claiming "no change".
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadArtifact, type Artifact } from "@carve/runtime";
import { describe, expect, it } from "vitest";
import { diffArtifacts, type DiffPair, type DiffResult } from "../src/index.js";
import { compileFiles, outcomeMatches } from "./helpers/diff-check.js";

const dir = join(import.meta.dirname, "..", "..", "..", "examples", "acme");
const ACME = readFileSync(join(dir, "acme.carve"), "utf8");
const ROSTER = readFileSync(join(dir, "roster.carve"), "utf8");
const AS_OF = "2027-03-01";

function acme(edit: (s: string) => string = (s) => s, roster: (s: string) => string = (s) => s): Artifact {
  return compileFiles({ "acme.carve": edit(ACME), "roster.carve": roster(ROSTER) }, "acme.carve");
}

function edit(from: string, to: string): (s: string) => string {
  return (s) => {
    expect(s).toContain(from);
    return s.replace(from, to);
  };
}

/** "na.east/team east_ae → na.west.west_smb/team west_commercial" per pair. */
function summary(r: DiffResult): string[] {
  const side = (o: DiffPair["from"]) => (o.status === "invalid" ? "invalid" : `${o.territory ?? "-"}/${o.owner ? `${o.owner.kind} ${o.owner.id}` : "-"}`);
  return r.pairs.map((p) => `${side(p.from)} → ${side(p.to)}`);
}

/** Every witness, evaluated by the runtime, gives its pair. */
function expectWitnesses(old: Artifact, neu: Artifact, r: DiffResult): void {
  const [a, b] = [loadArtifact(old), loadArtifact(neu)];
  for (const p of r.pairs) {
    const w = p.witness as Record<string, unknown>;
    expect(outcomeMatches(old, p.from, a.evaluate(w, { asOf: r.asOf, sideEffects: false }), w)).toBe(true);
    expect(outcomeMatches(neu, p.to, b.evaluate(w, { asOf: r.asOf, sideEffects: false }), w)).toBe(true);
  }
}

const WEST = "set west_states = [US-CA, US-OR, US-WA, US-NV, US-AZ, US-UT, US-ID]";
const WEST_TX = "set west_states = [US-CA, US-OR, US-WA, US-NV, US-AZ, US-UT, US-ID, US-TX]";

describe("diffArtifacts", () => {
  it("finds nothing between a ruleset and itself, and says the comparison is complete", () => {
    const r = diffArtifacts(acme(), acme(), { asOf: AS_OF });
    expect(r).toMatchObject({ complete: true, incomplete: [], pairs: [], changes: [] });
  });

  it("ignores layout and comments: only meaning counts", () => {
    const r = diffArtifacts(acme(), acme(edit("territories first {", "# reformatted\nterritories   first {")), { asOf: AS_OF });
    expect(r.pairs).toEqual([]);
    expect(r.changes).toEqual([]);
  });

  it("moves Texas from East to West: every kind of Texan record, with the owner each gets", () => {
    const old = acme();
    const neu = acme(edit(WEST, WEST_TX));
    const r = diffArtifacts(old, neu, { asOf: AS_OF });
    expect(r.complete).toBe(true);
    expect(summary(r)).toEqual([
      "na.east/field account.owner → na.west.west_ent/field account.owner",
      "na.east/field account.owner → na.west.west_smb/field account.owner",
      "na.east/rep alice → na.west.west_ent/rep alice",
      "na.east/rep alice → na.west.west_smb/rep alice",
      "na.east/team east_ae → na.west.west_ent/team west_ae",
      "na.east/team east_ae → na.west.west_smb/team west_commercial",
    ]);
    for (const p of r.pairs) expect(p.witness).toMatchObject({ country: "US", region: "US-TX" });
    const plain = r.pairs.find((p) => p.to.owner?.id === "west_commercial")!;
    expect(plain.regions[0]).toMatch(/^country == US and region == US-TX and industry != healthcare and employees <= 999 and \(annual_revenue < 250M or annual_revenue is not set\)/);
    expect(r.changes.map((c) => `${c.kind} ${c.subject} ${c.id}`)).toEqual(["changed territory na.west", "changed territory na.east"]);
    expect(r.changes[0].details).toEqual([{
      aspect: "conditions",
      from: "country == US and region in [US-CA, US-OR, US-WA, US-NV, US-AZ, US-UT, US-ID]",
      to: "country == US and region in [US-CA, US-OR, US-WA, US-NV, US-AZ, US-UT, US-ID, US-TX]",
    }]);
    expectWitnesses(old, neu, r);
  });

  it("gives Canada to Erin: one pair, the owner change, and nothing before Canada exists", () => {
    const old = acme();
    const neu = acme(edit("    assign carol\n", "    assign erin\n"));
    const r = diffArtifacts(old, neu, { asOf: AS_OF });
    expect(summary(r)).toEqual(["na.canada/rep carol → na.canada/rep erin"]);
    expect(r.pairs[0].witness).toMatchObject({ country: "CA" });
    expect(r.changes).toEqual([{ kind: "changed", subject: "territory", id: "na.canada", details: [{ aspect: "owner", from: "rep carol", to: "rep erin" }] }]);
    expectWitnesses(old, neu, r);
    // Canada starts on 2027-02-01: before that no record is decided differently.
    expect(diffArtifacts(old, neu, { asOf: "2027-01-15" }).pairs).toEqual([]);
  });

  it("compares owners at the date: while Carol is away her records go up the path", () => {
    const old = acme();
    const neu = acme(undefined, edit("away 2026-12-20..2027-01-04", "away 2026-12-20..2027-03-04"));
    const r = diffArtifacts(old, neu, { asOf: AS_OF });
    const canada = r.pairs.filter((p) => p.from.via === "territory na.canada");
    expect(summary({ ...r, pairs: canada })).toEqual(["na.canada/rep carol → na.canada/queue na_queue"]);
    expect(canada[0].to.via).toBe("territory na");
    // customers whose account owner is Carol lose the override while she is away
    expect(summary(r)).toContain("na.east/rep carol → na.east/team east_ae");
    // and West Commercial, of which she is a member, may pick someone else
    const team = r.pairs.find((p) => p.from.owner?.id === "west_commercial" && p.to.owner?.id === "west_commercial")!;
    expect(team.notes).toEqual(["team west_commercial may pick another member: its members, weights, availability or strategy changed"]);
    expect(r.changes).toEqual([{ kind: "changed", subject: "rep", id: "carol", details: [{ aspect: "away", from: "2026-12-20..2027-01-04", to: "2026-12-20..2027-03-04" }] }]);
    expectWitnesses(old, neu, r);
    // a month later she is back: nothing differs
    expect(diffArtifacts(old, neu, { asOf: "2027-04-01" }).pairs).toEqual([]);
  });

  it("reports a team whose members change: same team, another member possible", () => {
    const old = acme();
    const neu = acme(undefined, edit("members alice, bob weight 2", "members alice, bob weight 2, erin"));
    const r = diffArtifacts(old, neu, { asOf: AS_OF });
    expect(summary(r).every((s) => s.endsWith("team west_ae"))).toBe(true);
    expect(r.pairs.length).toBeGreaterThan(0);
    expect(r.pairs[0].notes).toEqual(["team west_ae may pick another member: its members, weights, availability or strategy changed"]);
    expect(r.changes).toEqual([{ kind: "changed", subject: "team", id: "west_ae", details: [{ aspect: "members", from: "alice, bob weight 2", to: "alice, bob weight 2, erin" }] }]);
  });

  it("tells a rename from a removal: same place and conditions, another name", () => {
    const rename = (s: string) => edit('territory east "East"', 'territory eastern "East"')(s).replaceAll("territory na.east", "territory na.eastern");
    const old = acme();
    const neu = acme(rename);
    const r = diffArtifacts(old, neu, { asOf: AS_OF });
    expect(r.changes).toEqual([{ kind: "renamed", subject: "territory", id: "na.east", to: "na.eastern", details: [] }]);
    expect(r.pairs.length).toBeGreaterThan(0);
    expect(r.pairs.every((p) => p.from.territory === "na.east" && p.to.territory === "na.eastern")).toBe(true);
    expect(r.pairs[0].notes).toContain("territory na.east was renamed to na.eastern");
    // renamed and moved after Canada: a removal and an addition, not a guess
    const moved = acme((s) => rename(s)
      .replace(/ {6}territory eastern "East" \{[^}]*\}\n/, "")
      .replace('        from 2027-02-01  # effective dating: the territory exists from this day\n      }\n', '        from 2027-02-01  # effective dating: the territory exists from this day\n      }\n      territory eastern "East" {\n        when country == US and region not in west_states\n        assign east_ae\n      }\n'));
    const kinds = diffArtifacts(old, moved, { asOf: AS_OF }).changes.map((c) => `${c.kind} ${c.subject} ${c.id}`);
    expect(kinds).toEqual(expect.arrayContaining(["removed territory na.east", "added territory na.eastern"]));
  });

  it("reports added territories, reordered overrides and a changed window", () => {
    const old = acme();
    const neu = acme((s) => {
      let t = edit("from 2027-02-01", "from 2027-04-01")(s);
      t = edit('  territory healthcare "US Healthcare" {', '  territory fintech "Fintech" {\n    when industry == fintech\n    assign alice\n  }\n  territory healthcare "US Healthcare" {')(t);
      const named = t.slice(t.indexOf('override named_accounts'), t.indexOf("\n}\n", t.indexOf('override named_accounts')) + 3);
      return t.replace(named, "").replace('override keep_owner', `${named}override keep_owner`);
    });
    const r = diffArtifacts(old, neu, { asOf: AS_OF });
    const changes = r.changes.map((c) => `${c.kind} ${c.subject} ${c.id}: ${c.details.map((d) => `${d.aspect} ${d.from ?? ""} → ${d.to ?? ""}`).join("; ")}`);
    expect(changes).toEqual([
      "changed territory na.canada: window from 2027-02-01 → from 2027-04-01",
      "added territory fintech: conditions  → industry == fintech; owner  → rep alice",
      "changed group (overrides): order keep_owner, named_accounts → named_accounts, keep_owner",
    ]);
    expect(summary(r)).toContain("na.canada/rep carol → na/queue na_queue");
    expect(summary(r).some((s) => s.endsWith("→ fintech/rep alice"))).toBe(true);
    expectWitnesses(old, neu, r);
  });

  it("compares records across a new field: missing, valid and malformed values", () => {
    const old = acme();
    const withTier = acme((s) => edit("  account.status: enum(prospect, customer, churned)?\n", "  account.status: enum(prospect, customer, churned)?\n  tier:           int?\n")(s)
      .replace('    when country == US and industry == healthcare\n', '    when country == US and industry == healthcare and tier is not set\n'));
    const r = diffArtifacts(old, withTier, { asOf: AS_OF });
    expect(r.complete).toBe(true);
    expect(r.changes.map((c) => `${c.kind} ${c.subject} ${c.id}`)).toEqual(expect.arrayContaining(["added field tier", "changed territory healthcare"]));
    const malformed = r.pairs.filter((p) => p.to.status === "invalid");
    expect(malformed.length).toBeGreaterThan(0);
    expect(malformed[0].witness.tier).toBe("?");
    expect(malformed[0].regions[0]).toMatch(/^tier is malformed/);
    expect(r.pairs.some((p) => p.from.territory === "healthcare" && p.to.territory === "na.east")).toBe(true);
    expectWitnesses(old, withTier, r);
  });

  it("says it is incomplete when its budget runs out, and claims nothing then", () => {
    const r = diffArtifacts(acme(), acme(edit(WEST, WEST_TX)), { asOf: AS_OF, budget: { maxWork: 2_000 } });
    expect(r.complete).toBe(false);
    expect(r.incomplete[0]).toMatch(/stopped after 2000 units of work/);
  });

  it("says it cannot compare records across a field's change of type", () => {
    const r = diffArtifacts(acme(), acme(edit("  employees:      int\n", "  employees:      money\n")), { asOf: AS_OF });
    expect(r.complete).toBe(false);
    expect(r.incomplete).toEqual(["the field `employees` changed type (int → money): records are not compared across the change"]);
    expect(r.pairs).toEqual([]);
    expect(r.changes).toEqual([{ kind: "changed", subject: "field", id: "employees", details: [{ aspect: "type", from: "int", to: "money" }] }]);
  });
});

describe("where the records of a pair are", () => {
  const rules = (close: string, zip: string) => `ruleset r
record Deal {
  id: string key
  close: date
  zip: postal?
  amount: money
}
queue early
queue late
territories first {
  territory q1 { when close in 2027-01-01..2027-03-31 and zip starts with "${zip}"  assign early }
  territory big { when amount > 50K  assign late }
  otherwise ${close}
}
`;

  it("writes dates as ranges, amounts as bounds and tested text by example", () => {
    const old = compileFiles({ "main.carve": rules("late", "94") });
    const neu = compileFiles({ "main.carve": rules("early", "95") });
    const r = diffArtifacts(old, neu, { asOf: AS_OF });
    expect(r.complete).toBe(true);
    const q1Lost = r.pairs.find((p) => p.from.territory === "q1" && p.to.territory === undefined)!;
    expect(q1Lost.regions).toEqual(['close in 2027-01-01..2027-03-31 and zip like "94" and amount <= 50K']);
    expect(q1Lost.witness).toMatchObject({ close: "2027-01-01", zip: "94000", amount: 0 });
    const otherwise = r.pairs.find((p) => p.from.via === "otherwise" && p.to.via === "otherwise")!;
    expect(otherwise.regions.join(" | ")).toContain("(close <= 2026-12-31 or close >= 2027-04-01)");
    expectWitnesses(old, neu, r);
  });
});
