// When diagnostics are computed and published. After every change: the front end's diagnostics
// after a very short pause (a burst of changes is built once, and a request sent with the edit,
// such as completion as you type, is answered first), then the static analysis' once typing has
// stopped for a while. Each change starts a new generation; work of an older generation is
// dropped, never published, and the analysis yields to the event loop before each ruleset so that
// a pending edit is seen before the expensive part starts.
import type { Diagnostic as CarveDiagnostic } from "@carve/language";
import type { Diagnostic } from "vscode-languageserver";
import { analysisOnly, byFile, entryDiagnostics, toLspDiagnostic, type EntryDiagnostics } from "./features/diagnostics.js";
import type { Workspace } from "./workspace.js";

export interface DiagnosticDelays {
  /**
   * From a change to the front end's diagnostics. 0: no pause, only two turns of the event loop.
   * The connection dispatches one received message per turn (vscode-jsonrpc's queue), so a change
   * that had already arrived is applied first and restarts the wait: a burst is built once.
   */
  frontEndMs: number;
  /** from a change to the static analysis' diagnostics */
  analysisMs: number;
}

// The front end of a 5,000-line ruleset rebuilds in about 20 ms of CPU (the parse is incremental),
// so the pause before it no longer needs to save work, and it counts against the 100 ms within
// which its diagnostics are due. It is not 0: a completion request that comes a few milliseconds
// after its edit would wait for the rebuild (the bench, whose client sends it 2–5 ms later on a
// busy machine, measured up to 45 ms of completion's 50 without a pause and 60 ms with 5 ms).
export const DIAGNOSTIC_DELAYS: DiagnosticDelays = { frontEndMs: 10, analysisMs: 400 };

export type Publish = (file: string, diagnostics: Diagnostic[], version: number | undefined) => void;

/** An analysis finding, with the texts of the files it points into when it was found. */
interface Finding {
  diagnostic: CarveDiagnostic;
  texts: Map<string, string | undefined>;
}

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class DiagnosticsScheduler {
  private generation = 0;
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  /** what was last published per file, to skip identical publishes and to clear what is gone */
  private readonly published = new Map<string, string>();
  private findings: Finding[] = [];

  constructor(
    private readonly ws: Workspace,
    private readonly publish: Publish,
    private readonly delays: DiagnosticDelays = DIAGNOSTIC_DELAYS,
    private readonly log: (message: string) => void = (m) => console.error(m),
  ) {}

  /** Call after every change of the documents or of the files on disk. */
  changed(): void {
    const generation = ++this.generation;
    this.cancelTimer();
    const start = () => this.frontEnd(generation);
    if (this.delays.frontEndMs > 0) this.timer = setTimeout(start, this.delays.frontEndMs);
    else this.immediate = setImmediate(() => (this.immediate = setImmediate(start)));
  }

  /** Stops pending work (the server is shutting down). */
  dispose(): void {
    this.generation++;
    this.cancelTimer();
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
  }

  private frontEnd(generation: number): void {
    this.timer = undefined;
    this.immediate = undefined;
    if (generation !== this.generation) return;
    try {
      const merged = byFile(this.ws.openEntries().map((e) => entryDiagnostics(this.ws, e, "frontEnd")));
      // The last analysis' findings stay while the files they point into are unchanged; findings
      // in an edited file would sit at stale positions, so they wait for the next analysis.
      for (const f of this.findings) {
        const list = merged.get(f.diagnostic.file);
        if (list && [...f.texts].every(([file, text]) => this.ws.readFile(file) === text)) list.push(f.diagnostic);
      }
      this.send(merged);
    } catch (e) {
      this.log(`carve: diagnostics failed: ${(e as Error)?.stack ?? String(e)}`);
    }
    const wait = Math.max(0, this.delays.analysisMs - this.delays.frontEndMs);
    this.timer = setTimeout(() => void this.analysis(generation), wait);
  }

  private async analysis(generation: number): Promise<void> {
    this.timer = undefined;
    try {
      const results: EntryDiagnostics[] = [];
      const findings: Finding[] = [];
      for (const entry of this.ws.openEntries()) {
        await nextTurn();
        if (generation !== this.generation) return;
        results.push(entryDiagnostics(this.ws, entry, "analysis"));
        for (const d of analysisOnly(this.ws, entry)) findings.push({ diagnostic: d, texts: this.textsOf(d) });
      }
      // An edit that arrived while the last ruleset was analysed makes these results stale.
      await nextTurn();
      if (generation !== this.generation) return;
      this.findings = findings;
      this.send(byFile(results));
    } catch (e) {
      this.log(`carve: the static analysis failed: ${(e as Error)?.stack ?? String(e)}`);
    }
  }

  private textsOf(d: CarveDiagnostic): Map<string, string | undefined> {
    const files = [d.file, ...(d.related ?? []).map((r) => r.file)];
    return new Map(files.map((f) => [f, this.ws.readFile(f)]));
  }

  private send(merged: Map<string, CarveDiagnostic[]>): void {
    for (const file of [...this.published.keys()]) {
      if (merged.has(file)) continue;
      this.published.delete(file);
      this.publish(file, [], this.ws.version(file));
    }
    const textOf = (f: string) => this.ws.readFile(f) ?? "";
    for (const [file, ds] of merged) {
      const lsp = ds.map((d) => toLspDiagnostic(d, textOf));
      const version = this.ws.version(file);
      // An edited document gets every version's diagnostics; an unchanged file only what changed.
      const key = `${version}\u0000${JSON.stringify(lsp)}`;
      if (this.published.get(file) === key) continue;
      this.published.set(file, key);
      this.publish(file, lsp, version);
    }
  }
}
