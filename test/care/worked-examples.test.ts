import { describe, expect, it } from "vitest";
import {
  classifyPackageClaims,
  DEFAULT_SERVICE_PACKAGES,
  DomainError,
  followUpStatus,
  followUpUplift,
  incentivePoints,
  listingFundShare,
  listingPeriods,
  listingReviewDates,
  listingStatus,
  riskTier,
  servicePackageCost,
} from "../../src/index.js";
import { domainError } from "../typed-errors.js";
import { H1_LISTING, H2_LISTING, H3_LISTING, H5_EVENTS, H5_SCHEDULE, H7_EVENTS } from "./fixtures.js";

const cents = (m: { toJSON(): { amount: string } }) => m.toJSON().amount;

describe("care §1 listing lifecycle", () => {
  it("H1: formal from 2024-02-29 → reviews due 2026-02-28, 2028-02-29, 2030-02-28 (anchored on F, not 2028-02-28)", () => {
    // F + 24 months = 2026-02-29 → clamped 2026-02-28; F + 48 = 2028-02-29 exists; F + 72 = 2030-02-28.
    expect(listingReviewDates({ formalFrom: "2024-02-29", count: 3 })).toEqual(["2026-02-28", "2028-02-29", "2030-02-28"]);
    // The listing shows the same series as its reviews are decided one by one (each from F).
    const decided = { ...H1_LISTING, decisions: [{ kind: "keep" as const, decidedOn: "2026-02-27" }, { kind: "keep" as const, decidedOn: "2028-02-28" }] };
    const reviews = listingPeriods({ listing: decided }).reviews;
    expect(reviews.map((r) => [r.index, r.due, r.closedOn])).toEqual([
      [1, "2026-02-28", "2026-02-27"],
      [2, "2028-02-29", "2028-02-28"],
      [3, "2030-02-28", null],
    ]);
  });

  it("H2: provisional fast track from 2025-08-31 → evaluation due 2026-02-28; overdue but covered on 2026-03-02; admitted 2026-03-05, next review 2028-03-05", () => {
    // L + 6 months = 2026-02-31 → clamped 2026-02-28.
    const before = listingStatus({ listing: H2_LISTING, asOf: "2026-02-28" });
    expect([before.status, before.overdue, before.nextReviewDue]).toEqual(["provisional", false, "2026-02-28"]);
    const late = listingStatus({ listing: H2_LISTING, asOf: "2026-03-02" });
    expect(late.status).toBe("provisional");
    expect(late.overdue).toBe(true);
    expect(late.covered).toBe(true);
    expect(cents(late.fundShare)).toBe("10500.00"); // status and cover unchanged: 15,000 × 0.70
    expect(late.formalFrom).toBeNull();
    const admitted = listingStatus({ listing: H2_LISTING, asOf: "2026-03-05" });
    expect([admitted.status, admitted.overdue, admitted.formalFrom, admitted.nextReviewDue]).toEqual(["formal", false, "2026-03-05", "2028-03-05"]);
    expect(admitted.reviews.map((r) => [r.kind, r.due, r.closedOn])).toEqual([
      ["evaluation", "2026-02-28", "2026-03-05"],
      ["review", "2028-03-05", null],
    ]);
  });

  it("H3: fund share 10,500.00 / 12,000.00 / 12,000.00 (renegotiating) / 10,200.00 / 0.00 across adjustRate, renegotiate and delist", () => {
    const on = (serviceDate: string) => listingFundShare({ listing: H3_LISTING, serviceDate });
    // 15,000 × 0.70 = 10,500.00 before the 2026-02-20 decision.
    expect([on("2026-02-19").status, cents(on("2026-02-19").fundShare)]).toEqual(["formal", "10500.00"]);
    // adjustRate 0.80 from its decision date: 15,000 × 0.80 = 12,000.00.
    expect(cents(on("2026-02-20").fundShare)).toBe("12000.00");
    // renegotiate 2028-02-15: terms unchanged until 2028-07-01.
    expect([on("2028-06-30").status, cents(on("2028-06-30").fundShare)]).toEqual(["renegotiating", "12000.00"]);
    // 12,750 × 0.80 = 10,200.00, formal again.
    expect([on("2028-07-01").status, cents(on("2028-07-01").fundShare)]).toEqual(["formal", "10200.00"]);
    expect(on("2028-07-01").period?.formalFrom).toBe("2024-02-29"); // same F
    expect([on("2030-02-01").status, cents(on("2030-02-01").fundShare)]).toEqual(["delisted", "0.00"]);
    // Each decision closed the earliest open review; delisted → no further review.
    expect(listingPeriods({ listing: H3_LISTING }).reviews.map((r) => [r.due, r.closedBy])).toEqual([
      ["2026-02-28", 0],
      ["2028-02-29", 1],
      ["2030-02-28", 2],
    ]);
    const end = listingStatus({ listing: H3_LISTING, asOf: "2030-03-01" });
    expect([end.status, end.covered, end.nextReviewDue, end.overdue]).toEqual(["delisted", false, null, false]);
  });
});

describe("care §2 follow-up and adherence", () => {
  it("H4: monthly from 2026-01-31, 4 assessments → due 2026-02-28, 2026-03-31, 2026-04-30, 2026-05-31", () => {
    // T + k months, each from T: 03-31 and 05-31 keep the 31st (not 02-28 + 1 month = 03-28).
    const r = followUpStatus({ schedule: { assessments: [{ type: "visit", intervalMonths: 1, count: 4 }] }, treatmentStart: "2026-01-31", asOf: "2026-01-31" });
    expect(r.assessments.map((a) => a.due)).toEqual(["2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31"]);
    expect(r.assessments.every((a) => a.status === "open")).toBe(true);
    expect(r.adherenceRate).toBeNull(); // nothing done or missed: undefined, not 0
  });

  it("H5: imaging done/missed/done + 08-05 unscheduled, genetic done ×3; 2027-01-20 adherence 5/6 = 0.8333; 2027-01-30 5/8 = 0.6250, no full follow-up", () => {
    const at = (asOf: string) => followUpStatus({ schedule: H5_SCHEDULE, treatmentStart: "2026-01-15", events: H5_EVENTS, asOf });
    const a = at("2027-01-20");
    expect(a.assessments.filter((x) => x.type === "imaging").map((x) => x.due)).toEqual(["2026-04-15", "2026-07-15", "2026-10-15", "2027-01-15"]);
    const second = a.assessments[1]!;
    expect([second.windowStart, second.windowEnd]).toEqual(["2026-07-01", "2026-07-29"]); // 07-15 ± 14 days
    expect(a.assessments.map((x) => `${x.type}:${x.status}`)).toEqual([
      "imaging:done",
      "imaging:missed", // 08-05 is outside 07-01…07-29 and outside 10-15's window 10-01…10-29
      "imaging:done",
      "imaging:overdue",
      "geneticTest:done",
      "geneticTest:done",
      "geneticTest:done",
      "geneticTest:overdue",
    ]);
    expect(a.unscheduled).toEqual([{ event: 1, type: "imaging", date: "2026-08-05" }]);
    // done 5, missed 1: 5 ÷ 6 = 0.83333… → 0.8333
    expect(a.adherenceRate).toEqual({ done: 5, missed: 1, fraction: "5/6", rate: "0.8333" });
    const b = at("2027-01-30"); // both 2027-01-15 windows closed 2027-01-29
    expect(b.assessments.map((x) => x.status).filter((s) => s === "missed")).toHaveLength(3);
    expect(b.adherenceRate).toEqual({ done: 5, missed: 3, fraction: "5/8", rate: "0.6250" });
    expect(b.fullFollowUp).toBe(false);
  });

  it("H6: monthly from 2025-12-31, one visit 2026-02-14 satisfies the 01-31 assessment; 02-28 missed; adherence 1/2 = 0.5000", () => {
    const r = followUpStatus({ schedule: { assessments: [{ type: "visit", intervalMonths: 1, count: 2 }] }, treatmentStart: "2025-12-31", events: [{ type: "visit", date: "2026-02-14" }], asOf: "2026-03-15" });
    expect(r.assessments.map((a) => [a.due, a.windowStart, a.windowEnd, a.status, a.doneOn])).toEqual([
      ["2026-01-31", "2026-01-17", "2026-02-14", "done", "2026-02-14"],
      ["2026-02-28", "2026-02-14", "2026-03-14", "missed", null],
    ]);
    expect(r.adherenceRate?.rate).toBe("0.5000");
  });
});

describe("care §3 incentive points and the follow-up uplift", () => {
  it("H7: 02-01 check-in 0 (week already awarded), 02-04 0, 37 after 02-22, 02-23 reading 38 + check-in cut 5 → 2 = 40, nothing after; February 40", () => {
    const r = incentivePoints({ currency: "CNY", events: H7_EVENTS, asOf: "2026-02-28" });
    const diet = r.events.filter((e) => e.kind === "dietCheckIn").map((e) => [e.date, e.points, e.reason]);
    expect(diet).toEqual([
      ["2026-01-28", 5, "awarded"], // January's cap
      ["2026-02-01", 0, "alreadyAwarded"], // week 01-26…02-01 already awarded on 01-28
      ["2026-02-02", 5, "awarded"],
      ["2026-02-04", 0, "alreadyAwarded"],
      ["2026-02-10", 5, "awarded"],
      ["2026-02-16", 5, "awarded"],
      ["2026-02-23", 2, "cut"],
    ]);
    // After 02-22: 22 readings + 3 check-ins × 5 = 37 in February.
    const feb = r.ledger.filter((l) => l.date.startsWith("2026-02"));
    const through22 = feb.filter((l) => l.date <= "2026-02-22").reduce((s, l) => s + l.points, 0);
    expect(through22).toBe(37);
    expect(feb.filter((l) => l.date === "2026-02-23").map((l) => [l.ref.startsWith("events") ? "award" : "", l.points, l.balance])).toEqual([
      ["award", 1, 5 + 38], // the January 5 are in the balance too
      ["award", 2, 5 + 40],
    ]);
    expect(feb.filter((l) => l.date > "2026-02-23")).toEqual([]);
    expect(r.events.filter((e) => e.date > "2026-02-23").every((e) => e.points === 0 && e.reason === "capReached")).toBe(true);
    expect(r.events.filter((e) => e.date === "2026-02-05").map((e) => e.points)).toEqual([1, 0]); // two readings, one day
    expect(r.monthly).toEqual([
      { month: "2026-01", points: 5 },
      { month: "2026-02", points: 40 },
    ]);
  });

  it("H8: redeem 15 on 2027-02-10 from the unexpired 20 (02-11…02-23), oldest first 02-11…02-20, CNY 1.50, 5 left; 3 on 2027-02-22; 21 is an error", () => {
    const feb = H7_EVENTS; // H7's points: the January check-in has long expired by 2027
    const r = incentivePoints({ currency: "CNY", events: feb, redemptions: [{ date: "2027-02-10", points: 15 }], asOf: "2027-02-10" });
    // On 2027-02-10 the points awarded up to 2026-02-10 have expired (usable only before D + 12 months):
    // unexpired = readings 02-11…02-23 (13) + check-ins 02-16 (5) + 02-23 (2) = 20.
    const redemption = r.ledger.find((l) => l.kind === "redemption")!;
    expect(redemption.balance + 15).toBe(20);
    // Oldest first: 02-11…02-15 readings (5), 02-16 reading + check-in (6), 02-17…02-20 (4) = 15.
    expect(redemption.lots.map((l) => l.awardedOn)).toEqual(["2026-02-11", "2026-02-12", "2026-02-13", "2026-02-14", "2026-02-15", "2026-02-16", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"]);
    expect(cents(redemption.value!)).toBe("1.50"); // 15 × 0.10
    expect(r.balance).toBe(5);
    const later = incentivePoints({ currency: "CNY", events: feb, redemptions: [{ date: "2027-02-10", points: 15 }], asOf: "2027-02-22" });
    expect(later.balance).toBe(3); // 02-21 and 02-22 lots expired; 02-23's 1 + 2 remain
    const e = domainError(() => incentivePoints({ currency: "CNY", events: feb, redemptions: [{ date: "2027-02-10", points: 21 }], asOf: "2027-02-22" }));
    expect(e.path).toEqual(["redemptions", 0, "points"]);
    expect(e.details).toEqual({ requested: 21, balance: 20 });
  });

  it("H9: 12 claims of 15,000 at 0.70 with full follow-up → fund 126,000.00, top-up 9,000.00; one missed → 0.00; ratio 0.98 on 100,000 → 2,000.00", () => {
    const claims = Array.from({ length: 12 }, (_, i) => ({ claimId: `m${i + 1}`, eligible: "15000", ratio: "0.70" }));
    const full = followUpUplift({ currency: "CNY", claims, fullFollowUp: true, completedOn: "2026-12-20" });
    expect(cents(full.fund)).toBe("126000.00"); // 12 × 15,000 × 0.70
    expect(cents(full.topUp)).toBe("9000.00"); // 180,000 × (0.75 − 0.70)
    expect(full.topUpDate).toBe("2026-12-20");
    const missed = followUpUplift({ currency: "CNY", claims, fullFollowUp: false });
    expect([cents(missed.topUp), missed.topUpDate]).toEqual(["0.00", null]);
    const capped = followUpUplift({ currency: "CNY", claims: [{ eligible: "100000", ratio: "0.98" }], fullFollowUp: true, completedOn: "2026-12-20" });
    expect(cents(capped.topUp)).toBe("2000.00"); // 100,000 × (min(1.03, 1) − 0.98) = 100,000 × 0.02
  });
});

describe("care §4 risk-tier service packages", () => {
  it("H10: scores 0.35 / 0.30 / 0.2999 / 0.05 → high / high / medium / low; 1,000 DM-HIGH enrollees → fund 360,000.00, patients 60,000.00", () => {
    expect(["0.35", "0.30", "0.2999", "0.05"].map((score) => riskTier({ score }).tier)).toEqual(["high", "high", "medium", "low"]);
    expect(riskTier({ score: 1 }).band).toBe("[0.3, 1]");
    const high = DEFAULT_SERVICE_PACKAGES.find((p) => p.code === "DM-HIGH")!;
    const cost = servicePackageCost({ servicePackage: high, enrollees: 1000 });
    expect([cents(cost.fund), cents(cost.patients)]).toEqual(["360000.00", "60000.00"]); // 360 × 1,000; 60 × 1,000
  });

  it("H11: DM-HIGH from 2026-03-01, renewed: meter inPackage (1/1), meter overLimit, breast MRI outsidePackage, meter 2027-03-01 inPackage (year 2)", () => {
    const r = classifyPackageClaims({
      enrolments: [{ package: "DM-HIGH", enrolledOn: "2026-03-01", years: 2 }],
      lines: [
        { date: "2026-03-01", item: "glucoseMeter" },
        { date: "2026-09-01", item: "glucoseMeter" },
        { date: "2026-10-01", item: "breastMri" },
        { date: "2027-03-01", item: "glucoseMeter" },
      ],
    });
    expect(r.lines.map((l) => [l.class, l.used, l.limit, l.packageYear?.year ?? null])).toEqual([
      ["inPackage", 1, 1, 0],
      ["overLimit", 1, 1, 0],
      ["outsidePackage", null, null, 0],
      ["inPackage", 1, 1, 1],
    ]);
    expect(cents(r.lines[0]!.fundPays!)).toBe("0.00");
    expect(r.lines[1]!.fundPays).toBeNull(); // ordinary rules
  });

  it("H12: BRCA-PREV from 2026-05-01, not renewed: fund 1,500.00 on 2026-05-01; MRI inPackage, MRI overLimit, ultrasound 2027-04-30 inPackage, 2027-05-01 notEnrolled", () => {
    const r = classifyPackageClaims({
      enrolments: [{ package: "BRCA-PREV", enrolledOn: "2026-05-01" }],
      lines: [
        { date: "2026-06-10", item: "breastMri" },
        { date: "2026-12-01", item: "breastMri" },
        { date: "2027-04-30", item: "breastUltrasound" },
        { date: "2027-05-01", item: "breastUltrasound" }, // [E, E + 12 months) is half-open
      ],
    });
    expect(r.packageYears.map((y) => [y.from, y.to, cents(y.fund), cents(y.patient)])).toEqual([["2026-05-01", "2027-05-01", "1500.00", "0.00"]]);
    expect(r.lines.map((l) => l.class)).toEqual(["inPackage", "overLimit", "inPackage", "notEnrolled"]);
  });
});

describe("care: DomainError is the type of rule violations", () => {
  it("is exported and carries a path", () => {
    const e = domainError(() => listingStatus({ listing: { ...H1_LISTING, decisions: [{ kind: "keep" as const, decidedOn: "2024-01-01" }] }, asOf: "2026-01-01" }));
    expect(e).toBeInstanceOf(DomainError);
    expect(e.path).toEqual(["decisions", 0, "decidedOn"]);
  });
});
