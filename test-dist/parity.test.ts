// Build parity: the ESM and CJS builds of the packed package give byte-identical results
// on the worked examples of the spec (checked against the spec's figures too).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pkgRoot } from "./setup.js";

type Lib = typeof import("../src/index.js");

const esm = (await import(join(pkgRoot, "esm.mjs"))) as Lib;
const cjs = (await import(join(pkgRoot, "cjs.mjs"))) as Lib;

const replacer = (_k: string, v: unknown) => (typeof v === "bigint" ? `${v}n` : v instanceof Float64Array ? Array.from(v) : v);
const run = (lib: Lib, f: (l: Lib) => unknown) => JSON.stringify(f(lib), replacer);

const k1 = {
  id: "K1",
  currency: "CNY",
  price: "1200000.00",
  payment: {
    type: "schedule",
    installments: [
      { share: "0.4", due: { months: 0 } },
      { share: "0.3", due: { months: 3 }, conditions: [{ type: "none", events: ["crs"] }] },
      { share: "0.3", due: { months: 6 }, conditions: [{ type: "none", events: ["relapse"] }] },
    ],
  },
};
const v3 = [["A", "0", 0], ["B", "100000", 1], ["D", "250000", 0.9], ["C", "300000", 1.5], ["E", "500000", 2.5]].map(([name, amount, effect]) => ({ name: name as string, cost: { amount: amount as string, currency: "CNY" }, effect: effect as number }));

// [id, call, the figure the spec gives, how to read it from the result]
const cases: [string, (l: Lib) => unknown, string, (r: never) => string][] = [
  ["M1", (l) => l.allocate(l.money("1200000.00"), [40, 30, 30]), "480000.00/360000.00/360000.00", (r: { amount: string }[]) => r.map((m) => m.amount).join("/")],
  ["M7", (l) => [l.round(l.money("0.125")), l.round(l.money("0.125"), "half-even")], "0.13/0.12", (r: { amount: string }[]) => r.map((m) => m.amount).join("/")],
  ["M9", (l) => l.allocate(l.money("1000", "JPY"), [1, 1, 1]), "334/333/333", (r: { amount: string }[]) => r.map((m) => m.amount).join("/")],
  ["V1", (l) => l.qaly({ periods: [{ utility: 0.8, repeat: 3 }], discountRate: 0.03, timing: "end" }), "2.262889", (r: { qalys: string }) => Number(r.qalys).toFixed(6)],
  ["V3", (l) => l.frontier({ strategies: v3 }), "ND,ND,D,ED,ND", (r: { strategies: { status: string }[] }) => r.strategies.map((s) => s.status).join(",")],
  ["V5", (l) => l.analyzePsa({ strategies: ["S1", "S2"], costs: [[100, 120, 80, 110], [200, 260, 150, 210]], effects: [[1, 1.2, 0.9, 1.1], [1.5, 1.4, 1.6, 1.3]], lambdas: [300], currency: "CNY" }), "30.00", (r: { points: { evpi: { amount: string } }[] }) => r.points[0]!.evpi.amount],
  ["K1b", (l) => l.evaluateContract(k1, [{ kind: "infusion", date: "2026-01-15" }, { kind: "crs", date: "2026-01-20" }], "2026-12-31"), "840000.00", (r: { totals: { net: { amount: string } } }) => r.totals.net.amount],
  ["K12", (l) => l.installmentFinancing({ principal: { amount: "2125000", currency: "USD" }, periodicRate: "0.03", periods: 5 }), "464003.46", (r: { payment: { amount: string } }) => r.payment.amount],
  ["T5", (l) => l.splitBill({ plan: { currency: "CNY", layers: [{ kind: "basic", deductible: "750", rate: "0.75" }] }, bill: "100000" }), "74437.50", (r: { layers: { amount: { amount: string } }[] }) => r.layers[0]!.amount.amount],
  ["B1", (l) => l.settleBundle({ bundle: { currency: "CNY", name: "lung", price: "28000" }, actualCost: "30500" }), "28000.00", (r: { payerPayment: { amount: string } }) => r.payerPayment.amount],
  ["D5", (l) => l.dipCasePayment({ currency: "CNY", pointValue: l.dipPointValue({ currency: "CNY", fundAmount: "1200000000", totalPoints: "60000000" }).pointValue, groupPoints: 2500 }), "50000.00", (r: { payment: { amount: string } }) => r.payment.amount],
  ["BI2", (l) => l.budgetImpact({ currency: "CNY", eligible: 3600, uptake: ["0.3", "0.5", "0.7"], costPerPatient: "120000" }), "648000000.00", (r: { totalNetCost: { amount: string } }) => r.totalNetCost.amount],
  [
    "MK1",
    (l) => l.runMarkovModel({ states: ["Alive", "Dead"], initial: { Alive: 1 }, cycles: 3, transitions: [{ matrix: { Alive: { Alive: "complement", Dead: 0.2 }, Dead: { Dead: 1 } } }], counting: "end", streams: { cost: { values: { Alive: "500" }, discountRate: 0.03, currency: "CNY" } } }),
    "924.26",
    (r: { streams: { cost: { money: { total: { amount: string } } } } }) => r.streams.cost.money.total.amount,
  ],
];

describe("build parity: ESM and CJS packages", () => {
  it("export the same names", () => {
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    expect(Object.keys(esm).length).toBeGreaterThan(200);
  });

  it.each(cases)("%s: byte-identical JSON from both builds, matching the spec", (_id, call, expected, read) => {
    const a = run(esm, call);
    const b = run(cjs, call);
    expect(b).toBe(a);
    expect(read(JSON.parse(a) as never)).toBe(expected);
  });

  it("raise the same typed errors", () => {
    for (const lib of [esm, cjs]) {
      try {
        lib.add(lib.money("1"), lib.money("1", "USD"));
        throw new Error("expected a DomainError");
      } catch (e) {
        expect(e).toBeInstanceOf(lib.DomainError);
        expect((e as InstanceType<Lib["DomainError"]>).code).toBe("CURRENCY_MISMATCH");
      }
    }
  });
});
