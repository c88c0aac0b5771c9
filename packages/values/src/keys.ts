// Lookup keys for names: case, accents, punctuation and spacing never decide a match
// ("U.S.A." = "usa", "Baden-Württemberg" = "baden wurttemberg", "Bosnia & Herzegovina").

const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING = /[\u0300-\u036f]/g;
const AMPERSAND = /&/g;
const NOT_ALNUM = /[^a-z0-9]+/g;

/** The folded key of a name; "" when nothing alphanumeric is left (never a match). */
export function nameKey(s: string): string {
  let t = s.toLowerCase();
  if (NON_ASCII.test(t)) t = t.normalize("NFD").replace(COMBINING, "");
  return t.replace(AMPERSAND, "and").replace(NOT_ALNUM, "");
}

const PARENTHESISED = /\s*\([^)]*\)\s*/g;
const INVERTED = /^([^,]+),\s*[^,]*\bof$/i;
const LEADING_THE = /^the\s+/i;

/**
 * The spellings a reference name is also known by: without a parenthesised part ("Holy See
 * (Vatican City State)" → "Holy See"), without an inverted tail ("Moldova, Republic of" →
 * "Moldova"), without a leading "The", and "St"/"St." for a leading "Saint".
 * Returns folded keys, the name's own key first.
 */
export function nameVariants(name: string): string[] {
  const forms = new Set<string>([name]);
  const noParen = name.replace(PARENTHESISED, " ").trim();
  if (noParen) forms.add(noParen);
  const inverted = INVERTED.exec(noParen);
  if (inverted) forms.add(inverted[1]);
  for (const f of [...forms]) if (LEADING_THE.test(f)) forms.add(f.replace(LEADING_THE, ""));
  const keys = new Set<string>();
  for (const f of forms) {
    const k = nameKey(f);
    if (!k) continue;
    keys.add(k);
    if (k.startsWith("saint")) keys.add(`st${k.slice(5)}`);
  }
  return [...keys];
}

/** Looks a typed name up: its key, then without a leading "The" ("The Bahamas"). */
export function lookupName<T>(index: ReadonlyMap<string, T>, text: string): T | undefined {
  const hit = index.get(nameKey(text));
  if (hit !== undefined || !LEADING_THE.test(text)) return hit;
  return index.get(nameKey(text.replace(LEADING_THE, "")));
}

/**
 * A name index in which a reference name outranks every other spelling: "Buenos Aires" is the
 * English name of AR-C and only an alias of AR-B (Buenos Aires Province), so it means AR-C.
 * Spellings that tie (two English names, or two aliases) stay ambiguous.
 */
export class NameIndex {
  readonly keys = new Map<string, string[]>();
  private readonly primary = new Set<string>();
  private readonly secondary: [string, string][] = [];

  /** `primary`: the entry's reference name (its other variants still rank as aliases). */
  add(name: string, code: string, primary: boolean): void {
    const own = nameKey(name);
    for (const k of nameVariants(name)) {
      if (primary && k === own) {
        addKey(this.keys, k, code);
        this.primary.add(k);
      } else this.secondary.push([k, code]);
    }
  }

  /** Adds the aliases that no reference name claims; call once, after every add. */
  seal(): Map<string, string[]> {
    for (const [k, code] of this.secondary) if (!this.primary.has(k)) addKey(this.keys, k, code);
    this.secondary.length = 0;
    return this.keys;
  }
}

/** Adds `key → code`, remembering every code a key is shared by (ambiguous names). */
export function addKey(index: Map<string, string[]>, key: string, code: string): void {
  const codes = index.get(key);
  if (!codes) index.set(key, [code]);
  else if (!codes.includes(code)) codes.push(code);
}
