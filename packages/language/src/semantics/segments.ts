// Segments may use segments; a cycle (CARVE031) has no meaning. The order computed here puts every
// segment after the segments it uses, which is the order the compiler expands them in.
import type { Cond, SegmentRef } from "../ast/nodes.js";
import { Codes } from "../diagnostics/catalogue.js";
import { report, type Sema } from "./context.js";
import type { SegmentSymbol } from "./types.js";

function segmentRefs(cond: Cond | undefined, out: SegmentRef[] = []): SegmentRef[] {
  if (!cond) return out;
  switch (cond.kind) {
    case "Or":
    case "And":
      for (const c of cond.operands ?? []) segmentRefs(c, out);
      break;
    case "Not":
      segmentRefs(cond.operand, out);
      break;
    case "Paren":
      segmentRefs(cond.inner, out);
      break;
    case "SegmentRef":
      out.push(cond);
      break;
    default:
      break;
  }
  return out;
}

export function orderSegments(s: Sema): void {
  const segments = [...s.symbols.values()].filter((x): x is SegmentSymbol => x.kind === "segment");
  const deps = new Map<SegmentSymbol, { target: SegmentSymbol; ref: SegmentRef }[]>();
  for (const seg of segments) {
    const list: { target: SegmentSymbol; ref: SegmentRef }[] = [];
    for (const ref of segmentRefs(seg.decl.cond)) {
      const target = s.symbols.get(ref.name?.text ?? "");
      if (target?.kind === "segment") list.push({ target, ref });
    }
    deps.set(seg, list);
  }

  const state = new Map<SegmentSymbol, "visiting" | "done">();
  const broken = new Set<SegmentSymbol>(); // in a cycle, or using one
  const reported = new Set<string>();
  const stack: SegmentSymbol[] = [];
  const order: SegmentSymbol[] = [];

  const visit = (seg: SegmentSymbol): void => {
    state.set(seg, "visiting");
    stack.push(seg);
    for (const { target, ref } of deps.get(seg) ?? []) {
      const st = state.get(target);
      if (st === "visiting") {
        const cycle = stack.slice(stack.indexOf(target));
        for (const c of cycle) broken.add(c);
        const key = cycle.map((c) => c.name).sort().join(",");
        if (!reported.has(key)) {
          reported.add(key);
          const chain = [...cycle, target].map((c) => c.name).join(" → ");
          report(s, Codes.SegmentCycle, seg.file, ref.name.range,
            cycle.length === 1 ? `segment \`${seg.name}\` uses itself` : `segments use each other in a cycle: ${chain}`, {
              help: "a segment cannot depend on itself, directly or through other segments: remove one of these uses",
              related: cycle.map((c) => ({ file: c.file, range: c.nameRange, message: `\`${c.name}\` is declared here` })),
            });
        }
      } else if (st === undefined) visit(target);
      if (broken.has(target)) broken.add(seg);
    }
    stack.pop();
    state.set(seg, "done");
    order.push(seg);
  };
  for (const seg of segments) if (!state.has(seg)) visit(seg);
  s.segmentOrder = order.filter((x) => !broken.has(x)).map((x) => x.decl);
}
