// Salesforce metadata XML read into a small element tree that remembers each element's line, so
// the import report can point at the exact `<ruleItems>` it could not translate.
import { SaxesParser } from "saxes";

export interface XmlElement {
  /** local name, without a namespace prefix */
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** the element's own text (entities decoded), trimmed */
  text: string;
  /** 1-based line of the element's start tag */
  line: number;
}

/** A file that is not well-formed XML, or not the metadata it should be: exit code 2 in the CLI. */
export class ImportInputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly detail: string,
  ) {
    super(line === undefined ? `${file}: ${detail}` : `${file}:${line}: ${detail}`);
  }
}

const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

/** Parses `text` (the file at `path`); malformed XML throws ImportInputError with its line. */
export function parseXml(path: string, text: string): XmlElement {
  const parser = new SaxesParser({ position: true });
  const stack: XmlElement[] = [];
  const texts: string[][] = [];
  let root: XmlElement | undefined;
  let failure: ImportInputError | undefined;
  parser.on("error", (e) => {
    // saxes prefixes its message with "line:column: "; keep only the reason.
    failure ??= new ImportInputError(path, parser.line, `malformed XML: ${e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, "")}`);
  });
  parser.on("opentagstart", (tag) => {
    stack.push({ name: localName(tag.name), attributes: {}, children: [], text: "", line: parser.line });
    texts.push([]);
  });
  parser.on("opentag", (tag) => {
    const el = stack[stack.length - 1];
    for (const [k, v] of Object.entries(tag.attributes)) el.attributes[localName(k)] = typeof v === "string" ? v : v.value;
  });
  const addText = (t: string) => texts[texts.length - 1]?.push(t);
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.on("closetag", () => {
    const el = stack.pop()!;
    el.text = texts.pop()!.join("").trim();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
  });
  parser.write(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).close();
  if (failure) throw failure;
  if (!root) throw new ImportInputError(path, 1, "no XML element found");
  return root;
}

/** The children of `el` named `name`. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** The text of the first child named `name`; undefined when absent or `xsi:nil`. */
export function childText(el: XmlElement, name: string): string | undefined {
  const c = el.children.find((x) => x.name === name);
  if (!c || c.attributes.nil === "true") return undefined;
  return c.text;
}

/** Checks the root element's name, so a wrong file gives a clear error instead of an empty import. */
export function expectRoot(path: string, root: XmlElement, name: string): void {
  if (root.name !== name) throw new ImportInputError(path, root.line, `expected a <${name}> document, found <${root.name}>`);
}
