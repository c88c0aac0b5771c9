// Chevrotain recognition errors → CARVE004 diagnostics with exact ranges and a help line.
import { EOF, tokenMatcher, type IRecognitionException, type IToken } from "chevrotain";
import { LineIndex, type Range } from "../ast/source.js";
import { Codes, makeDiagnostic, type DiagnosticExtras } from "../diagnostics/catalogue.js";
import { suggest } from "../diagnostics/suggest.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { isRealToken, tokRange } from "./cst.js";
import * as T from "./tokens.js";

type RecognitionError = IRecognitionException & { previousToken?: IToken };

export function syntaxDiagnostics(uri: string, text: string, tokens: IToken[], errors: RecognitionError[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<number>();
  for (const e of errors) {
    const range = errorRange(text, e);
    // Recovery can report the same spot twice (e.g. a failed repetition, then the rule after it).
    if (seen.has(range.start)) continue;
    seen.add(range.start);
    out.push(makeDiagnostic(Codes.UnexpectedToken, uri, range, e.message, extrasFor(uri, text, tokens, e)));
  }
  return out;
}

/** The offending token; at the end of the file, the end of the last real token. */
function errorRange(text: string, e: RecognitionError): Range {
  const t = e.token;
  if (isRealToken(t) && t.tokenType !== EOF) return tokRange(t);
  const p = e.previousToken;
  if (isRealToken(p) && p.tokenType !== EOF) {
    const end = tokRange(p).end;
    return { start: end, end };
  }
  return { start: text.length, end: text.length };
}

const TYPE_LIST = "`string`, `int`, `number`, `money`, `bool`, `date`, `country`, `region`, `postal`, `domain`, `rep` or `enum(a, b, …)`";
const WORDS = [...T.KEYWORDS, ...T.CONTEXTUAL_KEYWORDS];

/** Clause words met at the top level: usually a block whose braces were forgotten. */
const REP = "a rep's braces, e.g. `rep alice { email \"alice@acme.com\" }`";
const TEAM = "a team's braces, e.g. `team west { members alice, bob }`";
const RULE = "the braces of a `territory` or an `override`";
const BLOCK_WORDS = new Map<string, string>([
  ["email", REP], ["capacity", REP], ["away", REP],
  ["members", TEAM], ["strategy", TEAM], ["overflow", TEAM],
  ["when", RULE], ["assign", RULE], ["from", RULE], ["until", RULE],
  ["otherwise", "a `territories` block, after its territories"],
  ["given", "a `test` block"], ["expect", "a `test` block"],
]);

function extrasFor(uri: string, text: string, tokens: IToken[], e: RecognitionError): DiagnosticExtras {
  const t = e.token;
  const msg = e.message;
  if (!isRealToken(t) || t.tokenType === EOF) return atEndOfFile(uri, text, tokens);
  if (msg.includes("found the keyword")) {
    return { help: `\`${t.image}\` is a keyword and cannot be used as a name; rename it, e.g. \`${t.image}_1\`` };
  }
  if (msg.startsWith("expected a field type")) return { help: `field types are ${TYPE_LIST}` };
  if (msg.startsWith("a `territory` must be inside")) {
    return { help: "put it inside `territories first { … }` (or `overlays { … }`), or check for an extra `}` above" };
  }
  if (tokenMatcher(t, T.Equals)) {
    return { help: "to compare, write `==`; a single `=` only follows the name in `set` and `segment`" };
  }
  if (t.tokenType === T.Identifier) {
    // A misspelt keyword (`asign`, `terittories`) is the usual reason for a stray name.
    const close = suggest(t.image, WORDS, 1)[0];
    if (close) {
      return {
        help: `did you mean \`${close}\`?`,
        fixes: [{ label: `change to \`${close}\``, file: uri, range: tokRange(t), newText: close }],
      };
    }
  }
  const home = msg.startsWith("expected a declaration") ? BLOCK_WORDS.get(t.image) : undefined;
  if (home !== undefined) return { help: `\`${t.image}\` goes inside ${home}` };
  if (msg.startsWith("expected a declaration") && tokenMatcher(t, T.RBrace)) {
    return { help: "this `}` closes nothing: remove it, or check for a missing `{` above" };
  }
  if (msg.startsWith("expected a declaration")) {
    return { help: "a file holds declarations: `ruleset`, `import`, `record`, `rep`, `queue`, `team`, `set`, `segment`, `override`, `territories`, `overlays` and `test`" };
  }
  return {};
}

/** At the end of the file the usual culprit is an unclosed `{`: point at it. */
function atEndOfFile(uri: string, text: string, tokens: IToken[]): DiagnosticExtras {
  const open: IToken[] = [];
  for (const t of tokens) {
    if (t.tokenType === T.LBrace) open.push(t);
    else if (t.tokenType === T.RBrace) open.pop();
  }
  const unclosed = open[open.length - 1];
  if (!unclosed) return { help: "the file ends too early: complete the declaration or remove it" };
  const line = new LineIndex(text).position(unclosed.startOffset).line + 1;
  return {
    help: `add \`}\` to close the block opened on line ${line}`,
    related: [{ file: uri, range: tokRange(unclosed), message: "this `{` is never closed" }],
  };
}
