import { describe, expect, it } from "vitest";
import { DomainError, parseLayers, splitBill, splitBillMinorUnits, stratifiedReimbursement, ValidationError } from "../../src/index.js";

function caught(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}

const basic = { kind: "basic" as const, id: "basic", deductible: "750", rate: 0.75, cap: "400000" };

describe("tiers: bad input", () => {
  it("rejects a rate outside [0, 1] with the layer's path", () => {
    const e = caught(() => parseLayers({ currency: "CNY", layers: [basic, { kind: "commercial", id: "c", rate: 1.2 }] }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]!.path).toEqual(["layers", 1, "rate"]);
    const neg = caught(() => parseLayers({ currency: "CNY", layers: [{ kind: "manufacturer", program: { type: "discount", rate: -0.1 } }] }));
    expect((neg as ValidationError).issues[0]!.path).toEqual(["layers", 0, "program", "rate"]);
  });

  it("rejects a rate outside [0, 1] inside a nested table", () => {
    const e = caught(() => parseLayers({ currency: "CNY", layers: [{ kind: "basic", rate: { by: "insuranceType", categories: { employee: 0.75, resident: 5 } } }] }));
    expect((e as ValidationError).issues[0]!.path).toEqual(["layers", 0, "rate", "categories", "resident"]);
  });

  it("rejects a negative bill", () => {
    const e = caught(() => splitBill({ plan: { currency: "CNY", layers: [basic] }, bill: "-1" }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]!.path[0]).toBe("bill");
    expect(caught(() => splitBillMinorUnits(parseLayers({ currency: "CNY", layers: [basic] }), { bill: -1n }))).toMatchObject({ issues: [{ path: ["bill"] }] });
  });

  it("rejects gapped and overlapping rate tables", () => {
    const gap = caught(() => parseLayers({ currency: "CNY", layers: [{ kind: "basic", rate: { by: "line", bands: [{ from: 1, to: 2, value: 0.8 }, { from: 3, to: null, value: 0.5 }] } }] }));
    expect(gap).toBeInstanceOf(ValidationError);
    // the document is a bare array of layers here, so paths start at its index
    expect((gap as ValidationError).issues[0]!.path).toEqual(["layers", 0, "rate", "bands"]);
    expect((gap as ValidationError).issues[0]!.message).toContain("no band covers [2, 3)");
    const overlap = caught(() =>
      parseLayers({ currency: "CNY", layers: [{ kind: "supplementary", bands: { bands: [{ from: 0, to: 100000, value: 0.6 }, { from: 50000, to: null, value: 0.7 }] } }] }),
    );
    expect((overlap as ValidationError).issues[0]!.path).toEqual(["layers", 0, "bands", "bands"]);
    expect((overlap as ValidationError).issues[0]!.message).toContain("overlap");
  });

  it("rejects unknown patient categories unless a default is declared", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "basic", rate: { by: "insuranceType", categories: { employee: 0.75, resident: 0.55 } } }] });
    const e = caught(() => splitBill({ plan, bill: "1000", patient: { insuranceType: "military" } }));
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe("UNKNOWN_KEY");
    expect((e as DomainError).path).toEqual(["patient", "insuranceType"]);
    const missing = caught(() => splitBill({ plan, bill: "1000" }));
    expect((missing as ValidationError).issues[0]!.path).toEqual(["patient", "insuranceType"]);
    // with a default: 0.5 × 1,000 = 500
    const withDefault = parseLayers({ currency: "CNY", layers: [{ kind: "basic", rate: { by: "insuranceType", categories: { employee: 0.75 }, default: 0.5 } }] });
    expect(splitBill({ plan: withDefault, bill: "1000", patient: { insuranceType: "military" } }).layers[0]!.amount.toJSON().amount).toBe("500.00");
    const s = caught(() => stratifiedReimbursement({ currency: "CNY", table: { by: "biomarker", categories: { "ALK-positive": 0.8 } }, amount: "1", patient: { biomarker: "KRAS" } }));
    expect((s as DomainError).code).toBe("UNKNOWN_KEY");
  });

  it("rejects a banded key outside the table's domain", () => {
    const table = { by: "lineOfTherapy", bands: [{ from: 1, to: null, value: 0.5 }] };
    const e = caught(() => stratifiedReimbursement({ currency: "CNY", table, amount: "1", patient: { lineOfTherapy: 0 } }));
    expect((e as DomainError).code).toBe("OUT_OF_DOMAIN");
    expect((e as DomainError).path).toEqual(["patient", "lineOfTherapy"]);
  });

  it("rejects accumulators from another year or currency", () => {
    const plan = parseLayers({ currency: "CNY", layers: [basic] });
    const year = caught(() => splitBill({ plan, bill: "1", year: 2026, accumulators: { year: 2025, currency: "CNY", layers: {} } }));
    expect((year as DomainError).code).toBe("INCONSISTENT_INPUT");
    expect((year as DomainError).path).toEqual(["accumulators", "year"]);
    const cur = caught(() => splitBill({ year: 2026, plan, bill: "1", accumulators: { currency: "USD", layers: {} } }));
    expect((cur as DomainError).code).toBe("CURRENCY_MISMATCH");
    expect((cur as DomainError).path).toEqual(["accumulators", "currency"]);
    const bill = caught(() => splitBill({ plan, bill: { amount: "1", currency: "USD" } }));
    expect((bill as DomainError).code).toBe("CURRENCY_MISMATCH");
  });

  it("rejects accumulators beyond their limits or naming unknown layers", () => {
    const plan = parseLayers({ currency: "CNY", layers: [basic] });
    const over = caught(() => splitBill({ year: 2026, plan, bill: "1", accumulators: { currency: "CNY", layers: { basic: { deductibleMet: "800" } } } }));
    expect((over as DomainError).path).toEqual(["accumulators", "layers", "basic", "deductibleMet"]);
    const cap = caught(() => splitBill({ year: 2026, plan, bill: "1", accumulators: { currency: "CNY", layers: { basic: { paid: "400000.01" } } } }));
    expect((cap as DomainError).path).toEqual(["accumulators", "layers", "basic", "paid"]);
    const unknown = caught(() => splitBill({ year: 2026, plan, bill: "1", accumulators: { currency: "CNY", layers: { nope: {} } } }));
    expect((unknown as DomainError).code).toBe("UNKNOWN_KEY");
  });

  it("rejects pool shares above the whole, duplicate ids, sub-cent bills and unknown kinds", () => {
    const pool = caught(() => parseLayers({ currency: "CNY", layers: [{ kind: "pool", funders: [{ id: "a", share: 0.7 }, { id: "b", share: 0.4 }] }] }));
    expect((pool as ValidationError).issues[0]!.path).toEqual(["layers", 0, "funders"]);
    const dup = caught(() => parseLayers({ currency: "CNY", layers: [basic, { ...basic }] }));
    expect((dup as ValidationError).issues[0]!.path).toEqual(["layers", 1, "id"]);
    const cent = caught(() => splitBill({ plan: { currency: "CNY", layers: [basic] }, bill: "10.005" }));
    expect((cent as ValidationError).issues[0]!.code).toBe("sub_minor_unit");
    const kind = caught(() => parseLayers({ currency: "CNY", layers: [{ kind: "lottery" }] }));
    expect((kind as ValidationError).issues[0]!.path).toEqual(["layers", 0, "kind"]);
    const inPlan = caught(() => splitBill({ plan: { currency: "CNY", layers: [{ kind: "basic", rate: 2 }] }, bill: "1" }));
    expect((inPlan as ValidationError).issues[0]!.path).toEqual(["plan", "layers", 0, "rate"]);
  });

  it("asks for units and cycles when a programme needs them", () => {
    const e = caught(() => splitBill({ plan: { currency: "CNY", layers: [{ kind: "manufacturer", program: { type: "buyGet", buy: 2, get: 1 } }] }, bill: "1" }));
    expect((e as ValidationError).issues[0]!.path).toEqual(["units"]);
    const c = caught(() => splitBill({ plan: { currency: "CNY", layers: [{ kind: "manufacturer", program: { type: "freeAfterCycles", paidCycles: 4 } }] }, bill: "1" }));
    expect((c as ValidationError).issues[0]!.path).toEqual(["cycle"]);
  });
});
