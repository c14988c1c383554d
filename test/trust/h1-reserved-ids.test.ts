// H1 + L2: every user-chosen name works as a key, "__proto__", "constructor", "toString" and "valueOf" included.
import { describe, expect, it } from "vitest";
import { addToCohortTotals, cohortTotalsToJSON, emptyCohortTotals, parseInput, parseLayers, prepareCohortSettlement, settleCohortPatient, splitBill, modelParametersSchema, annualAccumulatorsSchema } from "../../src/index.js";

const RESERVED = ["__proto__", "constructor", "toString", "valueOf"];

describe("H1: reserved layer ids", () => {
  for (const id of RESERVED) {
    it(`H1: a layer with id ${JSON.stringify(id)} accumulates its cap across claims (JSON round trip of the accumulators)`, () => {
      const plan = JSON.parse(`{ "currency": "CNY", "layers": [{ "kind": "basic", "id": ${JSON.stringify(id)}, "rate": 0.5, "cap": "100" }] }`);
      let acc: unknown;
      const paid: string[] = [];
      for (let i = 0; i < 3; i++) {
        const r = splitBill({ plan, bill: "150", year: 2026, ...(acc ? { accumulators: JSON.parse(JSON.stringify(acc)) } : {}) });
        paid.push(r.layers[0]!.amount.amount.toFixed(2));
        acc = r.accumulators;
      }
      // cap 100: 150 × 0.5 = 75, then 25 left of the cap, then nothing.
      expect(paid).toEqual(["75.00", "25.00", "0.00"]);
    });
  }

  it("H1: cohort running totals keyed by constructor / toString / valueOf / __proto__ stay bigint sums", () => {
    const layers = RESERVED.map((id, i) => ({ kind: "commercial", id, basis: "total", rate: 0.1 * (i + 1) }));
    const plan = { currency: "CNY", layers };
    const contract = { id: "C", currency: "CNY", price: "1000", payment: { type: "schedule", installments: [{ share: "1", due: {} }] } };
    const prepared = prepareCohortSettlement({ contract, plan, asOf: "2027-01-01" });
    let totals = emptyCohortTotals("CNY");
    for (let k = 1; k <= 3; k++) {
      const record = settleCohortPatient({ settlement: prepared, record: { patientId: `p${k}`, events: [{ kind: "infusion", date: "2026-01-01" }], bill: "1000" }, index: k });
      totals = addToCohortTotals({ totals, record: record as never });
    }
    // per patient: 100, 200, 300, 400 (rates 0.1…0.4 of 1,000); three patients.
    expect(Object.entries(cohortTotalsToJSON(totals).layers)).toEqual([["__proto__", "300.00"], ["constructor", "600.00"], ["toString", "900.00"], ["valueOf", "1200.00"]]);
    expect(Object.hasOwn(cohortTotalsToJSON(totals).layers, "__proto__")).toBe(true);
  });
});

describe("L2: __proto__ keys are never dropped on parse", () => {
  it("L2: a category table keyed by biomarker \"__proto__\" pays its rate, not 0.00", () => {
    const plan = parseLayers(JSON.parse(`{ "currency": "CNY", "layers": [{ "kind": "basic", "rate": { "by": "biomarker", "categories": { "__proto__": 0.7, "toString": 0.6 } } }] }`));
    expect(splitBill({ plan, bill: "100", patient: { biomarker: "__proto__" } }).layers[0]!.amount.toString()).toBe("CNY 70.00");
    expect(splitBill({ plan, bill: "100", patient: { biomarker: "toString" } }).layers[0]!.amount.toString()).toBe("CNY 60.00");
    expect(() => splitBill({ plan, bill: "100", patient: { biomarker: "valueOf" } })).toThrow(/unknown biomarker "valueOf"/);
  });

  it("L2: group rates, Dirichlet parameters and accumulator layers keep a \"__proto__\" key", () => {
    const plan = parseLayers(JSON.parse(`{ "currency": "CNY", "layers": [{ "kind": "assistance", "groupRates": { "__proto__": 0.5 } }] }`));
    expect(splitBill({ plan, bill: "100", patient: { groups: ["__proto__"] } }).layers[0]!.amount.toString()).toBe("CNY 50.00");
    const params = parseInput(modelParametersSchema, JSON.parse(`{ "p": { "distribution": { "type": "dirichlet", "alpha": { "__proto__": 2, "b": 3 } } } }`)) as Record<string, { distribution?: { alpha: Record<string, number> } }>;
    expect(Object.keys(params.p!.distribution!.alpha)).toEqual(["__proto__", "b"]);
    const acc = parseInput(annualAccumulatorsSchema, JSON.parse(`{ "year": 2026, "currency": "CNY", "layers": { "__proto__": { "paid": "5" } } }`));
    expect(Object.keys(acc.layers)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(acc.layers)).toBeNull();
  });
});
