import { describe, expect, it } from "vitest";
import { add, allocate, DomainError, money, multiply, round, split, type Money } from "../../src/index.js";

const amounts = (parts: Money[]) => parts.map((p) => p.toJSON().amount);

describe("money worked examples (spec/money.md)", () => {
  it("M1: allocate CNY 1,200,000.00 by [40, 30, 30] → 480,000 / 360,000 / 360,000", () => {
    expect(amounts(allocate(money("1200000.00", "CNY"), [40, 30, 30]))).toEqual(["480000.00", "360000.00", "360000.00"]);
  });

  it("M2: allocate USD 373,000.00 into 4 equal parts → 93,250.00 × 4", () => {
    const parts = split(money("373000.00", "USD"), 4);
    expect(amounts(parts)).toEqual(["93250.00", "93250.00", "93250.00", "93250.00"]);
    expect(parts.every((p) => p.currency === "USD")).toBe(true);
  });

  it("M3: allocate CNY 100.00 by [1, 1, 1] → 33.34 / 33.33 / 33.33", () => {
    expect(amounts(allocate(money("100.00"), [1, 1, 1]))).toEqual(["33.34", "33.33", "33.33"]);
  });

  it("M4: allocate CNY 0.05 by [1, 1, 1] → 0.02 / 0.02 / 0.01", () => {
    expect(amounts(allocate(money("0.05"), [1, 1, 1]))).toEqual(["0.02", "0.02", "0.01"]);
  });

  it("M5: allocate CNY 10.00 by [0.7, 0.2, 0.1] → 7.00 / 2.00 / 1.00", () => {
    expect(amounts(allocate(money("10.00"), [0.7, 0.2, 0.1]))).toEqual(["7.00", "2.00", "1.00"]);
    expect(amounts(allocate(money("10.00"), ["0.7", "0.2", "0.1"]))).toEqual(["7.00", "2.00", "1.00"]);
  });

  it("M6: CNY 99,250.00 × 0.75, half-up → 74,437.50", () => {
    expect(round(multiply(money("99250.00"), "0.75"), "half-up").toJSON()).toEqual({ amount: "74437.50", currency: "CNY" });
  });

  it("M7: CNY 0.125 rounded half-up / half-even → 0.13 / 0.12", () => {
    expect(round(money("0.125"), "half-up").toJSON().amount).toBe("0.13");
    expect(round(money("0.125"), "half-even").toJSON().amount).toBe("0.12");
  });

  it("M8: CNY 1.00 + USD 1.00 → error: currency mismatch", () => {
    expect(() => add(money("1.00", "CNY"), money("1.00", "USD"))).toThrow(DomainError);
    try {
      add(money("1.00", "CNY"), money("1.00", "USD"));
    } catch (e) {
      expect((e as DomainError).code).toBe("CURRENCY_MISMATCH");
      expect((e as DomainError).message).toMatch(/currency mismatch/);
    }
  });

  it("M9: JPY 1,000 by [1, 1, 1] → 334 / 333 / 333", () => {
    expect(amounts(allocate(money("1000", "JPY"), [1, 1, 1]))).toEqual(["334", "333", "333"]);
  });
});

describe("allocation method: largest remainder, not largest ratio", () => {
  it("CNY 0.10 by [6, 4, 1] gives 0.05 / 0.04 / 0.01 (dinero.js's largest-ratio rule would give 0.06 / 0.04 / 0.00)", () => {
    // exact shares in fen: 60/11 = 5.45, 40/11 = 3.64, 10/11 = 0.91; floors 5, 3, 0 leave 2 fen,
    // which go to the largest remainders 0.91 (third) and 0.64 (second).
    expect(amounts(allocate(money("0.10"), [6, 4, 1]))).toEqual(["0.05", "0.04", "0.01"]);
  });

  it("ties in the remainder go to the earlier part", () => {
    // 0.02 by [1, 1, 1, 1]: each exact share is 0.5 fen; two leftover fen go to parts 1 and 2.
    expect(amounts(allocate(money("0.02"), [1, 1, 1, 1]))).toEqual(["0.01", "0.01", "0.00", "0.00"]);
  });

  it("zero weights get zero", () => {
    expect(amounts(allocate(money("1.00"), [0, 1, 0, 2]))).toEqual(["0.00", "0.33", "0.00", "0.67"]);
  });

  it("negative amounts (refunds) allocate symmetrically", () => {
    expect(amounts(allocate(money("-100.00"), [1, 1, 1]))).toEqual(["-33.34", "-33.33", "-33.33"]);
  });
});
