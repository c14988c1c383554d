// What evaluateContract and evaluateContractMinorUnits accept and refuse (as-of dates, contracts
// that are not parsed), the first and last steps, versions in effect and failed conditions.
// (Cases first written as mutation pins; amounts are worked out by hand in the comments, 1 CNY = 100 fen.)
import { describe, expect, it } from "vitest";
import { evaluateContract, evaluateContractMinorUnits, parseContract, parseContractVersions, ValidationError } from "../../src/index.js";
import { K1, K7 } from "./fixtures.js";
import { domainError, issues, validationError } from "../typed-errors.js";

const infusion = (date: string) => ({ kind: "infusion", date });
/** Money and Decimal inputs as their JSON (Money → { amount, currency }, Decimal → string). */
const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe("evaluateContract: inputs and the first and last steps", () => {
  it("a bad as-of date names evaluateContract; a contract that is not an object is a ValidationError", () => {
    expect(validationError(() => evaluateContract(K1, [infusion("2026-01-15")], "2026-02-30")).message).toBe(
      'evaluateContract: invalid input — asOf: expected a calendar date YYYY-MM-DD, got "2026-02-30"',
    );
    // null, a number and a string go to parseContract, whose schema refuses them at the root.
    for (const bad of [null, 5, "K1"]) {
      const found = issues(() => evaluateContract(bad, [infusion("2026-01-15")], "2026-12-31"));
      expect(found.map((i) => [i.path, i.code])).toEqual([[[], "invalid_type"]]);
    }
  });

  it("the first step names its rule and the last step lists gross, refunded and withheld", () => {
    // K1 without events after the start: 480,000 + 360,000 + 360,000 = 1,200,000 paid.
    const r = evaluateContract(K1, [infusion("2026-01-15")], "2026-12-31");
    expect(r.explanation[0]!.rule).toBe("contracts.evaluate.terms");
    expect(json(r.explanation.at(-1)!.inputs)).toEqual({
      gross: { amount: "1200000.00", currency: "CNY" },
      refunded: { amount: "0.00", currency: "CNY" },
      withheld: { amount: "0.00", currency: "CNY" },
    });
  });
});

describe("evaluateContractMinorUnits: inputs", () => {
  it("its errors say what was expected and name the bulk path", () => {
    expect(validationError(() => evaluateContractMinorUnits(K1 as never, [infusion("2026-01-15")], "2026-12-31")).message).toBe(
      "invalid input — contract: expected a contract made by parseContract or parseContractVersions",
    );
    expect(validationError(() => evaluateContractMinorUnits(parseContract(K1), [infusion("2026-01-15")], "2026-02-30")).message).toBe(
      'evaluateContractMinorUnits: invalid input — asOf: expected a calendar date YYYY-MM-DD, got "2026-02-30"',
    );
  });
});

describe("versions in effect and conditions that did not hold", () => {
  it("with no version in effect, the error lists every period", () => {
    const set = parseContractVersions({
      versions: [
        { ...K1, version: "a", effective: { from: "2025-01-01", to: "2026-01-01" } },
        { ...K1, version: "b", effective: { from: "2026-01-01", to: "2027-01-01" } },
      ],
    });
    const e = domainError(() => evaluateContract(set, [infusion("2027-03-01")], "2027-12-31"));
    expect(e.message).toBe("events[0].date: no contract version is in effect on the treatment start 2027-03-01 (versions: [2025-01-01, 2026-01-01), [2026-01-01, 2027-01-01))");
  });

  it("a `some` condition with no matching event says it did not hold", () => {
    // K7: 2,000,000 × 0.5 = 1,000,000 withheld at 12 months without an improvement.
    const r = evaluateContract(K7, [infusion("2026-01-15")], "2027-12-31");
    expect(r.lines[1]!.failedCondition).toEqual({ condition: "improvement recorded since treatment start", event: null });
    expect(r.lines[1]!.explanation.text).toBe(
      'Installment 2 (50% of the price, due 12 months after treatment start) fell due on 2027-01-15 and is withheld (CNY 1,000,000.00): "improvement recorded since treatment start" did not hold (no such event recorded).',
    );
  });
});
