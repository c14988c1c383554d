// Issue 13 item 4: the contract entry points take one input object; the positional form still works.
import { describe, expect, it } from "vitest";
import { evaluateContract, evaluateContractMinorUnits, parseContract } from "../../src/index.js";
import { K1 } from "./fixtures.js";
import { issues } from "../typed-errors.js";

const events = [{ kind: "infusion", date: "2026-01-15" }, { kind: "crs", date: "2026-01-20", grade: 2 }];

describe("named arguments", () => {
  it("evaluateContract({ contract, events, asOf }) gives the positional result", () => {
    // K1 with a CRS: 480,000 + 360,000 (month 6) = 840,000; month 3 withheld.
    const named = evaluateContract({ contract: K1, events, asOf: "2026-12-31" });
    expect(named.totals.net.toString()).toBe("CNY 840000.00");
    expect(JSON.stringify(named)).toBe(JSON.stringify(evaluateContract(K1, events, "2026-12-31")));
  });

  it("evaluateContractMinorUnits({ contract, events, asOf }) gives the positional result", () => {
    const k1 = parseContract(K1);
    expect(evaluateContractMinorUnits({ contract: k1, events, asOf: "2026-12-31" }).totals.net).toBe(84_000_000n);
  });

  it("an unknown key of the input object is a typed error naming it", () => {
    expect(issues(() => evaluateContract({ contract: K1, events, asof: "2026-12-31" } as never))[0]!.path).toEqual(["asof"]);
  });
});
