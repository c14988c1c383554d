import { describe, expect, it } from "vitest";
import { DomainError, evaluateContract, parseContract, parseContractVersions, ValidationError } from "../../src/index.js";
import { K1, K3 } from "./fixtures.js";

function issuesOf(fn: () => unknown): { path: readonly (string | number)[]; message: string }[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return [...(e as ValidationError).issues];
  }
  throw new Error("expected a ValidationError");
}

function domainOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error("expected a DomainError");
}

const start = { kind: "infusion", date: "2026-01-15" };

describe("contracts bad input", () => {
  it("rejects an unknown event kind with its path", () => {
    const issues = issuesOf(() => evaluateContract(K1, [start, { kind: "hospitalisation", date: "2026-02-01" }], "2026-12-31"));
    expect(issues[0]!.path).toEqual(["events", 1, "kind"]);
  });

  it("rejects invalid event dates and as-of dates", () => {
    expect(issuesOf(() => evaluateContract(K1, [start, { kind: "crs", date: "2026-02-30" }], "2026-12-31"))[0]!.path).toEqual(["events", 1, "date"]);
    expect(issuesOf(() => evaluateContract(K1, [{ kind: "infusion", date: "15/01/2026" }], "2026-12-31"))[0]!.path).toEqual(["events", 0, "date"]);
    expect(issuesOf(() => evaluateContract(K1, [start], "2026-13-01"))[0]!.path).toEqual(["asOf"]);
  });

  it("rejects malformed event fields (bad grade, missing response, unknown field, not an array)", () => {
    expect(issuesOf(() => evaluateContract(K1, [start, { kind: "crs", date: "2026-02-01", grade: 7 }], "2026-12-31"))[0]!.path).toEqual(["events", 1, "grade"]);
    expect(issuesOf(() => evaluateContract(K1, [start, { kind: "assessment", date: "2026-02-01" }], "2026-12-31"))[0]!.path).toEqual(["events", 1, "response"]);
    expect(issuesOf(() => evaluateContract(K1, [start, { kind: "death", date: "2026-02-01", cause: "x" }], "2026-12-31"))[0]!.path).toEqual(["events", 1, "cause"]);
    expect(issuesOf(() => evaluateContract(K1, { kind: "infusion" }, "2026-12-31"))[0]!.path).toEqual(["events"]);
  });

  it("rejects events out of order, before treatment start, after death, or without a start", () => {
    const order = domainOf(() => evaluateContract(K1, [start, { kind: "crs", date: "2026-03-01" }, { kind: "relapse", date: "2026-02-01" }], "2026-12-31"));
    expect(order.code).toBe("EVENT_ORDER");
    expect(order.path).toEqual(["events", 2, "date"]);
    const before = domainOf(() => evaluateContract(K1, [start, { kind: "crs", date: "2026-01-14" }], "2026-12-31"));
    expect(before.code).toBe("EVENT_ORDER");
    expect(before.path).toEqual(["events", 1, "date"]);
    const first = domainOf(() => evaluateContract(K1, [{ kind: "crs", date: "2026-01-10" }, start], "2026-12-31"));
    expect(first.code).toBe("EVENT_ORDER");
    const none = domainOf(() => evaluateContract(K1, [], "2026-12-31"));
    expect(none.code).toBe("EVENT_ORDER");
    const dead = domainOf(() => evaluateContract(K1, [start, { kind: "death", date: "2026-02-01" }, { kind: "relapse", date: "2026-03-01" }], "2026-12-31"));
    expect(dead.path).toEqual(["events", 2]);
  });

  it("rejects a negative price and a price finer than the minor unit", () => {
    expect(issuesOf(() => parseContract({ ...K1, price: "-1200000" }))[0]!.path).toEqual(["price"]);
    expect(issuesOf(() => parseContract({ ...K1, price: "1200000.001" }))[0]!.path).toEqual(["price"]);
    expect(issuesOf(() => parseContract({ ...K1, price: 1200000.5 }))[0]!.path).toEqual(["price"]);
  });

  it("rejects schedule shares not summing to 100%", () => {
    const bad = { ...K1, payment: { type: "schedule", installments: [{ share: "0.4", due: { months: 0 } }, { share: "0.3", due: { months: 3 } }] } };
    const issues = issuesOf(() => parseContract(bad));
    expect(issues[0]!.path).toEqual(["payment", "installments"]);
    expect(issues[0]!.message).toContain("0.7");
  });

  it("rejects shares above 1, unknown term types, unknown fields, unknown currency, bad offsets", () => {
    expect(issuesOf(() => parseContract({ ...K1, payment: { type: "schedule", installments: [{ share: "1.2", due: { months: 0 } }] } }))[0]!.path).toEqual(["payment", "installments", 0, "share"]);
    expect(issuesOf(() => parseContract({ ...K1, payment: { type: "barter" } }))[0]!.path).toEqual(["payment", "type"]);
    expect(issuesOf(() => parseContract({ ...K1, discount: "0.1" }))[0]!.path).toEqual(["discount"]);
    expect(issuesOf(() => parseContract({ ...K1, currency: "XYZ" }))[0]!.path).toEqual(["currency"]);
    expect(issuesOf(() => parseContract({ ...K1, payment: { type: "schedule", installments: [{ share: "1", due: { months: -1 } }] } }))[0]!.path).toEqual(["payment", "installments", 0, "due", "months"]);
    const badEvent = { ...K1, payment: { type: "schedule", installments: [{ share: "1", due: { months: 0 }, conditions: [{ type: "none", events: ["flu"] }] }] } };
    expect(issuesOf(() => parseContract(badEvent))[0]!.path.slice(0, 6)).toEqual(["payment", "installments", 0, "conditions", 0, "events"]);
  });

  it("rejects refund shares that together exceed 100%", () => {
    const bad = { ...K3, refunds: [...K3.refunds, { type: "refund", trigger: ["death"], share: "0.6" }] };
    expect(issuesOf(() => parseContract(bad))[0]!.path).toEqual(["refunds"]);
  });

  it("rejects overlapping contract versions, naming the version", () => {
    const v1 = { ...K1, effective: { from: "2025-01-01", to: "2026-06-01" } };
    const v2 = { ...K1, effective: { from: "2026-01-01" } };
    const issues = issuesOf(() => parseContractVersions({ versions: [v1, v2] }));
    expect(issues[0]!.path).toEqual(["versions", 1, "effective"]);
    expect(issues[0]!.message).toContain("overlaps");
    expect(issuesOf(() => parseContractVersions({ versions: [{ ...K1 }] }))[0]!.path).toEqual(["versions", 0, "effective"]);
    expect(issuesOf(() => parseContract({ ...K1, effective: { from: "2026-01-01", to: "2025-01-01" } }))[0]!.path).toEqual(["effective", "to"]);
  });

  it("refuses to guess a missing grade when a term needs a minimum grade", () => {
    const graded = { ...K1, payment: { type: "schedule", installments: [{ share: "1", due: { months: 1 }, conditions: [{ type: "none", events: [{ kind: "crs", minGrade: 3 }] }] }] } };
    expect(domainOf(() => evaluateContract(graded, [start, { kind: "crs", date: "2026-01-20" }], "2026-12-31")).code).toBe("INCONSISTENT_INPUT");
  });

  it("a patient starting outside a contract's effective period has no applicable terms", () => {
    const c = { ...K1, effective: { from: "2027-01-01" } };
    expect(domainOf(() => evaluateContract(c, [start], "2027-12-31")).code).toBe("NO_APPLICABLE_TERMS");
  });
});
