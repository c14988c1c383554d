import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { netBenefit, qaly, valueBasedPrice, valueScore } from "../../src/index.js";
import { D } from "../../src/money/decimal.js";
import { decimalText } from "../arbitraries.js";

const cny = (amount: string) => ({ amount, currency: "CNY" });

describe("calculator properties", () => {
  it("QALYs: discounting never adds, and start ≥ middle ≥ end for non-negative utilities", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ utility: decimalText({ scale: 3, digits: 0 }), repeat: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 10 }),
        (periods, pct) => {
          const rate = pct / 100;
          const [s, m, e] = (["start", "middle", "end"] as const).map((timing) => qaly({ periods, discountRate: rate, timing }));
          expect(s!.qalys.greaterThanOrEqualTo(m!.qalys)).toBe(true);
          expect(m!.qalys.greaterThanOrEqualTo(e!.qalys)).toBe(true);
          expect(e!.qalys.lessThanOrEqualTo(e!.undiscountedQalys)).toBe(true);
          expect(s!.undiscountedQalys.equals(e!.undiscountedQalys)).toBe(true);
        },
      ),
    );
  });

  it("value-based price: at Pmax the ICER is ≤ λ, one cent more and it is > λ", () => {
    fc.assert(
      fc.property(
        decimalText({ digits: 6 }),
        decimalText({ scale: 3, digits: 1 }).filter((x) => Number(x) > 0),
        decimalText({ digits: 6 }),
        decimalText({ digits: 5 }),
        (lambda, dE, comp, nonDrug) => {
          const r = valueBasedPrice({ lambda: cny(lambda), incrementalEffect: dE, comparatorCost: cny(comp), nonDrugCost: cny(nonDrug) });
          fc.pre(r.hasPositivePrice);
          // ICER of the new arm at a drug price: (price + non-drug − comparator) / ΔE.
          const at = (price: InstanceType<typeof D>) => price.plus(nonDrug).minus(comp).dividedBy(dE);
          const p = r.maxPrice!.amount;
          expect(at(p).lessThanOrEqualTo(lambda)).toBe(true);
          expect(at(p.plus("0.01")).greaterThan(lambda)).toBe(true);
        },
      ),
    );
  });

  it("net benefit: incremental NMB = λ·ΔE − ΔC, and the best strategy has the highest NMB", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ cost: decimalText({ digits: 7, signed: true }), effect: decimalText({ scale: 2, digits: 1 }) }), { minLength: 1, maxLength: 6 }),
        decimalText({ digits: 6, scale: 0 }),
        (arms, lambda) => {
          const strategies = arms.map((a, i) => ({ name: `S${i}`, cost: cny(a.cost), effect: a.effect }));
          const r = netBenefit({ lambda: cny(lambda), strategies });
          r.strategies.forEach((s, i) => {
            const exact = new D(lambda).times(new D(arms[i]!.effect).minus(arms[0]!.effect)).minus(new D(arms[i]!.cost).minus(arms[0]!.cost));
            expect(s.incrementalNmb.amount.equals(exact.toDecimalPlaces(2, D.ROUND_HALF_UP))).toBe(true);
          });
          const best = r.strategies.find((s) => s.name === r.best)!;
          for (const s of r.strategies) expect(s.nmb.amount.lessThanOrEqualTo(best.nmb.amount)).toBe(true);
        },
      ),
    );
  });

  it("value score stays in [0, 100] and equals Σ weight × score", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 6 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 6, maxLength: 6 }), (scores, raw) => {
        const total = scores.reduce((a, _, i) => a + raw[i]!, 0);
        fc.pre(total > 0);
        // Weights in thousandths adjusted so they sum to exactly 1.
        const ws = scores.map((_, i) => Math.floor((raw[i]! * 1000) / total));
        ws[0]! += 1000 - ws.reduce((a, b) => a + b, 0);
        const dims = scores.map((s, i) => ({ name: `d${i}`, score: s, weight: (ws[i]! / 1000).toString() }));
        const r = valueScore({ dimensions: dims });
        const expected = dims.reduce((a, d) => a.plus(new D(d.weight).times(d.score)), new D(0));
        expect(r.score.equals(expected)).toBe(true);
        expect(r.score.greaterThanOrEqualTo(0) && r.score.lessThanOrEqualTo(100)).toBe(true);
      }),
    );
  });
});
