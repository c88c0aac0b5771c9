import { describe, expect, it } from "vitest";
import { decisionText } from "../src/decision-text.js";

const ruleset = { name: "acme", hash: "e5c5aee6bd68172e7b5305d1923cc29286da90016ab2d90f057dea79c4d21dbd" };

describe("decisionText", () => {
  it("shows the outcome, then the runtime's steps numbered", () => {
    const text = decisionText({
      status: "assigned",
      key: "L-2",
      owner: { kind: "queue", id: "triage" },
      via: "otherwise",
      overlays: [],
      asOf: "2027-01-15",
      ruleset,
      trace: [
        { step: "territory", message: "territory `dach` did not match: `employees >= 100` is false (line 11): employees = 5" },
        { step: "target", message: "the target is queue `triage`, from the top-level `otherwise`" },
        { step: "assigned", message: "assigned to queue `triage` via otherwise" },
      ],
    });
    expect(text).toBe(
      [
        "record     L-2",
        "status     assigned",
        "owner      triage (queue)",
        "territory  none",
        "via        otherwise",
        "overlays   none",
        "as of      2027-01-15",
        "ruleset    acme e5c5aee6bd68",
        "",
        "steps:",
        "1. territory `dach` did not match: `employees >= 100` is false (line 11): employees = 5",
        "2. the target is queue `triage`, from the top-level `otherwise`",
        "3. assigned to queue `triage` via otherwise",
      ].join("\n"),
    );
  });

  it("shows the territory's path, the team a rep came from and the overlays", () => {
    const text = decisionText({
      status: "assigned",
      owner: { kind: "rep", id: "bob", team: "west_ae" },
      territory: { id: "na.west", label: "West", path: ["na", "na.west"] },
      via: "territory na.west",
      overlays: [{ territory: "specialists.health", owner: { kind: "rep", id: "dana" } }, { territory: "partners" }],
      asOf: "2027-01-15",
      ruleset,
    });
    expect(text).toContain('territory  na.west "West"  (path na › na.west)');
    expect(text).toContain("owner      bob (rep, team west_ae)");
    expect(text).toContain("overlays   specialists.health → dana (rep), partners → no one available");
    expect(text).not.toContain("steps:");
  });

  it("lists every field error of an invalid record instead of an owner", () => {
    const text = decisionText({
      status: "invalid",
      overlays: [],
      asOf: "2027-01-15",
      ruleset,
      errors: [
        { field: "country", reason: '"Atlantis" is not a country' },
        { field: "employees", reason: "missing" },
      ],
    });
    expect(text).toBe(
      ["status   invalid", 'errors   country: "Atlantis" is not a country', "         employees: missing", "as of    2027-01-15", "ruleset  acme e5c5aee6bd68"].join("\n"),
    );
  });

  it("declines what is not a decision", () => {
    expect(decisionText({ uri: "file:///a.carve", text: "{}" })).toBeUndefined();
    expect(decisionText("assigned")).toBeUndefined();
    expect(decisionText({ status: "assigned", trace: [{ step: "x" }] })).toBeUndefined();
  });
});
