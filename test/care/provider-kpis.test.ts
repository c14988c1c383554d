// care.md §6 Provider KPI benchmarks (H16–H18), pooling properties and bad input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { benchmarkProviderKpi } from "../../src/index.js";
import { runs } from "../arbitraries.js";
import { domainError, issues } from "../typed-errors.js";

const one = (comparison: unknown, numerator: number, denominator: number) =>
  benchmarkProviderKpi({ kpi: { id: "k", comparison: comparison as never }, providers: [{ id: "P", numerator, denominator }] }).providers[0]!;

describe("care §6: provider KPIs", () => {
  it("H16: EGFR positivity against the provincial 0.25, low-is-bad: 16/200 flagged (d = −0.68), 44/200 not (d = −0.12)", () => {
    const ref = { kind: "reference", rate: 0.25, direction: "low-is-bad" };
    // 16/200 = 0.08; (0.08 − 0.25) / 0.25 = −0.68 ≤ −0.40 → flag
    expect(one(ref, 16, 200)).toMatchObject({ rate: "0.0800", reference: "0.2500", deviation: "-0.6800", status: "flagged", flagged: true });
    // 44/200 = 0.22; (0.22 − 0.25) / 0.25 = −0.12 > −0.40 → no flag
    expect(one(ref, 44, 200)).toMatchObject({ rate: "0.2200", deviation: "-0.1200", status: "ok", flagged: false });
  });

  it("H17: pathway deviation, target ≤ 0.05: 12/240 passes (= 0.0500, inclusive), 13/240 flagged (0.0542)", () => {
    const target = { kind: "target", atMost: 0.05 };
    // 12/240 = 0.05 exactly; 13/240 = 0.054166… → 0.0542
    expect(one(target, 12, 240)).toMatchObject({ rate: "0.0500", reference: null, deviation: null, status: "ok" });
    expect(one(target, 13, 240)).toMatchObject({ rate: "0.0542", status: "flagged" });
    // the ≥ side: 0.90 at least
    expect(one({ kind: "target", atLeast: 0.9 }, 27, 30).status).toBe("ok");
    expect(one({ kind: "target", atLeast: 0.9 }, 26, 30).status).toBe("flagged");
  });

  it("H18: 30-day readmission, high-is-bad, pooled: ref 80/800 = 0.1000; A +0.80 flagged; B, C not; D insufficientVolume", () => {
    const r = benchmarkProviderKpi({
      kpi: { id: "readmission30d", comparison: { kind: "pooled", direction: "high-is-bad" } },
      providers: [
        { id: "A", numerator: 36, denominator: 200 },
        { id: "B", numerator: 20, denominator: 250 },
        { id: "C", numerator: 19, denominator: 330 },
        { id: "D", numerator: 5, denominator: 20 },
      ],
    });
    // Σ = 36 + 20 + 19 + 5 = 80 over 200 + 250 + 330 + 20 = 800 (D included in the pool)
    expect(r.reference).toEqual({ numerator: "80", denominator: "800", rate: "0.1000" });
    // A 0.18: (0.18 − 0.1)/0.1 = +0.8; B 0.08: −0.2; C 19/330 = 0.05757… → 0.0576, d = −0.4242…; D 5/20 < 30 cases
    expect(r.providers.map((p) => [p.id, p.rate, p.deviation, p.status])).toEqual([
      ["A", "0.1800", "+0.8000", "flagged"],
      ["B", "0.0800", "-0.2000", "ok"],
      ["C", "0.0576", "-0.4242", "ok"],
      ["D", "0.2500", null, "insufficientVolume"],
    ]);
    expect(r.flagged).toEqual(["A"]);
    expect(r.insufficientVolume).toEqual(["D"]);
    expect(r.explanation.map((x) => x.rule)).toEqual(["care.kpi.rule", "care.kpi.flagged", "care.kpi.ok", "care.kpi.ok", "care.kpi.insufficient-volume"]);
    expect(r.explanation[0]!.text).toContain("pooled rate 80/800 = 0.1000");
  });

  it("the ±0.40 line is inclusive and exact; the threshold, the minimum volume and pooling are parameters", () => {
    const low = { kind: "reference", rate: 0.25, direction: "low-is-bad" };
    // 0.15 = 0.25 × 0.6: d = −0.40 exactly → flagged; 0.1501 → not
    expect(one(low, 15, 100).flagged).toBe(true);
    expect(one(low, 1501, 10000).flagged).toBe(false);
    const high = { kind: "reference", rate: 0.25, direction: "high-is-bad" };
    expect(one(high, 35, 100).flagged).toBe(true); // d = +0.40
    expect(one({ ...high, deviation: 0.5 }, 35, 100).flagged).toBe(false);
    const thin = benchmarkProviderKpi({ kpi: { id: "k", comparison: high as never }, providers: [{ id: "P", numerator: 9, denominator: 20 }], minimumVolume: 20 });
    expect(thin.providers[0]!.status).toBe("flagged");
    const others = benchmarkProviderKpi({
      kpi: { id: "k", comparison: { kind: "pooled", direction: "high-is-bad", pool: "others" } },
      providers: [{ id: "A", numerator: 36, denominator: 200 }, { id: "B", numerator: 44, denominator: 600 }],
    });
    // A vs B only: 44/600; (0.18 − 0.07333…)/0.07333… = 1.4545… ; B vs A: (0.07333 − 0.18)/0.18 = −0.5926
    expect(others.providers.map((p) => [p.reference, p.deviation])).toEqual([["0.0733", "+1.4545"], ["0.1800", "-0.5926"]]);
  });

  it("provider ids such as __proto__ and constructor work; results keep the input order", () => {
    const r = benchmarkProviderKpi({
      kpi: { id: "k", comparison: { kind: "pooled", direction: "low-is-bad" } },
      providers: [{ id: "__proto__", numerator: 10, denominator: 100 }, { id: "constructor", numerator: 30, denominator: 100 }, { id: "toString", numerator: 20, denominator: 100 }],
    });
    expect(r.providers.map((p) => p.id)).toEqual(["__proto__", "constructor", "toString"]);
    expect(r.reference?.rate).toBe("0.2000");
    expect(r.flagged).toEqual(["__proto__"]); // 0.10 vs 0.20: d = −0.50
    expect(Object.getPrototypeOf(r.providers[0])).toBe(Object.prototype);
  });

  it("property: pooling is independent of the order providers are listed in, and deterministic", () => {
    const provider = fc.integer({ min: 0, max: 500 }).chain((m) => fc.record({ numerator: fc.integer({ min: 0, max: m }), denominator: fc.constant(m) }));
    fc.assert(
      fc.property(
        fc.array(provider, { minLength: 1, maxLength: 12 }).chain((ps) => {
          const withIds = ps.map((p, i) => ({ id: `H${i}`, ...p }));
          return fc.tuple(fc.constant(withIds), fc.shuffledSubarray(withIds, { minLength: withIds.length, maxLength: withIds.length }), fc.constantFrom("low-is-bad", "high-is-bad"), fc.constantFrom("all", "others"));
        }),
        ([ps, shuffled, direction, pool]) => {
          const run = (list: typeof ps) => {
            try {
              return benchmarkProviderKpi({ kpi: { id: "k", comparison: { kind: "pooled", direction, pool } }, providers: list });
            } catch (e) {
              return (e as { code?: string }).code ?? "error";
            }
          };
          const a = run(ps);
          const b = run(shuffled);
          if (typeof a === "string") {
            expect(b).toBe(a);
            return;
          }
          if (typeof b === "string") throw new Error(`order changed the outcome: ${b}`);
          const byId = (r: typeof a) => new Map(r.providers.map((p) => [p.id, p]));
          expect(b.reference).toEqual(a.reference);
          const ma = byId(a);
          for (const p of b.providers) expect(p).toEqual(ma.get(p.id));
          expect(JSON.stringify(run(ps))).toBe(JSON.stringify(a));
          // the pooled reference is Σn/Σm of everyone, the thin providers included
          if (pool === "all") {
            const n = ps.reduce((s, p) => s + p.numerator, 0);
            const m = ps.reduce((s, p) => s + p.denominator, 0);
            expect(a.reference).toMatchObject({ numerator: String(n), denominator: String(m) });
          }
        },
      ),
      { numRuns: runs(300) },
    );
  });
});

describe("care §6: bad input", () => {
  const base = { kpi: { id: "k", comparison: { kind: "pooled" as const, direction: "high-is-bad" as const } } };
  it("a numerator above its denominator: ValidationError at providers[i].numerator", () => {
    expect(issues(() => benchmarkProviderKpi({ ...base, providers: [{ id: "A", numerator: 5, denominator: 40 }, { id: "B", numerator: 41, denominator: 40 }] }))[0]!.path).toEqual(["providers", 1, "numerator"]);
  });
  it("duplicate ids, unknown keys, fractional or negative counts, a rate outside [0, 1], both or neither target bound", () => {
    expect(issues(() => benchmarkProviderKpi({ ...base, providers: [{ id: "A", numerator: 1, denominator: 40 }, { id: "A", numerator: 1, denominator: 40 }] }))[0]!.path).toEqual(["providers", 1, "id"]);
    expect(issues(() => benchmarkProviderKpi({ ...base, providers: [{ id: "A", numerator: 1, denominator: 40, region: "x" } as never] }))[0]!.path).toEqual(["providers", 0, "region"]);
    expect(issues(() => benchmarkProviderKpi({ ...base, providers: [{ id: "A", numerator: 1.5, denominator: 40 }] }))[0]!.path).toEqual(["providers", 0, "numerator"]);
    expect(issues(() => benchmarkProviderKpi({ ...base, providers: [{ id: "A", numerator: -1, denominator: 40 }] }))[0]!.path).toEqual(["providers", 0, "numerator"]);
    expect(issues(() => one({ kind: "reference", rate: 25, direction: "low-is-bad" }, 1, 40))[0]!.path).toEqual(["kpi", "comparison", "rate"]);
    expect(issues(() => one({ kind: "reference", rate: 0, direction: "low-is-bad" }, 1, 40))[0]!.path).toEqual(["kpi", "comparison", "rate"]);
    expect(issues(() => one({ kind: "target", atMost: 0.05, atLeast: 0.01 }, 1, 40))[0]!.path).toEqual(["kpi", "comparison", "atMost"]);
    expect(issues(() => one({ kind: "target" }, 1, 40))[0]!.path).toEqual(["kpi", "comparison", "atMost"]);
    expect(issues(() => one({ kind: "median" }, 1, 40))[0]!.path).toEqual(["kpi", "comparison", "kind"]);
  });
  it("a pooled rate of 0 (or no cases at all) makes every deviation undefined: UNDEFINED_RESULT", () => {
    const e = domainError(() => benchmarkProviderKpi({ ...base, providers: [{ id: "A", numerator: 0, denominator: 40 }] }));
    expect([e.code, e.path]).toEqual(["UNDEFINED_RESULT", ["providers"]]);
  });
});
