import { describe, expect, it } from "vitest";
import { closest, editDistance } from "../src/index.js";

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and transpositions, ignoring case", () => {
    expect(editDistance("healthcare", "helthcare")).toBe(1);
    expect(editDistance("United", "Untied")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("ABC", "abc")).toBe(0);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
  });
});

describe("closest", () => {
  it("ranks by distance, then by a shared beginning, and leaves out exact and far candidates", () => {
    expect(closest("helthcare", ["software", "healthcare", "fintech"])).toEqual(["healthcare"]);
    expect(closest("CAL", ["AL", "CA", "CO"])).toEqual(["CA", "AL"]);
    expect(closest("abc", ["ABC", "xyz"])).toEqual([]);
    expect(closest("California", ["Kalifornia", "Califronia", "Calfiornai", "Carolina"], 3, 1)).toEqual(["Califronia", "Kalifornia"]);
    expect(closest("a", ["b", "c", "d", "e"], 2)).toEqual(["b", "c"]);
  });
});
