// Literal values from token text: strings (escapes), numbers (`1_000`, `12.5`, `250M`).

export interface StringProblem {
  /** offset of the problem relative to the start of the token */
  offset: number;
  length: number;
  /** the escape as written, e.g. `\q` */
  text: string;
}

export interface DecodedString {
  value: string;
  terminated: boolean;
  badEscapes: StringProblem[];
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", n: "\n", t: "\t" };

/** Unescapes the image of a string token (`"…"`, possibly missing its closing quote). */
export function decodeString(image: string): DecodedString {
  // Most strings have no escape: their value is the text between the quotes (the loop below
  // would copy it a character at a time). Every string token is decoded twice, lexed and built.
  const close = image.indexOf('"', 1);
  if (image.indexOf("\\") < 0 && (close < 0 || close === image.length - 1)) {
    return close < 0
      ? { value: image.slice(1), terminated: false, badEscapes: [] }
      : { value: image.slice(1, close), terminated: true, badEscapes: [] };
  }
  let value = "";
  const badEscapes: StringProblem[] = [];
  let i = 1;
  while (i < image.length) {
    const c = image[i];
    if (c === '"') return { value, terminated: true, badEscapes };
    if (c !== "\\") {
      value += c;
      i++;
      continue;
    }
    const e = image[i + 1];
    if (e !== undefined && e in SIMPLE_ESCAPES) {
      value += SIMPLE_ESCAPES[e];
      i += 2;
      continue;
    }
    if (e === "u") {
      const m = /^\\u\{([0-9A-Fa-f]{1,6})\}/.exec(image.slice(i));
      const cp = m ? parseInt(m[1], 16) : -1;
      if (m && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff)) {
        value += String.fromCodePoint(cp);
        i += m[0].length;
        continue;
      }
      // Report the whole `\u{…}` when it is brace-shaped, else just `\u`. A backslash ends the
      // shape: it starts the next escape, as the lexer reads it (`\u{12\"` has an escaped quote).
      const shaped = /^\\u\{[^}"\\]*\}?/.exec(image.slice(i));
      const len = shaped ? shaped[0].length : 2;
      badEscapes.push({ offset: i, length: len, text: image.slice(i, i + len) });
      value += image.slice(i, i + len);
      i += len;
      continue;
    }
    const len = e === undefined ? 1 : 2;
    badEscapes.push({ offset: i, length: len, text: image.slice(i, i + len) });
    value += image.slice(i, i + len);
    i += len;
  }
  return { value, terminated: false, badEscapes };
}

const NUMBER_SHAPE = /^(\d+(?:_\d+)*)(?:\.(\d+(?:_\d+)*))?([KMB])?$/;
const MAGNITUDE: Record<string, number> = { K: 3, M: 6, B: 9 };

/** The value of a number token, or undefined when it is malformed (`12ab`, `1__0`, `5_`). */
export function parseNumber(image: string): number | undefined {
  const m = NUMBER_SHAPE.exec(image);
  if (!m) return undefined;
  const whole = m[1].replace(/_/g, "");
  const frac = (m[2] ?? "").replace(/_/g, "");
  const exp = m[3] ? MAGNITUDE[m[3]] : 0;
  // Shift the decimal point in text so `1.1K` is exactly 1100 (1.1 * 1000 is not).
  return Number(`${whole}${frac ? `.${frac}` : ""}e${exp}`);
}
