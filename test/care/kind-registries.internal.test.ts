// Issue 13: the points-ledger line kinds, the award periods and the earmarked fund's entry
// kinds each have one record, and the schema accepts no kind without one (internal: the
// registries are not public API).
import { describe, expect, it } from "vitest";
import { earmarkedFundLedger, earmarkedFundLedgerInputSchema, incentivePoints, incentivePointsCohort, pointsAwardRuleSchema } from "../../src/index.js";
import { AWARD_PERIODS } from "../../src/care/incentive-points/award-periods.js";
import { POINTS_LINE_KINDS } from "../../src/care/incentive-points/line-kinds.js";
import { FUND_ENTRY_KINDS, fundEntryKind } from "../../src/care/fund-entries/index.js";

const cny = (amount: string) => ({ amount, currency: "CNY" });

describe("incentive points: one record per line kind and award period", () => {
  it("every award period the schema accepts has a record", () => {
    expect((pointsAwardRuleSchema as unknown as { shape: { per: { options: string[] } } }).shape.per.options).toEqual(Object.keys(AWARD_PERIODS));
  });

  it("a ledger with every line kind: the ledger, the explanation and the cohort totals read the same records", () => {
    expect(Object.keys(POINTS_LINE_KINDS)).toEqual(["award", "redemption", "expiry"]);
    const rules = { awards: [{ event: "walk", per: "day" as const, points: 3 }], expiryMonths: 1 };
    const events = [{ kind: "walk", date: "2026-01-10" }, { kind: "walk", date: "2026-01-11" }];
    const redemptions = [{ date: "2026-01-20", points: 4 }];
    // 3 + 3 awarded; 4 redeemed on 01-20 (3 from the 01-10 lot, 1 from 01-11); the 01-11 lot's
    // other 2 expire on 02-11 (a month after award). Balance 0.
    const r = incentivePoints({ currency: "CNY", rules, events, redemptions, asOf: "2026-03-01" });
    expect(r.ledger.map((l) => [l.kind, l.points, l.balance])).toEqual([["award", 3, 3], ["award", 3, 6], ["redemption", -4, 2], ["expiry", -2, 0]]);
    expect(r.explanation.map((s) => s.rule)).toEqual(["care.points.rules", "care.points.award", "care.points.award", "care.points.redemption", "care.points.expiry", "care.points.balance"]);
    for (const l of r.ledger) expect(POINTS_LINE_KINDS[l.kind], l.kind).toBeDefined();
    const cohort = incentivePointsCohort({ currency: "CNY", rules, asOf: "2026-03-01", patients: [{ patientId: "p", events, redemptions }] });
    expect(cohort.patients).toEqual([{ patientId: "p", awarded: 6, redeemed: 4, expired: 2, balance: 0 }]);
  });
});

describe("earmarked fund: one record per entry kind", () => {
  it("the entry union accepts exactly the kinds with a record, and each kind's record moves the book", () => {
    const entries = (earmarkedFundLedgerInputSchema as unknown as { shape: { entries: { element: { options: { shape: { kind: { value: string } } }[] } } } }).shape.entries.element;
    const tags = entries.options.map((o) => o.shape.kind.value);
    expect(tags).toEqual(["perCapita", "lumpSum", "payment"]);
    expect(FUND_ENTRY_KINDS.map((k) => k.type)).toEqual(tags);
    for (const kind of tags) expect(fundEntryKind({ kind } as never).type).toBe(kind);
    // Same day: contributions (100 × 2 = 200, lump sum 50) before the payment of 120, listed first: balance 130.
    const r = earmarkedFundLedger({
      fund: { id: "f", currency: "CNY", floor: { kind: "amount", amount: cny("0") } },
      entries: [
        { kind: "payment", date: "2026-01-01", id: "p1", for: { allowance: "a1" }, amount: cny("120") },
        { kind: "perCapita", date: "2026-01-01", source: "insurance", insured: 100, ratePerPerson: cny("2") },
        { kind: "lumpSum", date: "2026-01-01", source: "donations", amount: cny("50") },
      ],
    });
    expect(r.lines.map((l) => [l.kind, l.source, l.paymentId, l.purpose, l.amount.toJSON().amount, l.balance.toJSON().amount])).toEqual([
      ["contribution", "insurance", null, null, "200.00", "200.00"],
      ["contribution", "donations", null, null, "50.00", "250.00"],
      ["payment", null, "p1", "allowance:a1", "-120.00", "130.00"],
    ]);
  });
});
