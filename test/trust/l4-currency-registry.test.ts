// L4 (issue 14): two copies of the library in one process (the ESM and the CJS build, or
// two versions) share one currency registry, so they cannot disagree on a code's minor unit.
// vi.resetModules() gives a second, independent instance of every module, as a second
// copy of the package would be.
import { describe, expect, it, vi } from "vitest";
import { domainError } from "../typed-errors.js";

type Lib = typeof import("../../src/index.js");

async function freshCopy(): Promise<Lib> {
  vi.resetModules();
  return (await import("../../src/index.js")) as Lib;
}

describe("L4: one currency registry per process", () => {
  it("L4: a currency registered through one copy is known, with its minor unit, to another copy", async () => {
    const a = await freshCopy();
    const b = await freshCopy();
    expect(a.registerCurrency).not.toBe(b.registerCurrency); // really two copies
    a.registerCurrency({ code: "XLA", minorUnit: 2, name: "test currency A" });
    expect(b.isCurrencyCode("XLA")).toBe(true);
    expect(b.getCurrency("XLA").minorUnit).toBe(2);
    expect(b.money("1.25", "XLA").toString()).toBe("XLA 1.25");
  });

  it("L4: the other copy refuses the same code with another minor unit (CURRENCY_CONFLICT), so money('1.5', code) cannot differ between copies", async () => {
    const a = await freshCopy();
    const b = await freshCopy();
    a.registerCurrency({ code: "XLB", minorUnit: 2 });
    const e = domainError(() => b.registerCurrency({ code: "XLB", minorUnit: 0 }));
    expect(e.code).toBe("CURRENCY_CONFLICT");
    // Copy b rounds XLB to 2 digits, as copy a does: CNY-like, not yen-like.
    expect(b.round(b.money("1.255", "XLB")).toString()).toBe("XLB 1.26");
  });

  it("L4: an error thrown by one copy is instanceof the other copy's class (a backend's catch still sees it)", async () => {
    const a = await freshCopy();
    const b = await freshCopy();
    expect(a.DomainError).not.toBe(b.DomainError);
    const e = domainError(() => b.add(b.money("1", "CNY"), b.money("1", "USD")));
    expect(e).toBeInstanceOf(a.DomainError);
    expect(a.isLibraryError(e)).toBe(true);
    expect(e).not.toBeInstanceOf(a.ValidationError);
    expect(new Error("plain")).not.toBeInstanceOf(a.DomainError);
  });

  it("L4: the shared registry cannot be replaced through the global symbol", async () => {
    const a = await freshCopy();
    a.getCurrency("CNY"); // creates the registry
    const key = Symbol.for("precision-vbp.currency-registry");
    expect(() => {
      (globalThis as Record<symbol, unknown>)[key] = { version: 1, get: () => ({ code: "CNY", minorUnit: 0, name: "forged" }) };
    }).toThrow(TypeError);
    expect(a.getCurrency("CNY").minorUnit).toBe(2);
  });
});
