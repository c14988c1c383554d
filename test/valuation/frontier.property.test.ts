import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Dec, frontier, type FrontierResult, optimalStrategy } from "../../src/index.js";
import { D } from "../../src/money/decimal.js";

interface S {
  name: string;
  cost: { amount: string; currency: string };
  effect: string;
}

// Small grids make ties in cost, in effect and in both common; negative costs are cost offsets.
const pointArb = fc.record({
  cost: fc.integer({ min: -20, max: 40 }).map((c) => (c * 2500).toString()),
  effect: fc.integer({ min: 0, max: 30 }).map((e) => (e / 10).toString()),
});
const strategiesArb: fc.Arbitrary<S[]> = fc
  .array(pointArb, { minLength: 1, maxLength: 12 })
  .map((ps) => ps.map((p, i) => ({ name: `S${i}`, cost: { amount: p.cost, currency: "CNY" }, effect: p.effect })));

const c = (s: S) => new D(s.cost.amount);
const e = (s: S) => new D(s.effect);
const statusByName = (r: FrontierResult) => Object.fromEntries(r.strategies.map((s) => [s.name, s.status]));

/** Strict dominance: no more costly, at least as effective, one strictly. */
function dominates(a: S, b: S): boolean {
  return c(a).lessThanOrEqualTo(c(b)) && e(a).greaterThanOrEqualTo(e(b)) && (c(a).lessThan(c(b)) || e(a).greaterThan(e(b)));
}

/**
 * A deliberately naive oracle: drop strongly dominated strategies pairwise, collapse
 * identical points, then repeatedly drop the first point whose ICER exceeds the next
 * one's (equal ICERs stay: collinear points are ND), recomputing ICERs (by division)
 * after every removal.
 */
function naiveStatuses(list: S[]): Record<string, string> {
  const cache = new Map<S, [Dec, Dec]>(list.map((s) => [s, [new D(s.cost.amount), new D(s.effect)]]));
  const c = (s: S) => cache.get(s)![0];
  const e = (s: S) => cache.get(s)![1];
  const dominates = (a: S, b: S) =>
    c(a).lessThanOrEqualTo(c(b)) && e(a).greaterThanOrEqualTo(e(b)) && (c(a).lessThan(c(b)) || e(a).greaterThan(e(b)));
  const status: Record<string, string> = {};
  for (const s of list) status[s.name] = list.some((o) => dominates(o, s)) ? "D" : "ND";
  const seen = new Map<string, S>();
  for (const s of list) {
    if (status[s.name] !== "ND") continue;
    const key = `${c(s).toString()}|${e(s).toString()}`;
    if (!seen.has(key)) seen.set(key, s);
  }
  let pts = [...seen.values()].sort((a, b) => e(a).comparedTo(e(b)));
  for (;;) {
    const icers: Dec[] = [];
    for (let i = 1; i < pts.length; i++) icers.push(c(pts[i]!).minus(c(pts[i - 1]!)).dividedBy(e(pts[i]!).minus(e(pts[i - 1]!))));
    const bad = icers.findIndex((x, i) => i + 1 < icers.length && x.greaterThan(icers[i + 1]!));
    if (bad === -1) break;
    pts = pts.filter((_, i) => i !== bad + 1);
  }
  const hull = new Set(pts.map((p) => `${c(p).toString()}|${e(p).toString()}`));
  for (const s of list) {
    if (status[s.name] === "ND" && !hull.has(`${c(s).toString()}|${e(s).toString()}`)) status[s.name] = "ED";
  }
  return status;
}

function shuffle<T>(xs: T[], keys: number[]): T[] {
  return xs
    .map((x, i) => ({ x, k: keys[i % keys.length]! * 1000 + i }))
    .sort((a, b) => a.k - b.k)
    .map((p) => p.x);
}

describe("frontier properties", () => {
  it("agrees with a naive iterative oracle on every status", () => {
    fc.assert(
      fc.property(strategiesArb, (list) => {
        expect(statusByName(frontier({ strategies: list }))).toEqual(naiveStatuses(list));
      }),
    );
  });

  it("ICERs never decrease along the ND strategies (equal only for collinear points)", () => {
    fc.assert(
      fc.property(strategiesArb, (list) => {
        const r = frontier({ strategies: list });
        const icers = r.frontier.filter((s) => s.icerExact !== null && s.identicalTo.every((n) => !r.frontier.some((f) => f.name === n && f.index < s.index)));
        for (let i = 1; i < icers.length; i++) expect(icers[i]!.icerExact!.greaterThanOrEqualTo(icers[i - 1]!.icerExact!)).toBe(true);
        for (const s of r.frontier) if (s.icerExact !== null) expect(s.icerExact.greaterThan(0)).toBe(true);
      }),
    );
  });

  it("every D strategy is strictly dominated by the strategy it names, itself not D", () => {
    fc.assert(
      fc.property(strategiesArb, (list) => {
        const r = frontier({ strategies: list });
        for (const s of r.strategies.filter((x) => x.status === "D")) {
          const by = list.find((x) => x.name === s.dominatedBy)!;
          expect(dominates(by, list[s.index]!)).toBe(true);
          expect(r.strategies.find((x) => x.name === by.name)!.status).not.toBe("D");
        }
      }),
    );
  });

  it("every ED strategy lies strictly above the segment between its two frontier neighbours", () => {
    fc.assert(
      fc.property(strategiesArb, (list) => {
        const r = frontier({ strategies: list });
        for (const s of r.strategies.filter((x) => x.status === "ED")) {
          const [lo, hi] = s.extendedlyDominatedBy!.map((n) => list.find((x) => x.name === n)!) as [S, S];
          const me = list[s.index]!;
          expect(e(lo).lessThan(e(me)) && e(me).lessThan(e(hi))).toBe(true);
          // (C − Clo)(Ehi − Elo) > (Chi − Clo)(E − Elo): above the chord (on it would be collinear, ND).
          const lhs = c(me).minus(c(lo)).times(e(hi).minus(e(lo)));
          const rhs = c(hi).minus(c(lo)).times(e(me).minus(e(lo)));
          expect(lhs.greaterThan(rhs)).toBe(true);
        }
      }),
    );
  });

  it("adding a strongly dominated strategy leaves every other result unchanged", () => {
    fc.assert(
      fc.property(strategiesArb, fc.nat(), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), (list, pick, dc, de) => {
        fc.pre(dc + de > 0);
        const base = list[pick % list.length]!;
        const extra: S = {
          name: "extra",
          cost: { amount: c(base).plus(dc * 1000).toString(), currency: "CNY" },
          effect: e(base).minus(de / 10).toString(),
        };
        const before = frontier({ strategies: list });
        const after = frontier({ strategies: [...list, extra] });
        expect(after.strategies.find((s) => s.name === "extra")!.status).toBe("D");
        const strip = (r: FrontierResult) =>
          r.strategies.filter((s) => s.name !== "extra").map((s) => [s.name, s.status, s.reference, s.icer?.toString() ?? null]);
        expect(strip(after)).toEqual(strip(before));
      }),
    );
  });

  it("input order changes no status, and identical strategies always share one", () => {
    fc.assert(
      fc.property(strategiesArb, fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 12 }), fc.nat(), (list, keys, dup) => {
        const twin = list[dup % list.length]!;
        const withTwin = [...list, { ...twin, name: "twin" }];
        const a = frontier({ strategies: withTwin });
        const b = frontier({ strategies: shuffle(withTwin, keys) });
        expect(statusByName(b)).toEqual(statusByName(a));
        expect(statusByName(a).twin).toBe(statusByName(a)[twin.name]);
      }),
    );
  });

  it("scaling every cost by k > 0 scales every ICER by k and changes no status", () => {
    fc.assert(
      fc.property(strategiesArb, fc.integer({ min: 1, max: 10_000 }), (list, kk) => {
        const k = new D(kk).dividedBy(100);
        const scaled = list.map((s) => ({ ...s, cost: { amount: c(s).times(k).toString(), currency: "CNY" } }));
        const a = frontier({ strategies: list });
        const b = frontier({ strategies: scaled });
        expect(statusByName(b)).toEqual(statusByName(a));
        a.strategies.forEach((s, i) => {
          const t = b.strategies[i]!;
          if (s.icerExact === null) expect(t.icerExact).toBeNull();
          else expect(t.icerExact!.toSignificantDigits(40).equals(s.icerExact.times(k).toSignificantDigits(40))).toBe(true);
        });
      }),
    );
  });

  it("at any λ the max-NMB strategy is on the frontier and is the frontier's choice", () => {
    fc.assert(
      fc.property(strategiesArb, fc.integer({ min: 0, max: 400 }), (list, l) => {
        const lambda = new D(l).times(1250); // hits ICERs exactly now and then
        const r = frontier({ strategies: list });
        // Max NMB; ties to the more effective, then to the earlier in input order.
        let best = list[0]!;
        for (const s of list.slice(1)) {
          const d = lambda.times(e(s)).minus(c(s)).comparedTo(lambda.times(e(best)).minus(c(best)));
          if (d > 0 || (d === 0 && e(s).greaterThan(e(best)))) best = s;
        }
        expect(r.strategies.find((s) => s.name === best.name)!.status).toBe("ND");
        expect(optimalStrategy({ frontier: r, lambda: { amount: lambda.toString(), currency: "CNY" } }).name).toBe(best.name);
      }),
    );
  });
});

describe("frontier edge cases public tools have got wrong", () => {
  const cny = (amount: string) => ({ amount, currency: "CNY" });

  it("a single strategy is ND, the reference, with no ICER", () => {
    const r = frontier({ strategies: [{ name: "only", cost: cny("5"), effect: 1 }] });
    expect(r.strategies[0]!.status).toBe("ND");
    expect(r.strategies[0]!.icer).toBeNull();
    expect(optimalStrategy({ frontier: r, lambda: cny("0") }).name).toBe("only");
  });

  it("duplicates: both copies ND, whichever comes first", () => {
    const a = { name: "a", cost: cny("100"), effect: 1 };
    const b = { name: "b", cost: cny("100.00"), effect: "1.0" };
    const z0 = { name: "z", cost: cny("0"), effect: 0 };
    for (const list of [[z0, a, b], [b, z0, a], [a, b, z0]]) {
      const r = frontier({ strategies: list });
      expect(r.strategies.every((s) => s.status === "ND")).toBe(true);
      expect(r.strategies.find((s) => s.name === "b")!.icer?.toString()).toBe("CNY 100.00");
      expect(r.strategies.find((s) => s.name === "a")!.identicalTo).toEqual(["b"]);
    }
  });

  it("equal costs: the less effective is D; equal effects: the costlier is D", () => {
    const r = frontier({
      strategies: [
        { name: "lo", cost: cny("100"), effect: 1 },
        { name: "hi", cost: cny("100"), effect: 2 },
        { name: "pricey", cost: cny("300"), effect: 2 },
      ],
    });
    expect(r.strategies.map((s) => [s.status, s.dominatedBy])).toEqual([
      ["D", "hi"],
      ["ND", null],
      ["D", "hi"],
    ]);
  });

  it("extended dominance that appears only after another removal", () => {
    // P1(0,0) P2(10,1) P3(30,2) P4(45,3) P5(55,4): ICERs 10, 20, 15, 10.
    // P3's 20 ≥ P4's 15 → P3 ED. Only then is P4 compared with P2: P2→P4 = 35/2 = 17.5
    // ≥ P4→P5 = 10 → P4 ED. Finally P2→P5 = 45/3 = 15 > P1→P2 = 10: done.
    const r = frontier({
      strategies: [
        { name: "P1", cost: cny("0"), effect: 0 },
        { name: "P2", cost: cny("10"), effect: 1 },
        { name: "P3", cost: cny("30"), effect: 2 },
        { name: "P4", cost: cny("45"), effect: 3 },
        { name: "P5", cost: cny("55"), effect: 4 },
      ],
    });
    expect(r.strategies.map((s) => s.status)).toEqual(["ND", "ND", "ED", "ED", "ND"]);
    expect(r.strategies[4]!.icer?.toString()).toBe("CNY 15.00");
    expect(r.strategies[2]!.extendedlyDominatedBy).toEqual(["P2", "P5"]);
  });

  it("a point exactly on the line between its neighbours stays ND (equal ICERs; was ED before issue 19)", () => {
    const r = frontier({
      strategies: [
        { name: "a", cost: cny("0"), effect: 0 },
        { name: "b", cost: cny("100"), effect: 1 },
        { name: "c", cost: cny("200"), effect: 2 },
      ],
    });
    // a→b = 100/1 = 100 and b→c = 100/1 = 100: equal, not "exceeds", so b stays.
    expect(r.strategies.map((s) => s.status)).toEqual(["ND", "ND", "ND"]);
    expect(r.strategies[2]!.reference).toBe("b");
    // At λ = 100 all three tie on NMB: the more effective frontier end is chosen.
    expect(optimalStrategy({ frontier: r, lambda: cny("100") }).name).toBe("c");
    expect(optimalStrategy({ frontier: r, lambda: cny("99.99") }).name).toBe("a");
  });

  it("SW strategies (cheaper and worse than the usual care) can anchor the frontier", () => {
    const r = frontier({
      strategies: [
        { name: "usual", cost: cny("50000"), effect: 2 },
        { name: "cheap", cost: cny("-10000"), effect: 1.5 },
        { name: "new", cost: cny("150000"), effect: 3 },
      ],
    });
    // usual vs cheap: 60,000/0.5 = 120,000; new vs usual: 100,000/1 = 100,000 → usual ED;
    // new vs cheap: 160,000/1.5 = 106,666.666… → 106,666.67
    expect(r.strategies[0]!.status).toBe("ED");
    expect(r.frontier.map((s) => s.name)).toEqual(["cheap", "new"]);
    expect(r.strategies[2]!.icer?.toString()).toBe("CNY 106666.67");
    expect(r.strategies[1]!.reference).toBeNull();
  });
});
