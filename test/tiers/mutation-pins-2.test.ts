// Second round of pins for the tiers mutation run (reports/runs/tiers-1.json): the
// hand-written input guards, error contexts and paths, explanation inputs, and the
// branches the first round never reached. Plans are built inside each test so that a
// per-test coverage run attributes them to the test. Amounts are worked out by hand in
// the comments (1 CNY = 100 fen).
import { describe, expect, it } from "vitest";
import {
  buyGetFreeUnits,
  catastrophicBurden,
  coordinateBenefits,
  DomainError,
  formatInstant,
  greenChannelDeadlines,
  isCoveragePlan,
  parseInput,
  parseLayers,
  resolveStratifiedRate,
  splitBill,
  splitBillMinorUnits,
  stratifiedRateSchema,
  stratifiedReimbursement,
  triageClaim,
  ValidationError,
} from "../../src/index.js";
import { D } from "../../src/money/decimal.js";
import { scaleOf } from "../../src/tiers/units.js";
import { caught, domainError, issues } from "../typed-errors.js";

/** The message of a ValidationError, to check the calculator named in front of it. */
function validationMessage(fn: () => unknown): string {
  const e = caught(fn);
  expect(e).toBeInstanceOf(ValidationError);
  return e.message;
}

const amt = (m: { toJSON(): { amount: string } }) => m.toJSON().amount;

describe("src/tiers/accumulators.ts", () => {
  it("a claim year with accumulators that name no year is accepted and stamps the year", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "basic", rate: 0.5 }] });
    const r = splitBill({ plan, bill: "10", year: 2026, accumulators: { currency: "CNY", layers: {} } });
    // 50% of 10 = 5.
    expect(amt(r.layers[0]!.amount)).toBe("5.00");
    expect(r.accumulators.year).toBe(2026);
  });

  it("accumulator figures finer than the fen name their own field", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "supplementary", id: "s", threshold: "100", cap: "1000", bands: { bands: [{ from: 0, to: null, value: 0.5 }] } }] });
    const sub = (field: "deductibleMet" | "paid" | "bandBase") => domainError(() => splitBill({ year: 2026, plan, bill: "10", accumulators: { currency: "CNY", layers: { s: { [field]: "0.001" } } } }));
    for (const field of ["deductibleMet", "paid", "bandBase"] as const) {
      const e = sub(field);
      expect([e.code, e.path, e.message]).toEqual([
        "SUB_MINOR_UNIT",
        ["accumulators", "layers", "s", field],
        `accumulators.layers.s.${field}: amount 0.001 has more decimals than the currency's 2`,
      ]);
    }
  });

  it("paid beyond the cap is an INCONSISTENT_INPUT", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "basic", rate: 0.5, cap: "1000" }] });
    const e = domainError(() => splitBill({ year: 2026, plan, bill: "10", accumulators: { currency: "CNY", layers: { basic: { paid: "1000.01" } } } }));
    expect([e.code, e.path]).toEqual(["INCONSISTENT_INPUT", ["accumulators", "layers", "basic", "paid"]]);
  });

  it("only a layer with progressive bands carries a band position", () => {
    const r = splitBill({ plan: { currency: "CNY", layers: [{ kind: "supplementary", id: "s", threshold: "100", rate: 0.5 }] }, bill: "300" });
    // Threshold 100 met; (300 − 100) × 50% = 100 paid; a plain rate keeps no band position.
    expect(r.accumulators.layers).toEqual({ s: { deductibleMet: "100.00", paid: "100.00" } });
  });
});

describe("src/tiers/units.ts", () => {
  it("scaleOf reports an unknown currency at currency by default", () => {
    expect(issues(() => scaleOf("XYZ"))).toEqual([{ path: ["currency"], code: "unknown_currency", message: 'unknown currency code "XYZ"' }]);
    expect([scaleOf("CNY"), scaleOf("JPY")]).toEqual([2, 0]);
  });
});

describe("src/tiers/buy-get.ts", () => {
  it("complete cycles give cycles × get free units, and the step lists its figures", () => {
    const r = buyGetFreeUnits({ units: 11, buy: 1, get: 2 });
    // Cycles of 3: 3 complete (9 units, 3 × 2 = 6 free); 2 left: 1 paid, 1 free → 4 paid, 7 free; 7/11 = 0.636363… → 0.636364.
    expect([r.paidUnits, r.freeUnits, r.fullCycles, r.partialUnits, r.savingShare]).toEqual([4, 7, 3, 2, "0.636364"]);
    expect(r.explanation[0]!.text).toBe("Buy 1, get 2 free on 11 units: 3 complete cycle(s) of 3 give 6 free; the 2 unit(s) left give 1 free. The patient pays for 4 unit(s).");
    expect(r.explanation[0]!.inputs).toEqual({ units: 11, buy: 1, get: 2, fullCycles: 3, partialUnits: 2, paidUnits: 4, freeUnits: 7 });
  });

  it("bad input names buyGetFreeUnits", () => {
    expect(validationMessage(() => buyGetFreeUnits({ units: 1, buy: 0, get: 1 })).startsWith("buyGetFreeUnits: invalid input — buy: ")).toBe(true);
  });
});

describe("src/tiers/catastrophic.ts", () => {
  it("the step has its rule and its inputs", () => {
    const r = catastrophicBurden({ outOfPocket: "30000", householdIncome: "100000" });
    // 30,000 / 100,000 = 0.3 > 0.2.
    expect(r.catastrophic).toBe(true);
    const s = r.explanation[0]!;
    expect(s.rule).toBe("tiers.catastrophic");
    expect([amt(s.inputs.outOfPocket as never), amt(s.inputs.householdIncome as never), s.inputs.ratio, s.inputs.threshold]).toEqual(["30000.00", "100000.00", "0.3", "0.2"]);
  });

  it("bad input names catastrophicBurden", () => {
    expect(validationMessage(() => catastrophicBurden({ outOfPocket: "1", householdIncome: "0" })).startsWith("catastrophicBurden: invalid input — householdIncome: ")).toBe(true);
  });
});

describe("src/tiers/coordination.ts", () => {
  it("bad input names coordinateBenefits", () => {
    expect(validationMessage(() => coordinateBenefits({ allowed: -1, primaryPaid: 0, secondaryNormalBenefit: 0, method: "standard" })).startsWith("coordinateBenefits: invalid input — allowed: ")).toBe(true);
  });
});

describe("src/tiers/stratified-reimbursement.ts", () => {
  it("a nested table: the trail is joined with semicolons and listed in the step's inputs", () => {
    const r = stratifiedReimbursement({
      table: { by: "insuranceType", categories: { employee: { by: "level", categories: { "3": 0.6 } } } },
      amount: "1000",
      patient: { insuranceType: "employee", level: 3 },
    });
    // 60% of 1,000 = 600 to the payer; 400 to the patient.
    expect([amt(r.payer), amt(r.patient)]).toEqual(["600.00", "400.00"]);
    expect(r.explanation[0]!.text).toBe("The table gives 60% (insuranceType = employee; level = 3) as the payer's share of CNY 1,000.00.");
    expect(r.explanation[0]!.inputs).toEqual({ chosenBy: ["insuranceType = employee", "level = 3"], rate: "0.6", rateOf: "payer" });
  });

  it("rounds the named share with the rounding given", () => {
    const r = stratifiedReimbursement({ table: "0.3", amount: "0.05", patient: {}, rounding: "down" });
    // 30% of 0.05 = 0.015 → down 0.01 to the payer; the patient keeps 0.04.
    expect([amt(r.payer), amt(r.patient)]).toEqual(["0.01", "0.04"]);
  });

  it("bad input names stratifiedReimbursement", () => {
    expect(validationMessage(() => stratifiedReimbursement({ table: "0.3", amount: "-1", patient: {} })).startsWith("stratifiedReimbursement: invalid input — amount: ")).toBe(true);
  });
});

describe("src/tiers/triage.ts", () => {
  it("each condition is tested on its own and listed with its values", () => {
    const r = triageClaim({
      rules: {
        rules: [
          { id: "codes", risk: "low", when: { codes: ["EGFR", "ALK"] } },
          { id: "dx", risk: "low", when: { diagnoses: ["C34", "C18"] } },
          { id: "dx-miss", risk: "high", when: { diagnoses: ["C18"] } },
          { id: "unless", risk: "medium", when: { unlessDiagnoses: ["C34", "C18"] } },
          { id: "stage", risk: "high", when: { stages: ["III", "IV"] } },
          { id: "stage-miss", risk: "high", when: { stages: ["I"] } },
        ],
      },
      claim: { code: "ALK", diagnosis: "C34.1", stage: "IV", date: "2026-03-02" },
    });
    // C34.1 starts with one of C34 / C18 (not with both); IV is one of III / IV, not I.
    expect(r.explanation.map((s) => s.text)).toEqual([
      "Rule codes (low) fires: code ALK in [EGFR, ALK].",
      "Rule dx (low) fires: diagnosis C34.1 qualifies.",
      "Rule dx-miss (high) does not fire: diagnosis C34.1 does not qualify.",
      "Rule unless (medium) does not fire: diagnosis C34.1 qualifies.",
      "Rule stage (high) fires: stage IV in [III, IV].",
      "Rule stage-miss (high) does not fire: stage IV not in [I].",
      "Rule stage decides: high risk → on-site-inspection (highest of codes low, dx low, stage high).",
    ]);
    expect(r.explanation.slice(0, 6).map((s) => s.inputs)).toEqual([
      { rule: "codes", risk: "low" },
      { rule: "dx", risk: "low" },
      { rule: "dx-miss", risk: "high" },
      { rule: "unless", risk: "medium" },
      { rule: "stage", risk: "high" },
      { rule: "stage-miss", risk: "high" },
    ]);
    expect(r.matched).toEqual(["codes", "dx", "stage"]);
  });

  it("bad input names triageClaim", () => {
    expect(validationMessage(() => triageClaim({ rules: { rules: [] }, claim: { code: "X", date: "2026-03-02" } })).startsWith("triageClaim: invalid input — rules.rules: ")).toBe(true);
  });
});

describe("src/tiers/green-channel.ts", () => {
  it("a negative offset is read with its sign", () => {
    const r = greenChannelDeadlines({ submittedAt: "2026-03-02T09:15-05:00", respondedAt: "2026-03-02T15:15Z" });
    // 09:15−05:00 = 14:15Z; respond by 15:15Z = 10:15−05:00; the response at 15:15Z is on the minute.
    expect([r.respondBy, r.decideBy]).toEqual(["2026-03-02T10:15:00-05:00", "2026-03-03T09:15:00-05:00"]);
    expect(r.response).toEqual({ at: "2026-03-02T15:15Z", onTime: true, lateByMinutes: 0 });
  });

  it("the minutes of an offset add to its hours", () => {
    const r = greenChannelDeadlines({ submittedAt: "2026-03-02T09:15+05:30", respondedAt: "2026-03-02T04:45Z" });
    // 09:15+05:30 = 03:45Z; respond by 04:45Z = 10:15+05:30; the response at 04:45Z is on time.
    expect(r.respondBy).toBe("2026-03-02T10:15:00+05:30");
    expect(r.response).toEqual({ at: "2026-03-02T04:45Z", onTime: true, lateByMinutes: 0 });
  });

  it("formatInstant takes whole-minute offsets up to ±18 hours", () => {
    const t = Date.UTC(2026, 2, 2, 2, 15);
    const offsetIssue = [{ path: ["offsetMinutes"], code: "invalid_offset", message: "the UTC offset is a whole number of minutes within ±18 hours" }];
    for (const bad of [18 * 60 + 1, -(18 * 60 + 1), 1.5, "480"]) expect(issues(() => formatInstant(t, bad as number))).toEqual(offsetIssue);
    // 02:15Z + 18:00 = 20:15 the same day; 02:15Z − 18:00 = 08:15 the day before.
    expect(formatInstant(t, 18 * 60)).toBe("2026-03-02T20:15:00+18:00");
    expect(formatInstant(t, -18 * 60)).toBe("2026-03-01T08:15:00-18:00");
  });

  it("formatInstant takes finite instants whose local time a Date can hold", () => {
    const instantIssue = [{ path: ["epochMs"], code: "invalid_instant", message: "the instant is a finite number of milliseconds within the Date range" }];
    // 8.64e15 ms (= 1e8 days, 275760-09-13T00:00Z) is the last instant a Date holds: one hour later, in +01:00, is past it.
    for (const [ms, offset] of [[Number.NaN, 0], [Number.POSITIVE_INFINITY, 0], [8.64e15, 60], ["0", 0]] as const) {
      expect(issues(() => formatInstant(ms as number, offset))).toEqual(instantIssue);
    }
    // An hour earlier, in +01:00, is exactly that last wall time: a Date holds it, but its
    // year (275760) has no four-digit form, so it is refused rather than written as "275760-…".
    expect(issues(() => formatInstant(8.64e15 - 3_600_000, 60))).toEqual([
      { path: ["epochMs"], code: "invalid_instant", message: "the instant falls outside the years 0000–9999 that an ISO 8601 timestamp writes with four digits" },
    ]);
    // The last second of year 9999 in UTC is the last one written.
    expect(formatInstant(Date.UTC(9999, 11, 31, 23, 59, 59), 0)).toBe("9999-12-31T23:59:59Z");
  });

  it("each step lists its inputs", () => {
    const r = greenChannelDeadlines({ submittedAt: "2026-03-02T09:15Z", respondWithinMinutes: 30, respondedAt: "2026-03-02T09:50Z" });
    // Respond by 09:45Z; the response at 09:50Z is 5 minutes late.
    expect(r.explanation.map((s) => s.text)).toEqual([
      "Submitted 2026-03-02T09:15Z on the green channel: respond within 30 minutes (by 2026-03-02T09:45:00Z) and decide within 1440 minutes (by 2026-03-03T09:15:00Z).",
      "The response at 2026-03-02T09:50Z was late by 5 minutes.",
    ]);
    expect(r.explanation.map((s) => s.inputs)).toEqual([
      { submittedAt: "2026-03-02T09:15Z", respondWithinMinutes: 30, decideWithinMinutes: 1440 },
      { at: "2026-03-02T09:50Z", lateByMinutes: 5 },
    ]);
  });

  it("bad input names greenChannelDeadlines", () => {
    expect(validationMessage(() => greenChannelDeadlines({ submittedAt: "2026-03-02T09:15" }))).toBe(
      "greenChannelDeadlines: invalid input — submittedAt: expected an ISO 8601 date-time with an offset, e.g. 2026-03-02T09:15+08:00",
    );
  });
});

describe("src/tiers/layer-rules.ts", () => {
  it("missing units or cycle are raised in splitBill's name", () => {
    const units = caught(() => splitBill({ plan: { currency: "CNY", layers: [{ kind: "manufacturer", id: "pap", program: { type: "buyGet", buy: 2, get: 1 } }] }, bill: "3000" }));
    expect(units.message).toBe("splitBill: invalid input — units: layer pap gives buy-2-get-1: the claim must say how many units were dispensed");
    const cycle = caught(() => splitBill({ plan: { currency: "CNY", layers: [{ kind: "manufacturer", id: "pap", program: { type: "freeAfterCycles", paidCycles: 3 } }] }, bill: "500" }));
    expect(cycle.message).toBe("splitBill: invalid input — cycle: layer pap gives the drug free after 3 paid cycle(s): the claim must say which cycle it is");
  });

  it("progressive bands whose rates have different precision are added on a common denominator", () => {
    const r = splitBill({ plan: { currency: "CNY", layers: [{ kind: "supplementary", id: "s", bands: { bands: [{ from: 0, to: "100", value: 0.55 }, { from: "100", to: null, value: 0.5 }] } }] }, bill: "300" });
    // 100 at 55% = 55 + 200 at 50% = 100 → 155; 155 / 300 = 0.516666… → 0.516667.
    expect([amt(r.layers[0]!.amount), r.layers[0]!.rate]).toEqual(["155.00", "0.516667"]);
    expect(r.explanation[1]!.inputs).toMatchObject({ bands: ["55% of CNY 100.00", "50% of CNY 200.00"] });
  });

  it("a nested rate table shows both choices; a flat rate lists none", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "b", rate: { by: "insuranceType", categories: { employee: { by: "hospitalLevel", categories: { "3": 0.7 } } } } }] });
    const r = splitBill({ plan, bill: "1000", patient: { insuranceType: "employee", hospitalLevel: 3 } });
    // 70% × 1,000 = 700.
    expect(r.layers[0]!.text).toBe(
      "Basic medical insurance (基本医保) [b] looks at what remains, CNY 1,000.00. It pays 70% (insuranceType = employee; hospitalLevel = 3) of CNY 1,000.00 = CNY 700.00.",
    );
    expect(r.explanation[1]!.inputs).toMatchObject({ rate: "0.7", chosenBy: ["insuranceType = employee", "hospitalLevel = 3"] });
    const flat = splitBill({ plan: { currency: "CNY", layers: [{ kind: "basic", id: "b", rate: 0.7 }] }, bill: "1000" });
    expect(flat.explanation[1]!.inputs).not.toHaveProperty("chosenBy");
    expect(flat.explanation[1]!.inputs.rate).toBe("0.7");
  });

  it("a discount programme pays its rate with no trail", () => {
    const r = splitBill({ plan: { currency: "CNY", layers: [{ kind: "manufacturer", id: "d", program: { type: "discount", rate: 0.15 } }] }, bill: "200" });
    // 15% of 200 = 30.
    expect(r.layers[0]!.text).toBe("Manufacturer patient assistance (患者援助项目 (PAP)) [d] looks at what remains, CNY 200.00. It pays 15% of CNY 200.00 = CNY 30.00.");
    expect(r.explanation[1]!.inputs).not.toHaveProperty("chosenBy");
  });
});

describe("src/tiers/layers.ts", () => {
  it("isCoveragePlan looks for the brand on objects only, and a copy of a plan is not a plan", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", rate: 0.5 }] });
    const brand = Symbol.for("precision-vbp.tiers.coveragePlan");
    expect(isCoveragePlan(Object.assign(() => 0, { [brand]: true }))).toBe(false);
    // The brand is not enumerable, so a spread copy loses it.
    expect(isCoveragePlan({ ...plan })).toBe(false);
    // L1: the brand is no longer a global Symbol.for, so it cannot be forged on a document.
    expect(Object.getOwnPropertyDescriptor(plan, brand)).toBeUndefined();
    expect(isCoveragePlan(Object.defineProperty({ ...plan }, brand, { value: true }))).toBe(false);
  });

  it("a basic layer stays basic, and a commercial layer may give only a cap", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "b", rate: 0.5 }, { kind: "commercial", id: "c", rate: 0.5, cap: "10" }] });
    expect(plan.layers.map((l) => [l.kind, l.cap])).toEqual([
      ["basic", null],
      ["commercial", 1000n], // 10 CNY = 1,000 fen
    ]);
    expect(splitBill({ plan, bill: "10" }).layers[0]!.rule).toBe("tiers.basic.coinsurance");
  });

  it("layer amounts finer than the fen name their field and what they are", () => {
    const cases: [unknown, (string | number)[], string][] = [
      [{ kind: "basic", rate: 0.5, deductible: "0.001" }, ["layers", 0, "deductible"], "layers[0].deductible: the deductible 0.001 has more decimals than the currency's 2"],
      [{ kind: "commercial", rate: 0.5, sumInsured: "0.001" }, ["layers", 0, "sumInsured"], "layers[0].sumInsured: the sum insured 0.001 has more decimals than the currency's 2"],
      [{ kind: "commercial", rate: 0.5, deductible: "0.001" }, ["layers", 0, "deductible"], "layers[0].deductible: the deductible 0.001 has more decimals than the currency's 2"],
      [{ kind: "supplementary", rate: 0.5, threshold: "0.001" }, ["layers", 0, "threshold"], "layers[0].threshold: the threshold 0.001 has more decimals than the currency's 2"],
      [
        { kind: "supplementary", bands: { bands: [{ from: 0, to: "0.001", value: 0.5 }, { from: "0.001", to: null, value: 0.6 }] } },
        ["layers", 0, "bands", "bands", 0, "to"],
        "layers[0].bands.bands[0].to: a band bound 0.001 has more decimals than the currency's 2",
      ],
    ];
    for (const [layer, path, message] of cases) {
      const e = domainError(() => parseLayers({ currency: "CNY", layers: [layer] }));
      expect([e.code, e.path, e.message]).toEqual(["SUB_MINOR_UNIT", path, message]);
    }
  });

  it("plan errors are raised in parseLayers' name", () => {
    expect(validationMessage(() => parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "a", rate: 0.5 }, { kind: "basic", id: "a", rate: 0.5 }] }))).toBe(
      'parseLayers: invalid input — layers[1].id: layer id "a" is already used by layers[0]',
    );
    expect(validationMessage(() => parseLayers({ currency: "CNY", layers: 5 })).startsWith("parseLayers: invalid input — layers: ")).toBe(true);
  });
});

describe("src/tiers/split-bill.ts", () => {
  it("the plan must be an object", () => {
    const planIssue = [{ path: ["plan"], code: "custom", message: "expected a coverage plan" }];
    expect(issues(() => splitBill({ plan: null as never, bill: "1" }))).toEqual(planIssue);
    expect(issues(() => splitBill({ plan: 5 as never, bill: "1" }))).toEqual(planIssue);
  });

  it("errors in a plan document are raised in splitBill's name; other errors pass through as they are", () => {
    expect(validationMessage(() => splitBill({ plan: { currency: "CNY", layers: [{ kind: "basic", id: "a", rate: 0.5 }, { kind: "basic", id: "a", rate: 0.5 }] }, bill: "10" }))).toBe(
      'splitBill: invalid input — plan.layers[1].id: layer id "a" is already used by layers[0]',
    );
    const boom = new Error("boom");
    const plan = {
      get layers(): never {
        throw boom;
      },
    };
    expect(caught(() => splitBill({ plan: plan as never, bill: "1" }))).toBe(boom);
  });

  it("bad claims name splitBill; a catalogue amount finer than the fen names its field", () => {
    expect(validationMessage(() => splitBill({ plan: { currency: "CNY", layers: [{ kind: "basic", rate: 0.5 }] }, bill: "1", explain: "yes" as never })).startsWith("splitBill: invalid input — explain: ")).toBe(true);
    const e = domainError(() => splitBill({ plan: { currency: "CNY", layers: [{ kind: "basic", rate: 0.5 }] }, bill: "1", catalogueAmount: "0.001" }));
    expect([e.code, e.path, e.message]).toEqual(["SUB_MINOR_UNIT", ["catalogueAmount"], "catalogueAmount: the catalogue amount 0.001 has more decimals than the currency's 2"]);
  });

  it("the patient step lists the bill and what the layers covered", () => {
    const r = splitBill({ plan: { currency: "CNY", layers: [{ kind: "basic", rate: 0.7 }] }, bill: "1000" });
    // 70% × 1,000 = 700 covered; the patient pays 300.
    const last = r.explanation.at(-1)!;
    expect(last.rule).toBe("tiers.patient");
    expect([amt(last.inputs.bill as never), amt(last.inputs.covered as never), amt(last.amount!)]).toEqual(["1000.00", "700.00", "300.00"]);
  });
});

describe("src/tiers/stratified-rate.ts", () => {
  const parse = (doc: unknown) => parseInput(stratifiedRateSchema, doc);
  const bands = [{ from: 0, to: null, value: 0.5 }];

  it("a category table needs at least one category", () => {
    expect(issues(() => parse({ by: "x", categories: {} }))).toEqual([{ path: ["categories"], code: "custom", message: "a category table needs at least one category" }]);
  });

  it("parsed tables have their type and no keys left undefined", () => {
    expect(Object.keys(parse({ by: "b", categories: { A: 0.5 } }))).toEqual(["type", "by", "categories"]);
    const plain = parse({ by: "x", bands });
    expect([plain.type, Object.keys(plain)]).toEqual(["banded", ["type", "by", "table"]]);
    const relative = parse({ by: "x", relativeTo: { amount: "10" }, bands });
    expect([relative.type, Object.keys(relative)]).toEqual(["banded", ["type", "by", "relativeTo", "table"]]);
  });

  it("closed: upper puts a boundary in the band below it; closed: lower in the band above", () => {
    const twoBands = [{ from: null, to: 100, value: 0.9 }, { from: 100, to: null, value: 0.5 }];
    const upper = resolveStratifiedRate(parse({ by: "income", closed: "upper", bands: twoBands }), { income: 100 });
    // (−∞, 100] then (100, +∞): 100 falls in the first band.
    expect([upper.rate.toString(), upper.trail]).toEqual(["0.9", ["income = 100 in (−∞, 100]"]]);
    const lower = resolveStratifiedRate(parse({ by: "income", closed: "lower", bands: twoBands }), { income: 100 });
    // (−∞, 100) then [100, +∞): 100 falls in the second band.
    expect([lower.rate.toString(), lower.trail]).toEqual(["0.5", ["income = 100 in [100, +∞)"]]);
  });

  it("a declared domain must be covered by the bands", () => {
    const ages = [{ from: 0, to: 65, value: 0.8 }, { from: 65, to: 120, value: 0.6 }];
    const t = parse({ by: "age", domain: { min: 0, max: 120 }, bands: ages });
    // The domain's finite max is included: 120 is in the last band, shown closed.
    expect(resolveStratifiedRate(t, { age: 120 }).trail).toEqual(["age = 120 in [65, 120]"]);
    expect(issues(() => parse({ by: "age", domain: { min: 0, max: 200 }, bands: ages }))).toEqual([{ path: ["bands"], code: "custom", message: "no band covers [120, 200)" }]);
  });

  it("an empty band is reported at its index", () => {
    expect(issues(() => parse({ by: "x", bands: [{ from: 2, to: 1, value: 0.5 }] }))).toEqual([
      { path: ["bands", 0], code: "custom", message: "band [2, 1) is empty: its lower bound must be below its upper bound" },
    ]);
  });

  it("numeric keys given as text: signs and decimals are read, other text and lists are refused", () => {
    const t = parse({
      by: "line",
      bands: [
        { from: null, to: 0, value: 0.1 },
        { from: 0, to: 1, value: 0.2 },
        { from: 1, to: 2, value: 0.3 },
        { from: 2, to: null, value: 0.4 },
      ],
    });
    const trail = (line: string) => resolveStratifiedRate(t, { line }).trail;
    expect(["+3", "-1", "1.25", ".25"].map(trail)).toEqual([["line = 3 in [2, +∞)"], ["line = -1 in (−∞, 0)"], ["line = 1.25 in [1, 2)"], ["line = 0.25 in [0, 1)"]]);
    expect(issues(() => resolveStratifiedRate(t, { line: "abc12" }))).toEqual([
      { path: ["patient", "line"], code: "invalid_attribute", message: 'the table is keyed by the number line; got "abc12"' },
    ]);
    expect(issues(() => resolveStratifiedRate(t, { line: ["1"] }))).toEqual([
      { path: ["patient", "line"], code: "invalid_attribute", message: "the table is keyed by the number line; got an array" },
    ]);
  });

  it("a reference attribute that is not a number is reported at its own key", () => {
    const t = parse({ by: "income", relativeTo: { attribute: "average" }, bands: [{ from: 0, to: null, value: 0.5 }] });
    expect(issues(() => resolveStratifiedRate(t, { income: 5, average: "n/a" }))).toEqual([
      { path: ["patient", "average"], code: "invalid_attribute", message: 'the table is keyed by the number average; got "n/a"' },
    ]);
  });

  it("the patient is a record of text, finite numbers and lists of text; groups a list of text", () => {
    const rule = parse(0.5);
    const notRecord = [{ path: ["patient"], code: "invalid_type", message: "the patient is a record of attributes" }];
    for (const p of [null, 5, "abc", []]) expect(issues(() => resolveStratifiedRate(rule, p as never))).toEqual(notRecord);
    const badAttribute = [{ path: ["patient", "x"], code: "invalid_attribute", message: "an attribute is text, a finite number or a list of text" }];
    for (const x of [Number.NaN, Number.POSITIVE_INFINITY, true, ["a", 1]]) expect(issues(() => resolveStratifiedRate(rule, { x } as never))).toEqual(badAttribute);
    const badGroups = [{ path: ["patient", "groups"], code: "invalid_attribute", message: "groups is a list of text" }];
    for (const groups of ["a", ["a", 1]]) expect(issues(() => resolveStratifiedRate(rule, { groups } as never))).toEqual(badGroups);
    const ok = resolveStratifiedRate(rule, { t: "text", n: 2, list: ["a", "b"], empty: [], groups: ["g"] });
    expect([ok.rate.toString(), ok.trail]).toEqual(["0.5", []]);
  });

  it("only rules parsed by the schema are read, and the path must be a list", () => {
    const ruleIssue = [{ path: ["rule"], code: "invalid_type", message: "expected a rate parsed by stratifiedRateSchema" }];
    const handMade = { type: "fixed", rate: new D("0.5"), fraction: { num: 5n, den: 10n } };
    expect(issues(() => resolveStratifiedRate(handMade as never, {}))).toEqual(ruleIssue);
    expect(issues(() => resolveStratifiedRate(null as never, {}))).toEqual(ruleIssue);
    expect(issues(() => resolveStratifiedRate(parse(0.5), {}, "patient" as never))).toEqual([{ path: ["path"], code: "invalid_type", message: "a path is a list of keys and indices" }]);
  });
});

describe("src/tiers/waterfall.ts (splitBillMinorUnits)", () => {
  it("the claim must be an object and its patient a record", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "b", rate: 0.5 }] });
    const claimIssue = [{ path: ["claim"], code: "invalid_type", message: "expected a claim { bill, catalogue?, patient?, accumulators? }" }];
    for (const claim of [null, 5, "x"]) expect(issues(() => splitBillMinorUnits(plan, claim as never))).toEqual(claimIssue);
    expect(issues(() => splitBillMinorUnits(plan, { bill: 1n, patient: null as never }))).toEqual([{ path: ["patient"], code: "invalid_type", message: "the patient is a record of attributes" }]);
  });

  it("units are a whole number ≥ 0 and reach the buy-N-get-M layer", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "manufacturer", id: "pap", program: { type: "buyGet", buy: 2, get: 1 } }] });
    const unitsIssue = [{ path: ["units"], code: "invalid_units", message: "units are a whole number ≥ 0" }];
    for (const units of [-1, 1.5]) expect(issues(() => splitBillMinorUnits(plan, { bill: 300000n, units }))).toEqual(unitsIssue);
    // 10 units, buy 2 get 1: 3 cycles (3 free) + 1 paid → 3/10 × 300,000 fen = 90,000 fen.
    expect(splitBillMinorUnits(plan, { bill: 300000n, units: 10 }).layers).toEqual([90000n]);
    // No units dispensed: nothing free.
    expect(splitBillMinorUnits(plan, { bill: 300000n, units: 0 }).layers).toEqual([0n]);
  });

  it("the cycle is a whole number ≥ 1 and reaches the free-after-cycles layer", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "manufacturer", id: "f", program: { type: "freeAfterCycles", paidCycles: 1 } }] });
    const cycleIssue = [{ path: ["cycle"], code: "invalid_cycle", message: "the cycle is a whole number ≥ 1" }];
    for (const cycle of [0, 1.5]) expect(issues(() => splitBillMinorUnits(plan, { bill: 500n, cycle }))).toEqual(cycleIssue);
    // Cycle 1 is the one paid cycle; from cycle 2 the layer pays the whole 500 fen.
    expect([splitBillMinorUnits(plan, { bill: 500n, cycle: 1 }).layers, splitBillMinorUnits(plan, { bill: 500n, cycle: 2 }).layers]).toEqual([[0n], [500n]]);
  });

  it("the patient reaches a stratified rate", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "b", rate: { by: "t", categories: { a: 0.2 } } }] });
    // 20% of 1,000 fen = 200 fen.
    expect(splitBillMinorUnits(plan, { bill: 1000n, patient: { t: "a" } }).layers).toEqual([200n]);
  });

  it("the catalogue amount must be a bigint", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "b", rate: 0.5 }] });
    expect(issues(() => splitBillMinorUnits(plan, { bill: 1000n, catalogue: 500 as never }))).toEqual([
      { path: ["catalogue"], code: "invalid_amount", message: "the catalogue amount is a bigint count of minor units ≥ 0" },
    ]);
  });

  it("accumulators are a list of { met, paid, bandBase } bigints", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "b", deductible: "10", rate: 0.5, cap: "100" }] });
    expect(issues(() => splitBillMinorUnits(plan, { bill: 1n, accumulators: {} as never }))).toEqual([{ path: ["accumulators"], code: "invalid_type", message: "expected one accumulator per layer" }]);
    const elementIssue = [{ path: ["accumulators", 0], code: "invalid_type", message: "an accumulator is { met, paid, bandBase } in bigint minor units" }];
    const bad = [
      null,
      5,
      // a function is not a record, even with the right fields
      Object.assign(() => 0, { met: 0n, paid: 0n, bandBase: 0n }),
      { met: 0, paid: 0n, bandBase: 0n },
      { met: 0n, paid: 0, bandBase: 0n },
      { met: 0n, paid: 0n, bandBase: 0 },
    ];
    for (const a of bad) expect(issues(() => splitBillMinorUnits(plan, { bill: 1n, accumulators: [a as never] }))).toEqual(elementIssue);
  });

  it("accumulators beyond the deductible or the cap are INCONSISTENT_INPUT; an uncapped layer takes any paid figure", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "b", deductible: "10", rate: 0.5, cap: "100" }] });
    // Deductible 1,000 fen, cap 10,000 fen.
    const met = domainError(() => splitBillMinorUnits(plan, { bill: 1n, accumulators: [{ met: 1001n, paid: 0n, bandBase: 0n }] }));
    const paid = domainError(() => splitBillMinorUnits(plan, { bill: 1n, accumulators: [{ met: 0n, paid: 10001n, bandBase: 0n }] }));
    expect([met.code, paid.code]).toEqual(["INCONSISTENT_INPUT", "INCONSISTENT_INPUT"]);
    const open = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "b", rate: 0.5 }] });
    // No cap: 50% of 1,000 fen = 500 fen whatever was paid before.
    expect(splitBillMinorUnits(open, { bill: 1000n, accumulators: [{ met: 0n, paid: 10n ** 12n, bandBase: 0n }] }).layers).toEqual([500n]);
  });
});
