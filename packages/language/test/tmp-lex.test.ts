import { test } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "../src/syntax/index.js";
test("x", () => {
  const text = readFileSync("/tmp/snip.carve", "utf8");
  const r = parse("f", text);
  for (const d of r.diagnostics) console.log(`${d.code} [${d.range.start},${d.range.end}] '${text.slice(d.range.start, d.range.end)}' ${d.message} | ${d.help ?? ""}`);
  const short = (k: string, v: any) => {
    if (v && typeof v === "object" && "start" in v && "end" in v && Object.keys(v).length === 2) return `${v.start}-${v.end}`;
    if (v && (v.kind === "Name" || v.kind === "DottedName")) return `${v.text}@${v.range.start}-${v.range.end}`;
    return v;
  };
  writeFileSync("/tmp/ast.json", JSON.stringify(r.file.items, short, process.env.AST === "1" ? 1 : undefined));
  console.log(r.file.items.map((i) => i.kind + ":" + ("name" in i ? JSON.stringify((i as any).name.text ?? (i as any).name.value) : "")).join(" "));
});
