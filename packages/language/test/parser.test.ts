// The parser builds the AST of nodes.ts for every construct of SPEC 2.2–2.4 and 2.8.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "../src/syntax/index.js";
import type {
  Cond, Item, OverrideDecl, RecordDecl, RepDecl, SegmentDecl, SetDecl, SourceFile, TeamDecl, TerritoriesBlock,
  TestDecl, OverlaysBlock, Range,
} from "../src/index.js";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/syntax/${name}`, import.meta.url), "utf8");

/** Parses text that must be free of diagnostics. */
function clean(text: string): SourceFile {
  const { file, diagnostics } = parse("test.carve", text);
  expect(diagnostics).toEqual([]);
  return file;
}
function only<T extends Item>(text: string): T {
  const file = clean(text);
  expect(file.items).toHaveLength(1);
  return file.items[0] as T;
}
const at = (text: string, r: Range) => text.slice(r.start, r.end);

/** A condition as a fully parenthesised string, to check precedence. */
function show(c: Cond): string {
  switch (c.kind) {
    case "Or": return `(${c.operands.map(show).join(" or ")})`;
    case "And": return `(${c.operands.map(show).join(" and ")})`;
    case "Not": return `(not ${show(c.operand)})`;
    case "Paren": return `[${show(c.inner)}]`;
    case "SegmentRef": return c.name.text;
    case "Compare": return `${c.field.text}${c.op}${JSON.stringify(c.value.kind)}`;
    case "In": return `${c.field.text} ${c.negated ? "not " : ""}in ${c.value.kind}`;
    case "StringTest": return `${c.field.text} ${c.negated ? "not " : ""}${c.op} ${c.value.kind}`;
    case "IsSet": return `${c.field.text} is ${c.negated ? "not " : ""}set`;
  }
}
const cond = (src: string): Cond => only<SegmentDecl>(`segment s = ${src}`).cond;

describe("the SPEC 2.2 example", () => {
  it("parses both files without a diagnostic", () => {
    const acme = clean(fixture("acme.carve"));
    expect(acme.items.map((i) => i.kind)).toEqual([
      "Ruleset", "Import", "Record", "Set", "Segment", "Segment", "Override", "Override", "Territories", "Test", "Test", "Test",
    ]);
    const roster = clean(fixture("roster.carve"));
    expect(roster.items.map((i) => i.kind)).toEqual(["Rep", "Rep", "Rep", "Rep", "Rep", "Team", "Team", "Team", "Queue", "Queue"]);
  });

  it("keeps the territory tree, comments and exact ranges", () => {
    const text = fixture("acme.carve");
    const file = clean(text);
    const top = file.items.find((i): i is TerritoriesBlock => i.kind === "Territories")!;
    expect(top.policy).toBe("first");
    expect(top.territories.map((t) => t.name.text)).toEqual(["healthcare", "na"]);
    expect(top.otherwise?.target.text).toBe("triage");
    const na = top.territories[1];
    expect(na.children?.policy).toBe("unique");
    expect(na.children?.territories.map((t) => t.name.text)).toEqual(["west", "east", "canada"]);
    const west = na.children!.territories[0];
    expect(west.children?.territories.map((t) => [t.name.text, t.label?.value])).toEqual([
      ["west_ent", "West Enterprise"],
      ["west_smb", "West Commercial"],
    ]);
    expect(west.children!.territories[0].when).toMatchObject({ kind: "SegmentRef", name: { text: "enterprise" } });
    expect(west.children!.territories[1].when).toBeUndefined();
    expect(na.children!.territories[2].from?.value).toBe("2027-02-01");
    // ranges cover whole constructs, from the keyword to the closing brace
    expect(at(text, top.range).startsWith("territories first {")).toBe(true);
    expect(at(text, top.range).endsWith("otherwise triage                     # every record gets an owner\n}")).toBe(true);
    expect(at(text, west.children!.territories[0].range)).toBe('territory west_ent "West Enterprise" { when enterprise  assign west_ae }');
    expect(file.comments.map((c) => c.text)).toContain("# used when no child territory matches");
    for (const c of file.comments) expect(at(text, c.range)).toBe(c.text);
    expect(file.range).toEqual({ start: 0, end: text.length });
  });
});

describe("declarations", () => {
  it("ruleset and import", () => {
    const file = clean('ruleset acme "Acme"\nimport "teams/roster.carve"\nruleset bare');
    expect(file.items[0]).toMatchObject({ kind: "Ruleset", name: { text: "acme" }, label: { value: "Acme" } });
    expect(file.items[1]).toMatchObject({ kind: "Import", path: { value: "teams/roster.carve" }, range: { start: 20, end: 47 } });
    expect(file.items[2]).toMatchObject({ kind: "Ruleset", name: { text: "bare" } });
    expect((file.items[2] as { label?: unknown }).label).toBeUndefined();
  });

  it("record fields: types, `?`, `key`, dotted names, enums", () => {
    const text = `record Lead {
  id: string key
  key: int
  country: country
  account.owner: rep?
  source: enum(inbound, outbound,)?
  string: string
}`;
    const r = only<RecordDecl>(text);
    expect(r.name.text).toBe("Lead");
    expect(r.fields.map((f) => [f.name.text, f.type.name, f.optional, f.key !== undefined])).toEqual([
      ["id", "string", false, true],
      ["key", "int", false, false],
      ["country", "country", false, false],
      ["account.owner", "rep", true, false],
      ["source", "enum", true, false],
      ["string", "string", false, false],
    ]);
    const owner = r.fields[3];
    expect(owner.name.parts.map((p) => p.text)).toEqual(["account", "owner"]);
    expect(at(text, owner.range)).toBe("account.owner: rep?");
    expect(at(text, r.fields[0].key!)).toBe("key");
    expect(r.fields[4].type.values.map((v) => v.text)).toEqual(["inbound", "outbound"]);
    expect(at(text, r.fields[4].type.range)).toBe("enum(inbound, outbound,)");
  });

  it("every field type name", () => {
    const types = ["string", "int", "number", "money", "bool", "date", "country", "region", "postal", "domain", "rep"];
    const r = only<RecordDecl>(`record R { ${types.map((t, i) => `f${i}: ${t}`).join("\n")} }`);
    expect(r.fields.map((f) => f.type.name)).toEqual(types);
  });

  it("rep attributes in any order, `away` repeatable", () => {
    const text = 'rep owner "Owner" { until 2027-06-30 away 2026-12-20..2027-01-04 capacity 1_500 email "o@x.com" from 2026-01-01 away 2027-08-01..2027-08-15 }';
    const rep = only<RepDecl>(text);
    expect(rep.name.text).toBe("owner");
    expect(rep.attrs.map((a) => a.name)).toEqual(["until", "away", "capacity", "email", "from", "away"]);
    expect(rep.attrs[1].value).toMatchObject({ kind: "Range", low: { kind: "Date", value: "2026-12-20" }, high: { value: "2027-01-04" } });
    expect(rep.attrs[2].value).toMatchObject({ kind: "Number", value: 1500, raw: "1_500" });
    expect(rep.attrs[3].value).toMatchObject({ kind: "String", value: "o@x.com" });
    expect(at(text, rep.attrs[1].range)).toBe("away 2026-12-20..2027-01-04");
    expect(at(text, rep.range)).toBe(text);
    expect(only<RepDecl>("rep erin").attrs).toEqual([]);
  });

  it("queue", () => {
    expect(only('queue triage "Global triage"')).toMatchObject({ kind: "Queue", name: { text: "triage" }, label: { value: "Global triage" } });
  });

  it("team members, strategies and overflow", () => {
    const team = only<TeamDecl>(`team t "T" {
  members alice, bob weight 2 from 2026-01-01, carol until 2027-01-01 weight 3
  members dave
  strategy hash(account.id)
  overflow na.triage
}`);
    expect(team.members.map((m) => [m.rep.text, m.weight?.value, m.from?.value, m.until?.value])).toEqual([
      ["alice", undefined, undefined, undefined],
      ["bob", 2, "2026-01-01", undefined],
      ["carol", 3, undefined, "2027-01-01"],
      ["dave", undefined, undefined, undefined],
    ]);
    expect(team.strategy).toMatchObject({ name: "hash", field: { text: "account.id" } });
    expect(team.overflow?.text).toBe("na.triage");
    expect(only<TeamDecl>("team a { members x strategy round_robin }").strategy?.name).toBe("round_robin");
    expect(only<TeamDecl>("team a { strategy least_loaded members x }").strategy?.name).toBe("least_loaded");
  });

  it("set with every kind of literal and a trailing comma", () => {
    const s = only<SetDecl>('set s = [US-CA, "x", 42, 2027-01-15, true, false, US, 12.5K,]');
    expect(s.value.items.map((i) => i.kind)).toEqual(["Code", "String", "Number", "Date", "Bool", "Bool", "Ident", "Number"]);
    expect(s.value.items[7]).toMatchObject({ value: 12500, raw: "12.5K" });
    expect(only<SetDecl>("set empty = []").value.items).toEqual([]);
  });

  it("override clauses in any order", () => {
    const o = only<OverrideDecl>('override vip "VIP" { until 2027-12-31 assign account.owner when tier == gold from 2027-01-01 }');
    expect(o).toMatchObject({
      name: { text: "vip" }, label: { value: "VIP" }, assign: { text: "account.owner" },
      from: { value: "2027-01-01" }, until: { value: "2027-12-31" }, when: { kind: "Compare", op: "==" },
    });
  });

  it("overlays and territories without `when` or `assign`", () => {
    const file = clean('overlays { territory partners "Partner desk" { when source == partner assign pam } territory all { } }');
    const o = file.items[0] as OverlaysBlock;
    expect(o.territories.map((t) => t.name.text)).toEqual(["partners", "all"]);
    expect(o.territories[1].when).toBeUndefined();
    expect(o.territories[1].assign).toBeUndefined();
  });
});

describe("conditions", () => {
  it("precedence: or < and < not; parentheses are kept", () => {
    expect(show(cond("a or b and not c"))).toBe("(a or (b and (not c)))");
    expect(show(cond("(a or b) and c"))).toBe("([(a or b)] and c)");
    expect(show(cond("not not a"))).toBe("(not (not a))");
    expect(show(cond("a and b and c or d"))).toBe("((a and b and c) or d)");
    expect(show(cond("not x == 1"))).toBe('(not x=="Number")');
  });

  it("comparison operators", () => {
    for (const op of ["==", "!=", "<", "<=", ">", ">="]) {
      const c = cond(`employees ${op} 50`);
      expect(c).toMatchObject({ kind: "Compare", op, field: { text: "employees" }, value: { kind: "Number", value: 50 } });
    }
    const text = "segment s = account.status != churned";
    const c = only<SegmentDecl>(text).cond;
    if (c.kind !== "Compare") throw new Error(c.kind);
    expect(at(text, c.opRange)).toBe("!=");
    expect(at(text, c.range)).toBe("account.status != churned");
  });

  it("in / not in with a list, a range or a set name", () => {
    expect(cond("country in [US, CA]")).toMatchObject({ kind: "In", negated: false, value: { kind: "List" } });
    expect(cond("region not in west_states")).toMatchObject({ kind: "In", negated: true, value: { kind: "Ident", name: { text: "west_states" } } });
    expect(cond("employees in 200..999")).toMatchObject({ value: { kind: "Range", low: { value: 200 }, high: { value: 999 } } });
    expect(cond("postal in \"94000\"..\"94999\"")).toMatchObject({ value: { kind: "Range", low: { value: "94000" }, high: { value: "94999" } } });
    expect(cond("signed in 2026-12-20..2027-01-04")).toMatchObject({ value: { kind: "Range", low: { kind: "Date" } } });
  });

  it("starts with / ends with / contains, negated or not", () => {
    const text = 'segment s = postal not starts with ["94", "95"]';
    const c = only<SegmentDecl>(text).cond;
    expect(c).toMatchObject({ kind: "StringTest", op: "starts_with", negated: true, value: { kind: "List" } });
    if (c.kind === "StringTest") expect(at(text, c.opRange)).toBe("starts with");
    expect(cond('email_domain ends with ".gov"')).toMatchObject({ op: "ends_with", negated: false, value: { kind: "String", value: ".gov" } });
    expect(cond("name contains blocked_words")).toMatchObject({ op: "contains", value: { kind: "Ident" } });
    expect(cond('name not contains "test"')).toMatchObject({ op: "contains", negated: true });
  });

  it("is set / is not set, and segment references", () => {
    const text = "segment s = account.owner is not set";
    expect(only<SegmentDecl>(text).cond).toMatchObject({ kind: "IsSet", negated: true, range: { start: 12, end: text.length } });
    expect(cond("region is set")).toMatchObject({ kind: "IsSet", negated: false });
    expect(cond("enterprise")).toMatchObject({ kind: "SegmentRef", name: { text: "enterprise" } });
  });

  it("contextual keywords work as field names and values", () => {
    expect(show(cond("owner == first and source == string or hash is set"))).toBe('((owner=="Ident" and source=="Ident") or hash is set)');
  });
});

describe("tests", () => {
  it("as of, given (all literal kinds) and every expectation", () => {
    const text = `test "everything" {
  as of 2027-03-01
  given { id: "L-1", employees: 5_000, active: true, signed: 2027-01-15, region: US-CA, country: US,
          score: 1..5, tags: [a, b], account.status: customer, }
  expect territory na.west via territory na.west
  expect owner bob via override keep_owner
  expect owner in west_ae via otherwise
  expect owner triage
  expect unassigned
  expect invalid country
  expect overlay partners.emea
}`;
    const t = only<TestDecl>(text);
    expect(t.name.value).toBe("everything");
    expect(t.asOf?.value).toBe("2027-03-01");
    expect(t.given.map((g) => [g.field.text, g.value.kind])).toEqual([
      ["id", "String"], ["employees", "Number"], ["active", "Bool"], ["signed", "Date"], ["region", "Code"],
      ["country", "Ident"], ["score", "Range"], ["tags", "List"], ["account.status", "Ident"],
    ]);
    expect(at(text, t.givenRange!).startsWith("given {")).toBe(true);
    expect(at(text, t.givenRange!).endsWith("customer, }")).toBe(true);
    expect(t.expects).toMatchObject([
      { kind: "ExpectTerritory", path: { text: "na.west" }, via: { kind: "territory", path: { text: "na.west" } } },
      { kind: "ExpectOwner", inTeam: false, target: { text: "bob" }, via: { kind: "override", name: { text: "keep_owner" } } },
      { kind: "ExpectOwner", inTeam: true, target: { text: "west_ae" }, via: { kind: "otherwise" } },
      { kind: "ExpectOwner", inTeam: false, target: { text: "triage" } },
      { kind: "ExpectUnassigned" },
      { kind: "ExpectInvalid", field: { text: "country" } },
      { kind: "ExpectOverlay", path: { text: "partners.emea" } },
    ]);
    expect(at(text, t.expects[1].range)).toBe("expect owner bob via override keep_owner");
    expect(at(text, t.range)).toBe(text);
  });
});
