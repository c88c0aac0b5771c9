// Test coverage (SPEC 2.8): which territories and overrides some test reached, and which
// conditions tests saw both true and false — branch coverage, not line coverage, because a
// condition that was only ever true has not been tested at its edge.
import type { LineIndex, Program, TerritoryDecl } from "@carve/language";
import { type Artifact, type Decision, SEEN_FALSE, SEEN_TRUE } from "@carve/runtime";
import { entryDir, relativePath } from "../source-hash.js";
import type { ConditionCoverage, Coverage, CoveredItem, TerritoryCoverage } from "./types.js";

export class CoverageCollector {
  private readonly territoryTests: string[][];
  private readonly overrideTests: string[][];
  private readonly seen: Uint8Array;
  private readonly territoryIndex: Map<string, number>;

  constructor(
    private readonly program: Program,
    private readonly artifact: Artifact,
    private readonly lines: (file: string) => LineIndex | undefined,
  ) {
    this.territoryTests = artifact.territories.map(() => []);
    this.overrideTests = artifact.overrides.map(() => []);
    this.seen = new Uint8Array(artifact.conditions.length);
    this.territoryIndex = new Map(artifact.territories.map((t, i) => [t.id, i]));
  }

  /** One test's decision (evaluated with `explain`) and its condition outcomes. */
  add(test: string, d: Decision, outcomes: Uint8Array): void {
    for (let i = 0; i < outcomes.length && i < this.seen.length; i++) this.seen[i] |= outcomes[i];
    const reached = new Set<number>();
    const addPath = (id: string) => {
      // The path of a territory: the territory and its ancestors (an overlay reports its deepest match).
      for (let t = this.territoryIndex.get(id); t !== undefined; t = this.artifact.territories[t].parent) reached.add(t);
    };
    if (d.territory) addPath(d.territory.id);
    for (const o of d.overlays) addPath(o.territory);
    for (const t of [...reached].sort((a, b) => a - b)) this.territoryTests[t].push(test);
    const overrides = new Set<string>();
    for (const e of d.trace ?? []) if (e.step === "override" && e.result === "matched") overrides.add(e.override);
    this.artifact.overrides.forEach((o, i) => {
      if (overrides.has(o.name)) this.overrideTests[i].push(test);
    });
  }

  result(): Coverage {
    const a = this.artifact;
    const overlayIds = new Set(a.overlays === undefined ? [] : this.overlayTree(a.overlays));
    const territories: TerritoryCoverage[] = a.territories.map((t, i) => {
      const overlay = overlayIds.has(i);
      const decl = (overlay ? this.program.overlayByPath : this.program.territoryByPath).get(t.id);
      return { id: t.id, ...(t.label !== undefined ? { label: t.label } : {}), overlay, ...this.where(decl), tests: this.territoryTests[i] };
    });
    const overrides: CoveredItem[] = a.overrides.map((o, i) => {
      const decl = this.program.overrides.find((d) => d.name?.text === o.name);
      return { id: o.name, ...(o.label !== undefined ? { label: o.label } : {}), ...this.where(decl), tests: this.overrideTests[i] };
    });
    const files = this.conditionFiles();
    const conditions: ConditionCoverage[] = a.conditions.map((c, i) => ({
      condition: i, text: c.text, file: files.get(c.file) ?? c.file, line: c.line,
      seenTrue: (this.seen[i] & SEEN_TRUE) !== 0, seenFalse: (this.seen[i] & SEEN_FALSE) !== 0,
    }));
    const reached = (xs: CoveredItem[]) => ({ reached: xs.filter((x) => x.tests.length > 0).length, total: xs.length });
    return {
      territories, overrides, conditions,
      summary: {
        territories: reached(territories),
        overrides: reached(overrides),
        branches: {
          covered: conditions.reduce((n, c) => n + (c.seenTrue ? 1 : 0) + (c.seenFalse ? 1 : 0), 0),
          total: conditions.length * 2,
        },
      },
    };
  }

  private where(decl: TerritoryDecl | { range: { start: number } } | undefined): { file: string; line: number } {
    const file = (decl && this.program.fileOf.get(decl)) ?? this.program.entry;
    const line = decl ? (this.lines(file)?.position(decl.range.start).line ?? 0) + 1 : 0;
    return { file, line };
  }

  /** Territory indexes of the overlays block and everything nested in it. */
  private overlayTree(g: number): number[] {
    const out: number[] = [];
    for (const t of this.artifact.groups[g].territories) {
      out.push(t);
      const c = this.artifact.territories[t].children;
      if (c !== undefined) out.push(...this.overlayTree(c));
    }
    return out;
  }

  /** Artifact conditions name files relative to the entry's folder; map them back to the program's names. */
  private conditionFiles(): Map<string, string> {
    const dir = entryDir(this.program);
    return new Map(this.program.files.map((f) => [relativePath(dir, f.uri), f.uri]));
  }
}
