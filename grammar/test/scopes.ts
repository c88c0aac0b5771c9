// What the tests mean by "highlighted as a keyword": the scope families themes colour as keywords,
// declaration words, modifiers, built-in types and functions, and language constants.
export const KEYWORD_SCOPE = /^(?:keyword|storage|support\.(?:type|function|constant)|constant\.language)\./;

export const isKeywordScope = (scopes: readonly string[]): boolean => scopes.some((s) => KEYWORD_SCOPE.test(s));

export const hasScope = (scopes: readonly string[], prefix: string): boolean =>
  scopes.some((s) => s === prefix || s.startsWith(`${prefix}.`));
