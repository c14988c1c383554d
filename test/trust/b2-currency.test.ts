// B2: a document that states amounts states its currency; nothing settles as CNY silently.
import { describe, expect, it } from "vitest";
import { catastrophicBurden, coordinateBenefits, evaluateCohortTerms, money, parseContract, parseLayers, reconcileTargetPrice, settleBundle, stratifiedReimbursement } from "../../src/index.js";
import { issues } from "../typed-errors.js";

const contract = { id: "US-1", price: "475000.00", payment: { type: "schedule", installments: [{ share: "1", due: {} }] } };

describe("B2: no silent currency", () => {
  it("B2: a contract without currency is a ValidationError at currency, not a CNY contract", () => {
    const found = issues(() => parseContract(contract));
    expect(found).toEqual([{ path: ["currency"], code: "invalid_type", message: expect.stringContaining("states its currency") }]);
    expect(parseContract({ ...contract, currency: "USD" }).currency).toBe("USD");
  });

  it("B2: a coverage plan without currency (object or bare array) is refused", () => {
    expect(issues(() => parseLayers({ layers: [{ kind: "basic", rate: 0.7 }] }))[0]!.path).toEqual(["currency"]);
    expect(issues(() => parseLayers([{ kind: "basic", rate: 0.7 }] as never))[0]!.message).toMatch(/states its currency/);
    expect(parseLayers({ currency: "USD", layers: [{ kind: "basic", rate: 0.7 }] }).currency).toBe("USD");
  });

  it("B2: budget documents (target price, bundles) state their currency", () => {
    expect(issues(() => reconcileTargetPrice({ benchmarkPrice: "30000", episodes: 1, actualSpending: "1" } as never))[0]!.path).toEqual(["currency"]);
    expect(issues(() => settleBundle({ bundle: { price: "100" }, actualCost: "90" } as never))[0]!.path).toEqual(["bundle", "currency"]);
  });

  it("B2: the benefit calculators (stratified reimbursement, catastrophic burden, coordination of benefits) state their currency", () => {
    const strat = { table: { by: "biomarker", categories: { "ALK-positive": 0.8 } }, amount: "15000", patient: { biomarker: "ALK-positive" } };
    expect(issues(() => stratifiedReimbursement(strat as never))).toEqual([{ path: ["currency"], code: "invalid_type", message: expect.stringContaining("states its currency") }]);
    // 0.8 × 15,000 = 12,000 paid by the payer, in the stated currency
    expect(stratifiedReimbursement({ ...strat, currency: "USD" }).payer.toString()).toBe("USD 12000.00");
    expect(issues(() => catastrophicBurden({ outOfPocket: "30000", householdIncome: "100000" } as never))[0]!.path).toEqual(["currency"]);
    expect(issues(() => coordinateBenefits({ allowed: 1000, primaryPaid: 800, secondaryNormalBenefit: 700, method: "standard" } as never))[0]!.path).toEqual(["currency"]);
    // standard COB: the secondary pays min(700, 1,000 − 800) = 200
    expect(coordinateBenefits({ currency: "EUR", allowed: 1000, primaryPaid: 800, secondaryNormalBenefit: 700, method: "standard" }).secondaryPays.toString()).toBe("EUR 200.00");
  });

  it("B2: a managed-entry cohort rule states the currency of its price per cycle", () => {
    const rule = { type: "managedEntry", pricePerCycle: "10000", cyclesBeforeEvaluation: 2, upfront: "paid", nonResponderRefund: "1" };
    const found = issues(() => evaluateCohortTerms({ terms: [rule], cohort: { patients: [] } } as never));
    expect(found.some((i) => i.path.join(".").endsWith("currency") && /states its currency/.test(i.message))).toBe(true);
  });

  it("B2: only the money() convenience keeps its documented CNY default", () => {
    expect(money("1").currency).toBe("CNY");
  });
});
