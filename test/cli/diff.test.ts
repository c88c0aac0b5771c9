// `carve diff`: two versions of the example ruleset (a state moved to another territory, a
// territory given to another rep) give the right static pairs with witnesses, and a data diff on
// the example's leads that agrees with `carve assign` run on each version; `--base` reads the
// rules (imports included) at a git revision; exit codes and formats behave as documented.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { carve, repoRoot } from "./helpers.js";

const LEADS = "examples/acme/leads.csv";
const AS_OF = "2027-03-01";
const WEST = "set west_states = [US-CA, US-OR, US-WA, US-NV, US-AZ, US-UT, US-ID]";
const WEST_TX = "set west_states = [US-CA, US-OR, US-WA, US-NV, US-AZ, US-UT, US-ID, US-TX]";

let dir: string;
let changed: string;

/** A copy of examples/acme with Texas moved to West and Canada given to Erin. */
function changedCopy(root: string): string {
  const out = join(root, "acme");
  cpSync(join(repoRoot, "examples", "acme"), out, { recursive: true });
  const file = join(out, "acme.carve");
  const text = readFileSync(file, "utf8");
  expect(text).toContain(WEST);
  expect(text).toContain("    assign carol\n");
  writeFileSync(file, text.replace(WEST, WEST_TX).replace("    assign carol\n", "    assign erin\n"));
  return out;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "carve-diff-"));
  changed = changedCopy(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JsonOutcome {
  status: string;
  territory: string | null;
  owner: { kind: string; id: string } | null;
  via: string | null;
}
const side = (o: JsonOutcome) => `${o.territory}/${o.owner ? `${o.owner.kind} ${o.owner.id}` : "-"}`;

/** Placements per record key from `carve assign --out` (owner as the diff compares it). */
function assigned(path: string, out: string): Map<string, string> {
  const r = carve(["assign", path, "--records", LEADS, "--as-of", AS_OF, "--out", out]);
  expect(r.code).toBe(0);
  const stateful = new Set(["west_commercial", "east_ae"]); // round_robin and least_loaded teams of the example
  const rows = readFileSync(out, "utf8").trimEnd().split("\n").slice(1).map((l) => l.split(","));
  return new Map(rows.map(([key, , territory, , owner, kind, team]) => {
    const who = owner === "" ? "(no owner)" : stateful.has(team) ? `team ${team}` : `${kind} ${owner}`;
    return [key, `${territory || "(no territory)"}|${who}`];
  }));
}

describe("carve diff on two versions of examples/acme", () => {
  it("lists every kind of record that changes hands, with witnesses, and the changed declarations", () => {
    const r = carve(["diff", "examples/acme", changed, "--as-of", AS_OF, "--format", "json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ format: "carve-diff/1", asOf: AS_OF, changed: true, complete: true, incomplete: [] });
    expect(json.summary).toMatchObject({ territoriesChanged: 3, pairs: 7, changes: 3 });
    expect(json.pairs.map((p: { from: JsonOutcome; to: JsonOutcome }) => `${side(p.from)} → ${side(p.to)}`)).toEqual([
      "na.east/field account.owner → na.west.west_ent/field account.owner",
      "na.east/field account.owner → na.west.west_smb/field account.owner",
      "na.east/rep alice → na.west.west_ent/rep alice",
      "na.east/rep alice → na.west.west_smb/rep alice",
      "na.east/team east_ae → na.west.west_ent/team west_ae",
      "na.east/team east_ae → na.west.west_smb/team west_commercial",
      "na.canada/rep carol → na.canada/rep erin",
    ]);
    for (const p of json.pairs.slice(0, 6)) expect(p.witness).toMatchObject({ country: "US", region: "US-TX" });
    expect(json.pairs[6].witness).toMatchObject({ country: "CA" });
    // Each witness, explained by each version, lands where the pair says.
    for (const p of [json.pairs[6]]) {
      for (const [path, want] of [["examples/acme", p.from], [changed, p.to]] as const) {
        const e = carve(["explain", path, "--record", JSON.stringify(p.witness), "--as-of", AS_OF, "--format", "json"]);
        const d = JSON.parse(e.stdout);
        expect(d.territory.id).toBe(want.territory);
        expect(d.owner.team ?? d.owner.id).toBe(want.owner.id);
      }
    }
    expect(json.changes.map((c: { kind: string; subject: string; id: string }) => `${c.kind} ${c.subject} ${c.id}`))
      .toEqual(["changed territory na.west", "changed territory na.east", "changed territory na.canada"]);
  });

  it("replays the leads: the counts agree with `carve assign` on each version, and every row is accounted for", () => {
    const r = carve(["diff", "examples/acme", changed, "--as-of", AS_OF, "--format", "json", "--records", LEADS]);
    expect(r.code).toBe(1);
    const { summary, records } = JSON.parse(r.stdout);
    const rows = readFileSync(LEADS, "utf8").trimEnd().split("\n").length - 1;
    expect(summary.rows).toBe(rows);
    expect(summary.moved + summary.unchanged + summary.rejected).toBe(rows);

    const before = assigned("examples/acme", join(dir, "old.csv"));
    const after = assigned(changed, join(dir, "new.csv"));
    const keys = new Set([...before.keys(), ...after.keys()]);
    const moved = [...keys].filter((k) => before.get(k) !== after.get(k));
    expect(summary.moved).toBe(moved.length);
    expect(summary.unchanged).toBe(keys.size - moved.length);
    expect(summary.rejected).toBe(rows - keys.size);
    expect(summary.unchangedShare).toBeCloseTo((keys.size - moved.length) / keys.size, 10);
    // both matrices, cell by cell (records invalid in one version only would show as "(invalid)")
    const matrix = (part: 0 | 1) => {
      const cells = new Map<string, number>();
      for (const k of keys) {
        const cell = `${before.get(k)?.split("|")[part] ?? "(invalid)"} → ${after.get(k)?.split("|")[part] ?? "(invalid)"}`;
        cells.set(cell, (cells.get(cell) ?? 0) + 1);
      }
      return cells;
    };
    const cellsOf = (m: { from: string; to: string; records: number }[]) => new Map(m.map((c) => [`${c.from} → ${c.to}`, c.records]));
    const territories = cellsOf(records.territories);
    expect(territories).toEqual(matrix(0));
    expect(territories.get("na.east → na.west.west_smb")).toBeGreaterThan(0);
    expect(territories.get("na.east → na.west.west_ent")).toBeGreaterThan(0);
    const owners = cellsOf(records.owners);
    expect(owners).toEqual(matrix(1));
    expect(owners.get("rep carol → rep erin")).toBeGreaterThan(0);
    expect(records.moves).toHaveLength(20);
  });

  it("prints a text report with the moves, and writes all of them with --out", () => {
    const out = join(dir, "moves.csv");
    const r = carve(["diff", "examples/acme", changed, "--as-of", AS_OF, "--records", LEADS, "--limit", "3", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^carve diff examples\/acme → .*acme \(as of 2027-03-01\)\n\n3 territories changed, [\d.]+% of records move, 7 kinds of records change hands\n/);
    expect(r.stdout).toContain("  7. na.canada, rep carol  →  na.canada, rep erin\n");
    expect(r.stdout).toContain("     e.g. {id: \"x\", country: CA, industry: software, employees: 0, source: inbound}\n");
    expect(r.stdout).toContain("  ~ territory na.canada changed: owner: rep carol → rep erin\n");
    const m = /^([\d,]+) rows = ([\d,]+) moved \+ ([\d,]+) unchanged \+ ([\d,]+) rejected \(/m.exec(r.stdout);
    expect(m).not.toBeNull();
    const moved = Number(m![2].replace(/,/g, ""));
    expect(r.stdout).toContain(`the first 3 of ${m![2]} records that move:\n`);
    const lines = readFileSync(out, "utf8").trimEnd().split("\n");
    expect(lines[0]).toBe("id,row,old_status,old_territory,old_owner,new_status,new_territory,new_owner");
    expect(lines).toHaveLength(moved + 1);
    expect(lines.filter((l) => l.includes(",na.canada,rep carol,assigned,na.canada,rep erin")).length).toBeGreaterThan(0);
  });

  it("writes a pull-request comment: the headline first, a table of pairs, details folded", () => {
    const r = carve(["diff", "examples/acme", changed, "--as-of", AS_OF, "--records", LEADS, "--format", "markdown"]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("### carve diff: acme");
    expect(lines[2]).toMatch(/^\*\*3 territories changed, [\d.]+% of records move, 7 kinds of records change hands\*\* — [\d,]+ of [\d,]+ valid records in `examples\/acme\/leads.csv`/);
    expect(r.stdout).toContain("| | before | after | for example |");
    expect(r.stdout).toContain("| 7 | na.canada, rep carol | na.canada, rep erin | `{id: \"x\", country: CA, industry: software, employees: 0, source: inbound}` |");
    expect(r.stdout).toContain("<details><summary>Which records change hands</summary>");
    expect(r.stdout).toContain("<details><summary>Declarations that changed (3)</summary>");
  });

  it("exits 0 and says so when nothing changes", () => {
    const r = carve(["diff", "examples/acme", "examples/acme/acme.carve", "--records", LEADS, "--as-of", AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("No change: both versions decide every record identically, and every record of examples/acme/leads.csv stays\n");
    expect(r.stdout).toMatch(/5,000 rows = 0 moved \+ [\d,]+ unchanged \+ [\d,]+ rejected \(100% of valid records unchanged\)/);
  });

  it("colours only when asked: NO_COLOR wins, FORCE_COLOR on a pipe", () => {
    expect(carve(["diff", "examples/acme", changed, "--as-of", AS_OF]).stdout).not.toContain("\u001b[");
    expect(carve(["diff", "examples/acme", changed, "--as-of", AS_OF], { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } }).stdout).toContain("\u001b[");
  });

  it("exits 2 on usage errors and on a version that does not compile", () => {
    const one = carve(["diff", "examples/acme"]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain("give two versions to compare (carve diff OLD NEW), or one and a git revision (carve diff PATH --base GITREF)");
    expect(carve(["diff", "examples/acme", changed, "--out", join(dir, "x.csv")]).code).toBe(2);
    expect(carve(["diff", "examples/acme", changed, "--limit", "some"]).code).toBe(2);
    const broken = join(dir, "broken.carve");
    writeFileSync(broken, "ruleset broken\nrecord R { id: string }\nterritories first { territory a { when nope == 1 } }\n");
    const r = carve(["diff", "examples/acme", broken]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cannot compile");
  });
});

describe("carve diff --base", () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync("git", ["-c", "user.email=ci@example.com", "-c", "user.name=CI", "-c", "commit.gpgsign=false", ...args], { cwd: repo, encoding: "utf8" });

  beforeAll(() => {
    repo = join(dir, "repo");
    cpSync(join(repoRoot, "examples", "acme"), join(repo, "rules"), { recursive: true, filter: (f) => !f.endsWith(".csv") && !f.endsWith(".mjs") });
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "plan");
  });

  it("finds nothing against the commit it was checked out from", () => {
    const r = carve(["diff", "rules", "--base", "HEAD", "--as-of", AS_OF], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^carve diff rules at HEAD → rules \(as of 2027-03-01\)\n\nNo change: both versions decide every record identically\n/);
  });

  it("reads the ruleset and its imports at the revision", () => {
    const roster = join(repo, "rules", "roster.carve");
    writeFileSync(roster, readFileSync(roster, "utf8").replace("members alice, bob weight 2", "members alice, bob weight 2, erin"));
    const entry = join(repo, "rules", "acme.carve");
    writeFileSync(entry, readFileSync(entry, "utf8").replace("    assign carol\n", "    assign erin\n"));
    const r = carve(["diff", "rules", "--base", "HEAD", "--as-of", AS_OF, "--format", "json"], { cwd: repo });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.old.label).toBe("rules at HEAD");
    expect(json.changes.map((c: { kind: string; subject: string; id: string }) => `${c.kind} ${c.subject} ${c.id}`))
      .toEqual(["changed territory na.canada", "changed team west_ae"]);
    expect(json.pairs.map((p: { from: JsonOutcome; to: JsonOutcome }) => `${side(p.from)} → ${side(p.to)}`))
      .toEqual(["na.west.west_ent/team west_ae → na.west.west_ent/team west_ae", "na.canada/rep carol → na.canada/rep erin"]);
    expect(json.pairs[0].notes).toEqual(["team west_ae may pick another member: its members, weights, availability or strategy changed"]);
    // the entry file itself works too, from another folder
    expect(carve(["diff", join(repo, "rules", "acme.carve"), "--base", "HEAD", "--as-of", AS_OF]).code).toBe(1);
  });

  it("says precisely what is wrong: no repository, unknown revision, absent at the revision", () => {
    const outside = carve(["diff", changed, "--base", "HEAD"]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain("is not inside a git repository");
    const ref = carve(["diff", "rules", "--base", "no-such-branch"], { cwd: repo });
    expect(ref.code).toBe(2);
    expect(ref.stderr).toContain("unknown git revision `no-such-branch`");
    cpSync(join(repo, "rules"), join(repo, "later"), { recursive: true });
    const absent = carve(["diff", "later", "--base", "HEAD"], { cwd: repo });
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain("error: later does not exist at HEAD");
  });
});

describe("the CI job in docs/diff.md", () => {
  it("is the workflow of docs/ci/carve-diff.yml, runs the diff against the base branch and comments", () => {
    const doc = readFileSync(join(repoRoot, "docs", "diff.md"), "utf8");
    const shown = /```yaml\n([\s\S]*?)```/.exec(doc)![1];
    const file = readFileSync(join(repoRoot, "docs", "ci", "carve-diff.yml"), "utf8");
    expect(file.endsWith(shown)).toBe(true); // the file adds only its header comment
    const wf = parseYaml(file);
    const steps: { uses?: string; with?: Record<string, unknown>; run?: string; if?: string }[] = wf.jobs.diff.steps;
    expect(wf.on.pull_request).toBeDefined();
    expect(wf.permissions["pull-requests"]).toBe("write");
    expect(steps[0]).toMatchObject({ uses: "actions/checkout@v4", with: { "fetch-depth": 0 } });
    expect(wf.jobs.diff.env.BASE_REF).toBe("${{ github.base_ref }}");
    const diff = steps.find((s) => s.run?.includes("carve diff"))!;
    expect(diff.run).toContain('npx carve diff "$RULES" --base "origin/$BASE_REF" --records "$RECORDS" --format markdown > carve-diff.md');
    const comment = steps[steps.length - 1];
    expect(comment.if).toBe("steps.diff.outputs.code == '1'");
    expect(comment.run).toContain("gh pr comment");
  });
});
