// Pieces of generated Carve text shared by the importers. Layout is left to the formatter; these
// only produce correct tokens, one declaration or clause per line.
import { quoteString } from "@carve/language";
import { KEY_FIELD, type FieldDecl } from "./plan-fields.js";

/** `# text` lines; text from Salesforce is put on one line and stripped of control characters. */
export function comment(text: string): string {
  return `# ${text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").trim()}`;
}

export function label(text: string | undefined): string {
  return text === undefined || text.trim() === "" ? "" : ` ${quoteString(text.trim())}`;
}

/** The record: the key, then every field the criteria use, each with the Salesforce fields it holds. */
export function recordBlock(name: string, fields: readonly FieldDecl[]): string[] {
  const lines = [`record ${name} {`];
  for (const f of fields) {
    if (f.name === KEY_FIELD) {
      lines.push(`  ${KEY_FIELD}: string key  ${comment("the Salesforce record Id")}`);
      continue;
    }
    lines.push(`  ${f.name}: ${f.type}?  ${comment(f.sources.join(", "))}`);
  }
  lines.push("}");
  return lines;
}
