// Source text reaches the emitted module only through jsLiteral: JSON's escaping (quotes,
// backslashes, control characters, lone surrogates) plus the characters JSON leaves as they are
// but that matter around JavaScript — U+2028/U+2029 (line terminators in older engines) and
// `<`/`>` (so that `</script>` or `<!--` in a label cannot close or confuse an inline <script>).
// Nothing from the source is ever written as code, a comment or an identifier.

const UNSAFE = /[\u2028\u2029<>]/g;

/** A JavaScript expression for a JSON value: a string, number, boolean, null, array or plain object. */
export function jsLiteral(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError(`no JavaScript literal for a value of type ${typeof value}`);
  // JSON text has these characters only inside strings, where \uXXXX means the same character.
  return json.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
