// The system under test, from the BUILT packages (run `tsc -b` first): .carve source →
// loadProgram → compileProgram → artifact JSON → loadArtifact → runtime.evaluate.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dist = (pkg) => fileURLToPath(new URL(`../../packages/${pkg}/dist/index.js`, import.meta.url));

export async function loadCarve() {
  for (const pkg of ["language", "compiler", "runtime"]) {
    if (!existsSync(dist(pkg))) throw new Error(`packages/${pkg}/dist is missing: run \`pnpm exec tsc -b\` (or \`pnpm bench\`, which builds first)`);
  }
  const [language, compiler, runtime] = await Promise.all(["language", "compiler", "runtime"].map((p) => import(dist(p))));
  return { language, compiler, runtime };
}

/** Front end + lowering, timed separately. Throws with the rendered errors if the plan does not compile. */
export function compilePlan(carve, plan) {
  const { language, compiler } = carve;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const program = language.loadProgram(plan.entry, new language.MemoryHost(plan.files));
  const t1 = process.hrtime.bigint();
  const c1 = process.cpuUsage();
  const result = compiler.compileProgram(program);
  const t2 = process.hrtime.bigint();
  const c2 = process.cpuUsage();
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (!result.artifact || errors.length > 0) {
    const shown = errors.slice(0, 5).map((d) => `  ${d.code} ${d.file ?? ""}: ${d.message}`).join("\n");
    throw new Error(`the generated plan does not compile (${errors.length} errors):\n${shown}`);
  }
  return {
    artifact: result.artifact,
    json: compiler.artifactJson(result.artifact),
    diagnostics: result.diagnostics,
    ms: { load: ms(t1 - t0), compile: ms(t2 - t1) },
    cpuMs: { load: cpu(c0, c1), compile: cpu(c1, c2) },
  };
}

export const ms = (ns) => Number(ns) / 1e6;
const cpu = (a, b) => (b.user - a.user + b.system - a.system) / 1000;

/** The territory id a decision reports, or null (otherwise / unassigned / invalid are told apart by status). */
export function territoryOf(decision) {
  if (decision.status === "invalid") return `!invalid: ${decision.errors?.map((e) => `${e.field}: ${e.reason}`).join("; ")}`;
  return decision.territory?.id ?? null;
}

export const AS_OF = "2027-03-01";
