// care.md §8 Earmarked funds (H21–H22), balance properties and bad input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { earmarkedFundLedger } from "../../src/index.js";
import { runs } from "../arbitraries.js";
import { domainError, issues } from "../typed-errors.js";

const cny = (amount: string) => ({ amount, currency: "CNY" });
const show = (m: { toJSON(): { amount: string } }) => m.toJSON().amount;
const fivePct = { id: "rare-disease", name: "Rare-disease fund", currency: "CNY", floor: { kind: "shareOfYear" as const, share: 0.05 } };
const pay = (date: string, id: string, amount: string) => ({ kind: "payment" as const, date, id, for: { claim: `claim-${id}` }, amount: cny(amount) });

describe("care §8: earmarked funds", () => {
  it("H21: 500,000 × 20; pay 6,000,000 / 3,500,000 / 600,000; 2027: 510,000 × 20; floor 5% of the year's contributions", () => {
    const r = earmarkedFundLedger({
      fund: fivePct,
      entries: [
        { kind: "perCapita", date: "2026-01-01", source: "insurance", insured: 500_000, ratePerPerson: cny("20") },
        pay("2026-04-30", "p1", "6000000"),
        pay("2026-09-30", "p2", "3500000"),
        pay("2026-11-15", "p3", "600000"),
        { kind: "perCapita", date: "2027-01-01", source: "insurance", insured: 510_000, ratePerPerson: cny("20") },
      ],
    });
    // 500,000 × 20 = 10,000,000; floor 5% = 500,000
    // 10,000,000 − 6,000,000 = 4,000,000; − 3,500,000 = 500,000 = floor → alarm (C7: reaching the line alarms)
    // 600,000 > 500,000 → rejected whole; 2027-01-01: + 510,000 × 20 = 10,200,000 → 10,700,000, floor 5% × 10,200,000 = 510,000 → off
    expect(r.lines.map((l) => [l.date, l.kind, show(l.balance), show(l.floor), l.alarm])).toEqual([
      ["2026-01-01", "contribution", "10000000.00", "500000.00", false],
      ["2026-04-30", "payment", "4000000.00", "500000.00", false],
      ["2026-09-30", "payment", "500000.00", "500000.00", true],
      ["2026-11-15", "rejected", "500000.00", "500000.00", true],
      ["2027-01-01", "contribution", "10700000.00", "510000.00", false],
    ]);
    expect(r.lines[3]!.rejection).toBe("INSUFFICIENT_BALANCE");
    expect(r.explanation.map((x) => x.rule)).toEqual(["care.fund.rule", "care.fund.contribution", "care.fund.payment", "care.fund.payment", "care.fund.rejected", "care.fund.contribution", "care.fund.balance"]);
    expect(r.explanation[4]!.text).toContain("rejected whole");
    expect(show(r.lines[3]!.amount)).toBe("0.00");
    expect(r.alarmChanges.map((c) => [c.date, c.alarm])).toEqual([["2026-09-30", true], ["2027-01-01", false]]);
    expect([show(r.totals.contributions), show(r.totals.payments), show(r.totals.unpaid), show(r.totals.balance), r.alarm]).toEqual(["20200000.00", "9500000.00", "600000.00", "10700000.00", false]);
  });

  it("H22: insurance 80,000,000 + finance 30,000,000 + donations 10,000,000; 200 SMA payments of 600,000: alarm from the 190th, all paid, balance 0.00", () => {
    const entries = [
      // payments listed first on the same day: contributions still go first
      ...Array.from({ length: 200 }, (_, k) => pay("2026-01-01", `sma-${k + 1}`, "600000")),
      { kind: "lumpSum" as const, date: "2026-01-01", source: "insurance", amount: cny("80000000") },
      { kind: "lumpSum" as const, date: "2026-01-01", source: "finance", amount: cny("30000000") },
      { kind: "lumpSum" as const, date: "2026-01-01", source: "donations", amount: cny("10000000") },
    ];
    const r = earmarkedFundLedger({ fund: fivePct, entries });
    // in 120,000,000; floor 5% = 6,000,000. After payment k: 120,000,000 − 600,000k; = 6,000,000 at k = 190.
    expect(r.contributionsBySource.map((s) => [s.source, show(s.amount)])).toEqual([["insurance", "80000000.00"], ["finance", "30000000.00"], ["donations", "10000000.00"]]);
    expect(show(r.totals.contributions)).toBe("120000000.00");
    const payments = r.lines.filter((l) => l.paymentId !== null);
    expect(payments.every((l) => l.kind === "payment")).toBe(true);
    expect(payments.findIndex((l) => l.alarm) + 1).toBe(190);
    expect([show(payments[188]!.balance), payments[188]!.alarm]).toEqual(["6600000.00", false]);
    expect([show(payments[189]!.balance), show(payments[189]!.floor), payments[189]!.alarm]).toEqual(["6000000.00", "6000000.00", true]);
    expect([show(r.totals.balance), r.alarm, show(r.floor)]).toEqual(["0.00", true, "6000000.00"]);
  });

  it("the [fixed] details are parameters: an amount floor, strict input order on a day, paying up to the balance", () => {
    const entries = [pay("2026-01-01", "p1", "100"), { kind: "lumpSum" as const, date: "2026-01-01", source: "x", amount: cny("150") }, pay("2026-01-02", "p2", "100")];
    const fund = { id: "f", currency: "CNY", floor: { kind: "amount" as const, amount: cny("50") } };
    const first = earmarkedFundLedger({ fund, entries });
    expect(first.lines.map((l) => [l.kind, show(l.balance), l.alarm])).toEqual([["contribution", "150.00", false], ["payment", "50.00", true], ["rejected", "50.00", true]]);
    const inOrder = earmarkedFundLedger({ fund, entries, sameDay: "inputOrder" });
    expect(inOrder.lines.map((l) => [l.kind, show(l.balance)])).toEqual([["rejected", "0.00"], ["contribution", "150.00"], ["payment", "50.00"]]);
    const partial = earmarkedFundLedger({ fund, entries, insufficientBalance: "payAvailable" });
    expect(partial.lines.map((l) => [l.kind, show(l.amount), show(l.balance)])).toEqual([["contribution", "150.00", "150.00"], ["payment", "-100.00", "50.00"], ["partial", "-50.00", "0.00"]]);
    expect(show(partial.totals.unpaid)).toBe("50.00");
    const asOf = earmarkedFundLedger({ fund, entries, asOf: "2026-01-01" });
    expect([asOf.lines.length, asOf.notYetApplied, show(asOf.totals.balance)]).toEqual([2, 1, "50.00"]);
  });

  it("per-capita rates with sub-cent digits are multiplied exactly and rounded once", () => {
    // 333 × 0.125 = 41.625 → 41.63 half-up (once, not 333 × 0.13)
    const r = earmarkedFundLedger({ fund: { id: "f", currency: "CNY", floor: { kind: "amount", amount: cny("0") } }, entries: [{ kind: "perCapita", date: "2026-01-01", source: "s", insured: 333, ratePerPerson: cny("0.125") }] });
    expect(show(r.totals.contributions)).toBe("41.63");
  });

  it("source names such as __proto__ are kept apart", () => {
    const r = earmarkedFundLedger({
      fund: { id: "f", currency: "CNY", floor: { kind: "amount", amount: cny("0") } },
      entries: [
        { kind: "lumpSum", date: "2026-01-01", source: "__proto__", amount: cny("10") },
        { kind: "lumpSum", date: "2026-01-01", source: "constructor", amount: cny("5") },
        { kind: "lumpSum", date: "2026-01-02", source: "__proto__", amount: cny("1") },
      ],
    });
    expect(r.contributionsBySource.map((s) => [s.source, show(s.amount)])).toEqual([["__proto__", "11.00"], ["constructor", "5.00"]]);
  });

  it("property: at every line the balance = contributions − payments so far, never negative; alarm ⇔ balance ≤ floor; deterministic", () => {
    const entry = fc.oneof(
      fc.record({ kind: fc.constant("lumpSum" as const), day: fc.integer({ min: 0, max: 500 }), cents: fc.bigInt({ min: 1n, max: 10_000_000n }), source: fc.constantFrom("insurance", "finance", "donations") }),
      fc.record({ kind: fc.constant("payment" as const), day: fc.integer({ min: 0, max: 500 }), cents: fc.bigInt({ min: 1n, max: 10_000_000n }), source: fc.constant("") }),
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), fc.constantFrom("rejectWhole", "payAvailable"), fc.constantFrom("shareOfYear", "amount"), (es, mode, floorKind) => {
        const text = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, "0")}`;
        const date = (d: number) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10);
        const entries = es.map((e, i) =>
          e.kind === "lumpSum" ? { kind: "lumpSum" as const, date: date(e.day), source: e.source, amount: cny(text(e.cents)) } : { kind: "payment" as const, date: date(e.day), id: `p${i}`, for: { allowance: "living" }, amount: cny(text(e.cents)) },
        );
        const floor = floorKind === "amount" ? { kind: "amount" as const, amount: cny("1000") } : { kind: "shareOfYear" as const, share: 0.05 };
        const input = { fund: { id: "f", currency: "CNY", floor }, entries, insufficientBalance: mode };
        const r = earmarkedFundLedger(input);
        const cents = (m: { toJSON(): { amount: string } }) => BigInt(m.toJSON().amount.replace(".", ""));
        let inSoFar = 0n;
        let outSoFar = 0n;
        let prev = "";
        for (const l of r.lines) {
          expect(l.date >= prev).toBe(true);
          prev = l.date;
          if (l.kind === "contribution") inSoFar += cents(l.amount);
          else outSoFar -= cents(l.amount);
          expect(cents(l.balance)).toBe(inSoFar - outSoFar);
          expect(cents(l.balance)).toBeGreaterThanOrEqual(0n);
          expect(l.alarm).toBe(cents(l.balance) <= cents(l.floor));
          if (l.kind === "rejected") expect(cents(l.requested)).toBeGreaterThan(cents(l.balance));
          if (mode === "rejectWhole") expect(l.kind).not.toBe("partial");
        }
        expect(r.lines).toHaveLength(entries.length);
        expect(cents(r.totals.balance)).toBe(cents(r.totals.contributions) - cents(r.totals.payments));
        expect(JSON.stringify(earmarkedFundLedger(JSON.parse(JSON.stringify(input))))).toBe(JSON.stringify(r));
      }),
      { numRuns: runs(300) },
    );
  });
});

describe("care §8: bad input", () => {
  const fund = { id: "f", currency: "CNY", floor: { kind: "shareOfYear" as const, share: 0.05 } };
  const contribution = { kind: "lumpSum" as const, date: "2026-01-01", source: "insurance", amount: cny("1000") };

  it("a payment in another currency than the fund's: CURRENCY_MISMATCH at entries[i].amount", () => {
    const e = domainError(() => earmarkedFundLedger({ fund, entries: [contribution, { ...pay("2026-02-01", "p", "10"), amount: { amount: "10", currency: "USD" } }] }));
    expect([e.code, e.path]).toEqual(["CURRENCY_MISMATCH", ["entries", 1, "amount"]]);
    expect(domainError(() => earmarkedFundLedger({ fund, entries: [{ ...contribution, amount: { amount: "10", currency: "EUR" } }] })).path).toEqual(["entries", 0, "amount"]);
    expect(domainError(() => earmarkedFundLedger({ fund, entries: [{ kind: "perCapita", date: "2026-01-01", source: "s", insured: 1, ratePerPerson: { amount: "20", currency: "USD" } }] })).path).toEqual(["entries", 0, "ratePerPerson"]);
    expect(domainError(() => earmarkedFundLedger({ fund: { ...fund, floor: { kind: "amount", amount: { amount: "1", currency: "USD" } } }, entries: [] })).path).toEqual(["fund", "floor", "amount"]);
  });

  it("missing currency, unknown keys, a zero or negative payment, a payment naming nothing, a bad date, sub-cent amounts", () => {
    expect(issues(() => earmarkedFundLedger({ fund: { id: "f", floor: fund.floor } as never, entries: [] }))[0]!.path).toEqual(["fund", "currency"]);
    expect(issues(() => earmarkedFundLedger({ fund, entries: [{ ...contribution, amount: { amount: "1000" } } as never] }))[0]!.path).toEqual(["entries", 0, "amount", "currency"]);
    expect(issues(() => earmarkedFundLedger({ fund, entries: [{ ...contribution, memo: "x" } as never] }))[0]!.path).toEqual(["entries", 0, "memo"]);
    expect(issues(() => earmarkedFundLedger({ fund, entries: [], overdraft: true } as never))[0]!.path).toEqual(["overdraft"]);
    expect(issues(() => earmarkedFundLedger({ fund, entries: [pay("2026-01-01", "p", "0")] }))[0]!.path).toEqual(["entries", 0, "amount", "amount"]);
    expect(issues(() => earmarkedFundLedger({ fund, entries: [{ ...pay("2026-01-01", "p", "1"), for: {} } as never] }))[0]!.path.slice(0, 3)).toEqual(["entries", 0, "for"]);
    expect(issues(() => earmarkedFundLedger({ fund, entries: [{ ...contribution, date: "2026-13-01" }] }))[0]!.path).toEqual(["entries", 0, "date"]);
    expect(issues(() => earmarkedFundLedger({ fund, entries: [{ ...contribution, amount: cny("0.001") }] }))[0]!.path).toEqual(["entries", 0, "amount"]);
    expect(issues(() => earmarkedFundLedger({ fund: { ...fund, floor: { kind: "shareOfYear", share: 1.5 } }, entries: [] }))[0]!.path).toEqual(["fund", "floor", "share"]);
  });
});
