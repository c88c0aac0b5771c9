// Number formatting for the report: rates as 2.41 M/s, times as 312 ns / 4.1 µs / 12 ms.

export function rate(x) {
  if (!Number.isFinite(x)) return "—";
  if (x >= 1e6) return `${(x / 1e6).toFixed(2)} M/s`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(x >= 1e5 ? 0 : 1)} k/s`;
  return `${x.toFixed(x >= 100 ? 0 : 1)} /s`;
}

export function ns(x) {
  if (!Number.isFinite(x)) return "—";
  if (x < 1e3) return `${Math.round(x)} ns`;
  if (x < 1e6) return `${(x / 1e3).toFixed(x < 1e4 ? 2 : 1)} µs`;
  if (x < 1e9) return `${(x / 1e6).toFixed(x < 1e7 ? 2 : 1)} ms`;
  return `${(x / 1e9).toFixed(2)} s`;
}

export const msText = (x) => (Number.isFinite(x) ? ns(x * 1e6) : "—");
export const mb = (x) => (Number.isFinite(x) ? `${x >= 0 ? "" : "−"}${Math.abs(x).toFixed(1)} MB` : "—");
export const int = (x) => x.toLocaleString("en-US");
export const times = (x) => (Number.isFinite(x) ? `${x >= 100 ? int(Math.round(x)) : x.toFixed(x >= 10 ? 0 : 2)}×` : "—");

/** A Markdown table: the first column left-aligned, the others (figures) right-aligned. */
export function table(header, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? "---" : "---:"))), ...rows.map(line)].join("\n");
}
