// examples/acme/leads.csv is generated and committed; regenerating it must give the same bytes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./helpers.js";

const generator = join(repoRoot, "examples", "acme", "generate-leads.mjs");

function generate(args: string[]): { code: number; stderr: string } {
  const r = spawnSync(process.execPath, [generator, ...args], { encoding: "utf8", timeout: 60_000 });
  return { code: r.status ?? -1, stderr: r.stderr };
}

describe("examples/acme/generate-leads.mjs", () => {
  it("regenerates examples/acme/leads.csv byte for byte", () => {
    const out = join(mkdtempSync(join(tmpdir(), "carve-leads-")), "leads.csv");
    const r = generate(["--out", out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out).equals(readFileSync(join(repoRoot, "examples", "acme", "leads.csv")))).toBe(true);
  });

  it("writes --count rows after the header, the same for the same seed", () => {
    const dir = mkdtempSync(join(tmpdir(), "carve-leads-"));
    expect(generate(["--count", "20", "--seed", "7", "--out", join(dir, "a.csv")]).code).toBe(0);
    expect(generate(["--count", "20", "--seed", "7", "--out", join(dir, "b.csv")]).code).toBe(0);
    const a = readFileSync(join(dir, "a.csv"), "utf8");
    expect(a).toBe(readFileSync(join(dir, "b.csv"), "utf8"));
    const lines = a.trimEnd().split("\n");
    expect(lines[0]).toBe("id,company,country,region,postal_code,industry,employees,annual_revenue,source,email_domain,account.id,account.owner,account.status");
    expect(lines).toHaveLength(21);
    expect(lines[20]).toMatch(/^L-000020,/);
    const bad = generate(["--count", "lots"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--count needs a whole number");
  });
});
