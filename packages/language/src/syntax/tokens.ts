// Token types of the Carve lexer (SPEC 2.1). Order matters: Chevrotain tries patterns in order and
// takes the first match, so longer operators come before their prefixes and literals whose shape
// starts like a number or a name (dates, subdivision codes) come before numbers and identifiers.
import { createToken, Lexer, type ILexerConfig, type ILexingResult, type TokenType } from "chevrotain";

/**
 * Category of the tokens that can be a value (strings, numbers, dates, codes, booleans, names):
 * a value is one CONSUME rather than a sub-rule, which keeps the CST small (parse speed).
 */
export const Scalar = createToken({ name: "Scalar", pattern: Lexer.NA, label: "a value" });
/** Every name-like token (identifiers and contextual keywords) has this category. */
export const Identifier = createToken({ name: "Identifier", pattern: /[A-Za-z_][A-Za-z0-9_]*/, label: "a name", categories: [Scalar] });
/** Category of the reserved words; they can never be names. */
export const Keyword = createToken({ name: "Keyword", pattern: Lexer.NA, label: "a keyword" });
/** Category of the words allowed after `:` in a record field (`rep` is a reserved word, the rest are contextual). */
export const TypeName = createToken({ name: "TypeName", pattern: Lexer.NA, label: "a field type" });
/** Category of `== != < <= > >=`. */
export const CompareOp = createToken({ name: "CompareOp", pattern: Lexer.NA, label: "a comparison operator" });

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /\s+/, group: Lexer.SKIPPED, line_breaks: true });
export const Comment = createToken({ name: "Comment", pattern: /#[^\n\r]*/, group: "comments" });

// A string runs to its closing quote or to the end of the line: an unterminated string is still one
// token (reported by the lexer pass) so that parsing continues on the next line.
export const StringLit = createToken({ name: "StringLit", pattern: /"(?:[^"\\\r\n]|\\[^\r\n]?)*"?/, label: "a string", categories: [Scalar] });
// Shapes only: `2027-1-5` is a (bad) date for the checker to report, not a lexical error.
export const DateLit = createToken({ name: "DateLit", pattern: /\d+-\d+-\d+/, label: "a date", categories: [Scalar] });
// Digits, letters and `_` are taken together so that `12ab` or `1__0` is one malformed number
// (CARVE006) rather than a number followed by a surprising name. `200..999` still lexes as
// number, `..`, number because a fraction needs a digit right after the dot.
export const NumberLit = createToken({ name: "NumberLit", pattern: /\d\w*(?:\.\d\w*)?/, label: "a number", categories: [Scalar] });
// `US-CA`, `GB-ENG`, `FR-75`; a wider shape than ISO's so the checker can say "did you mean".
export const CodeLit = createToken({ name: "CodeLit", pattern: /[A-Za-z]{2}-[A-Za-z0-9]+/, label: "a region code", categories: [Scalar] });

function punct(name: string, text: string, categories: TokenType[] = []): TokenType {
  const pattern = new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return createToken({ name, pattern, label: `\`${text}\``, categories });
}

export const EqEq = punct("EqEq", "==", [CompareOp]);
export const NotEq = punct("NotEq", "!=", [CompareOp]);
export const LtEq = punct("LtEq", "<=", [CompareOp]);
export const Lt = punct("Lt", "<", [CompareOp]);
export const GtEq = punct("GtEq", ">=", [CompareOp]);
export const Gt = punct("Gt", ">", [CompareOp]);
export const Equals = punct("Equals", "=");
export const DotDot = punct("DotDot", "..");
export const Dot = punct("Dot", ".");
export const LBrace = punct("LBrace", "{");
export const RBrace = punct("RBrace", "}");
export const LParen = punct("LParen", "(");
export const RParen = punct("RParen", ")");
export const LBracket = punct("LBracket", "[");
export const RBracket = punct("RBracket", "]");
export const Comma = punct("Comma", ",");
export const Colon = punct("Colon", ":");
export const Question = punct("Question", "?");

const wordTokens: TokenType[] = [];

// Words are not lexer patterns: the lexer reads every word as an Identifier and scan() then gives
// a word its own type (see below). The pattern stays for the keyword lists and the diagrams.

/** A reserved word: never a name (SPEC 2.1). */
function keyword(word: string, extra: TokenType[] = []): TokenType {
  const t = createToken({
    name: `Kw_${word}`,
    pattern: new RegExp(word),
    label: `\`${word}\``,
    categories: [Keyword, ...extra],
  });
  wordTokens.push(t);
  return t;
}
/** A contextual keyword: a keyword only where the grammar expects it, a name everywhere else. */
function contextual(word: string, extra: TokenType[] = []): TokenType {
  const t = createToken({
    name: `Ctx_${word}`,
    pattern: new RegExp(word),
    label: `\`${word}\``,
    categories: [Identifier, ...extra],
  });
  wordTokens.push(t);
  return t;
}

// Reserved: words that start a declaration or a clause, condition operators, booleans.
export const Ruleset = keyword("ruleset");
export const Import = keyword("import");
export const Record = keyword("record");
export const Rep = keyword("rep", [TypeName]);
export const Queue = keyword("queue");
export const Team = keyword("team");
export const Set = keyword("set");
export const Segment = keyword("segment");
export const Override = keyword("override");
export const Territories = keyword("territories");
export const Territory = keyword("territory");
export const Overlays = keyword("overlays");
export const Test = keyword("test");
export const When = keyword("when");
export const Assign = keyword("assign");
export const From = keyword("from");
export const Until = keyword("until");
export const Otherwise = keyword("otherwise");
export const Given = keyword("given");
export const Expect = keyword("expect");
export const And = keyword("and");
export const Or = keyword("or");
export const Not = keyword("not");
export const In = keyword("in");
export const Is = keyword("is");
export const Starts = keyword("starts");
export const Ends = keyword("ends");
export const With = keyword("with");
export const Contains = keyword("contains");
export const True = keyword("true", [Scalar]);
export const False = keyword("false", [Scalar]);

// Contextual: only meaningful right after another keyword or inside one kind of block, so a rep
// called `owner` or a field called `country` keeps working.
export const First = contextual("first");
export const Unique = contextual("unique");
export const As = contextual("as");
export const Of = contextual("of");
export const Key = contextual("key");
export const Email = contextual("email");
export const Capacity = contextual("capacity");
export const Away = contextual("away");
export const Members = contextual("members");
export const Weight = contextual("weight");
export const Strategy = contextual("strategy");
export const Overflow = contextual("overflow");
export const Hash = contextual("hash");
export const RoundRobin = contextual("round_robin");
export const LeastLoaded = contextual("least_loaded");
export const Owner = contextual("owner");
export const Via = contextual("via");
export const Unassigned = contextual("unassigned");
export const Invalid = contextual("invalid");
export const Overlay = contextual("overlay");
export const Enum = contextual("enum");
export const TypeString = contextual("string", [TypeName]);
export const TypeInt = contextual("int", [TypeName]);
export const TypeNumber = contextual("number", [TypeName]);
export const TypeMoney = contextual("money", [TypeName]);
export const TypeBool = contextual("bool", [TypeName]);
export const TypeDate = contextual("date", [TypeName]);
export const TypeCountry = contextual("country", [TypeName]);
export const TypeRegion = contextual("region", [TypeName]);
export const TypePostal = contextual("postal", [TypeName]);
export const TypeDomain = contextual("domain", [TypeName]);

const isReserved = (t: TokenType) => (t.CATEGORIES ?? []).includes(Keyword);
const wordOf = (t: TokenType) => (t.PATTERN as RegExp).source;

/** Every reserved word (SPEC 2.1): using one as a name is an error (CARVE005). */
export const KEYWORDS: readonly string[] = wordTokens.filter(isReserved).map(wordOf);
/** Words that are keywords only in one position (`first`, `owner`, `string`, …) and names elsewhere. */
export const CONTEXTUAL_KEYWORDS: readonly string[] = wordTokens.filter((t) => !isReserved(t)).map(wordOf);
/** The field type names, in the order of SPEC 2.3. */
export const TYPE_NAMES: readonly string[] = [
  "string", "int", "number", "money", "bool", "date", "country", "region", "postal", "domain", "rep", "enum",
];

const orderedWords = [...wordTokens].sort((a, b) => wordOf(b).length - wordOf(a).length);

/** Every token type: the parser's vocabulary (the lexer's patterns are a subset). */
export const allTokens: TokenType[] = [
  WhiteSpace, Comment, StringLit, DateLit, NumberLit, CodeLit,
  EqEq, NotEq, LtEq, Lt, GtEq, Gt, Equals, DotDot, Dot,
  LBrace, RBrace, LParen, RParen, LBracket, RBracket, Comma, Colon, Question,
  ...orderedWords, Identifier, Keyword, TypeName, CompareOp,
];

// The lexer has no pattern per word. With one (`longer_alt: Identifier`, the usual Chevrotain
// way) every name was tried against each word sharing its first letter before Identifier (a third
// of lexing time), and building the lexer analysed 70 more patterns in every process. Reading the
// longest name and then looking the whole of it up is the same rule: a word is a keyword only
// when nothing longer matches Identifier (`territory_x`, `int_1` stay names).
/** The token types the lexer matches (every type but the words), in the order it tries them. */
export const lexerTokens: TokenType[] = allTokens.filter((t) => !wordTokens.includes(t));

/**
 * The lexer's settings. Chevrotain's checks of the patterns (unreachable or empty patterns and the
 * like) are skipped when every process starts: the patterns are fixed, and a test runs the checks
 * (syntax-lexer.test.ts). `ensureOptimizations` still throws if a pattern ever stops the
 * first-character optimisation.
 */
export const lexerConfig = {
  skipValidations: true,
  ensureOptimizations: true,
  // Offsets only: lines and columns are computed at the edges (LineIndex), and a token's end is
  // its start plus its length (the parser's node locations too, parser-base.ts). "full" made
  // lexing three times slower: a substring and a line-break search per whitespace token, and
  // token objects twice the size, all of them live until the AST is built.
  positionTracking: "onlyOffset",
  // Lexer errors are turned into our own diagnostics (CARVE001) by lexer.ts.
  errorMessageProvider: {
    buildUnexpectedCharactersMessage: () => "unexpected character",
    buildUnableToPopLexerModeMessage: () => "unexpected character",
  },
} satisfies ILexerConfig;

const carveLexer = new Lexer(lexerTokens, lexerConfig);

const WORDS = new Map(wordTokens.map((t) => [wordOf(t), t]));
const IDENTIFIER = Identifier.tokenTypeIdx as number;

/** The raw tokens of a text (skipped whitespace left out, comments in `groups.comments`). */
export function scan(text: string): ILexingResult {
  const result = carveLexer.tokenize(text);
  const tokens = result.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.tokenTypeIdx !== IDENTIFIER) continue;
    const word = WORDS.get(t.image);
    if (word !== undefined) {
      t.tokenType = word;
      t.tokenTypeIdx = word.tokenTypeIdx as number;
    }
  }
  return result;
}
