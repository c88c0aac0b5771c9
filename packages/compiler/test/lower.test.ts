import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadProgram, MemoryHost } from "@carve/language";
import { loadArtifact } from "@carve/runtime";
import { describe, expect, it } from "vitest";
import { artifactJson, compileProgram, CompilerCodes } from "@carve/compiler";

const examples = join(import.meta.dirname, "..", "..", "..", "examples", "acme");
const acme = {
  "acme.carve": readFileSync(join(examples, "acme.carve"), "utf8"),
  "roster.carve": readFileSync(join(examples, "roster.carve"), "utf8"),
};

function compileAt(dir: string, files: Record<string, string>, entry = "acme.carve") {
  const host = new MemoryHost(Object.fromEntries(Object.entries(files).map(([k, v]) => [`${dir}/${k}`, v])));
  return compileProgram(loadProgram(`${dir}/${entry}`, host));
}

describe("lowering to the artifact", () => {
  it("is deterministic and independent of where the sources live", () => {
    const a = compileAt("/repo/one/examples", acme);
    const b = compileAt("/repo/one/examples", acme);
    const c = compileAt("/elsewhere/checkout", acme);
    expect(a.artifact).toBeDefined();
    const json = artifactJson(a.artifact!);
    expect(artifactJson(b.artifact!)).toBe(json);
    expect(artifactJson(c.artifact!)).toBe(json);
    expect(json).not.toContain("/repo/");
  });

  it("hashes the canonical source: layout changes keep the hash, meaning changes alter it", () => {
    const base = compileAt("/r", acme).artifact!;
    const spaced = compileAt("/r", { ...acme, "acme.carve": acme["acme.carve"].replace("territories first {", "territories   first   {") }).artifact!;
    expect(spaced.ruleset.sourceHash).toBe(base.ruleset.sourceHash);
    const changed = compileAt("/r", { ...acme, "acme.carve": acme["acme.carve"].replace("employees >= 1000", "employees >= 2000") }).artifact!;
    expect(changed.ruleset.sourceHash).not.toBe(base.ruleset.sourceHash);
    expect(changed.hash).not.toBe(base.hash);
  });

  it("lowers territories in priority order with their paths, targets and windows", () => {
    const art = compileAt("/r", acme).artifact!;
    expect(art.territories.map((t) => t.id)).toEqual(["healthcare", "na", "na.west", "na.west.west_ent", "na.west.west_smb", "na.east", "na.canada"]);
    const canada = art.territories.find((t) => t.id === "na.canada")!;
    expect(canada.window).toEqual({ from: "2027-02-01" });
    expect(canada.assign).toEqual({ kind: "rep", id: "carol" });
    expect(art.groups[0]).toMatchObject({ policy: "first", otherwise: { kind: "queue", id: "triage" } });
    expect(art.overrides.map((o) => o.name)).toEqual(["keep_owner", "named_accounts"]);
    expect(art.overrides[0].target).toEqual({ kind: "field", field: "account.owner" });
  });

  it("gives `not` on an optional field the missing-value meaning of SPEC 2.4", () => {
    const src = `ruleset n
record R { id: string key  tier: enum(gold, silver)? }
rep a
rep b
territories first {
  territory not_gold { when not tier == gold  assign a }
  territory rest { assign b }
}
`;
    const art = compileAt("/n", { "n.carve": src }, "n.carve").artifact!;
    const rt = loadArtifact(artifactJson(art));
    const asOf = "2027-01-01";
    expect(rt.evaluate({ id: "1" }, { asOf }).territory?.id).toBe("not_gold");
    expect(rt.evaluate({ id: "2", tier: "silver" }, { asOf }).territory?.id).toBe("not_gold");
    expect(rt.evaluate({ id: "3", tier: "Gold" }, { asOf }).territory?.id).toBe("rest");
  });

  it("reports a condition that explodes past the budget at that condition", () => {
    const ors = Array.from({ length: 8 }, (_, i) => `(n == ${3 * i} or n == ${3 * i + 1} or n == ${3 * i + 2} or n > ${100 + i})`).join(" and ");
    const src = `ruleset big\nrecord R { id: string key  n: int }\nrep a\nterritories first {\n  territory t { when ${ors}  assign a }\n  otherwise a\n}\n`;
    const r = compileAt("/b", { "b.carve": src }, "b.carve");
    const d = r.diagnostics.find((x) => x.code === CompilerCodes.TooComplex.code);
    expect(d).toBeDefined();
    expect(src.slice(d!.range.start, d!.range.end)).toBe(ors);
    expect(r.artifact).toBeUndefined();
  });
});
