// Column-aligned plain-text tables for summaries (`assign`, `test --coverage`). Widths ignore
// colour codes, so a styled cell lines up like a plain one.
export interface Column {
  header: string;
  align?: "left" | "right";
}

const ANSI = /\u001b\[[0-9;]*m/g;

export function visibleLength(s: string): number {
  return s.replace(ANSI, "").length;
}

export function table(columns: readonly Column[], rows: readonly (readonly string[])[], indent = "  "): string {
  const widths = columns.map((c, i) => Math.max(visibleLength(c.header), ...rows.map((r) => visibleLength(r[i] ?? ""))));
  const line = (cells: readonly string[]) =>
    indent +
    cells
      .map((cell, i) => {
        const pad = " ".repeat(Math.max(0, widths[i] - visibleLength(cell)));
        if (i === cells.length - 1 && columns[i].align !== "right") return cell;
        return columns[i].align === "right" ? pad + cell : cell + pad;
      })
      .join("  ");
  return [line(columns.map((c) => c.header)), ...rows.map((r) => line(columns.map((_, i) => r[i] ?? "")))].join("\n");
}

/** 1234567 → "1,234,567": counts people read at a glance. */
export function count(n: number): string {
  return n.toLocaleString("en-US");
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}
