import { describe, expect, it } from "vitest";
import {
  buyGetFreeUnits,
  catastrophicBurden,
  coordinateBenefits,
  greenChannelDeadlines,
  parseLayers,
  splitBill,
  stratifiedReimbursement,
  triageClaim,
} from "../../src/index.js";

const amounts = (r: ReturnType<typeof splitBill>) => r.layers.map((l) => l.amount.toJSON().amount);

describe("coverage layers (T1–T5c)", () => {
  it("T1: CAR-T CNY 1,000,000, basic 70% then supplementary 20% of the total", () => {
    // basic 0.7 × 1,000,000 = 700,000; supplementary 0.2 × 1,000,000 = 200,000; patient 100,000
    const r = splitBill({
      plan: { currency: "CNY", layers: [{ kind: "basic", id: "basic", rate: 0.7 }, { kind: "supplementary", id: "supp", basis: "total", rate: 0.2 }] },
      bill: "1000000",
    });
    expect(amounts(r)).toEqual(["700000.00", "200000.00"]);
    expect(r.patient.toJSON().amount).toBe("100000.00");
  });

  it("T1b: T1 plus medical assistance 90% of the remaining for an eligible patient", () => {
    // 0.9 × 100,000 = 90,000; patient 100,000 − 90,000 = 10,000
    const r = splitBill({
      plan: {
         currency: "CNY", layers: [
          { kind: "basic", id: "basic", rate: 0.7 },
          { kind: "supplementary", id: "supp", basis: "total", rate: 0.2 },
          { kind: "assistance", id: "aid", groupRates: { subsistence: 0.9, extremePoverty: 1 } },
        ],
      },
      bill: "1000000",
      patient: { groups: ["subsistence"] },
    });
    expect(amounts(r)).toEqual(["700000.00", "200000.00", "90000.00"]);
    expect(r.patient.toJSON().amount).toBe("10000.00");
  });

  const t2Layers = (basis: "total" | "remaining") => [
    { kind: "basic" as const, id: "basic", basis, rate: 0.6 },
    { kind: "commercial" as const, id: "commercial", basis, rate: 0.25 },
    { kind: "manufacturer" as const, id: "pap", basis, program: { type: "discount" as const, rate: 0.1 } },
    { kind: "assistance" as const, id: "aid", basis, rate: 0.05 },
  ];

  it("T2: SMA drug 700,000 a year, 60/25/10/5% all on the total", () => {
    // 0.6/0.25/0.1/0.05 × 700,000 = 420,000 / 175,000 / 70,000 / 35,000; they add to 700,000 → patient 0
    const r = splitBill({ plan: { currency: "CNY", layers: t2Layers("total") }, bill: "700000" });
    expect(amounts(r)).toEqual(["420000.00", "175000.00", "70000.00", "35000.00"]);
    expect(r.patient.toJSON().amount).toBe("0.00");
  });

  it("T2b: same percentages, each on what remains", () => {
    // 0.6 × 700,000 = 420,000; 0.25 × 280,000 = 70,000; 0.1 × 210,000 = 21,000; 0.05 × 189,000 = 9,450
    // patient 189,000 − 9,450 = 179,550
    const r = splitBill({ plan: { currency: "CNY", layers: t2Layers("remaining") }, bill: "700000" });
    expect(amounts(r)).toEqual(["420000.00", "70000.00", "21000.00", "9450.00"]);
    expect(r.patient.toJSON().amount).toBe("179550.00");
    expect(r.layers.map((l) => l.base.toJSON().amount)).toEqual(["700000.00", "280000.00", "210000.00", "189000.00"]);
  });

  it("T3: co-pay pool 40 / 40 / 20 on 1,200,000", () => {
    // 0.4 × 1,200,000 = 480,000 (twice); 0.2 × 1,200,000 = 240,000; patient 0 (not the source's 20%)
    const r = splitBill({
      plan: {
         currency: "CNY", layers: [
          {
            kind: "pool",
            id: "pool",
            funders: [
              { id: "fund", share: 0.4 },
              { id: "maker", share: 0.4 },
              { id: "charity", share: 0.2 },
            ],
          },
        ],
      },
      bill: "1200000",
    });
    expect(r.layers[0]!.parts!.map((p) => p.amount.toJSON().amount)).toEqual(["480000.00", "480000.00", "240000.00"]);
    expect(r.patient.toJSON().amount).toBe("0.00");
  });

  it("T4: commercial on 300,000 eligible, deductible 20,000, rate 60%, sum insured 1,000,000", () => {
    // 0.6 × (300,000 − 20,000) = 168,000; patient 132,000
    const r = splitBill({
      plan: { currency: "CNY", layers: [{ kind: "commercial", id: "hmb", deductible: "20000", rate: 0.6, sumInsured: "1000000" }] },
      bill: "300000",
    });
    expect(amounts(r)).toEqual(["168000.00"]);
    expect(r.patient.toJSON().amount).toBe("132000.00");
  });

  it("T4b: T4 with sum insured 100,000", () => {
    // 168,000 capped at 100,000; patient 200,000
    const r = splitBill({
      plan: { currency: "CNY", layers: [{ kind: "commercial", id: "hmb", deductible: "20000", rate: 0.6, sumInsured: "100000" }] },
      bill: "300000",
    });
    expect(amounts(r)).toEqual(["100000.00"]);
    expect(r.layers[0]!.limitedBy).toBe("cap");
    expect(r.patient.toJSON().amount).toBe("200000.00");
  });

  const basicByType = {
    kind: "basic" as const,
    id: "basic",
    deductible: "750",
    rate: { by: "insuranceType", categories: { employee: 0.75, resident: 0.55 } },
  };

  it("T5: basic, employee 75%, deductible 750, bill 100,000", () => {
    // 0.75 × (100,000 − 750) = 0.75 × 99,250 = 74,437.50; patient 25,562.50
    const r = splitBill({ plan: { currency: "CNY", layers: [basicByType] }, bill: "100000", patient: { insuranceType: "employee" } });
    expect(amounts(r)).toEqual(["74437.50"]);
    expect(r.patient.toJSON().amount).toBe("25562.50");
  });

  it("T5b: resident 55%, same bill and deductible", () => {
    // 0.55 × 99,250 = 54,587.50; patient 45,412.50
    const r = splitBill({ plan: { currency: "CNY", layers: [basicByType] }, bill: "100000", patient: { insuranceType: "resident" } });
    expect(amounts(r)).toEqual(["54587.50"]);
    expect(r.patient.toJSON().amount).toBe("45412.50");
  });

  it("T5c: employee 75%, deductible 750: claim 500 then claim 10,000 in the same year", () => {
    const plan = parseLayers({ currency: "CNY", layers: [basicByType] });
    const first = splitBill({ plan, bill: "500", year: 2026, patient: { insuranceType: "employee" } });
    // 500 all to the deductible; 250 left
    expect(amounts(first)).toEqual(["0.00"]);
    expect(first.accumulators.layers.basic!.deductibleMet).toBe("500.00");
    const second = splitBill({ plan, bill: "10000", year: 2026, patient: { insuranceType: "employee" }, accumulators: first.accumulators });
    // 0.75 × (10,000 − 250) = 0.75 × 9,750 = 7,312.50
    expect(amounts(second)).toEqual(["7312.50"]);
    expect(second.accumulators.layers.basic!.deductibleMet).toBe("750.00");
  });
});

describe("coordination of benefits (T6–T6c)", () => {
  it("T6: allowed 1,000, primary 800, secondary normal 700, standard → 200", () => {
    // min(700, 1,000 − 800) = 200
    expect(coordinateBenefits({ currency: "CNY", allowed: 1000, primaryPaid: 800, secondaryNormalBenefit: 700, method: "standard" }).secondaryPays.toJSON().amount).toBe("200.00");
  });
  it("T6b: secondary normal 700, non-duplication → 0", () => {
    // max(0, 700 − 800) = 0
    expect(coordinateBenefits({ currency: "CNY", allowed: 1000, primaryPaid: 800, secondaryNormalBenefit: 700, method: "nonDuplication" }).secondaryPays.toJSON().amount).toBe("0.00");
  });
  it("T6c: secondary normal 900, non-duplication → 100", () => {
    // max(0, 900 − 800) = 100
    expect(coordinateBenefits({ currency: "CNY", allowed: 1000, primaryPaid: 800, secondaryNormalBenefit: 900, method: "nonDuplication" }).secondaryPays.toJSON().amount).toBe("100.00");
  });
});

describe("buy N get M", () => {
  it("buy-2-get-1 on 12 units → 8 paid; on 10 → 7 paid; buy-1-get-1 on 12 → 6 paid", () => {
    expect(buyGetFreeUnits({ units: 12, buy: 2, get: 1 }).paidUnits).toBe(8);
    expect(buyGetFreeUnits({ units: 10, buy: 2, get: 1 }).paidUnits).toBe(7);
    expect(buyGetFreeUnits({ units: 12, buy: 1, get: 1 }).paidUnits).toBe(6);
  });
});

describe("stratified reimbursement (S1–S5)", () => {
  const alk = { by: "biomarker", categories: { "ALK-positive": 0.8, "ALK-negative": 0.2 } };
  it("S1: by biomarker, ALK-positive 80%, ALK-negative 20%, on 15,000 a month", () => {
    // 0.8 × 15,000 = 12,000; 0.2 × 15,000 = 3,000
    expect(stratifiedReimbursement({ currency: "CNY", table: alk, amount: "15000", patient: { biomarker: "ALK-positive" } }).payer.toJSON().amount).toBe("12000.00");
    expect(stratifiedReimbursement({ currency: "CNY", table: alk, amount: "15000", patient: { biomarker: "ALK-negative" } }).payer.toJSON().amount).toBe("3000.00");
  });

  it("S2: by line of therapy, 1st 80%, 2nd 70%, 3rd+ 50%, on 20,000", () => {
    const table = { by: "lineOfTherapy", bands: [{ from: 1, to: 2, value: 0.8 }, { from: 2, to: 3, value: 0.7 }, { from: 3, to: null, value: 0.5 }] };
    // 16,000 / 14,000 / 10,000 (and 4th line still 50%)
    const pay = (line: number) => stratifiedReimbursement({ currency: "CNY", table, amount: "20000", patient: { lineOfTherapy: line } }).payer.toJSON().amount;
    expect([pay(1), pay(2), pay(3), pay(4)]).toEqual(["16000.00", "14000.00", "10000.00", "10000.00"]);
  });

  it("S3: by income relative to the local average, assistance share of an out-of-pocket 30,000", () => {
    const table = {
      by: "income",
      relativeTo: { attribute: "localAverageIncome" },
      bands: [{ from: 0, to: 0.5, value: 1 }, { from: 0.5, to: 1, value: 0.5 }, { from: 1, to: null, value: 0 }],
    };
    const patientPays = (income: number) =>
      stratifiedReimbursement({ currency: "CNY", table, amount: "30000", patient: { income, localAverageIncome: 100000 } }).patient.toJSON().amount;
    // 40% of average → assistance 100% → patient 0; 80% → 50% → patient 15,000; 100% → 0% → 30,000
    expect([patientPays(40000), patientPays(80000), patientPays(100000)]).toEqual(["0.00", "15000.00", "30000.00"]);
  });

  it("S4: by household income, patient pays 10% / 30% / 50% of a 200,000 bill", () => {
    const table = { by: "householdIncome", bands: [{ from: 0, to: 50000, value: 0.1 }, { from: 50000, to: 100000, value: 0.3 }, { from: 100000, to: null, value: 0.5 }] };
    const patientPays = (income: number) => stratifiedReimbursement({ currency: "CNY", table, rateOf: "patient", amount: "200000", patient: { householdIncome: income } }).patient.toJSON().amount;
    // 48,000 → 0.1 × 200,000 = 20,000; 100,000 → 0.5 × 200,000 = 100,000 (bands are half-open)
    expect(patientPays(48000)).toBe("20000.00");
    expect(patientPays(100000)).toBe("100000.00");
    expect(patientPays(50000)).toBe("60000.00");
  });

  it("S5: catastrophic burden when out-of-pocket exceeds 20% of household income", () => {
    // 30,000 / 100,000 = 0.3 > 0.2; 20,000 / 100,000 = 0.2 is not above
    const yes = catastrophicBurden({ currency: "CNY", outOfPocket: "30000", householdIncome: "100000" });
    expect(yes.catastrophic).toBe(true);
    expect(yes.ratio).toBe("0.3");
    const edge = catastrophicBurden({ currency: "CNY", outOfPocket: "20000", householdIncome: "100000" });
    expect(edge.catastrophic).toBe(false);
    expect(edge.ratio).toBe("0.2");
  });
});

describe("claim review triage (R1–R2)", () => {
  const rules = {
    rules: [
      { id: "egfr-nsclc-iv", risk: "low" as const, when: { codes: ["EGFR"], diagnoses: ["C34"], stages: ["IV"] } },
      { id: "wgs-no-dx", risk: "medium" as const, when: { codes: ["WGS"], unlessDiagnoses: ["C34", "C50", "Q"] } },
      { id: "repeat-180", risk: "high" as const, when: { repeatWithinDays: 180 } },
    ],
  };
  it("R1: EGFR test for stage IV non-small-cell lung cancer → low, auto-approve", () => {
    const r = triageClaim({ rules, claim: { code: "EGFR", diagnosis: "C34.1", stage: "IV", date: "2026-03-02" } });
    expect([r.risk, r.action, r.rule]).toEqual(["low", "auto-approve", "egfr-nsclc-iv"]);
  });
  it("R1b: whole-genome sequencing with no qualifying diagnosis → medium, manual review", () => {
    const r = triageClaim({ rules, claim: { code: "WGS", date: "2026-03-02" } });
    expect([r.risk, r.action, r.rule]).toEqual(["medium", "manual-review", "wgs-no-dx"]);
  });
  it("R1c: the same test repeated within 180 days → high, on-site inspection", () => {
    // 2025-10-01 → 2026-03-02 is 152 days
    const r = triageClaim({ rules, claim: { code: "EGFR", diagnosis: "C34.1", stage: "IV", date: "2026-03-02", priorClaims: [{ code: "EGFR", date: "2025-10-01" }] } });
    expect([r.risk, r.action, r.rule]).toEqual(["high", "on-site-inspection", "repeat-180"]);
    expect(r.matched).toEqual(["egfr-nsclc-iv", "repeat-180"]);
  });
  it("R2: green channel submitted 2026-03-02T09:15+08:00, decided 2026-03-03T10:00+08:00 → late by 45 minutes", () => {
    const r = greenChannelDeadlines({ submittedAt: "2026-03-02T09:15+08:00", decidedAt: "2026-03-03T10:00+08:00" });
    expect(r.respondBy).toBe("2026-03-02T10:15:00+08:00");
    expect(r.decideBy).toBe("2026-03-03T09:15:00+08:00");
    expect(r.decision).toMatchObject({ onTime: false, lateByMinutes: 45 });
    // the same decision instant written in UTC is just as late
    const utc = greenChannelDeadlines({ submittedAt: "2026-03-02T09:15+08:00", decidedAt: "2026-03-03T02:00Z" });
    expect(utc.decision?.lateByMinutes).toBe(45);
  });
});
