import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { carve, repoRoot } from "./helpers.js";

function scratch(): string {
  return mkdtempSync(join(tmpdir(), "carve-fmt-"));
}

describe("carve fmt", () => {
  it("finds every bundled example already formatted", () => {
    const r = carve(["fmt", "--check", "examples"]);
    expect(r.stdout).toBe("");
    expect(r.code).toBe(0);
  });

  it("lists unformatted files with --check, rewrites them without it, and is then clean", () => {
    const dir = scratch();
    const file = join(dir, "messy.carve");
    const messy = 'ruleset   messy\nrecord Lead{id:string key\ncountry:country}\nrep   alice\nterritories first{territory us{when country==US assign alice}otherwise alice}\n';
    writeFileSync(file, messy);
    const check = carve(["fmt", "--check", dir]);
    expect(check.code).toBe(1);
    expect(check.stdout.trim()).toBe(file.startsWith(repoRoot) ? file.slice(repoRoot.length + 1) : file);
    expect(readFileSync(file, "utf8")).toBe(messy);

    const stdout = carve(["fmt", "--stdout", file]);
    expect(stdout.code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(messy);

    const write = carve(["fmt", dir]);
    expect(write.code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(stdout.stdout);
    expect(carve(["fmt", "--check", dir]).code).toBe(0);
    expect(carve(["check", file]).code).toBe(0);
  });

  it("never rewrites a file with syntax errors", () => {
    const dir = scratch();
    cpSync(join(repoRoot, "test/fixtures/cli/syntax-error"), dir, { recursive: true });
    const file = join(dir, "broken.carve");
    const before = readFileSync(file, "utf8");
    const r = carve(["fmt", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("CARVE004");
    expect(r.stderr).toContain("not formatted");
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("refuses --check with --stdout and missing paths", () => {
    expect(carve(["fmt", "--check", "--stdout", "examples"]).code).toBe(2);
    expect(carve(["fmt", "nowhere.carve"]).code).toBe(2);
  });
});
