// Item categories on a bill (issue 16 item 2; care.md §9 H24): lines by category and
// catalogue class, per-category eligibility, class-B first self-pay, rates and sub-limits.
import { describe, expect, it } from "vitest";
import { parseLayers, splitBill, splitBillMinorUnits } from "../../src/index.js";
import { domainError, issues } from "../typed-errors.js";

const amt = (m: { toJSON(): { amount: string } }) => m.toJSON().amount;

// care.md §9 [fixed]: commercial cover pays gene tests 100% up to 100,000 a policy year and drugs at 50% with no sub-limit.
const h24 = parseLayers({
  currency: "CNY",
  layers: [{ kind: "commercial", id: "special-drug", rate: 0, categories: { test: { rate: 1, subLimit: "100000" }, drug: { rate: 0.5 } } }],
});

describe("category sub-limits (care.md §9)", () => {
  it("H24: one policy year, tests 30,000 then 80,000, drugs 150,000", () => {
    // tests: 1 × 30,000 = 30,000 (30,000 of the 100,000 sub-limit used); 1 × 80,000 = 80,000 > 70,000 left → 70,000;
    // drugs: 0.5 × 150,000 = 75,000. Patient: 0 + 10,000 + 75,000 = 85,000.
    const r = splitBill({ plan: h24, year: 2026, lines: [{ category: "test", amount: "30000" }, { category: "test", amount: "80000" }, { category: "drug", amount: "150000" }] });
    expect(r.lines!.map((l) => amt(l.layers[0]!.amount))).toEqual(["30000.00", "70000.00", "75000.00"]);
    expect(r.lines!.map((l) => l.layers[0]!.limitedBy)).toEqual([null, "subLimit", null]);
    expect([amt(r.layers[0]!.amount), amt(r.patient)]).toEqual(["175000.00", "85000.00"]);
    expect(r.accumulators.layers["special-drug"]!.categories).toEqual({ test: "100000.00" });
    expect(r.lines![1]!.layers[0]!.text).toBe(
      "Commercial cover (惠民保 / 特药险) [special-drug] looks at what remains, CNY 80,000.00. It pays 100% (the rate for test) of CNY 80,000.00 = CNY 80,000.00, limited to CNY 70,000.00 by what is left of its test sub-limit of CNY 100,000.00 (CNY 30,000.00 used before).",
    );
  });

  it("H24: the same, as three claims of the year, carries the sub-limit in the accumulators", () => {
    const one = splitBill({ plan: h24, year: 2026, lines: [{ category: "test", amount: "30000" }] });
    const two = splitBill({ plan: h24, year: 2026, accumulators: one.accumulators, lines: [{ category: "test", amount: "80000" }] });
    const three = splitBill({ plan: h24, year: 2026, accumulators: two.accumulators, lines: [{ category: "drug", amount: "150000" }] });
    expect([one, two, three].map((r) => amt(r.layers[0]!.amount))).toEqual(["30000.00", "70000.00", "75000.00"]);
  });
});

describe("itemised claims through several layers", () => {
  // Basic insurance: catalogue items only, deductible 1,000, 70%; class-B drugs first self-pay 10%; beds covered,
  // consumables at 50%, services excluded. Commercial: 60% of everything left, gene tests within 100,000.
  const plan = parseLayers({
    currency: "CNY",
    layers: [
      {
        kind: "basic",
        id: "basic",
        deductible: "1000",
        rate: 0.7,
        categories: { drug: { firstSelfPay: { B: 0.1 } }, bed: {}, consumable: { rate: 0.5 }, test: {}, service: { covered: false } },
      },
      { kind: "commercial", id: "hmb", rate: 0.6, categories: { drug: {}, bed: {}, consumable: {}, service: {}, test: { subLimit: "100000" } } },
    ],
  });
  const lines = [
    { id: "d1", category: "drug", catalogueClass: "B" as const, amount: "10000" },
    { id: "d2", category: "drug", catalogueClass: "C" as const, amount: "5000" },
    { id: "b1", category: "bed", catalogueClass: "A" as const, amount: "2000" },
    { id: "c1", category: "consumable", catalogueClass: "A" as const, amount: "3000.05" },
    { id: "s1", category: "service", amount: "500" },
  ];

  it("each line splits exactly; the explanation itemises", () => {
    // d1 10,000 class B: first self-pay 0.1 × 10,000 = 1,000 stays with the patient; eligible 9,000; deductible 1,000;
    //    basic 0.7 × 8,000 = 5,600; remaining 4,400; commercial 0.6 × 4,400 = 2,640; patient 1,760.
    // d2 5,000 class C (off the catalogue): basic 0; commercial 0.6 × 5,000 = 3,000; patient 2,000.
    // b1 2,000: basic 0.7 × 2,000 = 1,400; commercial 0.6 × 600 = 360; patient 240.
    // c1 3,000.05: basic 0.5 × 3,000.05 = 1,500.025 → 1,500.03 (half-up); left 1,500.02; commercial 0.6 × 1,500.02 = 900.012 → 900.01;
    //    patient 600.01.
    // s1 500: basic does not cover services; commercial 0.6 × 500 = 300; patient 200.
    // Basic 5,600 + 0 + 1,400 + 1,500.03 + 0 = 8,500.03; commercial 2,640 + 3,000 + 360 + 900.01 + 300 = 7,200.01;
    // patient 1,760 + 2,000 + 240 + 600.01 + 200 = 4,800.01; 8,500.03 + 7,200.01 + 4,800.01 = 20,500.05 = the bill.
    const r = splitBill({ plan, year: 2026, lines });
    expect(r.lines!.map((l) => l.layers.map((x) => amt(x.amount)))).toEqual([
      ["5600.00", "2640.00"],
      ["0.00", "3000.00"],
      ["1400.00", "360.00"],
      ["1500.03", "900.01"],
      ["0.00", "300.00"],
    ]);
    expect(r.lines!.map((l) => amt(l.patient))).toEqual(["1760.00", "2000.00", "240.00", "600.01", "200.00"]);
    expect(r.layers.map((l) => amt(l.amount))).toEqual(["8500.03", "7200.01"]);
    expect([amt(r.bill), amt(r.catalogueAmount), amt(r.patient)]).toEqual(["20500.05", "15500.05", "4800.01"]);
    expect(r.lines![0]!.layers[0]!.text).toBe(
      "Basic medical insurance (基本医保) [basic] looks at what remains, CNY 10,000.00; CNY 1,000.00 (10% first self-pay on class B drug) stays with the patient; CNY 1,000.00 goes to the annual deductible of CNY 1,000.00 (CNY 0.00 met before, CNY 0.00 left after). It pays 70% of CNY 8,000.00 = CNY 5,600.00.",
    );
    expect(r.lines![4]!.layers[0]!.text).toBe("Basic medical insurance (基本医保) [basic] looks at what remains, CNY 500.00; it does not cover service items and pays CNY 0.00.");
    expect(r.explanation.filter((s) => s.rule === "tiers.line").length).toBe(5);
    expect(r.layers[0]!.text).toBe("Basic medical insurance (基本医保) [basic] pays CNY 8,500.03 over 5 line(s): d1 CNY 5,600.00, d2 CNY 0.00, b1 CNY 1,400.00, c1 CNY 1,500.03, s1 CNY 0.00.");
  });

  it("the bulk path gives the same line and layer figures", () => {
    const r = splitBillMinorUnits({
      plan,
      claim: { lines: lines.map((l) => ({ category: l.category, ...(l.catalogueClass ? { catalogueClass: l.catalogueClass } : {}), amount: BigInt(Math.round(Number(l.amount) * 100)) })) },
    });
    expect(r.layers).toEqual([850003n, 720001n]);
    expect(r.lines!.map((l) => l.patient)).toEqual([176000n, 200000n, 24000n, 60001n, 20000n]);
  });

  it("the bill, when given with lines, must be their sum", () => {
    const e = domainError(() => splitBill({ plan, year: 2026, bill: "20500", lines }));
    expect([e.code, e.path]).toEqual(["INCONSISTENT_INPUT", ["bill"]]);
    expect(amt(splitBill({ plan, year: 2026, bill: "20500.05", lines }).patient)).toBe("4800.01");
  });
});

describe("categories: bad input", () => {
  it("a category no layer defines is UNKNOWN_KEY at lines[i].category", () => {
    const e = domainError(() => splitBill({ plan: h24, lines: [{ category: "test", amount: "1" }, { category: "bed", amount: "1" }] }));
    expect([e.code, e.path]).toEqual(["UNKNOWN_KEY", ["lines", 1, "category"]]);
    const none = parseLayers({ currency: "CNY", layers: [{ kind: "basic", rate: 0.7 }] });
    expect(domainError(() => splitBill({ plan: none, lines: [{ category: "drug", amount: "1" }] })).path).toEqual(["lines", 0, "category"]);
    expect(domainError(() => splitBillMinorUnits({ plan: h24, claim: { lines: [{ category: "bed", amount: 1n }] } })).path).toEqual(["claim", "lines", 0, "category"]);
  });

  it("a layer with categories needs an itemised claim", () => {
    expect(issues(() => splitBill({ plan: h24, bill: "100" }))[0]!.path).toEqual(["lines"]);
  });

  it("lines and a catalogue amount together, a bad class, an empty category, a negative amount", () => {
    expect(issues(() => splitBill({ plan: h24, catalogueAmount: "1", lines: [{ category: "test", amount: "1" }] }))[0]!.path).toEqual(["catalogueAmount"]);
    expect(issues(() => splitBill({ plan: h24, lines: [{ category: "test", catalogueClass: "D" as never, amount: "1" }] }))[0]!.path).toEqual(["lines", 0, "catalogueClass"]);
    expect(issues(() => splitBill({ plan: h24, lines: [{ category: "", amount: "1" }] }))[0]!.path).toEqual(["lines", 0, "category"]);
    expect(issues(() => splitBill({ plan: h24, lines: [{ category: "test", amount: "-1" }] }))[0]!.path).toEqual(["lines", 0, "amount"]);
    expect(issues(() => splitBill({ plan: h24, lines: [] }))[0]!.path).toEqual(["lines"]);
    expect(issues(() => splitBillMinorUnits({ plan: h24, claim: { lines: [{ category: "test", amount: -1n }] } }))[0]!.path).toEqual(["claim", "lines", 0, "amount"]);
  });

  it("bad category terms in a plan name their path", () => {
    const at = (terms: unknown) => issues(() => parseLayers({ currency: "CNY", layers: [{ kind: "basic", rate: 0.7, categories: { drug: terms } }] as never }))[0]!.path;
    expect(at({ rate: 1.5 })).toEqual(["layers", 0, "categories", "drug", "rate"]);
    expect(at({ firstSelfPay: { B: 2 } })).toEqual(["layers", 0, "categories", "drug", "firstSelfPay", "B"]);
    expect(at({ firstSelfPay: { D: 0.1 } })).toEqual(["layers", 0, "categories", "drug", "firstSelfPay", "D"]);
    expect(at({ subLimit: "-1" })).toEqual(["layers", 0, "categories", "drug", "subLimit"]);
    expect(at({ covered: false, rate: 0.5 })).toEqual(["layers", 0, "categories", "drug", "covered"]);
    expect(at({ extra: 1 })).toEqual(["layers", 0, "categories", "drug", "extra"]);
    expect(issues(() => parseLayers({ currency: "CNY", layers: [{ kind: "basic", rate: 0.7, categories: {} }] }))[0]!.path).toEqual(["layers", 0, "categories"]);
  });

  it("a sub-limit use beyond the sub-limit, or for a category without one, is rejected", () => {
    const over = domainError(() => splitBill({ plan: h24, year: 2026, lines: [{ category: "test", amount: "1" }], accumulators: { year: 2026, currency: "CNY", layers: { "special-drug": { categories: { test: "100000.01" } } } } }));
    expect([over.code, over.path]).toEqual(["INCONSISTENT_INPUT", ["accumulators", "layers", "special-drug", "categories", "test"]]);
    const unknown = domainError(() => splitBill({ plan: h24, year: 2026, lines: [{ category: "test", amount: "1" }], accumulators: { year: 2026, currency: "CNY", layers: { "special-drug": { categories: { drug: "1" } } } } }));
    expect([unknown.code, unknown.path]).toEqual(["UNKNOWN_KEY", ["accumulators", "layers", "special-drug", "categories", "drug"]]);
  });
});
