// Static analysis on hand-built IR plans: one test per finding kind, with exact witnesses.
import { describe, expect, test } from "vitest";
import { analyze, type Finding } from "../src/analysis/index.js";
import { all, between, eq, field, first, ge, gt, isSet, le, lt, ne, override, plan, queue, rep, schema, t, unique, unset } from "./helpers/analysis-plan.js";

const INDUSTRIES = ["software", "healthcare", "fintech", "other"];
const lead = schema(
  field("id", "string"),
  field("country", "country"),
  field("region", "region", { optional: true, country: "country" }),
  field("industry", "enum", { values: INDUSTRIES }),
  field("employees", "int"),
  field("revenue", "money", { optional: true }),
  field("signed", "date", { optional: true }),
);
const WEST = ["US-CA", "US-OR", "US-WA"];
const kinds = (fs: Finding[]) => fs.map((f) => f.kind);

describe("overlap (unique groups)", () => {
  test("two children that share records, with a witness from their intersection", () => {
    const p = plan(lead, unique([
      t("west", { when: [all(eq("country", "US"), eq("region", ...WEST))] }),
      t("healthcare", { when: [all(eq("industry", "healthcare"))] }),
      t("rest", { when: [all(ne("industry", "healthcare"))] }),
    ]));
    expect(analyze(p)).toEqual([
      { kind: "overlap", group: 0, a: 0, b: 1, witness: { id: "x", country: "US", region: "US-CA", industry: "healthcare", employees: 0 } },
      { kind: "overlap", group: 0, a: 0, b: 2, witness: { id: "x", country: "US", region: "US-CA", industry: "software", employees: 0 } },
    ]);
  });

  test("disjoint children do not overlap — int bands touching at a bound included", () => {
    const p = plan(lead, unique([
      t("small", { when: [all(lt("employees", 200))] }),
      t("mid", { when: [all(between("employees", 200, 999))] }),
      t("large", { when: [all(ge("employees", 1000))] }),
    ]));
    expect(analyze(p)).toEqual([]);
  });

  test("a nested overlap counts only records that reach the group", () => {
    // Both children match CA records with > 100 employees, but only US records reach the group.
    const p = plan(lead, first([
      t("us", { when: [all(eq("country", "US"))], assign: queue("us"), children: unique([
        t("big", { when: [all(gt("employees", 100))] }),
        t("canada", { when: [all(eq("country", "CA"))] }),
        t("small", { when: [all(le("employees", 100))] }),
      ]) }),
    ], queue("triage")));
    expect(analyze(p)).toEqual([{ kind: "shadowed", group: 1, territory: 2, by: [], witness: { id: "x", country: "CA", industry: "software", employees: 0 } }]);
  });
});

describe("shadowed children (first groups)", () => {
  test("every record of a child taken by earlier siblings: which ones, and a witness", () => {
    const p = plan(lead, first([
      t("west_ent", { when: [all(ge("employees", 1000))] }),
      t("west_mid", { when: [all(lt("employees", 1000), ge("employees", 200))] }),
      t("west_mm", { when: [all(ge("employees", 500))] }),
    ], queue("triage")));
    expect(analyze(p)).toEqual([
      { kind: "shadowed", group: 0, territory: 2, by: [0, 1], takenBy: 0, witness: { id: "x", country: "US", industry: "software", employees: 1000 } },
    ]);
  });

  test("a union of earlier siblings, none of which alone covers it", () => {
    const p = plan(lead, first([
      t("us", { when: [all(eq("country", "US"))] }),
      t("non_us", { when: [all(ne("country", "US"))] }),
      t("software", { when: [all(eq("industry", "software"))] }),
    ]));
    const [f] = analyze(p);
    expect(f).toEqual({ kind: "shadowed", group: 0, territory: 2, by: [0, 1], takenBy: 0, witness: { id: "x", country: "US", industry: "software", employees: 0 } });
  });

  test("a partially covered child is not shadowed", () => {
    const p = plan(lead, first([t("ent", { when: [all(ge("employees", 1000))] }), t("any", {})]));
    expect(analyze(p)).toEqual([]);
  });

  test("a territory without `when` catches everything after it", () => {
    const p = plan(lead, first([t("all", {}), t("us", { when: [all(eq("country", "US"))] })]));
    expect(analyze(p)).toEqual([{ kind: "shadowed", group: 0, territory: 1, by: [0], takenBy: 0, witness: { id: "x", country: "US", industry: "software", employees: 0 } }]);
  });
});

describe("gaps", () => {
  test("top level without otherwise: records that match nothing (error-level)", () => {
    const p = plan(lead, first([
      t("na", { when: [all(eq("country", "US", "CA"))] }),
      t("emea", { when: [all(eq("country", "GB", "FR", "DE"))] }),
    ]));
    expect(analyze(p)).toEqual([{ kind: "gap", group: 0, nested: false, witness: { id: "x", country: "AD", industry: "software", employees: 0 } }]);
  });

  test("optional fields: records missing the value fall through `!=` as well", () => {
    const p = plan(lead, first([
      t("west", { when: [all(eq("region", ...WEST))] }),
      t("elsewhere", { when: [all(ne("region", ...WEST))] }),
    ]));
    expect(analyze(p)).toEqual([{ kind: "gap", group: 0, nested: false, witness: { id: "x", country: "US", industry: "software", employees: 0 } }]);
  });

  test("a region must lie in the record's country: no gap where only impossible records would fall", () => {
    const p = plan(lead, first([
      t("us", { when: [all(eq("country", "US"))] }),
      t("west", { when: [all(eq("region", ...WEST))] }),
      t("rest", { when: [all(ne("country", "US"), unset("region"))] }),
      t("rest_regions", { when: [all(ne("country", "US"), isSet("region"))] }),
    ]));
    // west can never match: a record in US-CA/OR/WA has country US, taken by `us`.
    expect(analyze(p)).toEqual([{ kind: "shadowed", group: 0, territory: 1, by: [0], takenBy: 0, witness: { id: "x", country: "US", region: "US-CA", industry: "software", employees: 0 } }]);
  });

  test("nested group without otherwise: information, falling back to the parent's assign", () => {
    const p = plan(lead, first([
      t("na", { when: [all(eq("country", "US"))], assign: queue("na_queue"), children: first([
        t("west", { when: [all(eq("region", ...WEST))] }),
        t("east", { when: [all(eq("region", "US-NY", "US-MA"))] }),
      ]) }),
    ], queue("triage")));
    expect(analyze(p)).toEqual([{ kind: "gap", group: 1, nested: true, fallback: 0, witness: { id: "x", country: "US", industry: "software", employees: 0 } }]);
  });

  test("the nested gap's witness reaches the group: earlier siblings of the parent take nothing of it", () => {
    const p = plan(lead, first([
      t("hc", { when: [all(eq("industry", "healthcare"))] }),
      t("na", { when: [all(eq("country", "US"))], children: first([t("sw", { when: [all(eq("industry", "software"))] })]) }),
    ], queue("triage")));
    expect(analyze(p)).toEqual([{ kind: "gap", group: 1, nested: true, witness: { id: "x", country: "US", industry: "fintech", employees: 0 } }]);
  });

  test("no gap when the children cover every record that reaches the group", () => {
    const p = plan(lead, first([
      t("na", { when: [all(eq("country", "US"))], children: unique([
        t("small", { when: [all(lt("employees", 100))] }),
        t("large", { when: [all(ge("employees", 100))] }),
      ]) }),
      t("rest", { when: [all(ne("country", "US"))] }),
    ]));
    expect(analyze(p)).toEqual([]);
  });
});

describe("unsatisfiable conditions", () => {
  test("contradictory bounds, empty int intervals, regions outside the country", () => {
    const p = plan(lead, first([
      t("a", { when: [all(gt("employees", 100), lt("employees", 50))] }),
      t("b", { when: [all(gt("employees", 5), lt("employees", 6))] }),
      t("c", { when: [all(eq("country", "US"), eq("region", "FR-IDF"))] }),
      t("d", { when: [all(gt("revenue", 5), lt("revenue", 6))] }),
      t("e", { when: [all(lt("employees", 0)), all(unset("country"))] }),
      t("f", { when: [] }),
    ], queue("triage")));
    expect(analyze(p).filter((f) => f.kind === "unsatisfiable")).toEqual([
      { kind: "unsatisfiable", territory: 0 },
      { kind: "unsatisfiable", territory: 1 },
      { kind: "unsatisfiable", territory: 2 },
      { kind: "unsatisfiable", territory: 5 },
      { kind: "unsatisfiable", territory: 4, box: 1 },
    ].sort((x, y) => x.territory - y.territory));
  });

  test("dates are whole days: after the 1st and before the 2nd is empty", () => {
    const p = plan(lead, first([t("a", { when: [all(gt("signed", "2027-01-01"), lt("signed", "2027-01-02"))] })], queue("triage")));
    expect(analyze(p)).toEqual([{ kind: "unsatisfiable", territory: 0 }]);
  });

  test("money is not whole: between 5 and 6 exclusive holds 5.5", () => {
    const p = plan(lead, first([t("a", { when: [all(gt("revenue", 5), lt("revenue", 6))] }), t("b", { when: [all(ge("revenue", 6))] })]));
    expect(analyze(p)).toEqual([{ kind: "gap", group: 0, nested: false, witness: { id: "x", country: "US", industry: "software", employees: 0 } }]);
    const q = plan(lead, first([t("a", { when: [all(gt("revenue", 5), lt("revenue", 6))] })], queue("triage")));
    expect(analyze(q)).toEqual([]);
  });
});

describe("effective dating", () => {
  test("a finding holding only in some periods says when", () => {
    const p = plan(lead, unique([
      t("us", { when: [all(eq("country", "US"))] }),
      t("canada", { when: [all(eq("country", "CA"))], window: { from: "2027-02-01" } }),
      t("na_big", { when: [all(eq("country", "US", "CA"), ge("employees", 1000))], window: { until: "2027-06-30" } }),
      t("rest", { when: [all(ne("country", "US", "CA"))] }),
    ]));
    expect(analyze(p)).toEqual([
      { kind: "overlap", group: 0, a: 0, b: 2, witness: { id: "x", country: "US", industry: "software", employees: 1000 }, period: { until: "2027-06-30" } },
      { kind: "overlap", group: 0, a: 1, b: 2, witness: { id: "x", country: "CA", industry: "software", employees: 1000 }, period: { from: "2027-02-01", until: "2027-06-30" } },
      { kind: "gap", group: 0, nested: false, witness: { id: "x", country: "CA", industry: "software", employees: 0 }, period: { until: "2027-01-31" } },
    ]);
  });

  test("a shadowing sibling that ends frees the child from the next day", () => {
    const p = plan(lead, first([
      t("old", { when: [all(eq("country", "US"))], window: { until: "2027-03-31" } }),
      t("new", { when: [all(eq("country", "US"))] }),
    ], queue("triage")));
    expect(analyze(p)).toEqual([
      { kind: "shadowed", group: 0, territory: 1, by: [0], takenBy: 0, witness: { id: "x", country: "US", industry: "software", employees: 0 }, period: { until: "2027-03-31" } },
    ]);
  });
});

describe("shadowed overrides", () => {
  const roster = {
    reps: [{ id: "alice", away: [] }, { id: "carol", away: [{ from: "2026-12-20", until: "2027-01-04" }] }],
    queues: [{ id: "named" }],
    teams: [],
  };
  const territories = first([t("all", { assign: queue("triage") })]);

  test("an earlier override that always applies hides a later one", () => {
    const p = plan(lead, territories, {
      roster,
      overrides: [
        override("big", [all(ge("employees", 1000))], queue("named")),
        override("huge", [all(ge("employees", 5000))], rep("alice")),
      ],
    });
    expect(analyze(p)).toEqual([{ kind: "shadowed-override", override: 1, by: [0], takenBy: 0, witness: { id: "x", country: "US", industry: "software", employees: 5000 } }]);
  });

  test("conservative: an earlier override whose rep may be away does not shadow, while she is away", () => {
    const p = plan(lead, territories, {
      roster,
      overrides: [
        override("big", [all(ge("employees", 1000))], rep("carol")),
        override("huge", [all(ge("employees", 5000))], queue("named")),
      ],
    });
    expect(analyze(p)).toEqual([
      { kind: "shadowed-override", override: 1, by: [0], takenBy: 0, witness: { id: "x", country: "US", industry: "software", employees: 5000 }, period: { until: "2026-12-19" } },
      { kind: "shadowed-override", override: 1, by: [0], takenBy: 0, witness: { id: "x", country: "US", industry: "software", employees: 5000 }, period: { from: "2027-01-05" } },
    ]);
  });

  test("a rep-field target never counts as always available", () => {
    const s = schema(...lead.fields, field("owner", "rep", { optional: true }));
    const p = plan(s, territories, {
      roster,
      overrides: [override("keep", [all(isSet("owner"))], { kind: "field", field: "owner" }), override("alice", [all(eq("owner", "alice"))], rep("alice"))],
    });
    expect(analyze(p)).toEqual([]);
  });
});

describe("budgets and malformed plans", () => {
  test("a plan testing an undeclared field is reported, not crashed on", () => {
    const p = plan(lead, first([t("a", { when: [all(eq("segment", "x"))] })]));
    expect(analyze(p)).toEqual([{ kind: "incomplete", check: "plan", reason: "the plan cannot be analysed: a condition tests `segment`, which the record schema does not declare" }]);
  });

  test("text tests on a region field are not analysable: said, not guessed", () => {
    const p = plan(lead, first([t("a", { when: [all({ field: "region", op: "startsWith", values: ["US-"], negated: false })] })]));
    expect(kinds(analyze(p))).toEqual(["incomplete"]);
  });

  test("a check past its box budget reports `incomplete` and the others still run", () => {
    const s = schema(...Array.from({ length: 10 }, (_, i) => field(`x${i}`, "int")));
    // 2^10 disjoint cells, each a territory: covering the universe takes thousands of boxes.
    const ts = Array.from({ length: 1 << 10 }, (_, k) =>
      t(`c${k}`, { when: [all(...Array.from({ length: 10 }, (_, i) => ((k >> i) & 1 ? ge(`x${i}`, 0) : lt(`x${i}`, 0))))] }));
    const p = plan(s, first([t("early", { when: [all(gt("x0", 10))] }), ...ts, t("late", { when: [all(gt("x0", 20))] })]));
    const findings = analyze(p, { budget: { maxBoxes: 300 } });
    expect(findings).toContainEqual({ kind: "incomplete", check: "gap", group: 0, reason: "the gap check of group 0 needed more than 300 boxes" });
    // `late` is inside `early`: that shadow check is cheap and still reported
    expect(findings).toContainEqual(expect.objectContaining({ kind: "shadowed", territory: ts.length + 1, by: [0], takenBy: 0 }));
  });

  test("past the total work budget the analysis stops with `incomplete`", () => {
    const p = plan(lead, first(Array.from({ length: 50 }, (_, i) => t(`t${i}`, { when: [all(ge("employees", i))] }))));
    const findings = analyze(p, { budget: { maxWork: 200 } });
    expect(findings[findings.length - 1]).toMatchObject({ kind: "incomplete" });
    expect(findings.at(-1)!.kind === "incomplete" && findings.at(-1)).toMatchObject({ reason: expect.stringContaining("after 200 units of work") });
  });

  test("deterministic: the same plan gives the same findings", () => {
    const p = plan(lead, unique([t("a", { when: [all(eq("industry", "software", "fintech"))] }), t("b", { when: [all(ge("employees", 10))] })]));
    expect(JSON.stringify(analyze(p))).toBe(JSON.stringify(analyze(structuredClone(p))));
  });
});
