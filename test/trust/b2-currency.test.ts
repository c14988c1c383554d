// B2: a document that states amounts states its currency; nothing settles as CNY silently.
import { describe, expect, it } from "vitest";
import { money, parseContract, parseLayers, reconcileTargetPrice, settleBundle } from "../../src/index.js";
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

  it("B2: only the money() convenience keeps its documented CNY default", () => {
    expect(money("1").currency).toBe("CNY");
  });
});
