// Refund and clawback triggers are matchers like every other: their kind must be built in
// or declared, and their `where` tests decide which events trigger the return.
import { describe, expect, it } from "vitest";
import { evaluateContract, evaluateContractMinorUnits, parseContract } from "../../../src/index.js";
import { issues } from "../../typed-errors.js";

/** USD 100,000 at infusion; half back on a hospitalisation of at least 7 days. */
function longStayRefund(trigger: unknown[] = [{ kind: "hospitalisation", where: { days: { gte: 7 } } }]) {
  return {
    id: "LOS-7",
    currency: "USD",
    price: "100000.00",
    outcomes: { hospitalisation: { attributes: { days: { type: "integer", min: 0 } } } },
    payment: { type: "schedule", installments: [{ id: "at-infusion", share: "1", due: { months: 0 } }] },
    refunds: [{ type: "refund", id: "long-stay", trigger, share: "0.5" }],
  };
}
const start = { kind: "treatmentStart", date: "2026-01-05" };
const stay = (date: string, days: number) => ({ kind: "hospitalisation", date, attributes: { days } });

describe("refund triggers are prepared matchers", () => {
  it("a trigger's where test is applied: a 3-day stay does not trigger the refund, a 10-day stay does", () => {
    const contract = parseContract(longStayRefund());
    const short = evaluateContract({ contract, events: [start, stay("2026-02-01", 3)], asOf: "2026-12-31" });
    // 3 < 7: nothing is refunded, the USD 100,000 paid stands
    expect(short.totals.refunded.toString()).toBe("USD 0.00");
    expect(short.totals.net.toString()).toBe("USD 100000.00");
    const long = evaluateContract({ contract, events: [start, stay("2026-02-01", 3), stay("2026-03-10", 10)], asOf: "2026-12-31" });
    // 10 ≥ 7: half of the USD 100,000 paid comes back, dated on the long stay
    expect(long.totals.refunded.toString()).toBe("USD 50000.00");
    expect(long.lines.find((l) => l.kind === "refund")).toMatchObject({ date: "2026-03-10", termId: "long-stay" });
  });

  it("the bulk path applies the same where test", () => {
    const contract = parseContract(longStayRefund());
    const short = evaluateContractMinorUnits({ contract, events: [start, stay("2026-02-01", 3)], asOf: "2026-12-31" });
    const long = evaluateContractMinorUnits({ contract, events: [start, stay("2026-03-10", 10)], asOf: "2026-12-31" });
    expect(short.totals.refunded).toBe(0n);
    expect(long.totals.refunded).toBe(5_000_000n); // USD 50,000.00 in cents
  });

  it("an undeclared trigger kind and a where test on an unknown attribute are typed errors at the trigger's path", () => {
    const undeclared = issues(() => parseContract(longStayRefund([{ kind: "hospitalization" }])));
    expect(undeclared[0]).toMatchObject({ path: ["refunds", 0, "trigger", 0, "kind"], message: expect.stringContaining('did you mean "hospitalisation"') });
    const unknownAttribute = issues(() => parseContract(longStayRefund([{ kind: "hospitalisation", where: { nights: { gte: 7 } } }])));
    expect(unknownAttribute[0]!.path).toEqual(["refunds", 0, "trigger", 0, "where", "nights"]);
  });
});
