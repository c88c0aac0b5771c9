// JSON typed by people (`--record`, NDJSON lines): when it does not parse, say where, as line and
// column, and what was wrong, without echoing the whole text back.

export interface JsonProblem {
  /** "expected a property name or `}`" style text, without position */
  message: string;
  /** 1-based, when known */
  line?: number;
  column?: number;
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; problem: JsonProblem };

export function parseJson(text: string): JsonParse {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(t) };
  } catch (e) {
    return { ok: false, problem: describe(t, e instanceof Error ? e.message : String(e)) };
  }
}

/** "expected ',' or '}' after property value at line 1, column 10" */
export function problemText(p: JsonProblem): string {
  return p.line === undefined ? p.message : `${p.message} at line ${p.line}, column ${p.column}`;
}

function describe(text: string, raw: string): JsonProblem {
  if (text.trim() === "") return { message: "there is no JSON: the text is empty" };
  // V8 words it "… in JSON at position N", or "Unexpected token 'x', "<text>" is not valid JSON".
  const message = raw
    .replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, "")
    .replace(/ (in JSON )?at position \d+.*$/s, "")
    .replace(/^Unexpected end of JSON input$/, "the JSON ends too early (a missing `}`, `]` or `\"`?)")
    .replace(/^./, (c) => c.toLowerCase());
  const m = /at position (\d+)/.exec(raw);
  const at = m ? Number(m[1]) : firstBadOffset(text);
  if (at === undefined) return { message };
  let line = 1;
  let start = 0;
  for (let i = 0; i < at && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { message, line, column: at - start + 1 };
}

/** Where a prefix of the text stops being "valid so far": the offending character. */
function firstBadOffset(text: string): number | undefined {
  if (text.length > 100_000) return undefined;
  const bad = (n: number) => {
    try {
      JSON.parse(text.slice(0, n));
      return false;
    } catch (e) {
      // A prefix that merely stops early is not wrong yet: V8 says "end of JSON input", or names
      // the position right at the end of the prefix.
      const m = String((e as Error).message);
      if (/end of JSON input|Unterminated string/i.test(m)) return false;
      const at = /at position (\d+)/.exec(m);
      return !at || Number(at[1]) < n;
    }
  };
  if (!bad(text.length)) return undefined;
  let lo = 0;
  let hi = text.length; // bad(hi) holds
  while (lo + 1 < hi) {
    const mid = (lo + hi) >> 1;
    if (bad(mid)) hi = mid;
    else lo = mid;
  }
  return hi - 1;
}
