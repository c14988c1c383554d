import { describe, expect, it } from "vitest";
import * as z from "zod";
import {
  amountSchema,
  DomainError,
  formatExplanation,
  formatMoney,
  formatPath,
  isLibraryError,
  isoDateSchema,
  money,
  moneySchema,
  parseInput,
  rateSchema,
  step,
  ValidationError,
} from "../../src/index.js";

describe("explanations", () => {
  it("prints numbered steps with inputs and amounts", () => {
    const steps = [
      step("contracts.milestone.paid", "Milestone 1 (40%) paid at infusion", { share: "0.4", due: "2026-01-15" }, money("480000")),
      step("contracts.milestone.withheld", "Milestone 2 withheld: CRS occurred", { crsDate: "2026-01-20", price: money("1200000") }),
    ];
    expect(formatExplanation(steps)).toBe(
      [
        "1. Milestone 1 (40%) paid at infusion [contracts.milestone.paid]",
        "   inputs: share 0.4, due 2026-01-15",
        "   amount: CNY 480,000.00",
        "2. Milestone 2 withheld: CRS occurred [contracts.milestone.withheld]",
        "   inputs: crsDate 2026-01-20, price CNY 1,200,000.00",
      ].join("\n"),
    );
    expect(JSON.parse(JSON.stringify(steps[0]))).toEqual({
      rule: "contracts.milestone.paid",
      text: "Milestone 1 (40%) paid at infusion",
      inputs: { share: "0.4", due: "2026-01-15" },
      amount: { amount: "480000.00", currency: "CNY" },
    });
  });

  it("formats money with thousands separators and sign", () => {
    expect(formatMoney(money("-1234567.5"))).toBe("CNY -1,234,567.50");
    expect(formatMoney(money("999", "JPY"))).toBe("JPY 999");
    expect(formatMoney(money("1000.125"), { currency: false })).toBe("1,000.125");
  });
});

describe("errors and input parsing", () => {
  it("ValidationError carries every zod issue with its path", () => {
    const schema = z.object({ price: amountSchema, schedule: z.array(z.object({ share: rateSchema })) });
    try {
      parseInput(schema, { price: "abc", schedule: [{ share: 0.4 }, { share: 1.3 }] }, "contract");
      throw new Error("expected failure");
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const err = e as ValidationError;
      expect(err.issues.map((i) => formatPath(i.path))).toEqual(["price", "schedule[1].share"]);
      expect(err.message).toMatch(/^contract: invalid input — price: .*; schedule\[1\]\.share: must be ≤ 1, got 1\.3: rates are decimals in \[0, 1\]: for 1\.3% write 0\.013$/);
      expect(isLibraryError(err)).toBe(true);
    }
  });

  it("DomainError has a stable code, a path and a reason", () => {
    const e = new DomainError("BAND_GAP", "no band covers [0.4, 0.6)", { path: ["tiers", "bands"] });
    expect(e.message).toBe("tiers.bands: no band covers [0.4, 0.6)");
    expect(e.reason).toBe("no band covers [0.4, 0.6)");
    expect(e.code).toBe("BAND_GAP");
    expect(isLibraryError(new TypeError("x"))).toBe(false);
  });

  it("money and date schemas accept documents and refuse bad ones", () => {
    expect(parseInput(moneySchema, { amount: "480000.00", currency: "CNY" }).toJSON()).toEqual({ amount: "480000.00", currency: "CNY" });
    expect(parseInput(moneySchema, money("1", "USD")).currency).toBe("USD");
    expect(() => parseInput(moneySchema, { amount: 0.5, currency: "CNY" })).toThrow(ValidationError);
    expect(() => parseInput(moneySchema, { amount: "1", currency: "ABC" })).toThrow(/currency/);
    expect(isoDateSchema.safeParse("2026-02-29").success).toBe(false);
    expect(isoDateSchema.safeParse("2028-02-29").success).toBe(true);
    expect(isoDateSchema.safeParse("2026-1-5").success).toBe(false);
  });
});
