// Scale: 10,000 territories of geography × segment × vertical analyse completely within a tenth of
// the default work budget (work units are deterministic, so this guards the analysis's cost without
// timing anything), and an explosive plan ends in `incomplete` instead of running on.
import { describe, expect, test } from "vitest";
import { analyze, DEFAULT_MAX_WORK } from "../src/analysis/index.js";
import { cellPlan, explosivePlan, flatPlan, nestedPlan } from "./helpers/analysis-scale.js";

const TENTH = { budget: { maxWork: DEFAULT_MAX_WORK / 10 } };

describe("10,000 territories", () => {
  test("one first group (shadow and gap checks over 10,000 siblings): clean", () => {
    expect(analyze(flatPlan("first", 50), TENTH)).toEqual([]);
  });

  test("one unique group (overlap pairs found through the geography index): clean", () => {
    expect(analyze(flatPlan("unique", 50, false), TENTH)).toEqual([
      { kind: "gap", group: 0, nested: false, witness: { id: "x", country: "US", industry: "software", employees: 0 } },
    ]);
  });

  test("nested country → industry → band: every band group misses negative head counts", () => {
    const findings = analyze(nestedPlan(50), TENTH);
    expect(findings.filter((f) => f.kind === "incomplete")).toEqual([]);
    expect(findings).toHaveLength(500);
    expect(findings[0]).toEqual({ kind: "gap", group: 2, nested: true, fallback: 0, witness: { id: "x", country: "AD", industry: "software", employees: -1 } });
  });
});

describe("the benchmark's shape: nested groups under a large top-level group", () => {
  // Every nested group's reach excludes the cell's earlier siblings: only those sharing records
  // with the cell may be kept as its negative boxes (the others, thousands, are disjoint).
  test("250 geography cells, half of them nested: complete, one gap per nested group", () => {
    const findings = analyze(cellPlan(250), TENTH);
    expect(findings.filter((f) => f.kind === "incomplete")).toEqual([]);
    expect(findings.filter((f) => f.kind === "gap")).toHaveLength(125);
    expect(findings.every((f) => f.kind === "gap" && f.nested)).toBe(true);
  });
});

describe("explosive plans", () => {
  test("a 3-SAT-like cover ends in `incomplete`, not a hang", () => {
    const findings = analyze(explosivePlan(40, 240), { budget: { maxWork: 2_000_000 } });
    expect(findings.at(-1)).toEqual({
      kind: "incomplete",
      check: "shadowed",
      reason: "analysis stopped during the shadowed check after 2000000 units of work; findings of that check and the later ones are missing",
    });
  });
});
