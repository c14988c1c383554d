// Integer minor units as the contracts use them: n / d rounded in every mode, shares and
// fractions, grouped text, money makers. Reaches the money internals.
// (Cases first written as mutation pins; amounts are worked out by hand in the comments, 1 CNY = 100 fen.)
import { describe, expect, it } from "vitest";
import { divideRounded as divRound, fractionOf as toFraction, roundedProduct as shareOf, unitsText } from "../../src/money/minor-units.js";
import { amountWords, groupedText } from "../../src/money/format.js";
import { moneyMaker } from "../../src/money/money-units.js";
import { D } from "../../src/money/decimal.js";

describe("integer minor units: rounding, shares, text, money makers", () => {
  it("divRound rounds n / d with every mode, either sign", () => {
    const modes = ["half-up", "half-even", "down", "up", "floor", "ceil"] as const;
    // 5/2 = 2.5: half-up 3, half-even 2, down 2, up 3, floor 2, ceil 3.
    expect(modes.map((m) => divRound(5n, 2n, m))).toEqual([3n, 2n, 2n, 3n, 2n, 3n]);
    // 7/2 = 3.5: half-even → 4 (odd quotient rounds up).
    expect(divRound(7n, 2n, "half-even")).toBe(4n);
    // −5/2 = −2.5: half-up −3, half-even −2, down −2, up −3, floor −3, ceil −2.
    expect(modes.map((m) => divRound(-5n, 2n, m))).toEqual([-3n, -2n, -2n, -3n, -3n, -2n]);
    // 7/3 = 2.33: half-up 2, half-even 2, up 3; 8/3 = 2.67: half-up 3, half-even 3, down 2.
    expect([divRound(7n, 3n, "half-up"), divRound(7n, 3n, "half-even"), divRound(7n, 3n, "up")]).toEqual([2n, 2n, 3n]);
    expect([divRound(8n, 3n, "half-up"), divRound(8n, 3n, "half-even"), divRound(8n, 3n, "down")]).toEqual([3n, 3n, 2n]);
    expect(modes.map((m) => divRound(6n, 3n, m))).toEqual([2n, 2n, 2n, 2n, 2n, 2n]);
    expect(modes.map((m) => divRound(-6n, 3n, m))).toEqual([-2n, -2n, -2n, -2n, -2n, -2n]);
  });

  it("shares, fractions and text", () => {
    expect(toFraction(new D("0.125"))).toEqual({ num: 125n, den: 1000n });
    expect(toFraction(new D("1"))).toEqual({ num: 1n, den: 1n });
    // 333 × 0.5 = 166.5 → half-up 167, down 166.
    expect(shareOf(333n, { num: 5n, den: 10n }, "half-up")).toBe(167n);
    expect(shareOf(333n, { num: 5n, den: 10n }, "down")).toBe(166n);
    expect([unitsText(5n, 2), unitsText(-5n, 2), unitsText(12345n, 2), unitsText(-7n, 0), unitsText(7n, 0), unitsText(1n, 3)]).toEqual([
      "0.05",
      "-0.05",
      "123.45",
      "-7",
      "7",
      "0.001",
    ]);
    expect([groupedText(123456789n, 2), groupedText(-100000n, 2), groupedText(1000n, 0), groupedText(999n, 0), groupedText(-1234567n, 0)]).toEqual([
      "1,234,567.89",
      "-1,000.00",
      "1,000",
      "999",
      "-1,234,567",
    ]);
  });

  it("money makers memoise up to their limit and give the same values", () => {
    const make = moneyMaker("USD", 2, 1);
    const a = make(150n);
    expect(a.toString()).toBe("USD 1.50");
    expect(make(150n)).toBe(a); // memoised
    const b = make(250n); // beyond the limit: made afresh each time
    expect(b.toString()).toBe("USD 2.50");
    expect(make(250n)).not.toBe(b);
    const words = amountWords("USD", 2, 1);
    expect(words(123456n)).toBe("USD 1,234.56");
    expect(words(123456n)).toBe("USD 1,234.56");
    expect(words(-5n)).toBe("USD -0.05");
  });
});
