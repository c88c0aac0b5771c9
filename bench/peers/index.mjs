// The peer engines, one interface: build(rows) → { evaluate(preNormalisedRecord) → territory id | null }.
import { buildBitset } from "./bitset.mjs";
import { buildJre } from "./jre.mjs";
import { buildNaive } from "./naive.mjs";
import { buildZen } from "./zen.mjs";

export const PEERS = {
  naive: { label: "naive first-match interpreter", build: buildNaive, async: false },
  bitset: { label: "hand-tuned bitset loop", build: buildBitset, async: false },
  jre: { label: "json-rules-engine 7 (flat, lowest rank)", build: buildJre, async: true },
  zen: { label: "zen-engine (decision table, first hit)", build: buildZen, async: true },
};
