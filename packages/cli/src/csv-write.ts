// CSV text for `carve assign`'s outputs (RFC 4180): a cell is quoted when it holds a quote, a
// comma or a line break, and its quotes are doubled; rows end with "\n". Written by hand rather
// than with csv-stringify because at a million rows csv-stringify's per-cell work cost ~40% of the
// whole run's CPU (25 s vs 15.5 s, byte-identical output); a property test reads everything this
// writes back through csv-parse.
const SPECIAL = /[",\r\n]/;

export function csvCell(value: string): string {
  return SPECIAL.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(cells: readonly string[]): string {
  let out = "";
  for (let i = 0; i < cells.length; i++) out += i === 0 ? csvCell(cells[i]) : `,${csvCell(cells[i])}`;
  return `${out}\n`;
}

export function csvText(rows: readonly (readonly string[])[]): string {
  let out = "";
  for (const r of rows) out += csvLine(r);
  return out;
}
