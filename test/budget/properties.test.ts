import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allocateDipBudget,
  budgetImpact,
  bundlePrice,
  capitationPayment,
  dipCasePayment,
  drgPayment,
  reconcileTargetPrice,
  settleBundle,
} from "../../src/index.js";
import { decimalText } from "../arbitraries.js";

const amountArb = decimalText({ scale: 2, digits: 7 });
const rateArb = fc.integer({ min: 0, max: 100 }).map((n) => (n / 100).toFixed(2));

describe("budget properties", () => {
  it("bundle settlement: payer payment = actual cost + kept − borne, and stop-loss / stop-gain always hold", () => {
    fc.assert(
      fc.property(
        amountArb,
        amountArb,
        rateArb,
        rateArb,
        fc.option(rateArb, { nil: undefined }),
        fc.option(amountArb, { nil: undefined }),
        (price, cost, gain, loss, stopLossRate, stopGainAmount) => {
          const s = settleBundle({
            bundle: { currency: "CNY", price },
            actualCost: cost,
            gainSharing: gain,
            lossSharing: loss,
            ...(stopLossRate === undefined ? {} : { stopLoss: { rateOfPrice: stopLossRate } }),
            ...(stopGainAmount === undefined ? {} : { stopGain: { amount: stopGainAmount } }),
          });
          // conservation
          expect(s.payerPayment.amount.plus(s.providerBears.amount).minus(s.providerKeeps.amount).equals(s.actualCost.amount)).toBe(true);
          expect(s.providerMargin.amount.equals(s.providerKeeps.amount.minus(s.providerBears.amount))).toBe(true);
          // never both, never negative
          expect(s.providerKeeps.amount.isNegative() || s.providerBears.amount.isNegative()).toBe(false);
          expect(s.providerKeeps.amount.isZero() || s.providerBears.amount.isZero()).toBe(true);
          // the provider never keeps more than the surplus nor bears more than the overrun
          const diff = s.bundlePrice.amount.minus(s.actualCost.amount);
          expect(s.providerKeeps.amount.lessThanOrEqualTo(diff.isNegative() ? 0 : diff)).toBe(true);
          expect(s.providerBears.amount.lessThanOrEqualTo(diff.isNegative() ? diff.negated() : 0)).toBe(true);
          if (stopLossRate !== undefined) {
            const cap = s.bundlePrice.amount.times(stopLossRate).toDecimalPlaces(2);
            expect(s.providerBears.amount.lessThanOrEqualTo(cap)).toBe(true);
          }
          if (stopGainAmount !== undefined) expect(s.providerKeeps.amount.lessThanOrEqualTo(stopGainAmount)).toBe(true);
          expect(s.payerPayment.amount.isNegative()).toBe(false);
        },
      ),
    );
  });

  it("a bundle price is split over its components exactly, to the cent", () => {
    fc.assert(
      fc.property(fc.array(amountArb, { minLength: 1, maxLength: 8 }), rateArb, (amounts, discount) => {
        const r = bundlePrice({ bundle: { currency: "CNY", components: amounts.map((a, i) => ({ name: `c${i}`, amount: a })), packageDiscount: discount } });
        const total = r.components.reduce((acc, c) => acc.plus(c.share.amount), r.price.amount.minus(r.price.amount));
        expect(total.equals(r.price.amount)).toBe(true);
      }),
    );
  });

  it("a DIP budget allocated by points sums exactly to the budget", () => {
    fc.assert(
      fc.property(
        decimalText({ scale: 2, digits: 10 }),
        fc.array(decimalText({ scale: 2, digits: 5 }), { minLength: 1, maxLength: 30 }).filter((ps) => ps.some((p) => Number(p) > 0)),
        (budget, points) => {
          const r = allocateDipBudget({ currency: "CNY", budget, cases: points.map((p, i) => ({ caseId: `c${i}`, points: p })) });
          const total = r.lines.reduce((acc, l) => acc.plus(l.amount.amount), r.budget.amount.minus(r.budget.amount));
          expect(total.equals(r.budget.amount)).toBe(true);
          r.lines.forEach((l) => expect(l.amount.amount.isNegative()).toBe(false));
        },
      ),
    );
  });

  it("BIA is linear in the eligible population", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ eligible: fc.integer({ min: 0, max: 100000 }), uptake: rateArb }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 2000000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 50 }),
        (years, cost, displacedPercent, k) => {
          // Integer costs and two-decimal uptakes keep every yearly figure exact at the cent, so rounding cannot break linearity.
          const doc = (scale: number) => ({
            currency: "CNY",
            eligible: years.map((y) => y.eligible * scale),
            uptake: years.map((y) => y.uptake),
            costPerPatient: cost,
            displaced: [{ name: "old", costPerPatient: Math.floor((cost * displacedPercent) / 100) }],
          });
          const one = budgetImpact(doc(1));
          const many = budgetImpact(doc(k));
          expect(many.totalNetCost.amount.equals(one.totalNetCost.amount.times(k))).toBe(true);
          many.years.forEach((y, i) => expect(y.netCost.amount.equals(one.years[i]!.netCost.amount.times(k))).toBe(true));
        },
      ),
    );
  });

  it("capitation with a better outcome never pays less (banded, all-of, proportional)", () => {
    const cuts = fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 4 }).map((xs) => xs.sort((a, b) => a - b));
    fc.assert(
      fc.property(
        cuts,
        fc.array(fc.integer({ min: -500, max: 500 }), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        amountArb,
        (cut, deltas, a, b, base) => {
          // Non-decreasing adjustments by band make the table monotone (higher metric is better).
          const edges = [0, ...cut, 100];
          let running = -1000;
          const bands = edges.slice(0, -1).map((from, i) => {
            running += Math.abs(deltas[i] ?? 0);
            return { from: from / 100, to: edges[i + 1]! / 100, value: { amount: String(running) } };
          });
          const [lo, hi] = a <= b ? [a / 100, b / 100] : [b / 100, a / 100];
          const targets = [
            { kind: "banded" as const, metric: "m", table: { domain: { min: 0, max: 1 }, bands } },
            { kind: "all-of" as const, conditions: [{ metric: "m", min: 0.6 }], met: { rate: 0.1 }, notMet: { rate: -0.05 } },
            { kind: "proportional" as const, metric: "m", target: 0.8, maxBonus: 0.1 },
          ];
          const worse = capitationPayment({ currency: "CNY", baseAmount: base, metrics: { m: lo }, targets }).payment;
          const better = capitationPayment({ currency: "CNY", baseAmount: base, metrics: { m: hi }, targets }).payment;
          expect(better.amount.greaterThanOrEqualTo(worse.amount)).toBe(true);
          expect(worse.amount.isNegative()).toBe(false);
        },
      ),
    );
  });

  it("DRG: payment − actual cost = kept − borne, and more coefficient never pays less", () => {
    fc.assert(
      fc.property(amountArb, decimalText({ scale: 2, digits: 1 }).filter((w) => Number(w) > 0), amountArb, fc.integer({ min: 100, max: 150 }), (base, weight, cost, coef) => {
        const plain = drgPayment({ currency: "CNY", baseRate: base, relativeWeight: weight, actualCost: cost });
        const lifted = drgPayment({ currency: "CNY", baseRate: base, relativeWeight: weight, actualCost: cost, coefficients: [{ name: "tech", kind: "technology", value: coef / 100 }] });
        for (const r of [plain, lifted]) {
          expect(r.payment!.amount.minus(r.actualCost!.amount).equals(r.providerKeeps!.amount.minus(r.providerBears!.amount))).toBe(true);
        }
        expect(lifted.payment!.amount.greaterThanOrEqualTo(plain.payment!.amount)).toBe(true);
      }),
    );
  });

  it("DIP: a case payment is deterministic, never negative, and cases at 5× the mean or more go to expert review", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 120000 }), (points, cost) => {
        const args = { currency: "CNY", pointValue: "102.0408163265306122448979591836734693877551020408163265306122449", groupPoints: points, groupMeanCost: "20000", caseCost: String(cost) };
        const a = dipCasePayment(args);
        const b = dipCasePayment(args);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        if (cost >= 100000) expect(a.payment).toBeNull();
        else expect(a.payment!.amount.isNegative()).toBe(false);
      }),
    );
  });

  it("target-price reconciliation never exceeds its cap", () => {
    fc.assert(
      fc.property(amountArb, rateArb, fc.integer({ min: 1, max: 500 }), decimalText({ scale: 2, digits: 9 }), rateArb, fc.boolean(), (bench, disc, n, actual, cap, capFirst) => {
        const r = reconcileTargetPrice({ currency: "CNY",
          benchmarkPrice: bench,
          discount: disc,
          episodes: n,
          actualSpending: actual,
          capRate: cap,
          qualityAdjustment: "-0.05",
          repaymentQualityAdjustment: "-0.1",
          order: capFirst ? "cap-then-quality" : "quality-then-cap",
        });
        expect(r.finalAmount.amount.abs().lessThanOrEqualTo(r.cap!.amount)).toBe(true);
      }),
    );
  });
});
