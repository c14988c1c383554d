// care.md §7 Unbundling and recovery (H19–H20), the recovery ledger, properties, bad input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectUnbundling, recoveryLedger } from "../../src/index.js";
import { runs } from "../arbitraries.js";
import { domainError, issues } from "../typed-errors.js";

const cny = (amount: string) => ({ amount, currency: "CNY" });
const show = (m: { toJSON(): { amount: string } }) => m.toJSON().amount;

const cart = {
  code: "CART-PKG",
  name: "CAR-T package",
  triggerCodes: ["CART-DRUG"],
  componentCodes: ["WARD", "CART-DRUG", "SUPPLIES"],
  episode: { kind: "admission" as const },
  settlement: { kind: "fundShare" as const, price: "1200000", fundRate: 0.6 },
};
// 住院費 150,000 + 藥品費 1,000,000 + 耗材費 50,000, each paid as an ordinary item at 80%.
const cartEpisode = (k: number) => [
  { id: `${k}-ward`, patient: `P${k}`, provider: "H1", admission: `A${k}`, code: "WARD", serviceDate: "2026-03-01", fundPaid: "120000" },
  { id: `${k}-drug`, patient: `P${k}`, provider: "H1", admission: `A${k}`, code: "CART-DRUG", serviceDate: "2026-03-02", fundPaid: "800000" },
  { id: `${k}-supplies`, patient: `P${k}`, provider: "H1", admission: `A${k}`, code: "SUPPLIES", serviceDate: "2026-03-02", fundPaid: "40000" },
];
const b1 = { code: "B1", name: "Lung-cancer monthly bundle", triggerCodes: [], componentCodes: ["NGS", "TKI", "IMAGING", "SUPPORT"], episode: { kind: "calendarMonth" as const }, settlement: { kind: "packageLines" as const } };

describe("care §7: unbundling and recovery", () => {
  it("H19: 5 CAR-T episodes billed as ordinary items: paid 960,000.00, due 720,000.00, recovery 240,000.00 each; 1,200,000.00 in all", () => {
    // paid = 0.8 × (150,000 + 1,000,000 + 50,000) = 120,000 + 800,000 + 40,000 = 960,000
    // due  = 0.6 × 1,200,000 = 720,000; overpayment 240,000 ≤ 960,000 paid on the unbundled lines
    const r = detectUnbundling({ currency: "CNY", decisionDate: "2026-06-30", packages: [cart], lines: [1, 2, 3, 4, 5].flatMap(cartEpisode) });
    expect(r.episodes).toHaveLength(5);
    for (const e of r.episodes) {
      expect([show(e.fundPaid), show(e.fundDue), show(e.overpayment), show(e.recovery), show(e.underpayment)]).toEqual(["960000.00", "720000.00", "240000.00", "240000.00", "0.00"]);
      expect(e.unbundledLineIds).toHaveLength(3);
    }
    expect(show(r.totals.recovered)).toBe("1200000.00"); // 5 × 240,000 = the paper's 120萬
    const ledger = recoveryLedger({ currency: "CNY", entries: r.recoveries });
    expect(ledger.lines.map((l) => [l.date, show(l.amount)])).toEqual(Array(5).fill(["2026-06-30", "-240000.00"]));
    expect(ledger.lines[0]!.rule).toBe("care.unbundling.CART-PKG");
    expect(ledger.lines[0]!.lineIds).toEqual(["1-ward", "1-drug", "1-supplies"]);
    expect(show(ledger.net)).toBe("-1200000.00");
    // the explanation a claims officer reads: lines found, package due, recovery
    expect(r.episodes[0]!.explanation.map((x) => x.rule)).toEqual(["care.unbundling.lines", "care.unbundling.due", "care.unbundling.recovery"]);
    expect(r.episodes[0]!.explanation[2]!.text).toContain("CNY 240,000.00");
    expect(ledger.lines[0]!.explanation.amount?.toJSON()).toEqual({ amount: "-240000.00", currency: "CNY" });
  });

  it("H20: B1 paid for March with imaging billed besides it: recovery 700.00; April imaging without an April bundle: not unbundled", () => {
    const lines = [
      // the bundle's own fund payment is not given by the spec; 19,600.00 (28,000 at 70%) is an example — any value gives the same recovery
      { id: "m-b1", patient: "P1", provider: "H2", code: "B1", serviceDate: "2026-03-01", fundPaid: "19600" },
      { id: "m-img", patient: "P1", provider: "H2", code: "IMAGING", serviceDate: "2026-03-15", fundPaid: "700" },
      { id: "a-img", patient: "P1", provider: "H2", code: "IMAGING", serviceDate: "2026-04-10", fundPaid: "700" },
    ];
    const r = detectUnbundling({ currency: "CNY", decisionDate: "2026-05-31", packages: [b1], lines });
    // March: paid 19,600 + 700; due as the package 19,600 → 700 recovered
    expect(r.episodes.map((e) => [e.id, show(e.recovery)])).toEqual([["B1/P1/H2/2026-03", "700.00"]]);
    expect(r.lines.map((l) => l.status)).toEqual(["packageLine", "unbundled", "notUnbundled"]);
    expect(show(r.totals.recovered)).toBe("700.00");
    // the same with the bundle settled as price × fund rate (28,000 × 0.70 = 19,600.00)
    const share = detectUnbundling({ currency: "CNY", decisionDate: "2026-05-31", packages: [{ ...b1, settlement: { kind: "fundShare", price: "28000", fundRate: "0.70" } }], lines });
    expect(show(share.totals.recovered)).toBe("700.00");
    const other = detectUnbundling({ currency: "CNY", decisionDate: "2026-05-31", packages: [b1], lines: [{ ...lines[0]!, fundPaid: "28000" }, lines[1]!, lines[2]!] });
    expect(show(other.totals.recovered)).toBe("700.00");
  });

  it("episodes are per patient, per provider and per window; a line without an admission id is in no admission episode", () => {
    const lines = [
      ...cartEpisode(1),
      { id: "x-ward", patient: "P1", provider: "H9", admission: "A1", code: "WARD", serviceDate: "2026-03-01", fundPaid: "1000" },
      { id: "y-ward", patient: "P1", provider: "H1", code: "WARD", serviceDate: "2026-03-01", fundPaid: "1000" },
      { id: "z", patient: "P1", provider: "H1", admission: "A1", code: "OTHER", serviceDate: "2026-03-01", fundPaid: "1000" },
    ];
    const r = detectUnbundling({ currency: "CNY", decisionDate: "2026-06-30", packages: [cart], lines });
    expect(r.lines.slice(3).map((l) => l.status)).toEqual(["notUnbundled", "noEpisode", "unrelated"]);
    expect(r.episodes).toHaveLength(1);
  });

  it("an underpayment is reported, never netted: no ledger line, and another episode's recovery is untouched", () => {
    // at 50% the ordinary lines pay 600,000 < 720,000 due
    const cheap = cartEpisode(2).map((l) => ({ ...l, fundPaid: l.code === "WARD" ? "75000" : l.code === "CART-DRUG" ? "500000" : "25000" }));
    const r = detectUnbundling({ currency: "CNY", decisionDate: "2026-06-30", packages: [cart], lines: [...cartEpisode(1), ...cheap] });
    expect(r.episodes.map((e) => [show(e.overpayment), show(e.recovery), show(e.underpayment)])).toEqual([
      ["240000.00", "240000.00", "0.00"],
      ["-120000.00", "0.00", "120000.00"],
    ]);
    expect(r.recoveries).toHaveLength(1);
    expect(show(r.totals.recovered)).toBe("240000.00");
    expect(show(r.totals.underpaid)).toBe("120000.00");
  });

  it("recovery is capped at what was paid on the unbundled lines (the package line itself overpaid)", () => {
    // package line paid 30,000 against a due of 19,600 (fundShare), one component 700: over = 30,700 − 19,600 = 11,100, cap 700
    const r = detectUnbundling({
      currency: "CNY",
      decisionDate: "2026-05-31",
      packages: [{ ...b1, settlement: { kind: "fundShare", price: "28000", fundRate: 0.7 } }],
      lines: [
        { id: "b", patient: "P", provider: "H", code: "B1", serviceDate: "2026-03-01", fundPaid: "30000" },
        { id: "i", patient: "P", provider: "H", code: "IMAGING", serviceDate: "2026-03-02", fundPaid: "700" },
      ],
    });
    expect([show(r.episodes[0]!.overpayment), show(r.episodes[0]!.recovery)]).toEqual(["11100.00", "700.00"]);
  });

  it("property: recovery never exceeds what was paid on the unbundled lines, per episode and in all; deterministic", () => {
    const line = fc.record({
      patient: fc.constantFrom("P1", "P2"),
      provider: fc.constantFrom("H1", "H2"),
      code: fc.constantFrom("B1", "NGS", "TKI", "IMAGING", "OTHER"),
      day: fc.integer({ min: 0, max: 80 }),
      fundPaid: fc.bigInt({ min: 0n, max: 5_000_000n }),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), fc.constantFrom("packageLines", "fundShare"), (ls, kind) => {
        const lines = ls.map((l, i) => ({
          id: `L${i}`,
          patient: l.patient,
          provider: l.provider,
          code: l.code,
          serviceDate: new Date(Date.UTC(2026, 0, 1 + l.day)).toISOString().slice(0, 10),
          fundPaid: `${l.fundPaid / 100n}.${String(l.fundPaid % 100n).padStart(2, "0")}`,
        }));
        const settlement = kind === "fundShare" ? { kind: "fundShare" as const, price: "28000", fundRate: 0.7 } : { kind: "packageLines" as const };
        const input = { currency: "CNY", decisionDate: "2026-06-30", packages: [{ ...b1, settlement }], lines };
        const r = detectUnbundling(input);
        const cents = (m: { toJSON(): { amount: string } }) => BigInt(m.toJSON().amount.replace(".", ""));
        let paidUnbundled = 0n;
        for (const e of r.episodes) {
          expect(cents(e.recovery)).toBeLessThanOrEqual(cents(e.fundPaidOnUnbundledLines));
          expect(cents(e.recovery)).toBeGreaterThanOrEqual(0n);
          // recovery and underpayment are never both positive (nothing netted)
          expect(cents(e.recovery) > 0n && cents(e.underpayment) > 0n).toBe(false);
          const hand = e.unbundledLineIds.reduce((s, id) => s + cents({ toJSON: () => ({ amount: lines.find((l) => l.id === id)!.fundPaid }) }), 0n);
          expect(cents(e.fundPaidOnUnbundledLines)).toBe(hand);
          paidUnbundled += hand;
        }
        expect(cents(r.totals.recovered)).toBeLessThanOrEqual(paidUnbundled);
        const ledger = recoveryLedger({ currency: "CNY", entries: r.recoveries });
        expect(cents(ledger.recovered)).toBe(cents(r.totals.recovered));
        expect(JSON.stringify(detectUnbundling(JSON.parse(JSON.stringify(input))))).toBe(JSON.stringify(r));
      }),
      { numRuns: runs(300) },
    );
  });
});

describe("care §7: the recovery ledger and bad input", () => {
  const entry = { date: "2026-06-30", rule: "care.recovery.no-indication", reference: "case-17", lineIds: ["L1"], recovered: cny("5000"), fundPaid: cny("5000") };

  it("other recoveries share the ledger; lines are dated and in date order", () => {
    const l = recoveryLedger({ currency: "CNY", entries: [entry, { ...entry, date: "2026-03-31", reference: "case-3", lineIds: ["L9"], recovered: cny("1200.50"), fundPaid: cny("2000") }] });
    expect(l.lines.map((x) => [x.date, show(x.amount)])).toEqual([["2026-03-31", "-1200.50"], ["2026-06-30", "-5000.00"]]);
    expect(show(l.recovered)).toBe("6200.50");
  });

  it("a recovery above what was paid, a zero or negative recovery, a line recovered twice: typed errors with the path", () => {
    expect(domainError(() => recoveryLedger({ currency: "CNY", entries: [{ ...entry, recovered: cny("5000.01") }] })).path).toEqual(["entries", 0, "recovered"]);
    expect(issues(() => recoveryLedger({ currency: "CNY", entries: [{ ...entry, recovered: cny("-100") }] }))[0]!.path).toEqual(["entries", 0, "recovered", "amount"]);
    expect(issues(() => recoveryLedger({ currency: "CNY", entries: [{ ...entry, recovered: cny("0") }] }))[0]!.path).toEqual(["entries", 0, "recovered", "amount"]);
    expect(domainError(() => recoveryLedger({ currency: "CNY", entries: [entry, { ...entry, reference: "case-18" }] })).path).toEqual(["entries", 1, "lineIds", 0]);
    expect(domainError(() => recoveryLedger({ currency: "CNY", entries: [entry, { ...entry, lineIds: ["L2"] }] })).path).toEqual(["entries", 1, "reference"]);
  });

  it("an entry in another currency than the ledger's: CURRENCY_MISMATCH at the field; missing currency: ValidationError", () => {
    const e = domainError(() => recoveryLedger({ currency: "CNY", entries: [{ ...entry, recovered: { amount: "5000", currency: "USD" } }] }));
    expect([e.code, e.path]).toEqual(["CURRENCY_MISMATCH", ["entries", 0, "recovered"]]);
    expect(issues(() => recoveryLedger({ entries: [entry] } as never))[0]!.path).toEqual(["currency"]);
    expect(issues(() => recoveryLedger({ currency: "CNY", entries: [{ ...entry, recovered: { amount: "5000" } }] } as never))[0]!.path).toEqual(["entries", 0, "recovered", "currency"]);
    expect(issues(() => detectUnbundling({ decisionDate: "2026-06-30", packages: [cart], lines: [] } as never))[0]!.path).toEqual(["currency"]);
  });

  it("unbundling input: unknown keys, duplicate line ids, a code in two packages, sub-cent amounts", () => {
    const base = { currency: "CNY", decisionDate: "2026-06-30", packages: [cart], lines: cartEpisode(1) };
    expect(issues(() => detectUnbundling({ ...base, lines: [{ ...cartEpisode(1)[0]!, billed: "1" } as never] }))[0]!.path).toEqual(["lines", 0, "billed"]);
    expect(issues(() => detectUnbundling({ ...base, lines: [cartEpisode(1)[0]!, cartEpisode(1)[0]!] }))[0]!.path).toEqual(["lines", 1, "id"]);
    expect(issues(() => detectUnbundling({ ...base, packages: [cart, { ...b1, componentCodes: ["WARD"] }] }))[0]!.path).toEqual(["packages", 1, "componentCodes", 0]);
    expect(issues(() => detectUnbundling({ ...base, lines: [{ ...cartEpisode(1)[0]!, fundPaid: "1.005" }] }))[0]!.path).toEqual(["lines", 0, "fundPaid"]);
    expect(issues(() => detectUnbundling({ ...base, packages: [{ ...cart, triggerCodes: ["CART-PKG"] }] }))[0]!.path).toEqual(["packages", 0, "triggerCodes"]);
    expect(issues(() => detectUnbundling({ ...base, packages: [{ ...cart, componentCodes: ["CART-PKG"] }] }))[0]!.path).toEqual(["packages", 0, "componentCodes"]);
    expect(issues(() => detectUnbundling({ ...base, packages: [{ ...cart, episode: { kind: "week" } as never }] }))[0]!.path).toEqual(["packages", 0, "episode", "kind"]);
  });
});
