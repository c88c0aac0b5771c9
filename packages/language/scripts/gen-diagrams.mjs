#!/usr/bin/env node
// Regenerates grammar/diagrams.html (railroad diagrams) from the parser itself.
// Needs the built package: run `pnpm build` (or `pnpm exec tsc -b packages/language`) first.
// The page loads Chevrotain's diagram scripts from unpkg when opened; nothing in CI opens it.
// packages/language/test/syntax-grammar.test.ts fails when the committed page is out of date.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { grammarDiagramsHtml } from "../dist/index.js";

const out = fileURLToPath(new URL("../../../grammar/diagrams.html", import.meta.url));
writeFileSync(out, grammarDiagramsHtml());
console.log(`wrote ${out}`);
