// The spread figures `carve balance` prints, on loads whose figures are known by hand.
import { describe, expect, it } from "vitest";
import { spreadOf } from "../src/balance/spread.js";

const loads = (...values: number[]) => values.map((value, i) => ({ name: `t${i}`, value }));

describe("spread of loads", () => {
  it("is all zeros and a ratio of 1 for an even plan", () => {
    expect(spreadOf(loads(5, 5, 5, 5))).toMatchObject({ ratio: 1, cv: 0, gini: 0 });
  });

  it("has Gini (n-1)/n when one territory holds everything, and no finite ratio", () => {
    const s = spreadOf(loads(0, 0, 0, 10))!;
    expect(s.gini).toBeCloseTo(0.75, 12);
    expect(s.ratio).toBeNull();
    expect(s.most).toEqual({ name: "t3", value: 10 });
    expect(s.least).toEqual({ name: "t0", value: 0 });
  });

  it("computes the population coefficient of variation and Gini", () => {
    // mean 5, population standard deviation 2
    const s = spreadOf(loads(2, 4, 4, 4, 5, 5, 7, 9))!;
    expect(s.cv).toBeCloseTo(0.4, 12);
    // Gini by the mean absolute difference: Σ|xi − xj| / (2 n² mean)
    const xs = [2, 4, 4, 4, 5, 5, 7, 9];
    const mad = xs.reduce((a, x) => a + xs.reduce((b, y) => b + Math.abs(x - y), 0), 0);
    expect(s.gini).toBeCloseTo(mad / (2 * xs.length ** 2 * 5), 12);
    expect(s.ratio).toBeCloseTo(4.5, 12);
  });

  it("breaks ties by name and has nothing to say about an empty plan", () => {
    const s = spreadOf([{ name: "b", value: 3 }, { name: "a", value: 3 }])!;
    expect(s.most.name).toBe("a");
    expect(s.least.name).toBe("a");
    expect(spreadOf([])).toBeNull();
  });
});
