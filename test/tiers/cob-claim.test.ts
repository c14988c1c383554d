// Coordination of benefits on whole claims: secondary methods by formula (T6–T6c), the
// Medicare Secondary Payer rule (42 CFR 411.33 and its example), secondary accumulators,
// equal shares, the benefit reserve, bad input and properties.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  coordinateClaim,
  type CoordinateClaimInput,
  isLibraryError,
  type CoverageLayerInput,
  medicareSecondaryPayment,
  type Money,
  parseLayers,
  splitBill,
} from "../../src/index.js";
import { caught, domainError, issues, subMinorUnit } from "../typed-errors.js";

const cents = (m: Money) => BigInt(m.amount.times(100).toFixed(0));
const usd = (layers: CoverageLayerInput[]) => ({ currency: "USD", layers });
const at = (rate: number, extra: Partial<{ deductible: string; cap: string }> = {}) => usd([{ kind: "commercial", id: "benefit", rate, ...extra }]);
const base = { currency: "USD", year: 2026, personId: "p-1" } as const;
const own = { id: "own", coveredAs: "subscriber" as const };
const spouse = { id: "spouse", coveredAs: "spouse" as const };

describe("COB: secondary methods on a claim (tiers.md T6)", () => {
  const claim = (secondaryRate: number, kind: "standard" | "nonDuplication") =>
    coordinateClaim({
      ...base,
      allowable: "1000",
      plans: [
        { coverage: spouse, plan: at(secondaryRate), method: { kind } },
        { coverage: own, plan: at(0.8) },
      ],
    });

  it("T6: allowed 1,000, primary 800, secondary normal 700, standard → 200", () => {
    // primary 0.8 × 1,000 = 800; standard: min(700, 1,000 − 800) = 200; patient 0.
    const r = claim(0.7, "standard");
    expect(r.plans.map((p) => [p.id, p.role, p.amount.amount.toFixed(2)])).toEqual([
      ["own", "primary", "800.00"],
      ["spouse", "secondary", "200.00"],
    ]);
    expect(r.patient.amount.toFixed(2)).toBe("0.00");
    expect(r.explanation.map((s) => s.rule)).toContain("tiers.coordination.standard");
  });

  it("T6b: secondary normal 700, non-duplication → max(0, 700 − 800) = 0", () => {
    const r = claim(0.7, "nonDuplication");
    expect(r.plans[1]!.amount.amount.toFixed(2)).toBe("0.00");
    expect(r.patient.amount.toFixed(2)).toBe("200.00");
  });

  it("T6c: secondary normal 900, non-duplication → 900 − 800 = 100", () => {
    const r = claim(0.9, "nonDuplication");
    expect(r.plans[1]!.amount.amount.toFixed(2)).toBe("100.00");
    expect(r.patient.amount.toFixed(2)).toBe("100.00");
  });

  it("maintenance of benefits: 80% × (1,000 − 800 − remaining deductible 100) = 80", () => {
    // secondary alone: deductible 100 absorbed, 0.8 × 900 = 720 normal; MOB 0.8 × (1,000 − 800 − 100) = 80.
    const r = coordinateClaim({
      ...base,
      allowable: "1000",
      plans: [
        { coverage: own, plan: at(0.8) },
        { coverage: spouse, plan: at(0.8, { deductible: "100" }), method: { kind: "maintenanceOfBenefits", coinsurance: 0.8 } },
      ],
    });
    expect(r.plans[1]!.normalBenefit.amount.toFixed(2)).toBe("720.00");
    expect(r.plans[1]!.amount.amount.toFixed(2)).toBe("80.00");
    expect(r.patient.amount.toFixed(2)).toBe("120.00");
  });
});

describe("COB: Medicare Secondary Payer (42 CFR 411.33)", () => {
  it("411.33(b) example: charge 175; primary allowed 150, paid 120; Medicare fee 125 → Medicare pays 30", () => {
    // (1) 175 − 120 = 55; (2) 0.80 × 125 = 100; (3) max(125, 150) − 120 = 30 → lowest 30.
    const r = medicareSecondaryPayment({
      currency: "USD",
      primaryPaid: "120",
      service: { basis: "feeSchedule", actualCharge: "175", primaryAllowed: "150", feeSchedule: "125", medicareRate: 0.8 },
    });
    expect(r.amounts.map((a) => a.amount.amount.toFixed(2))).toEqual(["55.00", "100.00", "30.00"]);
    expect(r.medicarePays.amount.toFixed(2)).toBe("30.00");
    expect(r.explanation[0]!.rule).toBe("tiers.coordination.msp.fee-schedule");
  });

  it("the fee schedule counts when it is the higher: fee 160, allowed 150 → (3) = 160 − 120 = 40", () => {
    // (1) 55; (2) 0.8 × 160 = 128; (3) max(160, 150) − 120 = 40.
    const r = medicareSecondaryPayment({ currency: "USD", primaryPaid: "120", service: { basis: "feeSchedule", actualCharge: "175", primaryAllowed: "150", feeSchedule: "160", medicareRate: 0.8 } });
    expect(r.medicarePays.amount.toFixed(2)).toBe("40.00");
  });

  it("the unmet Part B deductible lowers amount (2): fee 125, deductible left 100 → 0.8 × 25 = 20", () => {
    const r = medicareSecondaryPayment({ currency: "USD", primaryPaid: "120", service: { basis: "feeSchedule", actualCharge: "175", primaryAllowed: "150", feeSchedule: "125", medicareRate: 0.8, deductibleRemaining: "100" } });
    expect(r.amounts[1]!.amount.amount.toFixed(2)).toBe("20.00");
    expect(r.medicarePays.amount.toFixed(2)).toBe("20.00");
  });

  it("411.33(e): services on another basis — the lowest of four amounts", () => {
    // gross 3,000, deductible+coinsurance 1,600, charges 4,000, primary paid 2,200:
    // (1) 3,000 − 1,600 = 1,400; (2) 3,000 − 2,200 = 800; (3) 4,000 − 2,200 = 1,800; (4) 4,000 − 1,600 = 2,400 → 800.
    const r = medicareSecondaryPayment({ currency: "USD", primaryPaid: "2200", service: { basis: "other", grossPayable: "3000", deductibleAndCoinsurance: "1600", charges: "4000" } });
    expect(r.amounts.map((a) => a.amount.amount.toFixed(0))).toEqual(["1400", "800", "1800", "2400"]);
    expect(r.medicarePays.amount.toFixed(2)).toBe("800.00");
  });

  it("a primary payment above every amount leaves Medicare 0, never negative; payment in full → 0", () => {
    const r = medicareSecondaryPayment({ currency: "USD", primaryPaid: "200", service: { basis: "feeSchedule", actualCharge: "175", primaryAllowed: "150", feeSchedule: "125", medicareWouldPay: "100" } });
    expect(r.medicarePays.amount.toFixed(2)).toBe("0.00");
    const full = medicareSecondaryPayment({ currency: "USD", primaryPaid: "120", primaryPaymentInFull: true, service: { basis: "feeSchedule", actualCharge: "175", primaryAllowed: "150", feeSchedule: "125", medicareRate: 0.8 } });
    expect(full.medicarePays.amount.toFixed(2)).toBe("0.00");
    expect(full.explanation[0]!.rule).toBe("tiers.coordination.msp.payment-in-full");
  });

  it("bad input: Medicare's own amount given twice or not at all; no currency", () => {
    expect(issues(() => medicareSecondaryPayment({ currency: "USD", primaryPaid: "1", service: { basis: "feeSchedule", actualCharge: "1", primaryAllowed: "1", feeSchedule: "1" } }))[0]!.path).toEqual(["service", "medicareWouldPay"]);
    expect(issues(() => medicareSecondaryPayment({ currency: "USD", primaryPaid: "1", service: { basis: "feeSchedule", actualCharge: "1", primaryAllowed: "1", feeSchedule: "1", medicareWouldPay: "1", medicareRate: 0.8 } }))[0]!.code).toBe("ambiguous_amount");
    expect(issues(() => medicareSecondaryPayment({ primaryPaid: "1", service: { basis: "other", grossPayable: "1", deductibleAndCoinsurance: "0", charges: "1" } } as never))[0]!.path).toEqual(["currency"]);
  });

  it("the same example inside a claim: employer plan primary, Medicare secondary by law", () => {
    // Employer plan: allowed 150 (its catalogue) at 80% = 120. Medicare alone: fee 125 at 80% = 100. MSP → 30.
    const r = coordinateClaim({
      ...base,
      allowable: "175",
      plans: [
        {
          coverage: { id: "medicare", coveredAs: "subscriber", secondaryByLaw: true },
          plan: usd([{ kind: "basic", id: "part-b", rate: 0.8 }]),
          catalogueAmount: "125",
          method: { kind: "medicareSecondaryPayer", basis: "feeSchedule", actualCharge: "175", feeSchedule: "125", primaryAllowed: "150" },
        },
        { coverage: { id: "employer", coveredAs: "subscriber", status: "active" }, plan: usd([{ kind: "basic", id: "group", rate: 0.8 }]), catalogueAmount: "150" },
      ],
    });
    expect(r.positions).toEqual([["employer"], ["medicare"]]);
    expect(r.plans.map((p) => p.amount.amount.toFixed(2))).toEqual(["120.00", "30.00"]);
    expect(r.patient.amount.toFixed(2)).toBe("25.00");
    expect(r.explanation.find((s) => s.rule === "tiers.coordination.medicare-secondary-payer")!.text).toContain("= USD 30.00");
  });
});

describe("COB: a secondary plan's accumulators and the benefit reserve", () => {
  // Primary: basic (catalogue items) 80%, no deductible. Secondary: commercial, deductible 500, 80%, cap 5,000, standard COB.
  const primary = { coverage: own, plan: parseLayers(usd([{ kind: "basic", id: "basic", rate: 0.8 }])) };
  const secondaryPlan = parseLayers(usd([{ kind: "commercial", id: "comm", deductible: "500", rate: 0.8, cap: "5000" }]));
  const run = (prev: ReturnType<typeof coordinateClaim> | null, catalogue: string, reserve = true) =>
    coordinateClaim({
      ...base,
      allowable: "1000",
      plans: [
        { ...primary, catalogueAmount: catalogue, ...(prev ? { accumulators: prev.plans.find((p) => p.id === "own")!.accumulators } : {}) },
        { coverage: spouse, plan: secondaryPlan, method: { kind: "standard" }, ...(prev ? { accumulators: prev.plans.find((p) => p.id === "spouse")!.accumulators } : {}) },
      ],
      ...(reserve ? { reserve: prev?.reserve ?? { personId: "p-1", year: 2026, currency: "USD", balances: {} } } : {}),
    });

  it("claim 1: credits the whole deductible it would have credited alone, counts only what it paid toward its cap, banks the savings", () => {
    // primary 800. secondary alone: 500 to the deductible, 0.8 × 500 = 400; standard min(400, 200) = 200; savings 400 − 200 = 200.
    const r = run(null, "1000");
    const s = r.plans[1]!;
    expect([s.normalBenefit, s.amount, s.savings, s.deductibleCredited].map((m) => m.amount.toFixed(2))).toEqual(["400.00", "200.00", "200.00", "500.00"]);
    expect(s.accumulators.layers.comm).toEqual({ deductibleMet: "500.00", paid: "200.00" });
    // alone, the plan would have counted 400 toward the cap
    expect(splitBill({ plan: secondaryPlan, bill: "1000", year: 2026 }).accumulators.layers.comm!.paid).toBe("400.00");
    expect(r.reserve).toEqual({ personId: "p-1", year: 2026, currency: "USD", balances: { spouse: "200.00" } });
    expect(r.explanation.map((x) => x.rule)).toEqual(expect.arrayContaining(["tiers.coordination.reserve.bank", "tiers.coordination.accumulators"]));
  });

  it("claims 2 and 3: the reserve pays what the primary leaves when it covers nothing", () => {
    const r1 = run(null, "1000");
    // claim 2: deductible met; normal 0.8 × 1,000 = 800; pays min(800, 200) = 200; savings 600 → balance 800; cap used 400.
    const r2 = run(r1, "1000");
    expect(r2.plans[1]!.amount.amount.toFixed(2)).toBe("200.00");
    expect(r2.reserve!.balances.spouse).toBe("800.00");
    expect(r2.plans[1]!.accumulators.layers.comm!.paid).toBe("400.00");
    // claim 3: off the primary's catalogue → primary 0; secondary normal 800, pays 800; 200 unpaid; draws 200 of its 800 balance.
    const r3 = run(r2, "0");
    expect(r3.plans.map((p) => p.amount.amount.toFixed(2))).toEqual(["0.00", "1000.00"]);
    expect(r3.plans[1]!.fromReserve.amount.toFixed(2)).toBe("200.00");
    expect(r3.patient.amount.toFixed(2)).toBe("0.00");
    expect(r3.reserve!.balances.spouse).toBe("600.00");
    expect(r3.plans[1]!.accumulators.layers.comm!.paid).toBe("1400.00");
  });

  it("without a reserve the person pays what the plans leave; nothing is banked", () => {
    const r1 = run(null, "1000", false);
    expect(r1.reserve).toBeNull();
    expect(r1.plans[1]!.savings.amount.toFixed(2)).toBe("0.00");
  });

  it("the reserve draw stays within the plan's cap", () => {
    // cap 500: claim 1 pays 200 (cap used 200, balance 200). Claim 2 off the primary's catalogue: normal
    // 0.8 × 1,000 = 800 limited by the cap to 300; pays 300; 700 unpaid; cap room 0 → no draw.
    const capped = parseLayers(usd([{ kind: "commercial", id: "comm", deductible: "500", rate: 0.8, cap: "500" }]));
    const go = (prev: ReturnType<typeof coordinateClaim> | null, catalogue: string) =>
      coordinateClaim({
        ...base,
        allowable: "1000",
        plans: [
          { ...primary, catalogueAmount: catalogue },
          { coverage: spouse, plan: capped, method: { kind: "standard" }, ...(prev ? { accumulators: prev.plans[1]!.accumulators } : {}) },
        ],
        reserve: prev?.reserve ?? { personId: "p-1", year: 2026, currency: "USD", balances: {} },
      });
    const r2 = go(go(null, "1000"), "0");
    expect(r2.plans[1]!.amount.amount.toFixed(2)).toBe("300.00");
    expect(r2.plans[1]!.fromReserve.amount.toFixed(2)).toBe("0.00");
    expect(r2.plans[1]!.accumulators.layers.comm!.paid).toBe("500.00");
  });

  it("bad input: a reserve of another person or another year, accumulators of another year", () => {
    const r1 = run(null, "1000");
    const plans = [primary, { coverage: spouse, plan: secondaryPlan, method: { kind: "standard" as const } }];
    expect(domainError(() => coordinateClaim({ ...base, allowable: "1", plans, reserve: { ...r1.reserve!, personId: "p-2" } })).path).toEqual(["reserve", "personId"]);
    const y = domainError(() => coordinateClaim({ ...base, year: 2027, allowable: "1", plans, reserve: r1.reserve! }));
    expect([y.path, y.details.reason]).toEqual([["reserve", "year"], "reserve_other_year"]);
    expect(domainError(() => coordinateClaim({ ...base, year: 2027, allowable: "1", plans: [primary, { ...plans[1]!, accumulators: r1.plans[1]!.accumulators }] })).path).toEqual(["plans", 1, "accumulators", "year"]);
  });
});

describe("COB: equal shares and bad input", () => {
  it("NAIC D(6) on a claim: two plans no rule orders share what is unpaid, the odd cent to the first by id", () => {
    // 1,000.01 = 100,001 cents → 50,001 + 50,000; each normal 0.8 × 1,000.01 = 800.01 (half-up) covers its share.
    const r = coordinateClaim({
      ...base,
      allowable: "1000.01",
      plans: [
        { coverage: { id: "b", coveredAs: "subscriber", coveredSince: "2020-01-01" }, plan: at(0.8) },
        { coverage: { id: "a", coveredAs: "subscriber", coveredSince: "2020-01-01" }, plan: at(0.8) },
      ],
    });
    expect(r.plans.map((p) => [p.id, p.role, p.amount.amount.toFixed(2)])).toEqual([
      ["a", "equalShare", "500.01"],
      ["b", "equalShare", "500.00"],
    ]);
  });

  it("an equal share never exceeds what the plan would pay as primary", () => {
    // shares 500 each; plan a's normal benefit is 0.3 × 1,000 = 300.
    const r = coordinateClaim({
      ...base,
      allowable: "1000",
      plans: [
        { coverage: { id: "a", coveredAs: "subscriber", coveredSince: "2020-01-01" }, plan: at(0.3) },
        { coverage: { id: "b", coveredAs: "subscriber", coveredSince: "2020-01-01" }, plan: at(0.8) },
      ],
    });
    expect(r.plans.map((p) => p.amount.amount.toFixed(2))).toEqual(["300.00", "500.00"]);
    expect(r.patient.amount.toFixed(2)).toBe("200.00");
  });

  it("bad input: a secondary plan without a method; a plan in another currency; errors inside a plan carry its path", () => {
    expect(issues(() => coordinateClaim({ ...base, allowable: "1000", plans: [{ coverage: own, plan: at(0.8) }, { coverage: spouse, plan: at(0.7) }] }))[0]).toMatchObject({ path: ["plans", 1, "method"], code: "missing_method" });
    expect(domainError(() => coordinateClaim({ ...base, allowable: "1000", plans: [{ coverage: own, plan: { currency: "EUR", layers: [{ kind: "commercial", rate: 0.8 }] } }, { coverage: spouse, plan: at(0.7), method: { kind: "standard" } }] })).path).toEqual(["plans", 0, "plan", "currency"]);
    expect(issues(() => coordinateClaim({ ...base, allowable: "1000", plans: [{ coverage: own, plan: usd([{ kind: "commercial", rate: 2 }]) }] }))[0]!.path).toEqual(["plans", 0, "plan", "layers", 0, "rate"]);
    expect(subMinorUnit(() => coordinateClaim({ ...base, allowable: "1000.001", plans: [{ coverage: own, plan: at(0.8) }] })).path).toEqual(["allowable"]);
    // a patient attribute a plan's rate table needs is reported at the claim's patient, not inside the plan
    const table = usd([{ kind: "basic", id: "b", rate: { by: "insuranceType", categories: { employee: 0.75 } } }]);
    expect(issues(() => coordinateClaim({ ...base, allowable: "100", patient: {}, plans: [{ coverage: own, plan: table }] }))[0]!.path).toEqual(["patient", "insuranceType"]);
    const both = domainError(() => coordinateClaim({ ...base, allowable: "1", plans: [{ coverage: { ...own, cobProvision: false }, plan: at(0.8) }, { coverage: { ...spouse, cobProvision: false }, plan: at(0.8) }] }));
    expect([both.path, both.details.plans]).toEqual([["plans", 0, "coverage"], ["own", "spouse"]]);
  });
});

// ---------------------------------------------------------------------------------------
const methodArb = fc.oneof(
  fc.constant({ kind: "standard" as const }),
  fc.constant({ kind: "nonDuplication" as const }),
  fc.integer({ min: 0, max: 100 }).map((c) => ({ kind: "maintenanceOfBenefits" as const, coinsurance: c / 100 })),
  fc.tuple(fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 0, max: 500_000 })).map(([c, f, a]) => ({
    kind: "medicareSecondaryPayer" as const,
    basis: "feeSchedule" as const,
    actualCharge: (c / 100).toFixed(2),
    feeSchedule: (f / 100).toFixed(2),
    primaryAllowed: (a / 100).toFixed(2),
  })),
);
const planDocArb = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 200_000 }), fc.option(fc.integer({ min: 0, max: 400_000 }), { nil: undefined }))
  .map(([r, d, c]) => usd([{ kind: "commercial", id: "x", rate: r / 100, deductible: (d / 100).toFixed(2), ...(c === undefined ? {} : { cap: (c / 100).toFixed(2) }) }]));
const claimPlanArb = (id: string) =>
  fc.record({
    coverage: fc.record({ id: fc.constant(id), coveredAs: fc.constantFrom("subscriber" as const, "spouse" as const), status: fc.constantFrom("active" as const, "retired" as const), coveredSince: fc.constantFrom("2010-01-01", "2018-07-01") }),
    plan: planDocArb,
    method: methodArb,
  });
const claimArb = fc.record({
  allowable: fc.integer({ min: 0, max: 500_000 }).map((n) => (n / 100).toFixed(2)),
  plans: fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => claimPlanArb(`p${i}`)))),
  reserve: fc.option(fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 })), { nil: undefined }),
});
const toInput = (c: fc.Arbitrary<unknown> extends never ? never : { allowable: string; plans: unknown[]; reserve?: [number, number] }): CoordinateClaimInput => ({
  ...base,
  allowable: c.allowable,
  plans: c.plans as CoordinateClaimInput["plans"],
  ...(c.reserve ? { reserve: { personId: "p-1", year: 2026, currency: "USD", balances: { p0: (c.reserve[0] / 100).toFixed(2), p1: (c.reserve[1] / 100).toFixed(2) } } } : {}),
});

describe("COB: properties", () => {
  it("conservation (plans + person = allowable), each plan within [0, its normal benefit + reserve draw], never above the allowable expense", () => {
    fc.assert(
      fc.property(claimArb, (c) => {
        const r = coordinateClaim(toInput(c));
        const allowable = cents(r.allowable);
        let sum = 0n;
        for (const p of r.plans) {
          const a = cents(p.amount);
          expect(a >= 0n).toBe(true);
          expect(a - cents(p.fromReserve) <= cents(p.normalBenefit)).toBe(true);
          sum += a;
          expect(sum <= allowable).toBe(true);
        }
        expect(sum).toBe(cents(r.covered));
        expect(cents(r.covered) + cents(r.patient)).toBe(allowable);
      }),
      { numRuns: 200 },
    );
  });

  it("no cap accumulator of a coordinated plan ever exceeds its cap, and the deductible credited is what the plan would credit alone", () => {
    fc.assert(
      fc.property(claimArb, (c) => {
        const input = toInput(c);
        const r = coordinateClaim(input);
        for (const p of r.plans) {
          const doc = input.plans.find((q) => q.coverage.id === p.id)!;
          const alone = splitBill({ plan: doc.plan as never, bill: c.allowable, year: 2026 });
          expect(p.accumulators.layers.x!.deductibleMet).toBe(alone.accumulators.layers.x!.deductibleMet);
          const cap = (doc.plan as { layers: { cap?: string }[] }).layers[0]!.cap;
          if (cap !== undefined) expect(Number(p.accumulators.layers.x!.paid) <= Number(cap)).toBe(true);
          expect(p.accumulators.layers.x!.paid).toBe(p.amount.amount.toFixed(2));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("the result does not depend on the order the plans are listed in", () => {
    fc.assert(
      fc.property(claimArb, (c) => {
        const a = coordinateClaim(toInput(c));
        const b = coordinateClaim(toInput({ ...c, plans: [...c.plans].reverse() }));
        expect(JSON.stringify(b, (_k, v: unknown) => (typeof v === "object" && v !== null && "amount" in v && "currency" in v && Object.keys(v).length === 2 ? String((v as Money).amount) : v))).toBe(
          JSON.stringify(a, (_k, v: unknown) => (typeof v === "object" && v !== null && "amount" in v && "currency" in v && Object.keys(v).length === 2 ? String((v as Money).amount) : v)),
        );
      }),
      { numRuns: 150 },
    );
  });

  it("the reserve never goes negative and changes by savings − draws", () => {
    fc.assert(
      fc.property(claimArb, (c) => {
        const input = toInput({ ...c, reserve: c.reserve ?? [0, 0] });
        const r = coordinateClaim(input);
        const before = input.reserve!.balances as Record<string, string>;
        for (const p of r.plans) {
          const b0 = BigInt(Math.round(Number(before[p.id] ?? "0") * 100));
          const b1 = BigInt(Math.round(Number(r.reserve!.balances[p.id] ?? "0") * 100));
          expect(b1 >= 0n).toBe(true);
          expect(b1).toBe(b0 + cents(p.savings) - cents(p.fromReserve));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("COB: a multi-layer secondary plan", () => {
  it("the reduction falls on its layers in proportion to what each paid alone", () => {
    // Secondary alone: basic 50% of 1,000 = 500, then commercial 50% of the remaining 500 = 250 → normal 750.
    // Standard: min(750, 1,000 − 700) = 300, counted 300 × 500/750 = 200 and 300 × 250/750 = 100.
    const r = coordinateClaim({
      ...base,
      allowable: "1000",
      plans: [
        { coverage: own, plan: at(0.7) },
        { coverage: spouse, plan: usd([{ kind: "basic", id: "b", rate: 0.5, cap: "10000" }, { kind: "commercial", id: "c", rate: 0.5, cap: "10000" }]), method: { kind: "standard" } },
      ],
    });
    expect(r.plans[1]!.normalBenefit.amount.toFixed(2)).toBe("750.00");
    expect(r.plans[1]!.amount.amount.toFixed(2)).toBe("300.00");
    expect([r.plans[1]!.accumulators.layers.b!.paid, r.plans[1]!.accumulators.layers.c!.paid]).toEqual(["200.00", "100.00"]);
  });
});

describe("COB with the plans' limits, item categories and family cover", () => {
  it("a secondary plan's lifetime counter and category sub-limit count only what it paid", () => {
    // Secondary: tests 100% within a 100,000 sub-limit, drugs 50%; lifetime cap 2,000,000.
    // Lines: test 30,000 + drug 150,000 = 180,000. Alone: tests 30,000 + drugs 75,000 = 105,000.
    // Primary pays 60% = 108,000; standard: min(105,000, 72,000) = 72,000, charged in proportion
    // 30,000 : 75,000 → tests 72,000 × 30/105 = 20,571.43 (largest remainder), drugs 51,428.57.
    const secondary = usd([{ kind: "commercial", id: "special", rate: 0, lifetimeCap: "2000000", categories: { test: { rate: 1, subLimit: "100000" }, drug: { rate: 0.5 } } }]);
    const primary = usd([{ kind: "basic", id: "basic", rate: 0.6, categories: { test: {}, drug: {} } }]);
    const r = coordinateClaim({
      ...base,
      allowable: "180000",
      lines: [{ category: "test", amount: "30000" }, { category: "drug", amount: "150000" }],
      plans: [
        { coverage: own, plan: primary },
        { coverage: spouse, plan: secondary, method: { kind: "standard" } },
      ],
    });
    const s = r.plans[1]!;
    expect(s.normalBenefit.amount.toFixed(2)).toBe("105000.00");
    expect(s.amount.amount.toFixed(2)).toBe("72000.00");
    expect(s.accumulators.layers.special!.lifetimePaid).toBe("72000.00");
    expect(s.accumulators.layers.special!.categories!.test).toBe("20571.43");
    expect(s.accumulators.person).toBe("p-1");
  });

  it("a reserve draw stays within the lifetime cap", () => {
    // Secondary 80%, lifetime cap 1,000, annual cap none; claim 1 banks 800 − 200 = 600 (lifetime used 200).
    // Claim 2 off the primary's catalogue: normal 800 → pays 800 (lifetime 1,000 reached); 200 unpaid; no room → no draw.
    const secondary = parseLayers(usd([{ kind: "commercial", id: "c", rate: 0.8, lifetimeCap: "1000" }]));
    const primary = parseLayers(usd([{ kind: "basic", id: "b", rate: 0.8 }]));
    const go = (prev: ReturnType<typeof coordinateClaim> | null, catalogue: string) =>
      coordinateClaim({
        ...base,
        allowable: "1000",
        plans: [
          { coverage: own, plan: primary, catalogueAmount: catalogue },
          { coverage: spouse, plan: secondary, method: { kind: "standard" }, ...(prev ? { accumulators: prev.plans[1]!.accumulators } : {}) },
        ],
        reserve: prev?.reserve ?? { personId: "p-1", year: 2026, currency: "USD", balances: {} },
      });
    const r1 = go(null, "1000");
    expect([r1.plans[1]!.amount.amount.toFixed(2), r1.reserve!.balances.spouse, r1.plans[1]!.accumulators.layers.c!.lifetimePaid]).toEqual(["200.00", "600.00", "200.00"]);
    const r2 = go(r1, "0");
    expect(r2.plans[1]!.amount.amount.toFixed(2)).toBe("800.00");
    expect(r2.plans[1]!.fromReserve.amount.toFixed(2)).toBe("0.00");
    expect(r2.plans[1]!.accumulators.layers.c!.lifetimePaid).toBe("1000.00");
  });

  it("family cover: the claim's family reaches each plan's waterfall and its family accumulators come back", () => {
    const fam = usd([{ kind: "commercial", id: "f", rate: 0.8, deductible: "500", familyDeductible: "1000", familyDesign: "embedded" }]);
    const r = coordinateClaim({ ...base, family: "F1", allowable: "300", plans: [{ coverage: own, plan: fam }, { coverage: spouse, plan: at(0.5), method: { kind: "standard" } }] });
    // primary: 300 all to the deductible → pays 0; secondary 0.5 × 300 = 150.
    expect(r.plans.map((p) => p.amount.amount.toFixed(2))).toEqual(["0.00", "150.00"]);
    expect(r.plans[0]!.familyAccumulators).toMatchObject({ family: "F1", year: 2026 });
    expect(r.plans[0]!.familyAccumulators!.layers.f!.deductibleMet).toBe("300.00");
  });

  it("bad input: accumulators of another person; lines that do not add up to the allowable expense", () => {
    const r1 = coordinateClaim({ ...base, allowable: "100", plans: [{ coverage: own, plan: at(0.8) }] });
    const e = caught(() => coordinateClaim({ ...base, personId: "p-2", allowable: "100", plans: [{ coverage: own, plan: at(0.8), accumulators: r1.plans[0]!.accumulators }] }));
    expect(isLibraryError(e)).toBe(true);
    expect((e as { path?: unknown }).path ?? (e as unknown as { issues: { path: unknown }[] }).issues[0]!.path).toEqual(["plans", 0, "accumulators", "person"]);
    const cats = usd([{ kind: "commercial", id: "x", rate: 0.8, categories: { drug: {} } }]);
    expect(isLibraryError(caught(() => coordinateClaim({ ...base, allowable: "100", lines: [{ category: "drug", amount: "90" }], plans: [{ coverage: own, plan: cats }] })))).toBe(true);
  });
});

describe("COB: user-chosen names", () => {
  it("plan, layer and person ids __proto__ and constructor are plain names in results and the reserve", () => {
    const plan = (rate: number) => usd([{ kind: "commercial", id: "__proto__", rate }]);
    const r = coordinateClaim({
      ...base,
      personId: "constructor",
      allowable: "1000",
      plans: [
        { coverage: { id: "__proto__", coveredAs: "subscriber" }, plan: plan(0.8) },
        { coverage: { id: "constructor", coveredAs: "spouse" }, plan: plan(0.9), method: { kind: "standard" } },
      ],
      reserve: JSON.parse('{"personId":"constructor","year":2026,"currency":"USD","balances":{"__proto__":"5","constructor":"7"}}') as never,
    });
    // secondary: min(900, 200) = 200, savings 700 → 7 + 700 = 707; the primary's balance is untouched.
    expect([r.reserve!.balances["__proto__"], r.reserve!.balances["constructor"], Object.keys(r.reserve!.balances).length]).toEqual(["5.00", "707.00", 2]);
    expect(Object.hasOwn(r.reserve!.balances, "__proto__")).toBe(true);
    expect(r.plans[1]!.accumulators.layers["__proto__"]!.paid).toBe("200.00");
  });
});
