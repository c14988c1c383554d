// Bad input for declared outcomes, deadlines and per-cycle pricing: typed errors with paths.
import { describe, expect, it } from "vitest";
import { evaluateContract, evaluateContractMinorUnits, parseContract } from "../../../src/index.js";
import { domainError, issues } from "../../typed-errors.js";
import { geneTherapy, italianDrug, SICKLE_CELL } from "./fixtures.js";

const start = { kind: "infusion", date: "2026-01-10" };

describe("declared outcomes: events", () => {
  const scd = parseContract(SICKLE_CELL);
  it("an undeclared event kind names the kind and the declared ones, on both paths", () => {
    for (const run of [evaluateContract, evaluateContractMinorUnits]) {
      const [i] = issues(() => run(scd, [start, { kind: "hospitalization", date: "2026-02-01", attributes: { days: 3 } }], "2027-12-31"));
      expect(i).toMatchObject({ path: ["events", 1, "kind"], code: "invalid_union_discriminator" });
      expect(i!.message).toContain('"hospitalization" (did you mean "hospitalisation"?)');
      expect(i!.message).toContain("declared: transfusionIndependence, transfusion, hospitalisation");
    }
  });
  it("a contract that declares nothing keeps the built-in message", () => {
    const k = parseContract({ ...geneTherapy(), outcomes: undefined, refunds: [] });
    expect(issues(() => evaluateContract(k, [start, { kind: "mrdNegative", date: "2026-02-01" }], "2027-01-01"))[0]!.message).toContain("unknown event kind \"mrdNegative\"; expected one of");
  });
  it("an attribute of the wrong type, a missing one, a stray field", () => {
    const found = issues(() =>
      evaluateContract(scd, [start, { kind: "hospitalisation", date: "2026-02-01", attributes: { days: "3" } }, { kind: "transfusion", date: "2026-02-02" }, { kind: "hospitalisation", date: "2026-02-03", days: 2, attributes: { days: 2, reason: "fall" } }], "2027-12-31"),
    );
    expect(found.map((i) => i.path.join("."))).toEqual(["events.1.attributes.days", "events.2.attributes.units", "events.3.days", "events.3.attributes.reason"]);
    expect(found[0]!.message).toBe('hospitalisation.days: expected a whole number, got "3"');
  });
});

describe("declared outcomes: terms", () => {
  it("a matcher naming an undeclared kind, or testing an attribute that does not exist or fit", () => {
    const bad = structuredClone(SICKLE_CELL) as Record<string, any>;
    bad.payment.installments[1].conditions[0].evidence[0].kind = "transfusionIndependance";
    bad.payment.installments[1].conditions[1].events[0].where = { nights: { gte: 2 } };
    bad.payment.installments[1].conditions[0].interruptedBy[0].where.independent = { equals: "no" };
    const found = issues(() => parseContract(bad));
    expect(found.map((i) => [i.path.join("."), i.code])).toEqual([
      ["payment.installments.1.conditions.0.evidence.0.kind", "undeclared_event_kind"],
      ["payment.installments.1.conditions.0.interruptedBy.0.where.independent.equals", "invalid_type"],
      ["payment.installments.1.conditions.1.events.0.where.nights", "unknown_attribute"],
    ]);
    expect(found[0]!.message).toContain('did you mean "transfusionIndependence"');
  });
  it("where on a built-in kind; count without bounds; atMost below atLeast; a zero-length sustained span", () => {
    const c = (conditions: unknown[]) => ({ ...SICKLE_CELL, payment: { type: "schedule", installments: [{ share: "1", due: { months: 6 }, conditions }] } });
    expect(issues(() => parseContract(c([{ type: "none", events: [{ kind: "crs", where: { grade: { gte: 3 } } }] }])))[0]!.path).toEqual(["payment", "installments", 0, "conditions", 0, "events", 0, "where"]);
    expect(issues(() => parseContract(c([{ type: "count", events: ["death"] }])))[0]!.path).toEqual(["payment", "installments", 0, "conditions", 0, "atLeast"]);
    expect(issues(() => parseContract(c([{ type: "count", events: ["death"], atLeast: 3, atMost: 2 }])))[0]!.path).toEqual(["payment", "installments", 0, "conditions", 0, "atMost"]);
    expect(issues(() => parseContract(c([{ type: "sustained", evidence: ["improvement"], for: { months: 0 } }])))[0]!.path).toEqual(["payment", "installments", 0, "conditions", 0, "for"]);
  });
  it("declarations: a built-in kind redeclared, a bad attribute type", () => {
    expect(issues(() => parseContract({ ...SICKLE_CELL, outcomes: { relapse: {} } }))[0]!.path).toEqual(["outcomes", "relapse"]);
    expect(issues(() => parseContract({ ...SICKLE_CELL, outcomes: { x: { attributes: { y: { type: "date" } } } } }))[0]!.path).toEqual(["outcomes", "x", "attributes", "y", "type"]);
  });
});

describe("deadlines", () => {
  const withDate = (date: string) => {
    const c = geneTherapy() as Record<string, any>;
    c.refunds[0].by = { date };
    return parseContract(c);
  };
  it("a deadline (calendar date) before treatment start is INCONSISTENT_INPUT at its by.date", () => {
    const e = domainError(() => evaluateContract(withDate("2026-01-09"), [start], "2028-12-31"));
    expect([e.code, e.path]).toEqual(["INCONSISTENT_INPUT", ["contract", "refunds", 0, "by", "date"]]);
    expect(e.message).toContain("before the treatment start 2026-01-10");
    expect(domainError(() => evaluateContractMinorUnits(withDate("2026-01-09"), [start], "2028-12-31")).code).toBe("INCONSISTENT_INPUT");
    // on the start itself it is allowed: nothing recorded → refund on the start date
    expect(evaluateContract(withDate("2026-01-10"), [start], "2026-12-31").totals.net.amount.toFixed(2)).toBe("560000.00");
  });
  it("a negative offset, a missing ifMissing, a share above 1 together with other refunds", () => {
    const c = geneTherapy() as Record<string, any>;
    expect(issues(() => parseContract({ ...c, refunds: [{ ...c.refunds[0], by: { months: -1 } }] }))[0]!.path).toEqual(["refunds", 0, "by", "months"]);
    expect(issues(() => parseContract({ ...c, refunds: [{ ...c.refunds[0], assessment: { events: ["transfusionIndependence"] } }] }))[0]!.path).toEqual(["refunds", 0, "assessment", "ifMissing"]);
    expect(issues(() => parseContract({ ...c, refunds: [c.refunds[0], { type: "clawback", trigger: ["death"], share: "0.3" }] }))[0]!.path).toEqual(["refunds"]);
  });
  it("a byDeadline condition checked before its deadline is INCONSISTENT_INPUT", () => {
    const k = parseContract({
      id: "x", currency: "CNY", price: "1000",
      payment: { type: "schedule", installments: [{ share: "1", due: { days: 10 }, conditions: [{ type: "byDeadline", by: { days: 30 }, milestone: { type: "some", events: ["assessment"] } }] }] },
    });
    const e = domainError(() => evaluateContract(k, [start], "2026-12-31"));
    expect([e.code, e.path]).toEqual(["INCONSISTENT_INPUT", ["contract", "payment", "installments", 0, "conditions", 0]]);
  });
});

describe("per-cycle pricing", () => {
  it("nonResponderRefund with pay atResult; a responder test on another kind; the non-responder refund in the share total", () => {
    const p = italianDrug().payment as Record<string, any>;
    expect(issues(() => parseContract({ ...italianDrug(), payment: { ...p, result: { ...p.result, nonResponderRefund: "0.5" } } }))[0]!.path).toEqual(["payment", "result", "nonResponderRefund"]);
    expect(issues(() => parseContract({ ...italianDrug(), payment: { ...p, result: { ...p.result, responder: ["improvement"] } } }))[0]!.path).toEqual(["payment", "result", "responder", 0]);
    const up = italianDrug("upfront");
    const found = issues(() => parseContract({ ...up, refunds: [{ type: "refund", trigger: ["death"], share: "0.6" }] }));
    expect(found[0]).toMatchObject({ path: ["refunds"], message: expect.stringContaining("nonResponderRefund") });
    expect(issues(() => parseContract({ ...italianDrug(), payment: { ...p, cycle: ["cycleAdministred"] } }))[0]!.path).toEqual(["payment", "cycle", 0, "kind"]);
    expect(issues(() => parseContract({ ...italianDrug(), payment: { ...p, costSharing: { firstCycles: 0, discount: "0.5" } } }))[0]!.path).toEqual(["payment", "costSharing", "firstCycles"]);
    expect(issues(() => parseContract({ ...italianDrug(), payment: { ...p, costSharing: { firstCycles: 2, discount: "1.5" } } }))[0]!.path).toEqual(["payment", "costSharing", "discount"]);
  });
});
