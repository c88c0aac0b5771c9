// Why an artifact was refused. Loading is the only place the runtime throws: a service finds out
// at start-up, with the reason and the place, never in the middle of a stream of records.

export type ArtifactErrorCode =
  /** the text is not JSON (or is truncated) */
  | "json"
  /** not a Carve artifact, or another format version */
  | "format"
  /** the content does not match its `hash` */
  | "hash"
  /** a member has the wrong shape */
  | "schema"
  /** a member refers to something that does not exist, or contradicts another member */
  | "reference";

export class ArtifactError extends Error {
  override readonly name = "ArtifactError";
  readonly code: ArtifactErrorCode;
  /** where in the artifact, e.g. `territories[3].when[0].atoms[1].atom.op` */
  readonly path?: string;

  constructor(code: ArtifactErrorCode, message: string, path?: string) {
    super(message);
    this.code = code;
    if (path !== undefined) this.path = path;
  }
}

/** The message of anything thrown, without risking a second throw. */
export function thrownMessage(e: unknown): string {
  try {
    return e instanceof Error ? String(e.message) : String(e);
  } catch {
    return "an unprintable error";
  }
}

/** `["territories", 3, "when"]` → `territories[3].when`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out === "" ? "(the artifact itself)" : out;
}
