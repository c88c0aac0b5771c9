// GitHub Actions workflow commands (`::error file=…,line=…::message`): a step that prints them
// gets each diagnostic as an annotation on the changed line of the pull request.
import type { Severity } from "./diagnostic.js";
import type { JsonDiagnostic } from "./render.js";

const COMMAND: Record<Severity, "error" | "warning" | "notice"> = { error: "error", warning: "warning", info: "notice" };

/** One workflow command per diagnostic, each on one line (the message's newlines are escaped). */
export function toGithubAnnotations(diagnostics: readonly JsonDiagnostic[]): string[] {
  return diagnostics.map((d) => {
    const props = [`file=${property(d.file)}`, `line=${d.line}`, `endLine=${d.endLine}`];
    // GitHub takes columns only for a single-line range.
    if (d.line === d.endLine) props.push(`col=${d.column}`, `endColumn=${d.endColumn}`);
    props.push(`title=${property(d.code)}`);
    const text = [d.message, d.help, ...(d.related ?? []).map((r) => `${r.file}:${r.line}:${r.column}: ${r.message}`)]
      .filter((x) => x !== undefined)
      .join("\n");
    return `::${COMMAND[d.severity]} ${props.join(",")}::${data(text)}`;
  });
}

// The escaping GitHub's runner (actions/toolkit `command.ts`) undoes.
function data(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function property(s: string): string {
  return data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
