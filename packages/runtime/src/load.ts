// loadArtifact: JSON text (or a parsed object) to a Runtime, refusing anything that is not a
// well-formed artifact of the format this runtime reads, with the reason and the place.
import { ARTIFACT_FORMAT, type Artifact } from "./artifact-types.js";
import { checkArtifact } from "./check-artifact.js";
import { ArtifactError, formatPath } from "./errors.js";
import { artifactHash } from "./hash.js";
import { Runtime, type RuntimeOptions } from "./runtime.js";
import { artifactSchema } from "./schema.js";

/** Validates an artifact and builds its indexes. Throws ArtifactError; evaluation never throws. */
export function loadArtifact(json: string | unknown, options?: RuntimeOptions): Runtime {
  return new Runtime(validateArtifact(json), options);
}

/** The checks of loadArtifact without building a runtime: the artifact, typed, or an ArtifactError. */
export function validateArtifact(json: string | unknown): Artifact {
  const value = typeof json === "string" ? parse(json) : json;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ArtifactError("format", `this is not a Carve artifact: expected a JSON object with \`"format": "${ARTIFACT_FORMAT}"\``);
  }
  const format = (value as { format?: unknown }).format;
  if (format !== ARTIFACT_FORMAT) {
    if (typeof format === "string" && /^carve\/\d+$/.test(format)) {
      throw new ArtifactError("format", `this artifact is format ${format} but this runtime reads ${ARTIFACT_FORMAT}; upgrade @carve/runtime or recompile`, "format");
    }
    throw new ArtifactError("format", `this is not a Carve artifact: \`format\` is ${format === undefined ? "missing" : JSON.stringify(format)}, expected "${ARTIFACT_FORMAT}"`, "format");
  }
  const hash = (value as { hash?: unknown }).hash;
  if (typeof hash !== "string") throw new ArtifactError("schema", "the artifact has no `hash`: it was not written by `carve compile`; recompile it", "hash");
  let actual: string;
  try {
    actual = artifactHash(value as Record<string, unknown>);
  } catch (e) {
    throw new ArtifactError("schema", `the artifact holds a value JSON cannot: ${(e as Error).message}`);
  }
  if (actual !== hash) {
    throw new ArtifactError("hash", "artifact hash mismatch: the file was modified after compilation or is truncated; recompile it", "hash");
  }
  const parsed = artifactSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = formatPath(issue.path);
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : "";
    throw new ArtifactError("schema", `invalid artifact at ${path}: ${issueText(issue)}${more}; recompile it with a matching \`carve\``, path);
  }
  const artifact = parsed.data as Artifact;
  checkArtifact(artifact);
  return artifact;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const truncated = /end of (JSON )?input|Unterminated/i.test(why) || text.trim().length === 0;
    throw new ArtifactError(
      "json",
      truncated
        ? `the artifact is truncated (${why}): copy the whole file or recompile it`
        : `the artifact is not valid JSON (${why}); recompile it`,
    );
  }
}

function issueText(issue: { code: string; message: string; keys?: readonly PropertyKey[] }): string {
  if (issue.code === "unrecognized_keys" && issue.keys) {
    return `unknown member${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `\`${String(k)}\``).join(", ")}`;
  }
  return issue.message.replace(/^Invalid input: /, "").replace(/^Invalid option: /, "");
}
