import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { carve } from "./helpers.js";

const SMALL = "test/fixtures/cli/assign";
const CSV = `${SMALL}/leads.csv`;
const NDJSON = `${SMALL}/leads.ndjson`;
const tmp = () => mkdtempSync(join(tmpdir(), "carve-assign-"));

/** The numbers of "N rows = A assigned + U unassigned + R rejected". */
function accounting(out: string): { rows: number; assigned: number; unassigned: number; rejected: number } {
  const m = /^([\d,]+) rows? = ([\d,]+) assigned \+ ([\d,]+) unassigned \+ ([\d,]+) rejected$/m.exec(out);
  expect(m, `no accounting line in:\n${out}`).not.toBeNull();
  const n = (s: string) => Number(s.replace(/,/g, ""));
  return { rows: n(m![1]), assigned: n(m![2]), unassigned: n(m![3]), rejected: n(m![4]) };
}

/** The counts of a summary table that starts with a header naming `first`. */
function tableCounts(out: string, first: string): Map<string, number> {
  const lines = out.split("\n");
  const start = lines.findIndex((l) => new RegExp(`^\\s+${first}\\s+records\\s+share$`).test(l));
  expect(start).toBeGreaterThanOrEqual(0);
  const counts = new Map<string, number>();
  for (const l of lines.slice(start + 1)) {
    const m = /^\s+(.+?)\s+([\d,]+)\s+[\d.]+%$/.exec(l);
    if (!m) break;
    counts.set(m[1], Number(m[2].replace(/,/g, "")));
  }
  return counts;
}

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

describe("carve assign", () => {
  it("assigns the example's leads and accounts for every row", () => {
    const r = carve(["assign", "examples/acme", "--records", "examples/acme/leads.csv", "--as-of", "2027-03-01"]);
    expect(r.code).toBe(0);
    const lines = readFileSync("examples/acme/leads.csv", "utf8").trimEnd().split("\n").length - 1;
    const a = accounting(r.stdout);
    expect(a.rows).toBe(lines);
    expect(a.assigned + a.unassigned + a.rejected).toBe(a.rows);
    expect(a.rejected).toBeGreaterThan(0); // the generator spoils a few rows on purpose
    const territories = tableCounts(r.stdout, "territory");
    const owners = tableCounts(r.stdout, "owner");
    expect(sum(territories)).toBe(a.assigned + a.unassigned);
    expect(sum(owners)).toBe(a.assigned + a.unassigned);
    // largest first
    const counts = [...territories.values()];
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    expect(r.stdout).toMatch(/^assigned examples\/acme\/leads\.csv with acme as of 2027-03-01 in /);
    expect(r.stdout).toMatch(/the first 5 of \d+ rejected rows \(write them all with --rejects FILE\):\n\s+row \d+ \(line \d+, id L-\d+\): \S+/);
    expect(r.stderr).toContain("note: ignoring column that matches no field of `Lead`: `company`");
  });

  it("keeps every row: ragged CSV rows and an unclosed quote are rejected with their reasons", () => {
    const dir = tmp();
    const r = carve(["assign", SMALL, "--records", CSV, "--out", join(dir, "out.csv"), "--rejects", join(dir, "rejects.csv")]);
    expect(r.code).toBe(0);
    expect(accounting(r.stdout)).toEqual({ rows: 10, assigned: 3, unassigned: 2, rejected: 5 });
    expect(r.stderr).toContain("note: reading column `Country` as `country`");
    expect(r.stderr).toContain("ignoring column that matches no field of `Lead`: `notes`");
    expect(r.stdout).toMatch(/wrote \S+out\.csv \(5 rows\)\nwrote \S+rejects\.csv \(5 rejected rows\)/);
    // dotted column `account.owner` feeds the dotted field; a multi-line quoted cell is one row
    expect(readFileSync(join(dir, "out.csv"), "utf8")).toBe(
      [
        "id,status,territory,territory_label,owner,owner_kind,owner_team,via,overlays",
        "A-1,assigned,us.big,US Enterprise,bob,rep,,territory us.big,",
        "A-2,assigned,us,United States,bob,rep,,override owned,",
        "A-3,unassigned,ca,Canada,,,,,fin=queue:fin_queue",
        "A-4,unassigned,,,,,,,",
        "A-7,assigned,us,United States,alice,rep,,territory us,",
        "",
      ].join("\n"),
    );
    // row numbers count data rows (not the header, not blank lines); line is where the row starts
    expect(readFileSync(join(dir, "rejects.csv"), "utf8")).toBe(
      [
        "row,line,id,reasons,input",
        '5,7,A-5,"country: ""Atlantis"" is not a country: use an ISO 3166-1 code such as US or an English name; employees: ""many"" is not a number: use digits such as 1200, 1,200, 3.5M or $250K","A-5,Atlantis,many,software,,two mistakes"',
        '6,8,A-6,the row has 3 cells but the header has 6 columns,"A-6,US,10"',
        "8,11,A-8,employees: `employees` is required but has no value,\"A-8,US,,software,,no employees\"",
        '9,12,A-9,"account.owner: ""carla"" is not a rep: use a rep\'s name or e-mail","A-9,US,""2,000"",fintech,carla,unknown rep"',
        '10,13,,"a quote opened on line 13 is never closed, so the rest of the file (lines 13–14) reads as this one row","A-10,US,7,software,,""a quote that never closes',
        'A-11,US,1,software,,swallowed"',
        "",
      ].join("\n"),
    );
  });

  it("reads NDJSON (nested or dotted keys) and rejects a malformed line and a non-object", () => {
    const dir = tmp();
    const r = carve(["assign", SMALL, "--records", NDJSON, "--out", join(dir, "out.ndjson"), "--rejects", join(dir, "rejects.jsonl")]);
    expect(r.code).toBe(0);
    expect(accounting(r.stdout)).toEqual({ rows: 6, assigned: 3, unassigned: 0, rejected: 3 });
    const out = readFileSync(join(dir, "out.ndjson"), "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(out).toEqual([
      { id: "N-1", status: "assigned", territory: { id: "us.big", label: "US Enterprise" }, owner: { kind: "rep", id: "bob" }, via: "territory us.big", overlays: [] },
      { id: "N-2", status: "assigned", territory: { id: "us", label: "United States" }, owner: { kind: "rep", id: "bob" }, via: "override owned", overlays: [] },
      {
        id: "N-5", status: "assigned", territory: { id: "ca", label: "Canada" }, owner: { kind: "rep", id: "alice" }, via: "override owned",
        overlays: [{ territory: "fin", owner: { kind: "queue", id: "fin_queue" } }],
      },
    ]);
    const rejects = readFileSync(join(dir, "rejects.jsonl"), "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(rejects.map((x) => [x.row, x.line, x.id])).toEqual([[3, 3, null], [4, 5, "N-4"], [5, 6, null]]);
    expect(rejects[0].errors).toEqual([{ field: "(row)", reason: "line 3 is not valid JSON: expected double-quoted property name at column 47" }]);
    expect(rejects[0].input).toBe('{"id": "N-3", "country": "CA", "employees": 3,');
    expect(rejects[1].errors[0]).toMatchObject({ field: "country", value: "Atlantis" });
    expect(rejects[2].errors[0]).toMatchObject({ field: "(record)", reason: "expected a record (an object with fields), got a list" });
  });

  it("shows the first rejected rows in the summary when there is no rejects file", () => {
    const r = carve(["assign", SMALL, "--records", NDJSON]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/rejected because of\s+rows\n(\s+\S.*\d\n){3}/);
    expect(r.stdout).toContain("the 3 rejected rows (write them to a file with --rejects FILE):");
    expect(r.stdout).toContain("  row 3 (line 3): line 3 is not valid JSON: expected double-quoted property name at column 47");
    expect(r.stdout).toContain('  row 4 (line 5, id N-4): country: "Atlantis" is not a country');
  });

  it("reads standard input and writes results to standard output, the summary to stderr", () => {
    const input = readFileSync(NDJSON, "utf8");
    const r = carve(["assign", SMALL, "--records", "-", "--input-format", "ndjson", "--out", "-", "--format", "ndjson"], { input });
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l).id)).toEqual(["N-1", "N-2", "N-5"]);
    expect(accounting(r.stderr)).toEqual({ rows: 6, assigned: 3, unassigned: 0, rejected: 3 });
  });

  it("exits 2 on a missing records file or ruleset", () => {
    const missing = carve(["assign", SMALL, "--records", "no/such/leads.csv"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("error: no such file: no/such/leads.csv (given as --records)");
    const ruleset = carve(["assign", "no/such/plan", "--records", CSV]);
    expect(ruleset.code).toBe(2);
    expect(ruleset.stderr).toContain("no such file or folder: no/such/plan");
  });

  it("exits 2 on an unknown input format, an unwritable --out and a contradicting --format", () => {
    const format = carve(["assign", SMALL, "--records", `${SMALL}/plan.carve`]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("use a .csv, .ndjson or .jsonl file, or pass --input-format csv|ndjson");
    const out = carve(["assign", SMALL, "--records", CSV, "--out", "no/such/dir/out.csv"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/cannot write no\/such\/dir\/out\.csv: ENOENT/);
    const conflict = carve(["assign", SMALL, "--records", CSV, "--out", join(tmp(), "out.csv"), "--format", "ndjson"]);
    expect(conflict.code).toBe(2);
    expect(conflict.stderr).toContain("--format ndjson contradicts --out");
  });

  it("never writes over its input or one output with the other", () => {
    const dir = tmp();
    const r = carve(["assign", SMALL, "--records", CSV, "--out", `${SMALL}/../assign/leads.csv`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is the records file itself");
    expect(readFileSync(CSV, "utf8")).toMatch(/^id,Country,employees/);
    const both = carve(["assign", SMALL, "--records", CSV, "--out", join(dir, "x.csv"), "--rejects", join(dir, "x.csv")]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--out and --rejects name the same file");
  });

  it("exits 1 when the ruleset has errors", () => {
    const r = carve(["assign", "test/fixtures/cli/three-problems", "--records", CSV]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot compile/);
  });

  it("refuses two columns that feed the same field", () => {
    const r = carve(["assign", SMALL, "--records", "-", "--input-format", "csv"], { input: "id,country,Country\n1,US,US\n" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("columns 2 (`country`) and 3 (`Country`) both give the field `country`");
  });
});
