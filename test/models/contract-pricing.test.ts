import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { divideRounded, DomainError, evaluateContract, priceContractUnderUncertainty, toMinorUnits, type PriceContractUnderUncertaintyInput, type RunMarkovModelInput } from "../../src/index.js";
import { caught, issues } from "../typed-errors.js";

// K1 (spec contracts.md): CNY 1,200,000; 40% at infusion; 30% at 3 months if no CRS since
// infusion; 30% at 6 months if no relapse since infusion. Currency stated explicitly.
const K1 = {
  id: "K1-cart-40-30-30",
  currency: "CNY",
  price: "1200000.00",
  payment: {
    type: "schedule",
    installments: [
      { id: "at-infusion", share: "0.4", due: { months: 0 } },
      { id: "month-3", share: "0.3", due: { months: 3 }, conditions: [{ type: "none", events: ["crs"] }] },
      { id: "month-6", share: "0.3", due: { months: 6 }, conditions: [{ type: "none", events: ["relapse"] }] },
    ],
  },
};

// Monthly CAR-T model: CRS is an acute one-cycle state in cycle 1 (probability pCrs), relapse
// at probability pRelapse every cycle from remission or CRS, relapse absorbing.
const therapy = (pCrs: unknown, pRelapse: unknown): RunMarkovModelInput => ({
  states: ["Remission", "CRS", "Relapse", "Dead"],
  initial: { Remission: 1 },
  cycles: 12,
  timeUnit: "month",
  counting: "end",
  transitions: [
    {
      matrix: {
        Remission: { Remission: "complement", CRS: { at: [pCrs as number, 0], by: "cycle" }, Relapse: pRelapse as number },
        CRS: { Remission: "complement", Relapse: pRelapse as number },
        Relapse: { Relapse: 1 },
        Dead: { Dead: 1 },
      },
    },
  ],
  streams: {
    cost: { values: { Remission: "1000", CRS: "50000", Relapse: "8000" }, discountRate: 0.03, currency: "CNY" },
    qaly: { per: "year", values: { Remission: 0.85, CRS: 0.5, Relapse: 0.55 }, discountRate: 0.03 },
  },
});
const comparator: RunMarkovModelInput = {
  states: ["Remission", "Relapse"],
  initial: { Remission: 1 },
  cycles: 12,
  timeUnit: "month",
  counting: "end",
  transitions: [{ matrix: { Remission: { Remission: "complement", Relapse: 0.3 }, Relapse: { Relapse: 1 } } }],
  streams: {
    cost: { values: { Remission: "20000", Relapse: "8000" }, discountRate: 0.03, currency: "CNY" },
    qaly: { per: "year", values: { Remission: 0.8, Relapse: 0.55 }, discountRate: 0.03 },
  },
};
const events = { start: "infusion" as const, onEnter: { CRS: { kind: "crs" as const }, Relapse: { kind: "relapse" as const }, Dead: { kind: "death" as const } } };

const base = (over: Partial<PriceContractUnderUncertaintyInput> = {}): PriceContractUnderUncertaintyInput => ({
  therapy: therapy(0.25, 0.1),
  comparator,
  attributes: {},
  population: { size: 100, attributes: {} },
  seed: 11,
  startDate: "2026-01-15",
  asOf: "2027-01-15",
  events,
  contract: K1,
  lambda: { amount: "300000", currency: "CNY" },
  ...over,
});

describe("contract pricing: expected net price = the hand-computed expectation of K1's branches", () => {
  it("K1: a patient table crossing CRS and relapse gives exactly 480,000 + 360,000·(1 − c) + 360,000·(1 − q)", () => {
    // Each patient's path is fixed by attributes (probabilities 0 or 1): crs ∈ {yes, no}, relapse ∈ {yes, no}.
    const model = therapy({ attr: "crs", is: "yes" }, { mul: [{ attr: "relapse", is: "yes" }, { at: [0, 0, 0, 1, 0], by: "cycle" }] });
    // 3 of 8 with CRS (c = 3/8), independently 2 of 4 relapsing in month 4 (q = 1/2): 8 patients
    const table: { crs: string; relapse: string }[] = [];
    for (const crs of ["yes", "yes", "yes", "no", "no", "no", "no", "no"]) table.push({ crs, relapse: table.length % 2 === 0 ? "yes" : "no" });
    const r = priceContractUnderUncertainty(
      base({
        therapy: model,
        attributes: { crs: { type: "category", levels: ["yes", "no"] }, relapse: { type: "category", levels: ["yes", "no"] } },
        population: undefined,
        patients: table.map((a, i) => ({ id: `p${i + 1}`, attributes: a })),
      }),
    );
    // branches: a (no CRS, no relapse) 1,200,000; b (CRS) 840,000; c (relapse) 840,000; d (both) 480,000
    // patients: crs yes/relapse yes (p1, p3), yes/no (p2), no/yes (p5, p7), no/no (p4, p6, p8)
    // Σ = 2·480,000 + 840,000 + 2·840,000 + 3·1,200,000 = 960,000 + 840,000 + 1,680,000 + 3,600,000 = 7,080,000
    // ÷ 8 = 885,000 = 480,000 + 360,000·(5/8) + 360,000·(4/8) = 480,000 + 225,000 + 180,000
    expect(r.expectedNetPrice.toString()).toBe("CNY 885000.00");
    expect(r.netPriceInterval.lower.toString()).toBe("CNY 885000.00");
    // withheld: 3·360,000 (CRS) + 4·360,000 (relapse) = 2,520,000 of 9,600,000 listed = 26.25%
    expect(r.withheldShare).toBeCloseTo(0.2625, 12);
    expect(r.refundedShare).toBe(0);
    expect(r.recoveredShare).toBeCloseTo(1 - 885000 / 1200000, 12);
    expect(r.patientsBelowList).toBeCloseTo(5 / 8, 12);
    // money exact per patient: every patient's net is the explained path's net to the fen
    for (const p of r.patientRecords!) {
      const ledger = evaluateContract(K1, p.events, "2027-01-15");
      expect(p.net.toString()).toBe(ledger.totals.net.toString());
      expect(p.withheld.toString()).toBe(ledger.totals.withheld.toString());
    }
    expect(r.patientRecords!.map((p) => p.net.toString())).toEqual([
      "CNY 480000.00", "CNY 840000.00", "CNY 480000.00", "CNY 1200000.00", "CNY 840000.00", "CNY 1200000.00", "CNY 840000.00", "CNY 1200000.00",
    ]);
  });

  it("K1 with fixed probabilities: the simulated mean is within Monte Carlo error of 480,000 + 360,000·(1 − c) + 360,000·(1 − r)^6", () => {
    // CRS only in cycle 1 (dated 2026-02-15, before the 3-month due date): P(no CRS) = 1 − c = 0.75.
    // Relapse in cycles 1–6 is dated on or before 2026-07-15 (the due date, inclusive): P(none) = 0.9^6 = 0.531441.
    // E[net] = 480,000 + 360,000·0.75 + 360,000·0.531441 = 480,000 + 270,000 + 191,318.76 = 941,318.76
    const N = 20000;
    const r = priceContractUnderUncertainty(base({ population: { size: N, attributes: {} }, keepPatients: false }));
    const expected = 941318.76;
    // SD of one patient's net ≤ √(360,000²·(0.25·0.75) + 360,000²·(0.531·0.469)) ≈ 236,000 → SE ≈ 1,670; 5 SE
    expect(Math.abs(Number(r.expectedNetPrice.amount) - expected)).toBeLessThan(8400);
    expect(r.patientRecords).toBeUndefined();
  });

  it("ICER and NMB use the expected net price in place of the list price", () => {
    const r = priceContractUnderUncertainty(base({ population: { size: 500, attributes: {} } }));
    const list = r.atListPrice;
    const deal = r.underContract;
    // the same patients, only the price differs: ΔC(list) − ΔC(contract) = list − expected net
    const diff = Number(list.incrementalCost.amount) - Number(deal.incrementalCost.amount);
    expect(diff).toBeCloseTo(1200000 - Number(r.expectedNetPrice.amount), 1);
    expect(deal.incrementalEffect).toBe(list.incrementalEffect);
    if (deal.icer !== null) expect(Number(deal.icer.amount)).toBeCloseTo(Number(deal.incrementalCost.amount) / deal.incrementalEffect, 0);
    // INMB = λ·ΔE − ΔC
    expect(Number(deal.incrementalNmb.amount)).toBeCloseTo(300000 * deal.incrementalEffect - Number(deal.incrementalCost.amount), 0);
    expect(Number(deal.incrementalNmb.amount)).toBeGreaterThan(Number(list.incrementalNmb.amount));
  });

  it("with PSA: the interval brackets the draws, the expectation is the mean of the draws, reproducible", () => {
    const input = base({
      parameters: { pCrs: { value: 0.25, distribution: { type: "beta", alpha: 25, beta: 75 } }, pRel: { value: 0.1, distribution: { type: "beta", alpha: 10, beta: 90 } } },
      therapy: therapy({ param: "pCrs" }, { param: "pRel" }),
      psa: { draws: 40 },
      population: { size: 200, attributes: {} },
    });
    const r = priceContractUnderUncertainty(input);
    expect(r.drawNetPrices).toHaveLength(40);
    const lo = Number(r.netPriceInterval.lower.amount);
    const hi = Number(r.netPriceInterval.upper.amount);
    expect(lo).toBeLessThan(hi);
    expect(Math.min(...r.drawNetPrices)).toBeLessThanOrEqual(lo);
    expect(Math.max(...r.drawNetPrices)).toBeGreaterThanOrEqual(hi);
    const mean = r.drawNetPrices.reduce((a, b) => a + b, 0) / 40;
    expect(Math.abs(mean - Number(r.expectedNetPrice.amount))).toBeLessThan(0.01);
    expect(r.underContract.incrementalNmbInterval).toBeDefined();
    expect(JSON.stringify(priceContractUnderUncertainty(input))).toBe(JSON.stringify(r));
  });

  it("a clawback (refund) is counted in the recovered share", () => {
    const withClawback = { ...K1, refunds: [{ type: "clawback", trigger: ["relapse"], within: { months: 6 }, share: "0.5" }] };
    const model = therapy(0, { mul: [{ attr: "relapse", is: "yes" }, { at: [0, 1, 0], by: "cycle" }] });
    const r = priceContractUnderUncertainty(
      base({
        contract: withClawback,
        therapy: model,
        attributes: { relapse: { type: "category", levels: ["yes", "no"] } },
        population: undefined,
        patients: [{ id: "r", attributes: { relapse: "yes" } }, { id: "w", attributes: { relapse: "no" } }],
      }),
    );
    // relapse on 2026-03-15 (end of cycle 2): paid 480,000 + 360,000 (no CRS) = 840,000, withheld 360,000 at month 6,
    // clawback 50% of the 840,000 paid = 420,000 → net 420,000. The other patient: 1,200,000.
    const ledger = evaluateContract(withClawback, r.patientRecords![0]!.events, "2027-01-15");
    expect(r.patientRecords![0]!.net.toString()).toBe(ledger.totals.net.toString());
    expect(r.patientRecords![0]!.net.toString()).toBe("CNY 420000.00");
    // expected (420,000 + 1,200,000) / 2 = 810,000; refunded 420,000 of 2,400,000 = 17.5%, withheld 15%
    expect(r.expectedNetPrice.toString()).toBe("CNY 810000.00");
    expect(r.refundedShare).toBeCloseTo(0.175, 12);
    expect(r.withheldShare).toBeCloseTo(0.15, 12);
    expect(r.recoveredShare).toBeCloseTo(0.325, 12);
  });
});

describe("contract pricing: properties", () => {
  it("property: the expected net price is Σ exact per-patient nets ÷ patients (half-up), each net within [40%, 100%] of K1's price", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.double({ min: 0, max: 0.9, noNaN: true }), (size, seed, pCrs) => {
        const r = priceContractUnderUncertainty(base({ population: { size, attributes: {} }, seed, therapy: therapy(pCrs, 0.1) }));
        const nets = r.patientRecords!.map((p) => toMinorUnits(p.net));
        const total = nets.reduce((a, b) => a + b, 0n);
        expect(toMinorUnits(r.expectedNetPrice)).toBe(divideRounded(total, BigInt(size), "half-up"));
        for (const n of nets) expect(n >= 48_000_000n && n <= 120_000_000n).toBe(true);
        // conservation: withheld + net = the price for every patient (K1 has no refunds)
        const withheld = r.patientRecords!.reduce((a, p) => a + toMinorUnits(p.withheld), 0n);
        expect(total + withheld).toBe(120_000_000n * BigInt(size));
      }),
      { numRuns: 15 },
    );
  });
});

describe("contract pricing: bad input", () => {
  it("a contract that does not state its currency is refused", () => {
    const { currency: _c, ...noCurrency } = K1;
    expect(issues(() => priceContractUnderUncertainty(base({ contract: noCurrency })))[0]).toMatchObject({ path: ["contract", "currency"], code: "missing_currency" });
  });
  it("lambda or model costs in another currency", () => {
    expect(issues(() => priceContractUnderUncertainty(base({ lambda: { amount: "300000", currency: "USD" } })))[0]).toMatchObject({ path: ["lambda", "currency"], code: "currency_mismatch" });
    const usd = { ...comparator, streams: { ...comparator.streams, cost: { ...comparator.streams.cost!, currency: "USD" } } };
    expect(issues(() => priceContractUnderUncertainty(base({ comparator: usd })))[0]).toMatchObject({ path: ["comparator", "streams", "cost", "currency"] });
  });
  it("missing streams, unknown keys, unknown event states", () => {
    expect(issues(() => priceContractUnderUncertainty(base({ effectStream: "ly" })))[0]).toMatchObject({ path: ["therapy", "streams"], code: "unknown_reference" });
    expect(issues(() => priceContractUnderUncertainty({ ...base(), price: "1" } as never))[0]!.code).toBe("unrecognized_keys");
    expect(issues(() => priceContractUnderUncertainty(base({ events: { start: "infusion", onEnter: { Progressed: { kind: "progression" } } } })))[0]).toMatchObject({ path: ["events", "onEnter", "Progressed"] });
  });
  it("an event history the contract refuses surfaces as the contract's typed error", () => {
    // asOf before the start: the ledger is empty but valid; a start date after asOf is still a typed outcome
    const e = caught(() => priceContractUnderUncertainty(base({ asOf: "2026-13-01" })));
    expect(e).not.toBeInstanceOf(TypeError);
    expect(e instanceof DomainError || e.name === "ValidationError").toBe(true);
  });
});

describe("contract pricing: explanation", () => {
  it("its rule ids are kebab-case dotted paths (models.contract-pricing.*), in the order the steps are read", () => {
    const r = priceContractUnderUncertainty(base());
    expect(r.explanation.map((s) => s.rule)).toEqual([
      "models.contract-pricing.simulation",
      "models.contract-pricing.net-price",
      "models.contract-pricing.at-list",
      "models.contract-pricing.under-contract",
    ]);
  });
});
