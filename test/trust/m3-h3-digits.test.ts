// M3 + H3: accepted decimals are held exactly (a documented digit limit), and long amounts never stall.
import { describe, expect, it } from "vitest";
import { formatMoney, MAX_DECIMAL_TEXT_LENGTH, MAX_SIGNIFICANT_DIGITS, money, parseContract, splitBill } from "../../src/index.js";
import { groupDigits } from "../../src/money/format.js";
import { issues } from "../typed-errors.js";

describe("M3: precision", () => {
  it("M3: a 67-digit price is a ValidationError naming the field, not a silently rounded price", () => {
    const price = `${"9".repeat(65)}.01`; // 67 significant digits
    const found = issues(() => parseContract({ id: "X", currency: "CNY", price, payment: { type: "schedule", installments: [{ share: "1", due: {} }] } }));
    expect(found).toEqual([{ path: ["price"], code: "custom", message: expect.stringContaining(`at most ${MAX_SIGNIFICANT_DIGITS} significant digits`) }]);
    expect(MAX_SIGNIFICANT_DIGITS).toBe(64);
  });

  it("M3: a share 1 + 1e-70 is refused, never rounded to 1", () => {
    const share = `1.${"0".repeat(69)}1`;
    expect(() => parseContract({ id: "X", currency: "CNY", price: "100", payment: { type: "schedule", installments: [{ share, due: {} }] } })).toThrow(/significant digits|at most/);
  });

  it("M3: 64 significant digits are accepted and kept exactly", () => {
    const text = `${"1".repeat(62)}.25`;
    expect(money(text).amount.toFixed(2)).toBe(text);
  });
});

describe("H3: digit grouping", () => {
  it("H3: grouping is linear and right: 80,000 digits are refused at once by the length limit, 100 are grouped", () => {
    expect(groupDigits("1234567")).toBe("1,234,567");
    expect(groupDigits("123")).toBe("123");
    expect(groupDigits("1000")).toBe("1,000");
    const t0 = Date.now();
    expect(groupDigits("9".repeat(300_000)).length).toBe(399_999);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(formatMoney(money("1234567.5"))).toBe("CNY 1,234,567.50");
    const t1 = Date.now();
    expect(() => splitBill({ plan: { currency: "CNY", layers: [{ kind: "basic", rate: 0.5 }] }, bill: "9".repeat(80_000) })).toThrow(new RegExp(`at most ${MAX_DECIMAL_TEXT_LENGTH} characters`));
    expect(Date.now() - t1).toBeLessThan(1000);
  });
});
