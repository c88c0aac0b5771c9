// Plain text for what the server's commands return, and the record the user types. No `vscode`
// import: the client shows these strings, the tests check them directly. The server owns the
// shapes, so each reader accepts what it recognises and prints anything else as JSON.

/** A JSON object typed into "Carve: Explain record…", or why it is not one. */
export function parseRecord(text: string): { record: Record<string, unknown> } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: `Not JSON: ${(e as Error).message}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { error: 'A record is a JSON object, e.g. {"country": "US", "employees": 50}' };
  }
  return { record: value as Record<string, unknown> };
}

/** A command's result as text: strings as they are, `{ text }` by its text, the rest as JSON. */
export function describe(value: unknown): string {
  if (typeof value === "string") return value;
  if (isObject(value) && typeof value.text === "string") return value.text;
  return JSON.stringify(value, null, 2) ?? String(value);
}

interface Expectation {
  expected: string;
  actual: string;
  passed: boolean;
  line?: number;
}
interface TestOutcome {
  name: string;
  passed: boolean;
  expectations?: Expectation[];
}

/** Test results as one line per test and one per failed expectation, ending with the counts. */
export function describeTests(value: unknown): string {
  const tests = testOutcomes(value);
  if (!tests) return describe(value);
  if (tests.length === 0) return "No tests.";
  const lines: string[] = [];
  for (const t of tests) {
    lines.push(`${t.passed ? "PASS" : "FAIL"} ${t.name}`);
    for (const e of t.expectations ?? []) {
      if (!e.passed) lines.push(`  expected ${e.expected}, got ${e.actual}${e.line ? ` (line ${e.line})` : ""}`);
    }
  }
  const failed = tests.filter((t) => !t.passed).length;
  lines.push(`${tests.length - failed} passed, ${failed} failed`);
  return lines.join("\n");
}

/** A test result, a list of them, or a report holding them in `results` or `tests`. */
function testOutcomes(value: unknown): TestOutcome[] | undefined {
  const list = Array.isArray(value) ? value : isObject(value) ? (value.results ?? value.tests ?? [value]) : undefined;
  if (!Array.isArray(list) || !list.every(isTestOutcome)) return undefined;
  return list;
}

function isTestOutcome(v: unknown): v is TestOutcome {
  return isObject(v) && typeof v.name === "string" && typeof v.passed === "boolean";
}

/** The message of a failed request (a ResponseError or anything thrown). */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (isObject(e) && typeof e.message === "string") return e.message;
  return String(e);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}
