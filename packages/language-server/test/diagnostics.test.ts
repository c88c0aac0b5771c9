// Diagnostics: the front end's as LSP diagnostics with ranges, severities and codes; the analysis'
// with their witness and related locations; and the scheduler that publishes the first as you
// type and the second once typing stops, never publishing stale results and clearing what is gone.
import { afterEach, describe, expect, it, vi } from "vitest";
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from "vscode-languageserver";
import { collectDiagnostics, DiagnosticsScheduler, Workspace, type Compiled } from "../src/index.js";
import {
  ACME, ACME_URI, MemoryDisk, ROSTER, acmeText, acmeWorkspace, positionOf, rangeOf, rosterText, textAt,
} from "./helpers.js";

const codes = (ds: Diagnostic[] | undefined) => (ds ?? []).map((d) => String(d.code)).sort();
const NO_OTHERWISE = acmeText.replace("  otherwise triage  # every record gets an owner\n", "");
/** `westx` overlaps `west` in the `unique` group. */
const OVERLAP = acmeText.replace("territories unique {\n", 'territories unique {\n      territory westx "X" { when country == US and region == US-CA  assign alice }\n');

describe("diagnostics", () => {
  it("reports front-end problems with their code, severity, range and the fix in the message", () => {
    const text = acmeText.replace("assign dana", "assign danna");
    const ds = collectDiagnostics(acmeWorkspace(text), "frontEnd").get(ACME)!;
    const d = ds.find((x) => x.code === "CARVE025")!;
    expect(d).toMatchObject({ severity: DiagnosticSeverity.Error, source: "carve", range: rangeOf(text, "danna") });
    expect(d.message).toContain("unknown rep, team or queue `danna`");
    expect(d.message).toContain("help: did you mean `dana`?");
  });

  it("reports every syntax error of a file, with recovery", () => {
    const text = acmeText.replace("when country == US and industry == healthcare", "when country == and industry == ").replace("assign east_ae", "assign east_ae }}");
    const ds = collectDiagnostics(acmeWorkspace(text), "frontEnd").get(ACME)!;
    expect(ds.length).toBeGreaterThanOrEqual(2);
    expect(ds.every((d) => d.severity === DiagnosticSeverity.Error && /^CARVE0\d\d$/.test(String(d.code)))).toBe(true);
    expect(ds[0].range.start.line).toBe(positionOf(text, "when country == and").line);
  });

  it("keeps the analysis out of the front-end phase", () => {
    const ws = acmeWorkspace();
    expect(codes(collectDiagnostics(ws, "frontEnd").get(ACME))).toEqual([]);
    expect(codes(collectDiagnostics(ws, "analysis").get(ACME))).toEqual(["CARVE074", "CARVE079"]);
    // The imported file belongs to the program: it is listed, so a client clears what it showed.
    expect(collectDiagnostics(ws, "frontEnd").get(ROSTER)).toEqual([]);
  });

  it("reports an overlap with its witness and the other territory as related information", () => {
    const ds = collectDiagnostics(acmeWorkspace(OVERLAP), "analysis").get(ACME)!;
    const overlap = ds.find((d) => d.code === "CARVE070")!;
    expect(overlap.severity).toBe(DiagnosticSeverity.Error);
    expect(overlap.range).toEqual(rangeOf(OVERLAP, "west", 2)); // `territory west "West"`
    expect(textAt(OVERLAP, overlap.range)).toBe("west");
    expect(overlap.message).toMatch(/`westx` and `west` both match e\.g\. \{.*country: US.*region: US-CA.*\}/);
    expect(overlap.relatedInformation).toEqual([
      { location: { uri: ACME_URI, range: rangeOf(OVERLAP, "westx") }, message: "`westx` is declared here" },
    ]);
    expect((overlap.data as { witness: Record<string, unknown> }).witness).toMatchObject({ country: "US", region: "US-CA" });
  });

  it("reports a gap as an error and a shadowed territory as a faded warning naming the one that takes it", () => {
    const gap = collectDiagnostics(acmeWorkspace(NO_OTHERWISE), "analysis").get(ACME)!.find((d) => d.code === "CARVE073")!;
    expect(gap.severity).toBe(DiagnosticSeverity.Error);
    expect(textAt(NO_OTHERWISE, gap.range)).toBe("territories first");
    expect(gap.message).toMatch(/records like \{.*\} match no territory/);

    const shadowed = acmeText.replace('territory west_smb "West Commercial" { assign west_commercial }', 'territory west_smb "West Commercial" { assign west_commercial }\n          territory west_late { when enterprise  assign alice }');
    const d = collectDiagnostics(acmeWorkspace(shadowed), "analysis").get(ACME)!.find((x) => x.code === "CARVE071")!;
    expect(d).toMatchObject({ severity: DiagnosticSeverity.Warning, tags: [DiagnosticTag.Unnecessary], range: rangeOf(shadowed, "west_late") });
    expect(d.message).toMatch(/`west_late` can never match: every record it matches is taken by `west_ent`/);
    expect(d.relatedInformation).toContainEqual({ location: { uri: ACME_URI, range: rangeOf(shadowed, "west_ent") }, message: "`west_ent` takes its records" });
  });

  it("sees an imported file that was missing once it is opened", () => {
    const ws = new Workspace(new MemoryDisk({ [ACME]: acmeText }));
    ws.open(ACME, acmeText, 1);
    expect(codes(collectDiagnostics(ws, "frontEnd").get(ACME))).toContain("CARVE022");
    ws.open(ROSTER, rosterText, 1);
    expect(codes(collectDiagnostics(ws, "frontEnd").get(ACME))).toEqual([]);
  });

  it("points related information into the other file", () => {
    // The entry is read first, so the roster's `rep alice` is the duplicate.
    const text = acmeText.replace("segment mid_market", "queue alice\nsegment mid_market");
    const d = collectDiagnostics(acmeWorkspace(text), "frontEnd").get(ROSTER)!.find((x) => x.code === "CARVE024")!;
    expect(d.range).toEqual(rangeOf(rosterText, "alice"));
    expect(d.relatedInformation).toEqual([
      { location: { uri: ACME_URI, range: rangeOf(text, "alice") }, message: "`alice` is first declared here" },
    ]);
  });
});

describe("the diagnostics scheduler", () => {
  const delays = { frontEndMs: 5, analysisMs: 60 };
  let scheduler: DiagnosticsScheduler | undefined;
  afterEach(() => scheduler?.dispose());

  function harness(ws: Workspace) {
    const log: { file: string; codes: string[]; version: number | undefined }[] = [];
    const errors: string[] = [];
    scheduler = new DiagnosticsScheduler(ws, (file, ds, version) => log.push({ file, codes: codes(ds), version }), delays, (m) => errors.push(m));
    const last = (file: string) => [...log].reverse().find((p) => p.file === file);
    return { s: scheduler, log, errors, last };
  }

  it("publishes the front end's diagnostics first and the analysis' after", async () => {
    const ws = acmeWorkspace();
    const { s, log, errors, last } = harness(ws);
    s.changed();
    await vi.waitFor(() => expect(last(ACME)?.codes).toEqual(["CARVE074", "CARVE079"]), { timeout: 5000 });
    const acme = log.filter((p) => p.file === ACME);
    expect(acme[0]).toEqual({ file: ACME, codes: [], version: 1 });
    expect(log).toContainEqual({ file: ROSTER, codes: [], version: undefined });
    expect(errors).toEqual([]);
  });

  it("publishes an error as you type and clears it when it is fixed", async () => {
    const ws = acmeWorkspace();
    const { s, last } = harness(ws);
    s.changed();
    await vi.waitFor(() => expect(last(ACME)?.codes).toContain("CARVE074"), { timeout: 5000 });
    const at = positionOf(acmeText, "assign dana", "assign da".length);
    ws.change(ACME, [{ range: { start: at, end: at }, text: "n" }], 2);
    s.changed();
    await vi.waitFor(() => expect(last(ACME)).toMatchObject({ version: 2, codes: ["CARVE025"] }), { timeout: 5000 });
    ws.change(ACME, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: "" }], 3);
    s.changed();
    await vi.waitFor(() => expect(last(ACME)).toMatchObject({ version: 3, codes: ["CARVE074", "CARVE079"] }), { timeout: 5000 });
  });

  it("clears every file of a ruleset when its last document closes", async () => {
    const ws = acmeWorkspace(acmeText.replace("assign dana", "assign danna").replace("queue triage", "queue triage\nqueue"), rosterText);
    const { s, last } = harness(ws);
    s.changed();
    await vi.waitFor(() => expect(last(ACME)?.codes).toContain("CARVE025"), { timeout: 5000 });
    ws.close(ACME);
    s.changed();
    await vi.waitFor(() => expect(last(ACME)?.codes).toEqual([]), { timeout: 5000 });
    expect(last(ROSTER)?.codes).toEqual([]);
  });

  it("keeps the findings of unchanged files while another file is edited", async () => {
    const ws = acmeWorkspace(acmeText, rosterText, [ACME, ROSTER]);
    const { s, log, last } = harness(ws);
    s.changed();
    await vi.waitFor(() => expect(last(ACME)?.codes).toContain("CARVE074"), { timeout: 5000 });
    const seen = log.length;
    ws.change(ROSTER, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "# roster\n" }], 2);
    s.changed();
    await vi.waitFor(() => expect(log.slice(seen).some((p) => p.file === ROSTER && p.version === 2)).toBe(true), { timeout: 5000 });
    // acme.carve did not change: its findings never went away.
    expect(log.slice(seen).filter((p) => p.file === ACME).every((p) => p.codes.includes("CARVE074"))).toBe(true);
  });

  it("never publishes the analysis of a text an edit has replaced", async () => {
    // The first analysis sees a gap; while it runs, an edit restores the `otherwise`.
    let edited = false;
    const ws = new (class extends Workspace {
      override compile(entry: string): Compiled {
        const result = super.compile(entry);
        if (!edited) {
          edited = true;
          this.change(ACME, [{ text: acmeText }], 2);
          scheduler!.changed();
        }
        return result;
      }
    })(new MemoryDisk({ [ACME]: NO_OTHERWISE, [ROSTER]: rosterText }));
    ws.open(ACME, NO_OTHERWISE, 1);
    const { s, log, last } = harness(ws);
    s.changed();
    await vi.waitFor(() => expect(last(ACME)).toMatchObject({ version: 2, codes: ["CARVE074", "CARVE079"] }), { timeout: 5000 });
    expect(edited).toBe(true);
    expect(log.some((p) => p.codes.includes("CARVE073"))).toBe(false);
  });

  it("does not start the analysis while edits keep coming", async () => {
    const ws = acmeWorkspace();
    const compiledAt: (number | undefined)[] = [];
    const compile = ws.compile.bind(ws);
    ws.compile = (entry) => {
      compiledAt.push(ws.version(ACME));
      return compile(entry);
    };
    const { s, last } = harness(ws);
    s.changed();
    for (let v = 2; v <= 6; v++) {
      await new Promise((r) => setTimeout(r, 20));
      ws.change(ACME, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: " " }], v);
      s.changed();
    }
    expect(compiledAt).toEqual([]);
    await vi.waitFor(() => expect(last(ACME)).toMatchObject({ version: 6, codes: ["CARVE074", "CARVE079"] }), { timeout: 5000 });
    // Analysed once the edits stopped, and only the last text.
    expect(compiledAt.length).toBeGreaterThan(0);
    expect(compiledAt.every((v) => v === 6)).toBe(true);
  });
});
