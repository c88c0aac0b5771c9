// Parser error messages, rustc/Elm style: "expected `{` after the territory name, found `when`".
// Chevrotain asks for a message string at the moment it detects an error; the context ("after the
// territory name") comes from the tokens around the error, so the provider sees the token vector.
import { EOF, tokenLabel, tokenMatcher, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";
import * as T from "./tokens.js";

/** Declaration keywords whose following name/label we can describe ("the rep name"). */
const NOUNS = new Map<TokenType, string>([
  [T.Ruleset, "ruleset"], [T.Record, "record"], [T.Rep, "rep"], [T.Queue, "queue"], [T.Team, "team"],
  [T.Set, "set"], [T.Segment, "segment"], [T.Override, "override"], [T.Territory, "territory"],
]);

let currentTokens: IToken[] = [];
/** Called by parse() before each parse so messages can look at the tokens around an error. */
export function setMessageTokens(tokens: IToken[]): void {
  currentTokens = tokens;
}

const isReal = (t: IToken | undefined): t is IToken =>
  t !== undefined && t.tokenType !== EOF && !t.isInsertedInRecovery && Number.isFinite(t.startOffset);

function indexOf(tok: IToken): number {
  let lo = 0;
  let hi = currentTokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = currentTokens[mid].startOffset;
    if (s === tok.startOffset) return mid;
    if (s < tok.startOffset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** A token as the user wrote it, for "found …". */
export function describeToken(tok: IToken | undefined): string {
  if (!isReal(tok)) return "the end of the file";
  const img = tok.image.length > 30 ? `${tok.image.slice(0, 27)}…` : tok.image;
  return `\`${img}\``;
}

const isNameLike = (t: IToken) => tokenMatcher(t, T.Identifier) || tokenMatcher(t, T.Keyword);

/** "after the territory name", "after `when`", or "" at the start of the file. */
function after(prev: IToken | undefined): string {
  if (!isReal(prev)) return "";
  const i = indexOf(prev);
  const before = i > 0 ? currentTokens[i - 1] : undefined;
  if (before !== undefined) {
    if (tokenMatcher(prev, T.StringLit)) {
      if (tokenMatcher(before, T.Test)) return " after the test name";
      const decl = i > 1 ? NOUNS.get(currentTokens[i - 2].tokenType) : undefined;
      if (decl !== undefined && isNameLike(before)) return ` after the ${decl} label`;
    } else if (isNameLike(prev)) {
      const decl = NOUNS.get(before.tokenType);
      if (decl !== undefined) return ` after the ${decl} name`;
    }
  }
  return ` after ${describeToken(prev)}`;
}

function labelOf(t: TokenType): string {
  if (t === EOF) return "the end of the file";
  return tokenLabel(t);
}

/** "`a`", "`a` or `b`", "`a`, `b` or `c`". */
export function oneOf(items: string[]): string {
  const uniq = [...new Set(items)];
  if (uniq.length <= 1) return uniq[0] ?? "something else";
  return `${uniq.slice(0, -1).join(", ")} or ${uniq[uniq.length - 1]}`;
}

/** What each block may hold, for errors met where the block's `}` was expected. */
const BLOCK_CONTENT = new Map<string, string>([
  ["recordDecl", "a field (`name: type`) or `}`"],
  ["repDecl", "`email`, `capacity`, `away`, `from`, `until` or `}`"],
  ["teamDecl", "`members`, `strategy`, `overflow` or `}`"],
  ["overrideDecl", "`when`, `assign`, `from`, `until` or `}`"],
  ["territoryDecl", "`when`, `assign`, `from`, `until`, `territories` or `}`"],
  ["territoriesBlock", "`territory`, `otherwise` or `}`"],
  ["overlaysBlock", "`territory` or `}`"],
  ["testDecl", "`as of`, `given`, `expect` or `}`"],
]);

/** Comma-separated constructs: a name where the closer was expected is most likely a missing `,`. */
const SEPARATED = new Map<string, string>([
  ["givenBlock RBrace", "`,` or `}`"],
  ["list RBracket", "`,` or `]`"],
  ["fieldType RParen", "`,` or `)`"],
]);

/** The token before `actual` in the source (Chevrotain's own "previous" is off after a resync). */
function previousOf(actual: IToken, fallback: IToken | undefined): IToken | undefined {
  if (!isReal(actual)) return fallback;
  const i = indexOf(actual);
  return i > 0 ? currentTokens[i - 1] : i === 0 ? undefined : fallback;
}

function expectedMessage(what: string, actual: IToken, previousHint: IToken | undefined): string {
  const previous = previousOf(actual, previousHint);
  let found = describeToken(actual);
  if (isReal(actual) && tokenMatcher(actual, T.Keyword) && what === tokenLabel(T.Identifier)) {
    found = `the keyword ${found}`;
  }
  return `expected ${what}${after(previous)}, found ${found}`;
}

export const messageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous, ruleName }) {
    if (expected === EOF) return topLevelMessage(actual);
    const sep = SEPARATED.get(`${ruleName} ${expected.name}`);
    if (sep !== undefined && isReal(actual) && actual.tokenType === T.Identifier) {
      return expectedMessage(sep, actual, previous);
    }
    if (expected === T.RBrace && !isReal(actual)) return "expected `}` to close the block, found the end of the file";
    // Inside a block, anything unexpected is met where `}` is expected: list what the block takes.
    const content = BLOCK_CONTENT.get(ruleName);
    if (expected === T.RBrace && content !== undefined && isReal(actual)) {
      return expectedMessage(content, actual, previous);
    }
    return expectedMessage(labelOf(expected), actual, previous);
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return topLevelMessage(firstRedundant);
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, customUserDescription }) {
    const what =
      customUserDescription ?? oneOf(expectedPathsPerAlt.flatMap((alt) => alt.map((path) => labelOf(path[0]))));
    return expectedMessage(what, actual[0], previous);
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, previous, customUserDescription }) {
    const what = customUserDescription ?? oneOf(expectedIterationPaths.map((path) => labelOf(path[0])));
    return expectedMessage(what, actual[0], previous);
  },
};

/** Something that cannot start a declaration at the top level of a file. */
function topLevelMessage(actual: IToken): string {
  if (isReal(actual) && tokenMatcher(actual, T.Territory)) {
    return "a `territory` must be inside a `territories` or `overlays` block";
  }
  return `expected a declaration (\`rep\`, \`team\`, \`territories\`, \`test\`, …), found ${describeToken(actual)}`;
}
