// Reading emitted SQL back the way each dialect's lexer does, for the dialects that cannot run
// here (Snowflake, BigQuery) and for hostile text in all four: string literals decoded with the
// dialect's escapes, quoted identifiers skipped, comments to the end of the line, and the
// parentheses outside all of them counted.
import type { SqlDialect } from "@carve/compiler";

export interface Lexed {
  /** every string literal, decoded */
  strings: string[];
  /** every quoted identifier, decoded */
  identifiers: string[];
  /** the text outside literals, identifiers and comments */
  code: string;
  /** problems: an unclosed literal or identifier, unbalanced parentheses */
  problems: string[];
}

const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", "\\": "\\", "'": "'", '"': '"', "`": "`" };

export function lex(sql: string, dialect: SqlDialect): Lexed {
  const backslashEscapes = dialect === "snowflake" || dialect === "bigquery";
  const identQuote = dialect === "bigquery" ? "`" : '"';
  const out: Lexed = { strings: [], identifiers: [], code: "", problems: [] };
  let depth = 0;
  let i = 0;
  // BigQuery alone has no doubled-quote escape ('' is two literals there).
  const doubling = dialect !== "bigquery";
  const quoted = (close: string, backslash: boolean): string | undefined => {
    let text = "";
    for (i++; i < sql.length; i++) {
      const c = sql[i];
      if (backslash && c === "\\") {
        const e = sql[++i];
        if (e === "u") {
          text += String.fromCharCode(parseInt(sql.slice(i + 1, i + 5), 16));
          i += 4;
        } else text += ESCAPES[e] ?? e;
      } else if (c === close) {
        if (doubling && sql[i + 1] === close) {
          text += close;
          i++;
        } else {
          i++;
          return text;
        }
      } else text += c;
    }
    return undefined;
  };
  while (i < sql.length) {
    const c = sql[i];
    if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      i = end < 0 ? sql.length : end + 1;
    } else if (c === "'") {
      const s = quoted("'", backslashEscapes);
      if (s === undefined) out.problems.push("an unclosed string literal");
      else out.strings.push(s);
    } else if (c === identQuote) {
      const s = quoted(identQuote, dialect === "bigquery");
      if (s === undefined) out.problems.push("an unclosed quoted identifier");
      else out.identifiers.push(s);
    } else {
      if (c === "(") depth++;
      if (c === ")" && --depth < 0) out.problems.push(`a ")" without "(" at ${i}`);
      out.code += c;
      i++;
    }
  }
  if (depth !== 0) out.problems.push(`${depth} unclosed "("`);
  return out;
}
