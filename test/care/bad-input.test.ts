import { describe, expect, it } from "vitest";
import { classifyPackageClaims, followUpStatus, followUpUplift, incentivePoints, listingFundShare, listingStatus, riskTier, servicePackageCost } from "../../src/index.js";
import { domainError, issues } from "../typed-errors.js";
import { H1_LISTING, H2_LISTING, H5_SCHEDULE } from "./fixtures.js";

const withDecisions = (decisions: unknown[]) => ({ ...H1_LISTING, decisions });

describe("care bad input: listing lifecycle", () => {
  it("rejects a decision dated before the listing, naming the decision's date", () => {
    const e = domainError(() => listingFundShare({ listing: withDecisions([{ kind: "keep", decidedOn: "2024-02-28" }]) as never, serviceDate: "2026-01-01" }));
    expect([e.code, e.path]).toEqual(["EVENT_ORDER", ["decisions", 0, "decidedOn"]]);
    const p = domainError(() => listingStatus({ listing: { ...H2_LISTING, decisions: [{ kind: "admit", decidedOn: "2025-08-30" }] }, asOf: "2026-01-01" }));
    expect(p.path).toEqual(["decisions", 0, "decidedOn"]);
  });

  it("rejects decisions out of date order", () => {
    const e = domainError(() => listingStatus({ listing: withDecisions([{ kind: "keep", decidedOn: "2026-02-01" }, { kind: "keep", decidedOn: "2026-01-01" }]) as never, asOf: "2027-01-01" }));
    expect([e.code, e.path]).toEqual(["EVENT_ORDER", ["decisions", 1, "decidedOn"]]);
  });

  it("allows only admit or delist on a provisional evaluation, and no admit of a formal listing", () => {
    for (const kind of ["keep", "renegotiate"]) {
      const e = domainError(() => listingStatus({ listing: { ...H2_LISTING, decisions: [{ kind, decidedOn: "2026-03-01" }] } as never, asOf: "2026-04-01" }));
      expect([e.code, e.path]).toEqual(["INCONSISTENT_INPUT", ["decisions", 0, "kind"]]);
    }
    const a = domainError(() => listingStatus({ listing: { ...H2_LISTING, decisions: [{ kind: "adjustRate", decidedOn: "2026-03-01", ratio: 0.8 }] } as never, asOf: "2026-04-01" }));
    expect(a.path).toEqual(["decisions", 0, "kind"]);
    const f = domainError(() => listingStatus({ listing: withDecisions([{ kind: "admit", decidedOn: "2026-03-01" }]) as never, asOf: "2026-04-01" }));
    expect(f.path).toEqual(["decisions", 0, "kind"]);
  });

  it("rejects any decision after delisting", () => {
    const e = domainError(() => listingStatus({ listing: withDecisions([{ kind: "delist", decidedOn: "2025-01-01" }, { kind: "keep", decidedOn: "2026-01-01" }]) as never, asOf: "2026-04-01" }));
    expect([e.code, e.path]).toEqual(["INCONSISTENT_INPUT", ["decisions", 1]]);
  });

  it("rejects a renegotiated price effective before its decision", () => {
    const e = domainError(() =>
      listingStatus({ listing: withDecisions([{ kind: "renegotiate", decidedOn: "2026-03-01", newPrice: { price: "12000", effectiveFrom: "2026-02-28" } }]) as never, asOf: "2026-04-01" }),
    );
    expect([e.code, e.path]).toEqual(["EVENT_ORDER", ["decisions", 0, "newPrice", "effectiveFrom"]]);
  });

  it("rejects unknown keys, a missing currency, a ratio above 1, a relative rate change and an impossible date, with paths", () => {
    expect(issues(() => listingStatus({ listing: { ...H1_LISTING, discount: "0.1" } as never, asOf: "2026-01-01" }))[0]).toMatchObject({ path: ["listing", "discount"], code: "unrecognized_keys" });
    const { currency: _c, ...noCurrency } = H1_LISTING;
    expect(issues(() => listingStatus({ listing: noCurrency as never, asOf: "2026-01-01" }))[0]!.path).toEqual(["listing", "currency"]);
    expect(issues(() => listingStatus({ listing: { ...H1_LISTING, ratio: 70 }, asOf: "2026-01-01" }))[0]!.path).toEqual(["listing", "ratio"]);
    // adjustRate states the new ratio itself; a relative change is an unknown key and the ratio is missing.
    const relative = issues(() => listingStatus({ listing: withDecisions([{ kind: "adjustRate", decidedOn: "2026-01-01", change: "+0.1" }]) as never, asOf: "2026-01-01" })).map((i) => i.path);
    expect(relative).toContainEqual(["listing", "decisions", 0, "ratio"]);
    expect(relative).toContainEqual(["listing", "decisions", 0, "change"]);
    expect(issues(() => listingStatus({ listing: H1_LISTING, asOf: "2026-02-30" }))[0]!.path).toEqual(["asOf"]);
    expect(issues(() => listingStatus({ listing: withDecisions([{ kind: "promote", decidedOn: "2026-01-01" }]) as never, asOf: "2026-01-01" }))[0]!.path).toEqual(["listing", "decisions", 0, "kind"]);
  });
});

describe("care bad input: follow-up", () => {
  it("rejects an assessment type scheduled twice, a zero interval and unknown keys", () => {
    const twice = { assessments: [H5_SCHEDULE.assessments[0]!, H5_SCHEDULE.assessments[0]!] };
    expect(issues(() => followUpStatus({ schedule: twice, treatmentStart: "2026-01-15", asOf: "2026-02-01" }))[0]!.path).toEqual(["schedule", "assessments", 1, "type"]);
    expect(issues(() => followUpStatus({ schedule: { assessments: [{ type: "x", intervalMonths: 0, count: 1 }] }, treatmentStart: "2026-01-15", asOf: "2026-02-01" }))[0]!.path).toEqual(["schedule", "assessments", 0, "intervalMonths"]);
    expect(issues(() => followUpStatus({ schedule: H5_SCHEDULE, treatmentStart: "2026-01-15", asOf: "2026-02-01", events: [{ type: "imaging", date: "2026-02-01", result: "PR" }] } as never))[0]).toMatchObject({ path: ["events", 0, "result"], code: "unrecognized_keys" });
    expect(issues(() => followUpStatus({ schedule: { ...H5_SCHEDULE, window: { daysBefore: -1 } }, treatmentStart: "2026-01-15", asOf: "2026-02-01" }))[0]!.path).toEqual(["schedule", "window", "daysBefore"]);
  });

  it("accepts assessment types named like Object.prototype members", () => {
    const r = followUpStatus({ schedule: { assessments: [{ type: "__proto__", intervalMonths: 1, count: 1 }, { type: "constructor", intervalMonths: 1, count: 1 }] }, treatmentStart: "2026-01-15", events: [{ type: "__proto__", date: "2026-02-15" }, { type: "toString", date: "2026-02-15" }], asOf: "2026-03-15" });
    expect(r.assessments.map((a) => a.status)).toEqual(["done", "missed"]);
    expect(r.unscheduled.map((u) => u.type)).toEqual(["toString"]);
  });
});

describe("care bad input: points and uplift", () => {
  it("rejects a redemption above the unexpired balance, naming it", () => {
    const e = domainError(() => incentivePoints({ currency: "CNY", events: [{ kind: "glucoseReading", date: "2026-01-01" }], redemptions: [{ date: "2026-01-02", points: 2 }], asOf: "2026-01-31" }));
    expect([e.code, e.path, e.details]).toEqual(["INCONSISTENT_INPUT", ["redemptions", 0, "points"], { requested: 2, balance: 1 }]);
    // Expired points do not count: awarded 2025-01-02, expired 2026-01-02.
    const x = domainError(() => incentivePoints({ currency: "CNY", events: [{ kind: "glucoseReading", date: "2025-01-02" }], redemptions: [{ date: "2026-01-02", points: 1 }], asOf: "2026-01-31" }));
    expect(x.details).toEqual({ requested: 1, balance: 0 });
  });

  it("rejects a missing currency, fractional points, an unknown event kind and unknown keys", () => {
    expect(issues(() => incentivePoints({ events: [], asOf: "2026-01-31" } as never))[0]!.path).toEqual(["currency"]);
    expect(issues(() => incentivePoints({ currency: "XXY", asOf: "2026-01-31" }))[0]!.path).toEqual(["currency"]);
    expect(issues(() => incentivePoints({ currency: "CNY", redemptions: [{ date: "2026-01-02", points: 1.5 }], asOf: "2026-01-31" }))[0]!.path).toEqual(["redemptions", 0, "points"]);
    const k = domainError(() => incentivePoints({ currency: "CNY", events: [{ kind: "steps", date: "2026-01-01" }], asOf: "2026-01-31" }));
    expect(k.path).toEqual(["events", 0, "kind"]);
    expect(issues(() => incentivePoints({ currency: "CNY", rules: { monthlyCap: 40, bonus: 1 }, asOf: "2026-01-31" } as never))[0]).toMatchObject({ path: ["rules", "bonus"], code: "unrecognized_keys" });
    expect(issues(() => incentivePoints({ currency: "CNY", rules: { pointValue: 0.1 }, asOf: "2026-01-31" }))[0]!.path).toEqual(["rules", "pointValue"]); // fractional JSON number amount
  });

  it("rejects an uplift without a completion date, a missing currency and a negative amount", () => {
    expect(issues(() => followUpUplift({ currency: "CNY", claims: [{ eligible: "100", ratio: 0.7 }], fullFollowUp: true }))[0]!.path).toEqual(["completedOn"]);
    expect(issues(() => followUpUplift({ claims: [{ eligible: "100", ratio: 0.7 }], fullFollowUp: false } as never))[0]!.path).toEqual(["currency"]);
    expect(issues(() => followUpUplift({ currency: "CNY", claims: [{ eligible: "-1", ratio: 0.7 }], fullFollowUp: false }))[0]!.path).toEqual(["claims", 0, "eligible"]);
    expect(issues(() => followUpUplift({ currency: "CNY", claims: [], fullFollowUp: false }))[0]!.path).toEqual(["claims"]);
  });
});

describe("care bad input: service packages", () => {
  it("rejects package years of overlapping enrolments, naming the later enrolment", () => {
    const e = domainError(() =>
      classifyPackageClaims({
        enrolments: [
          { package: "DM-HIGH", enrolledOn: "2026-03-01" },
          { package: "DM-MED", enrolledOn: "2027-02-28" }, // before 2027-03-01, where DM-HIGH's year ends
        ],
      }),
    );
    expect([e.code, e.path]).toEqual(["INCONSISTENT_INPUT", ["enrolments", 1, "enrolledOn"]]);
    // A tier change from the next package year is fine.
    const ok = classifyPackageClaims({ enrolments: [{ package: "DM-HIGH", enrolledOn: "2026-03-01" }, { package: "DM-MED", enrolledOn: "2027-03-01" }], lines: [{ date: "2027-03-01", item: "visit" }] });
    expect(ok.lines[0]!.package).toBe("DM-MED");
  });

  it("rejects an unknown package, a tier that does not match the score, a duplicate code, and a package without currency", () => {
    expect(domainError(() => classifyPackageClaims({ enrolments: [{ package: "DM-TOP", enrolledOn: "2026-03-01" }] })).path).toEqual(["enrolments", 0, "package"]);
    expect(domainError(() => classifyPackageClaims({ enrolments: [{ package: "DM-HIGH", enrolledOn: "2026-03-01", riskScore: 0.2 }] })).path).toEqual(["enrolments", 0, "package"]);
    const pkg = { code: "P", currency: "CNY", fundAmount: "1", patientAmount: "0", items: [{ item: "a", limit: 1 }] };
    expect(domainError(() => classifyPackageClaims({ packages: [pkg, pkg], enrolments: [{ package: "P", enrolledOn: "2026-03-01" }] })).path).toEqual(["packages", 1, "code"]);
    const { currency: _c, ...noCurrency } = pkg;
    expect(issues(() => servicePackageCost({ servicePackage: noCurrency as never, enrollees: 1 }))[0]!.path).toEqual(["servicePackage", "currency"]);
    expect(issues(() => classifyPackageClaims({ packages: [{ ...pkg, items: [{ item: "a", limit: 1 }, { item: "a", limit: 2 }] }], enrolments: [{ package: "P", enrolledOn: "2026-03-01" }] }))[0]!.path).toEqual(["packages", 0, "items", 1, "item"]);
  });

  it("rejects a score outside [0, 1] and a tier table with a gap", () => {
    expect(issues(() => riskTier({ score: 1.2 }))[0]!.path).toEqual(["score"]);
    expect(issues(() => riskTier({ score: 0.5, tiers: { domain: { min: 0, max: 1 }, bands: [{ from: 0, to: 0.4, value: "low" }, { from: 0.5, to: 1, value: "high" }] } }))[0]!.path).toEqual(["tiers", "bands"]);
  });

  it("accepts package codes and items named like Object.prototype members", () => {
    const pkg = { code: "__proto__", currency: "CNY", fundAmount: "1", patientAmount: "0", items: [{ item: "constructor", limit: 1 }] };
    const r = classifyPackageClaims({ packages: [pkg], enrolments: [{ package: "__proto__", enrolledOn: "2026-03-01" }], lines: [{ date: "2026-03-02", item: "constructor" }, { date: "2026-03-03", item: "toString" }] });
    expect(r.lines.map((l) => l.class)).toEqual(["inPackage", "outsidePackage"]);
  });
});
