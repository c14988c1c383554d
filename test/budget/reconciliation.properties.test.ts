// Properties of the reconciliation family and prospective prices: monotone in spending,
// caps hold, target = actual pays 0, marginal corridors continuous, payer/provider conservation.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ippsPayment, ippsPayments, reconcile, reconcileEpisodes, type CorridorInput, type ReconcileEpisodesInput, type ReconcileInput, type ReconcileRiskCorridorsInput, type ReconcileSharedSavingsInput } from "../../src/index.js";
import { D } from "../../src/money/decimal.js";
import { runs } from "../arbitraries.js";

const cents = (n: number) => (n / 100).toFixed(2);
const rate = fc.integer({ min: 0, max: 100 }).map((n) => n / 100);
const spend = fc.integer({ min: 0, max: 400_000_00 }); // cents

// A marginal corridor table over [0, ∞) with 1–4 bands and any shares.
const corridor: fc.Arbitrary<CorridorInput> = fc
  .tuple(fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 3 }), fc.array(rate, { minLength: 4, maxLength: 4 }), fc.constantFrom("marginal" as const, "flat" as const))
  .map(([cuts, shares, method]) => {
    const edges = [0, ...[...cuts].sort((a, b) => a - b).map((c) => c / 100)];
    const s = method === "flat" ? [...shares].sort((a, b) => a - b) : shares;
    return { method, bands: edges.map((from, i) => ({ from, to: edges[i + 1] ?? null, share: s[i]! })) };
  });

const mssp: fc.Arbitrary<(perCapitaCents: number) => ReconcileSharedSavingsInput> = fc
  .record({ twoSided: fc.boolean(), msr: fc.integer({ min: 0, max: 5 }), sharing: rate, score: fc.integer({ min: 0, max: 100 }), method: fc.constantFrom("gate" as const, "sliding" as const), gainCap: fc.integer({ min: 0, max: 30 }), lossCap: fc.integer({ min: 0, max: 30 }), lossMin: fc.integer({ min: 0, max: 50 }), lossSpan: fc.integer({ min: 0, max: 50 }) })
  .map((k) => (perCapitaCents: number): ReconcileSharedSavingsInput => ({
    scheme: "shared-savings",
    currency: "USD",
    track: k.twoSided ? "two-sided" : "one-sided",
    benchmarkPerCapita: "1000",
    expenditure: { kind: "per-capita", perCapita: cents(Math.floor(perCapitaCents / 1000)), personYears: "1000.5" },
    minimumSavingsRate: { kind: "fixed", rate: k.msr / 100 },
    sharingRate: k.sharing,
    quality: { score: k.score, scale: { min: 0, max: 100 }, method: k.method, standard: 60 },
    savingsCap: { shareOfBenchmark: k.gainCap / 100 },
    ...(k.twoSided
      ? { minimumLossRate: k.msr / 100, lossCap: { shareOfBenchmark: k.lossCap / 100 }, sharedLossRate: { kind: "one-minus-final-sharing-rate" as const, min: k.lossMin / 100, max: (k.lossMin + k.lossSpan) / 100 } }
      : {}),
  }));

const reach: fc.Arbitrary<(actualCents: number) => ReconcileRiskCorridorsInput> = fc
  .record({ gains: corridor, losses: corridor, discount: fc.integer({ min: 0, max: 5 }), withhold: fc.integer({ min: 0, max: 5 }), score: rate, stop: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }) })
  .map((k) => (actualCents: number): ReconcileRiskCorridorsInput => ({
    scheme: "risk-corridors",
    currency: "USD",
    benchmark: "2000000.00",
    discount: k.discount / 100,
    qualityWithhold: { rate: k.withhold / 100, score: k.score },
    actual: cents(actualCents),
    gains: k.gains,
    losses: k.losses,
    ...(k.stop === undefined ? {} : { stopGain: { shareOfBenchmark: k.stop / 100 }, stopLoss: { shareOfBenchmark: k.stop / 100 } }),
  }));

const episodes: fc.Arbitrary<(actualCents: number) => ReconcileEpisodesInput> = fc
  .record({ stopGain: rate, stopLoss: fc.option(rate, { nil: null }), order: fc.constantFrom("quality-then-cap" as const, "cap-then-quality" as const), discount: fc.integer({ min: 0, max: 5 }), n: fc.integer({ min: 1, max: 5 }) })
  .map((k) => (actualCents: number): ReconcileEpisodesInput => ({
    scheme: "episode",
    currency: "USD",
    year: "PY",
    episodeTypes: [{ id: "A", benchmark: { kind: "blended", providerHistory: "300000", regionalHistory: "350000", weights: { provider: 2, regional: 1 } } }],
    discount: k.discount / 100,
    // the first episode carries the varying spending, the others are fixed
    episodes: Array.from({ length: k.n }, (_, i) => ({ id: `e${i}`, type: "A", actual: { amount: i === 0 ? cents(actualCents) : "310000.00", currency: "USD" } })),
    limits: { stopGain: k.stopGain, stopLoss: k.stopLoss },
    order: k.order,
  }));

const anyScheme: fc.Arbitrary<(x: number) => ReconcileInput> = fc.oneof(mssp, reach, episodes);

describe("reconciliation properties", () => {
  it("more spending never earns more (every scheme)", () => {
    fc.assert(
      fc.property(anyScheme, spend, spend, (doc, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const less = reconcile(doc(lo)).providerAmount.amount;
        const more = reconcile(doc(hi)).providerAmount.amount;
        expect(more.lessThanOrEqualTo(less)).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });
  it("caps always hold, and conservation: provider amount + payer amount = gross savings", () => {
    fc.assert(
      fc.property(anyScheme, spend, (doc, a) => {
        const r = reconcile(doc(a));
        if (r.cap !== null) expect(r.providerAmount.amount.abs().lessThanOrEqualTo(r.cap.amount)).toBe(true);
        expect(r.providerAmount.amount.plus(r.payerAmount.amount).equals(r.grossSavings.amount)).toBe(true);
        // sign: a provider is never paid on losses nor charged on savings
        if (r.grossSavings.amount.greaterThanOrEqualTo(0)) expect(r.providerAmount.amount.isNegative()).toBe(false);
        else expect(r.providerAmount.amount.greaterThan(0)).toBe(false);
        if (r.scheme !== "episode") expect(r.providerAmount.amount.abs().lessThanOrEqualTo(r.grossSavings.amount.abs())).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });
  it("target = actual pays 0", () => {
    fc.assert(
      fc.property(reach, episodes, mssp, (r, e, m) => {
        const rd = r(0);
        const target = reconcile(rd).target;
        expect(reconcile({ ...rd, actual: target.toJSON().amount }).providerAmount.amount.isZero()).toBe(true);
        const ed = e(0);
        const eTarget = reconcileEpisodes(ed).lines[0]!.targetPrice;
        const single = { ...ed, episodes: [{ id: "x", type: "A", actual: eTarget.toJSON() }] };
        expect(reconcile(single).providerAmount.amount.isZero()).toBe(true);
        const md = m(0);
        expect(reconcile({ ...md, expenditure: { kind: "per-capita", perCapita: "1000", personYears: "1000.5" } }).providerAmount.amount.isZero()).toBe(true);
      }),
      { numRuns: runs(100) },
    );
  });
  it("marginal corridors are continuous at every band edge", () => {
    const marginal = corridor.map((c) => ({ ...c, method: "marginal" as const }));
    fc.assert(
      fc.property(marginal, fc.boolean(), (c, losses) => {
        const doc = (actual: string): ReconcileRiskCorridorsInput => ({ scheme: "risk-corridors", currency: "USD", benchmark: "1000000.00", discount: 0, actual, gains: c, losses: c });
        for (const band of c.bands.slice(1)) {
          const edge = new D(band.from as number).times(1000000);
          const at = losses ? edge.plus(1000000) : new D(1000000).minus(edge);
          const f = (x: InstanceType<typeof D>) => reconcile(doc(x.toFixed(2))).providerAmount.amount;
          const mid = f(at);
          expect(f(at.plus("0.01")).minus(mid).abs().lessThanOrEqualTo("0.02")).toBe(true);
          expect(f(at.minus("0.01")).minus(mid).abs().lessThanOrEqualTo("0.02")).toBe(true);
        }
      }),
      { numRuns: runs(200) },
    );
  });
  it("deterministic: the same document gives the same JSON", () => {
    fc.assert(
      fc.property(anyScheme, spend, (doc, a) => {
        expect(JSON.stringify(reconcile(doc(a)))).toBe(JSON.stringify(reconcile(doc(a))));
      }),
      { numRuns: runs(50) },
    );
  });
});

describe("prospective price properties", () => {
  const hospital = (wi: number, flt: number, factor: number, wageAdjusted: boolean) => ({
    currency: "USD",
    operating: { standardizedAmount: "6000.00", laborShare: 0.676, wageIndex: wi },
    capital: { federalRate: "480.00", geographicAdjustmentFactor: 1.05 },
    imeRate: 0.04,
    dshRate: 0.02,
    costToChargeRatio: 0.3,
    ntap: { rate: 0.65 },
    outlier: { fixedLossThreshold: String(flt), marginalCostFactor: factor, wageAdjusted },
  });
  const args = fc.tuple(fc.integer({ min: 70, max: 150 }).map((n) => n / 100), fc.integer({ min: 0, max: 60000 }), rate, fc.boolean(), fc.integer({ min: 1, max: 400 }).map((n) => n / 10), fc.option(fc.integer({ min: 0, max: 500000 }), { nil: undefined }));
  it("more charges never pay less; the total is the DRG payment plus non-negative add-ons; bulk = one case at a time", () => {
    fc.assert(
      fc.property(args, spend, spend, ([wi, flt, factor, wageAdjusted, weight, tech], a, b) => {
        const h = hospital(wi, flt, factor, wageAdjusted);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const k = (charges: number) => ({ id: "c", drgWeight: weight, charges: cents(charges * 10), ...(tech === undefined ? {} : { newTechnology: { name: "t", cost: String(tech) } }) });
        const x = ippsPayment({ hospital: h, case: k(lo) });
        const y = ippsPayment({ hospital: h, case: k(hi) });
        expect(y.total.amount.greaterThanOrEqualTo(x.total.amount)).toBe(true);
        expect(x.newTechnologyAddOn.amount.isNegative() || x.outlier.amount.isNegative()).toBe(false);
        expect(x.total.amount.equals(x.drgPayment.amount.plus(x.newTechnologyAddOn.amount).plus(x.outlier.amount))).toBe(true);
        if (tech !== undefined) expect(x.newTechnologyAddOn.amount.lessThanOrEqualTo(new D(tech).times(0.65).toDecimalPlaces(2))).toBe(true);
        const bulk = ippsPayments({ hospital: h, cases: [k(lo), k(hi)] });
        expect(bulk.cases.map((c) => c.total.toJSON().amount)).toEqual([x.total.toJSON().amount, y.total.toJSON().amount]);
      }),
      { numRuns: runs(200) },
    );
  });
});
