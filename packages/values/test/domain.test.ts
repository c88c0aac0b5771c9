import { describe, expect, it } from "vitest";
import { normalizeDomain } from "../src/index.js";

const value = (x: unknown) => {
  const r = normalizeDomain(x);
  return r.ok ? r.value : `invalid: ${r.reason}`;
};

describe("normalizeDomain", () => {
  it.each([
    ["acme.com", "acme.com"],
    ["Acme.COM", "acme.com"],
    ["https://www.Acme.com/x", "acme.com"],
    ["http://acme.com:8080/path?q=1#top", "acme.com"],
    ["www.acme.co.uk", "acme.co.uk"],
    ["acme.com.", "acme.com"],
    ["Jane@Acme.COM", "acme.com"],
    ["mailto:jane@acme.com", "acme.com"],
    ["https://user@app.acme.io/login", "app.acme.io"],
    ["  sub.acme-corp.com  ", "sub.acme-corp.com"],
    ["acme.com/about", "acme.com"],
    ["münchen.de", "xn--mnchen-3ya.de"],
  ])("%j → %s", (input, expected) => {
    expect(value(input)).toBe(expected);
  });

  it("rejects what is not a domain, saying why", () => {
    expect(value("acme")).toBe('invalid: "acme" is not a domain: it needs a dot, e.g. acme.com');
    expect(value("acme corp.com")).toBe('invalid: "acme corp.com" is not a domain: a domain has no spaces, e.g. acme.com');
    expect(value("192.168.0.1")).toMatch(/is an IP address, not a domain/);
    expect(value("-acme.com")).toMatch(/each part between dots/);
    expect(value("acme..com")).toMatch(/each part between dots/);
    expect(value("jane@")).toMatch(/has no domain/);
    expect(value("https://")).toMatch(/has no domain/);
    expect(value("acme.123")).toMatch(/ends in a number/);
    expect(value(42)).toMatch(/expected a domain/);
    expect(normalizeDomain(" ")).toEqual({ ok: false, reason: "no value" });
  });
});
