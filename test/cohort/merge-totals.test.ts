import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addToCohortTotals,
  cohortTotalsToJSON,
  DomainError,
  emptyCohortTotals,
  mergeCohortTotals,
  cohortTotalsFromJSON,
  prepareCohortSettlement,
  settleCohortPatient,
  ValidationError,
  type CohortSettlementError,
  type CohortSettlementRecord,
  type CohortTotals,
} from "../../src/index.js";
import { domainError, issues } from "../typed-errors.js";

const data = (f: string) => JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "data", f), "utf8"));
const prepared = prepareCohortSettlement({ contract: data("k1-contract.json"), plan: data("cart-layers.json"), asOf: "2026-12-31" });

/** A pool of settled patients (varied outcomes, some error records), settled once; shards are drawn from it. */
const pool: (CohortSettlementRecord | CohortSettlementError)[] = [];
for (let i = 0; i < 80; i++) {
  const day = 1 + (i % 28);
  const month = 1 + (i % 6);
  const events: { kind: string; date: string; grade?: number }[] = [{ kind: "infusion", date: `2026-0${month}-${String(day).padStart(2, "0")}` }];
  if (i % 4 === 1) events.push({ kind: "crs", date: `2026-0${month}-${String(Math.min(day + 1, 28)).padStart(2, "0")}`, grade: 1 + (i % 4) });
  if (i % 6 === 2) events.push({ kind: "relapse", date: `2026-0${month + 1}-15` });
  if (i % 13 === 7) events.push({ kind: "teleport", date: "2026-03-01" }); // an error record
  const record = i % 10 === 3 ? { patientId: `P${i}`, events, patient: { groups: ["subsistence"] } } : { patientId: `P${i}`, events };
  pool.push(settleCohortPatient({ settlement: prepared, record, index: i + 1 }));
}
const onePass = (records: readonly (CohortSettlementRecord | CohortSettlementError)[]) => records.reduce(addToCohortTotals, emptyCohortTotals("CNY"));
const whole = onePass(pool);

/** Random totals with arbitrary layer ids (including the awkward ones). */
const big = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });
const layerId = fc.constantFrom("basic", "supplementary", "commercial", "__proto__", "constructor", "pap");
const totalsArb: fc.Arbitrary<CohortTotals> = fc
  .record({
    patients: fc.nat({ max: 1_000_000 }),
    errors: fc.nat({ max: 1000 }),
    gross: big,
    refunded: big,
    net: big,
    withheld: big,
    patientShare: big,
    layers: fc.array(fc.tuple(layerId, big), { maxLength: 4 }),
  })
  .map(({ layers, ...t }) => {
    const l = Object.create(null) as Record<string, bigint>;
    for (const [id, v] of layers) l[id] = v;
    return { currency: "CNY", ...t, layers: l };
  });

/** The same totals, whatever the key order of the layers. */
const same = (a: CohortTotals, b: CohortTotals) => {
  expect({ ...a, layers: { ...a.layers } }).toEqual({ ...b, layers: { ...b.layers } });
};

describe("mergeCohortTotals: a commutative monoid", () => {
  it("has emptyCohortTotals as identity on both sides", () => {
    fc.assert(
      fc.property(totalsArb, (t) => {
        same(mergeCohortTotals([t, emptyCohortTotals("CNY")]), t);
        same(mergeCohortTotals([emptyCohortTotals("CNY"), t]), t);
        same(mergeCohortTotals([t]), t);
      }),
    );
  });

  it("is associative and commutative", () => {
    fc.assert(
      fc.property(totalsArb, totalsArb, totalsArb, (a, b, c) => {
        same(mergeCohortTotals([mergeCohortTotals([a, b]), c]), mergeCohortTotals([a, mergeCohortTotals([b, c])]));
        same(mergeCohortTotals([a, b]), mergeCohortTotals([b, a]));
        same(mergeCohortTotals([a, b, c]), mergeCohortTotals([c, a, b]));
      }),
    );
  });

  it("any sharding of a settled cohort, in any order and grouping, gives the one-pass totals to the cent", () => {
    // Shards: random cut points over a random permutation of the pool; each shard is
    // totalled on its own (as a worker would), then merged pairwise in a random tree.
    const arb = fc.record({
      order: fc.shuffledSubarray(pool.map((_, i) => i), { minLength: pool.length, maxLength: pool.length }),
      cuts: fc.uniqueArray(fc.integer({ min: 1, max: pool.length - 1 }), { maxLength: 12 }),
      picks: fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
    });
    fc.assert(
      fc.property(arb, ({ order, cuts, picks }) => {
        const bounds = [0, ...[...cuts].sort((x, y) => x - y), pool.length];
        let shards = bounds.slice(1).map((end, k) => onePass(order.slice(bounds[k], end).map((i) => pool[i]!)));
        let step = 0;
        while (shards.length > 1) {
          const i = picks[step++ % picks.length]! % (shards.length - 1);
          shards = [...shards.slice(0, i), mergeCohortTotals([shards[i + 1]!, shards[i]!]), ...shards.slice(i + 2)];
        }
        same(shards[0]!, whole);
        expect(cohortTotalsToJSON(shards[0]!)).toEqual(cohortTotalsToJSON(whole));
      }),
    );
  });

  it("MT1: two shards of the example cohort merge to its totals, worked by hand", () => {
    // examples/data/cohort.ndjson, K1 (40/30/30 of CNY 1,200,000; month 3 needs no CRS,
    // month 6 no relapse), as of 2026-12-31:
    //   P001 all well 480,000 + 360,000 + 360,000 = 1,200,000;  P002 CRS → 480,000 + 360,000 = 840,000
    //   P003 relapse 2026-06-02 before month 6 (2026-08-01) → 840,000;  P004 CRS and relapse → 480,000
    //   P005 all well → 1,200,000.  Shard {P001, P002} = 2,040,000; shard {P003..P005} = 2,520,000;
    //   merged 4,560,000.
    const lines = readFileSync(join(__dirname, "..", "..", "examples", "data", "cohort.ndjson"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    const recs = lines.map((p, i) => settleCohortPatient({ settlement: prepared, record: p, index: i + 1 }));
    const a = onePass(recs.slice(0, 2));
    const b = onePass(recs.slice(2));
    expect(cohortTotalsToJSON(a).net).toBe("2040000.00");
    expect(cohortTotalsToJSON(b).net).toBe("2520000.00");
    const merged = mergeCohortTotals([b, a]);
    expect(merged.patients).toBe(5);
    expect(cohortTotalsToJSON(merged).net).toBe("4560000.00");
    expect(cohortTotalsToJSON(merged)).toEqual(cohortTotalsToJSON(onePass(recs)));
  });
});

describe("mergeCohortTotals: bad input", () => {
  it("refuses totals in another currency with CURRENCY_MISMATCH at the part's currency", () => {
    const e = domainError(() => mergeCohortTotals([emptyCohortTotals("CNY"), emptyCohortTotals("USD")]));
    expect(e.code).toBe("CURRENCY_MISMATCH");
    expect(e.path).toEqual([1, "currency"]);
    expect(e).toBeInstanceOf(DomainError);
  });

  it("refuses an empty list, non-totals, amounts as text and bad counts, naming the path", () => {
    expect(issues(() => mergeCohortTotals([]))[0]!.code).toBe("too_small");
    expect(issues(() => mergeCohortTotals(null as never))[0]!.path).toEqual([]);
    expect(issues(() => mergeCohortTotals([whole, { ...whole, net: "1.00" } as never]))[0]!.path).toEqual([1, "net"]);
    expect(issues(() => mergeCohortTotals([{ ...whole, patients: -1 }]))[0]!.path).toEqual([0, "patients"]);
    expect(issues(() => mergeCohortTotals([{ ...whole, layers: { basic: 1 } } as never]))[0]!.path).toEqual([0, "layers", "basic"]);
    expect(issues(() => mergeCohortTotals([{ ...whole, currency: "XXX1" }]))[0]!.path).toEqual([0, "currency"]);
    expect(() => mergeCohortTotals([{ ...whole, patients: Number.MAX_SAFE_INTEGER }, whole])).toThrow(ValidationError);
  });

  it("keeps a layer id __proto__ as data", () => {
    const l = JSON.parse('{"__proto__": 5}') as Record<string, unknown>;
    const t = { ...emptyCohortTotals("CNY"), layers: { ...l, __proto__: null } } as unknown as CohortTotals;
    const withProto = { ...emptyCohortTotals("CNY"), layers: Object.assign(Object.create(null), { ["__proto__"]: 7n }) as Record<string, bigint> };
    const m = mergeCohortTotals([withProto, withProto]);
    expect(Object.hasOwn(m.layers, "__proto__")).toBe(true);
    expect(m.layers["__proto__"]).toBe(14n);
    expect(() => mergeCohortTotals([t])).toThrow(ValidationError);
  });
});

describe("cohortTotalsFromJSON: totals across a process boundary", () => {
  it("is the exact inverse of cohortTotalsToJSON", () => {
    fc.assert(
      fc.property(totalsArb, (t) => {
        same(cohortTotalsFromJSON(JSON.parse(JSON.stringify(cohortTotalsToJSON(t)))), t);
      }),
    );
    same(cohortTotalsFromJSON(cohortTotalsToJSON(whole)), whole);
  });

  it("refuses sub-minor amounts, unknown keys and bad counts with their paths", () => {
    const j = cohortTotalsToJSON(whole);
    expect(issues(() => cohortTotalsFromJSON({ ...j, net: "1.005" }))[0]!.path).toEqual(["net"]);
    expect(issues(() => cohortTotalsFromJSON({ ...j, layers: { basic: "1e5" } }))[0]!.path).toEqual(["layers", "basic"]);
    expect(issues(() => cohortTotalsFromJSON({ ...j, extra: 1 } as never))[0]!.path).toEqual(["extra"]);
    expect(issues(() => cohortTotalsFromJSON({ ...j, errors: 1.5 }))[0]!.path).toEqual(["errors"]);
    expect(issues(() => cohortTotalsFromJSON(null as never))[0]!.path).toEqual([]);
  });
});
