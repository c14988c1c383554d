// Installment financing and present value: the annuity or exact split explained, discounting
// by months and days, and the inputs they refuse.
// (Cases first written as mutation pins; amounts are worked out by hand in the comments, 1 CNY = 100 fen.)
import { describe, expect, it } from "vitest";
import { installmentFinancing, schedulePresentValue } from "../../src/index.js";
import { k4 } from "./fixtures.js";
import { issues, validationError } from "../typed-errors.js";

/** Money and Decimal inputs as their JSON (Money → { amount, currency }, Decimal → string). */
const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe("financing and present value: explanations and refusals", () => {
  it("financing explains the annuity or the exact split", () => {
    const zero = installmentFinancing({ principal: { amount: "100.01", currency: "USD" }, periodicRate: 0, periods: 2 });
    // 10,001 cents in 2: 5,001 / 5,000 (larger first).
    expect(zero.payments.map((p) => p.toString())).toEqual(["USD 50.01", "USD 50.00"]);
    expect(zero.payment.toString()).toBe("USD 50.01");
    expect(zero.interest.toString()).toBe("USD 0.00");
    expect(zero.explanation.map((s) => s.text)).toEqual([
      "At rate 0 the principal USD 100.01 is split into 2 equal payments (exact split).",
      "2 payments total USD 100.01, of which USD 0.00 is the cost of financing.",
    ]);
    expect(zero.explanation.map((s) => s.rule)).toEqual(["contracts.financing.payment", "contracts.financing.total"]);
    // 1000 at 10% over 1 period: 1000 × 0.1 / (1 − 1.1^−1) = 100 / (0.1/1.1) = 1100.
    const one = installmentFinancing({ principal: { amount: "1000", currency: "USD" }, periodicRate: "0.1", periods: 1, rounding: "down" });
    expect(one.payment.toString()).toBe("USD 1100.00");
    expect(one.interest.toString()).toBe("USD 100.00");
    expect(one.explanation[0]!.text).toBe("Annuity: USD 1000.00 × 0.1 / (1 − (1 + 0.1)^(−1)) = USD 1100.00 per period (rounded down).");
    expect(one.explanation[1]!.text).toBe("1 payments total USD 1100.00, of which USD 100.00 is the cost of financing.");
    // 100 at 10% over 2 periods: 100 × 0.1 / (1 − 1/1.21) = 10 × 1.21 / 0.21 = 57.619… → half-up 57.62, down 57.61.
    expect(installmentFinancing({ principal: { amount: "100", currency: "USD" }, periodicRate: "0.1", periods: 2 }).payment.toString()).toBe("USD 57.62");
    expect(installmentFinancing({ principal: { amount: "100", currency: "USD" }, periodicRate: "0.1", periods: 2, rounding: "down" }).payment.toString()).toBe("USD 57.61");
  });

  it("present value discounts months and days and explains each payment", () => {
    // 1,100 due in 6 months at 21% a year: 1.21^(−0.5) = 1/1.1, so 1,000.
    const r = schedulePresentValue({ annualRate: "0.21", payments: [{ amount: { amount: "1100", currency: "USD" }, due: { months: 6 } }] });
    expect(r.presentValue.toString()).toBe("USD 1000.00");
    expect(r.nominal.toString()).toBe("USD 1100.00");
    expect(r.explanation.map((s) => s.text)).toEqual([
      "USD 1100.00 due after 0.5 years × (1 + 0.21)^(−0.5) = 1000.0000.",
      "Present value at 0.21 a year: USD 1000.00 (nominal USD 1100.00), rounded half-up once.",
    ]);
    expect(r.explanation[0]!.inputs).toEqual({ months: 6, days: 0, factor: "0.909090909091" });
    // 73 days = 0.2 years; at rate 0 nothing is discounted.
    const days = schedulePresentValue({ annualRate: 0, payments: [{ amount: { amount: "10", currency: "USD" }, due: { days: 73 } }] });
    expect(days.explanation[0]!.text).toBe("USD 10.00 due after 0.2 years × (1 + 0)^(−0.2) = 10.0000.");
    // 1 year at 100%: 10 / 2 = 5; with 12 months + 365 days = 2 years: 10 / 4 = 2.5.
    expect(schedulePresentValue({ annualRate: 1, payments: [{ amount: { amount: "10", currency: "USD" }, due: { months: 12 } }] }).presentValue.toString()).toBe("USD 5.00");
    expect(schedulePresentValue({ annualRate: 1, payments: [{ amount: { amount: "10", currency: "USD" }, due: { months: 12, days: 365 } }] }).presentValue.toString()).toBe(
      "USD 2.50",
    );
    // 2.5 down: rounding mode honoured. 10 × 2^(−1.5) = 3.5355… → down 3.53, half-up 3.54.
    const pay = [{ amount: { amount: "10", currency: "USD" }, due: { months: 18 } }];
    expect(schedulePresentValue({ annualRate: 1, payments: pay, rounding: "down" }).presentValue.toString()).toBe("USD 3.53");
    expect(schedulePresentValue({ annualRate: 1, payments: pay }).presentValue.toString()).toBe("USD 3.54");
  });

  it("present value refuses mixed currencies and per-month contracts", () => {
    expect(
      issues(() =>
        schedulePresentValue({
          annualRate: 0,
          payments: [
            { amount: { amount: "1", currency: "USD" }, due: {} },
            { amount: { amount: "1", currency: "CNY" }, due: {} },
          ],
        }),
      ),
    ).toEqual([{ path: ["payments", 1, "amount", "currency"], code: "currency_mismatch", message: "all payments must be in USD, got CNY" }]);
    expect(issues(() => schedulePresentValue({ annualRate: 0, contract: k4(false) }))).toEqual([
      { path: ["contract", "payment", "type"], code: "invalid_value", message: "present value needs a dated schedule (schedule or financing), not per-treated-month pricing" },
    ]);
  });
});

describe("financing and present value: steps and schema errors", () => {
  it("financing steps list their inputs; schema errors name installmentFinancing", () => {
    const zero = installmentFinancing({ principal: { amount: "100.01", currency: "USD" }, periodicRate: 0, periods: 2 });
    expect(zero.explanation.map((s) => json(s.inputs))).toEqual([{ principal: { amount: "100.01", currency: "USD" }, periodicRate: "0", periods: 2 }, { periods: 2 }]);
    expect(validationError(() => installmentFinancing({ principal: { amount: "100", currency: "USD" }, periodicRate: 0, periods: 0 })).message).toMatch(
      /^installmentFinancing: invalid input — periods: /,
    );
  });

  it("present-value steps name their rules and the rate; schema errors name schedulePresentValue", () => {
    // 1,100 due in 6 months at 21% a year: 1,100 / 1.1 = 1,000.
    const r = schedulePresentValue({ annualRate: "0.21", payments: [{ amount: { amount: "1100", currency: "USD" }, due: { months: 6 } }] });
    expect(r.explanation.map((s) => s.rule)).toEqual(["contracts.present-value.payment", "contracts.present-value.total"]);
    expect(json(r.explanation[1]!.inputs)).toEqual({ annualRate: "0.21" });
    expect(validationError(() => schedulePresentValue({ annualRate: 0 } as never)).message).toMatch(/^schedulePresentValue: invalid input — /);
  });
});
