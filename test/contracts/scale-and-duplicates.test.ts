// Issue 14 H2 (every ledger step O(n log n) in events and terms) and M6 (identical events).
// The sizes here are moderate: the tests pin the amounts; bench/contracts-scale.bench.ts
// measures the time at 10^4 and 10^5 events.
import { describe, expect, it } from "vitest";
import { addDueOffset, evaluateContract, evaluateContractMinorUnits, parseContract } from "../../src/index.js";
import { caught, domainError } from "../typed-errors.js";

const start = "2026-01-01";

function monthly(n: number, crsAtMonth: number | null) {
  const events: { kind: string; date: string; grade?: number }[] = [{ kind: "infusion", date: start }];
  let date = start;
  for (let k = 1; k <= n; k++) {
    date = addDueOffset({ date: date, offset: { months: 1, days: 0 } }); // the 1st of each month: no month-end clamping
    events.push({ kind: "treatedMonth", date });
    if (k === crsAtMonth) events.push({ kind: "crs", date, grade: 2 });
  }
  return events;
}

const perMonthWithRefund = {
  id: "H2-monthly",
  currency: "CNY",
  price: "1000.00",
  payment: { type: "perTreatedMonth" },
  refunds: [{ type: "refund", id: "crs-refund", trigger: ["crs"], share: "0.5" }],
};

describe("H2: ledger steps scale with events and terms", () => {
  it("H2: a per-treated-month contract with a CRS-triggered refund over 3,000 treated months settles to the cent", () => {
    const n = 3000;
    const r = evaluateContract(perMonthWithRefund, monthly(n, 10), "2300-01-01");
    // Paid: 3,000 months × 1,000.00 = 3,000,000.00.
    // Refund at the CRS (month 10, after that month's payment): 0.5 × 10 × 1,000.00 = 5,000.00;
    // then each of months 11…3,000 adds 0.5 × 1,000.00 = 500.00: 2,990 × 500 = 1,495,000.00.
    // Refunded 5,000 + 1,495,000 = 1,500,000.00; net 3,000,000 − 1,500,000 = 1,500,000.00.
    expect(r.totals.payments.toString()).toBe("CNY 3000000.00");
    expect(r.totals.refunded.toString()).toBe("CNY 1500000.00");
    expect(r.totals.net.toString()).toBe("CNY 1500000.00");
    const refunds = r.lines.filter((l) => l.kind === "refund");
    expect(refunds.length).toBe(2991);
    expect(refunds[0]!.amount.toString()).toBe("CNY -5000.00");
    expect(refunds[0]!.date).toBe("2026-11-01");
    expect(refunds.slice(1).every((l) => l.amount.toString() === "CNY -500.00")).toBe(true);
    const bulk = evaluateContractMinorUnits(parseContract(perMonthWithRefund), monthly(n, 10), "2300-01-01");
    expect(bulk.totals.net).toBe(150_000_000n);
    expect(bulk.lines.map((l) => l.units)).toEqual(r.lines.map((l) => BigInt(l.amount.amount.times(100).toFixed(0))));
  });

  it("H2: 2,000 daily installments with a death-triggered refund: paid, withheld and refunded to the cent", () => {
    // 2,000 installments of 0.0005 × USD 2,000.00 = 1.00, due on days 1…2,000, each on "no death".
    const contract = {
      id: "H2-installments",
      currency: "USD",
      price: "2000.00",
      payment: { type: "schedule", installments: Array.from({ length: 2000 }, (_, k) => ({ share: "0.0005", due: { days: k + 1 }, conditions: [{ type: "none", events: ["death"] }] })) },
      refunds: [{ type: "refund", trigger: ["death"], share: "0.25" }],
    };
    const events = [
      { kind: "infusion", date: start },
      { kind: "death", date: addDueOffset({ date: start, offset: { months: 0, days: 500 } }) },
    ];
    const r = evaluateContract(contract, events, "2035-01-01");
    // Death on day 500: installments 1…499 are paid (499 × 1.00 = 499.00); day 500 on are
    // withheld (1,501 × 1.00 = 1,501.00). Refund 0.25 × 499.00 = 124.75; net 499 − 124.75 = 374.25.
    expect(r.totals.payments.toString()).toBe("USD 499.00");
    expect(r.totals.withheld.toString()).toBe("USD 1501.00");
    expect(r.totals.refunded.toString()).toBe("USD 124.75");
    expect(r.totals.net.toString()).toBe("USD 374.25");
    expect(evaluateContractMinorUnits(parseContract(contract), events, "2035-01-01").totals.net).toBe(37_425n);
  });

  it("H2: two refund terms with exact-fraction denominators share one rounding (common denominator, not the larger one)", () => {
    // 1/4 + 1/10 of 1,000.00 paid = 250.00 + 100.00 = 350.00 (denominators 4 and 10: lcm 20, 7/20 × 1,000 = 350).
    const contract = {
      id: "H2-two-terms",
      currency: "CNY",
      price: "1000.00",
      payment: { type: "schedule", installments: [{ share: "1", due: {} }] },
      refunds: [
        { type: "refund", trigger: ["crs"], share: "0.25" },
        { type: "clawback", trigger: ["relapse"], share: "0.1" },
      ],
    };
    const r = evaluateContract(contract, [{ kind: "infusion", date: start }, { kind: "crs", date: "2026-02-01", grade: 1 }, { kind: "relapse", date: "2026-03-01" }], "2027-01-01");
    expect(r.lines.filter((l) => l.kind === "refund" || l.kind === "clawback").map((l) => `${l.kind} ${l.date} ${l.amount.toString()}`)).toEqual(["refund 2026-02-01 CNY -250.00", "clawback 2026-03-01 CNY -100.00"]);
    expect(r.totals.net.toString()).toBe("CNY 650.00");
  });
});

describe("M6: identical events in one history", () => {
  const once = { id: "M6", currency: "CNY", price: "20000", payment: { type: "perTreatedMonth" } };

  it("M6: 30 identical treated months on one day are a typed error at the first repeat, not 30 payments", () => {
    const events = [{ kind: "infusion", date: start }, ...Array.from({ length: 30 }, () => ({ kind: "treatedMonth", date: "2026-02-01" }))];
    const e = domainError(() => evaluateContract(once, events, "2026-12-31"));
    expect(e.code).toBe("INCONSISTENT_INPUT");
    expect(e.path).toEqual(["events", 2]);
    expect(e.message).toBe("events[2]: events 1 and 2 are the same treatedMonth on 2026-02-01: record each event once (a repeated record would be counted, and paid, twice)");
    // The bulk path refuses the same input the same way.
    expect(caught(() => evaluateContractMinorUnits(parseContract(once), events, "2026-12-31")).message).toBe(e.message);
  });

  it("M6: events that differ only in their note are the same event; a different grade or day is a different event", () => {
    const noted = [{ kind: "infusion", date: start }, { kind: "crs", date: "2026-01-05", grade: 2 }, { kind: "treatedMonth", date: "2026-01-05" }, { kind: "crs", date: "2026-01-05", grade: 2, note: "entered twice" }];
    expect(domainError(() => evaluateContract(once, noted, "2026-12-31")).path).toEqual(["events", 3]);
    const distinct = [{ kind: "infusion", date: start }, { kind: "crs", date: "2026-01-05", grade: 2 }, { kind: "crs", date: "2026-01-05", grade: 3 }, { kind: "treatedMonth", date: "2026-02-01" }, { kind: "treatedMonth", date: "2026-03-01" }];
    // Two treated months on different days: 2 × 20,000.00 = 40,000.00.
    expect(evaluateContract(once, distinct, "2026-12-31").totals.net.toString()).toBe("CNY 40000.00");
  });
});
