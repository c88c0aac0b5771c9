// `domain`: a registrable host name, lower-case. URLs and e-mail addresses yield their domain:
// "https://www.Acme.com/x" → "acme.com", "Jane@Acme.COM" → "acme.com".
import { fail, isMissing, missing, ok, show, type Normalized } from "./result.js";

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//;
const MAILTO = /^mailto:/;
const PORT = /:\d{1,5}$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const DIGITS = /^\d+$/;
const WHITE_SPACE = /\s/;
const NON_ASCII = /[^\x00-\x7f]/;
// Already normal (the common case for stored data): lower-case labels, no www., nothing else.
const NORMAL = /^(?!www\.)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Normalises a domain, URL or e-mail address to a lower-case domain without `www.`. */
export function normalizeDomain(input: unknown): Normalized<string> {
  if (typeof input !== "string") {
    return isMissing(input) ? missing() : fail(`expected a domain, got ${show(input)}: use a domain such as acme.com`);
  }
  if (input.length <= 253 && NORMAL.test(input) && !DIGITS.test(input.slice(input.lastIndexOf(".") + 1))) return ok(input);
  let s = input.trim().toLowerCase();
  if (s.length === 0) return missing();
  if (WHITE_SPACE.test(s)) return fail(`${show(input)} is not a domain: a domain has no spaces, e.g. acme.com`);
  const url = SCHEME.test(s);
  s = s.replace(SCHEME, "").replace(MAILTO, "");
  if (url) {
    // In a URL the path, query or fragment ends the host part; an "@" before it ends a user name.
    const end = firstOf(s, "/?#");
    if (end >= 0) s = s.slice(0, end);
    const at = s.lastIndexOf("@");
    if (at >= 0) s = s.slice(at + 1);
  } else {
    // An e-mail address's local part may hold "/", "?" or "#": the domain follows the last "@".
    const at = s.lastIndexOf("@");
    if (at >= 0) s = s.slice(at + 1);
    const end = firstOf(s, "/?#");
    if (end >= 0) s = s.slice(0, end);
  }
  s = s.replace(PORT, "");
  if (s.endsWith(".")) s = s.slice(0, -1);
  while (s.startsWith("www.")) s = s.slice(4);
  if (NON_ASCII.test(s)) s = toAscii(s) ?? s;

  if (s.length === 0) return fail(`${show(input)} has no domain: use a domain such as acme.com`);
  if (!s.includes(".")) return fail(`${show(input)} is not a domain: it needs a dot, e.g. acme.com`);
  if (s.length > 253) return fail(`${show(input)} is not a domain: it is longer than 253 characters`);
  const labels = s.split(".");
  if (labels.every((l) => DIGITS.test(l))) return fail(`${show(input)} is an IP address, not a domain`);
  for (const l of labels) {
    if (!LABEL.test(l)) {
      return fail(`${show(input)} is not a domain: each part between dots needs letters, digits or inner hyphens, e.g. acme.com`);
    }
  }
  if (DIGITS.test(labels[labels.length - 1])) return fail(`${show(input)} is not a domain: it ends in a number`);
  return ok(s);
}

function firstOf(s: string, chars: string): number {
  for (let i = 0; i < s.length; i++) if (chars.includes(s[i])) return i;
  return -1;
}

/** Internationalised names become their xn-- (punycode) form, so "münchen.de" equals its ASCII spelling. */
function toAscii(host: string): string | undefined {
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return undefined;
  }
}
