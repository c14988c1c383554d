import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runMarkovModel, runModelSubgroups, type RunModelSubgroupsInput } from "../../src/index.js";
import { issues } from "../typed-errors.js";

const model = {
  type: "markov" as const,
  states: ["Alive", "Dead"],
  initial: { Alive: 1 },
  cycles: 2,
  counting: "end" as const,
  transitions: [
    {
      matrix: {
        // p(death) = 0.1 × risk, halved for the biomarker-positive
        Alive: { Alive: "complement" as const, Dead: { mul: [0.1, { attr: "risk" }, { sub: [1, { mul: [0.5, { attr: "biomarker", is: "pos" }] }] }] } },
        Dead: { Dead: 1 },
      },
    },
  ],
  streams: { ly: { values: { Alive: 1 } }, cost: { values: { Alive: { mul: ["1000", { attr: "risk" }] } }, currency: "CNY" } },
};
const attributes = { risk: { type: "number" as const, min: 0 }, biomarker: { type: "category" as const, levels: ["pos", "neg"] } };

describe("subgroups in cohort models", () => {
  it("weighted result = hand-weighted per-subgroup results", () => {
    const r = runModelSubgroups({
      model,
      attributes,
      subgroups: [
        { name: "low risk, negative", weight: 3, attributes: { risk: 1, biomarker: "neg" } },
        { name: "high risk, positive", weight: 1, attributes: { risk: 2, biomarker: "pos" } },
      ],
    });
    // low: p = 0.1 → Alive 0.9, 0.81 → ly 1.71, cost 1000·1.71 = 1710
    // high: p = 0.1·2·0.5 = 0.1 → Alive 0.9, 0.81 → ly 1.71, cost 2000·1.71 = 3420
    expect(r.subgroups.map((g) => g.streams.ly?.total)).toEqual([expect.closeTo(1.71, 12), expect.closeTo(1.71, 12)]);
    expect(r.subgroups.map((g) => g.streams.cost?.money?.toString())).toEqual(["CNY 1710.00", "CNY 3420.00"]);
    // weights 3:1 → shares 0.75, 0.25: cost 0.75·1710 + 0.25·3420 = 1282.5 + 855 = 2137.5
    expect(r.subgroups.map((g) => g.share)).toEqual([0.75, 0.25]);
    expect(r.weighted.streams.cost?.total).toBeCloseTo(2137.5, 9);
    expect(r.weighted.streams.cost?.money?.toString()).toBe("CNY 2137.50");
    expect(r.weighted.trace[2]![0]).toBeCloseTo(0.81, 12);
    expect(r.explanation.map((s) => s.rule)).toEqual(["models.subgroups.table", "models.subgroups.weighted", "models.subgroups.weighted"]);
  });

  it("each subgroup equals the model run alone with those attributes fixed", () => {
    const r = runModelSubgroups({ model, attributes, subgroups: [{ name: "a", weight: 1, attributes: { risk: 3, biomarker: "neg" } }] });
    // risk 3 negative: p = 0.3 → 0.7, 0.49 → ly 1.19
    const alone = runMarkovModel({ ...model, transitions: [{ matrix: { Alive: { Alive: "complement", Dead: 0.30000000000000004 }, Dead: { Dead: 1 } } }], streams: { ly: { values: { Alive: 1 } } } });
    expect(r.subgroups[0]!.streams.ly?.total).toBe(alone.streams.ly?.total);
    expect(r.subgroups[0]!.trace).toEqual(alone.trace);
  });

  it("property: the weighted total is Σ wᵢxᵢ / Σ wᵢ and lies between the subgroup extremes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ w: fc.double({ min: 0.01, max: 100, noNaN: true }), risk: fc.double({ min: 0, max: 5, noNaN: true }) }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          const r = runModelSubgroups({ model, attributes, subgroups: rows.map((x, i) => ({ name: `g${i}`, weight: x.w, attributes: { risk: x.risk, biomarker: "pos" } })) });
          const W = rows.reduce((a, x) => a + x.w, 0);
          const hand = r.subgroups.reduce((a, g, i) => a + rows[i]!.w * g.streams.ly!.total, 0) / W;
          expect(r.weighted.streams.ly!.total).toBeCloseTo(hand, 10);
          const xs = r.subgroups.map((g) => g.streams.ly!.total);
          expect(r.weighted.streams.ly!.total).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-12);
          expect(r.weighted.streams.ly!.total).toBeLessThanOrEqual(Math.max(...xs) + 1e-12);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("partitioned survival models take subgroups too", () => {
    const r = runModelSubgroups({
      model: {
        type: "partitioned-survival",
        cycles: 12,
        timeUnit: "month",
        pfs: { type: "exponential", rate: { mul: [0.1, { attr: "risk" }] } },
        os: { type: "exponential", rate: { mul: [0.05, { attr: "risk" }] } },
        streams: { ly: { per: "year", values: { PF: 1, PD: 1 } } },
      },
      attributes: { risk: { type: "number", min: 0.1 } },
      subgroups: [{ name: "a", weight: 1, attributes: { risk: 1 } }, { name: "b", weight: 1, attributes: { risk: 2 } }],
    });
    expect(r.states).toEqual(["PF", "PD", "Dead"]);
    expect(r.weighted.streams.ly!.total).toBeCloseTo((r.subgroups[0]!.streams.ly!.total + r.subgroups[1]!.streams.ly!.total) / 2, 12);
  });

  it("bad input: an attribute the model does not know, unknown keys, weights ≤ 0, duplicate names", () => {
    const base: RunModelSubgroupsInput = { model, attributes, subgroups: [{ name: "a", weight: 1, attributes: { risk: 1, biomarker: "pos" } }] };
    expect(issues(() => runModelSubgroups({ ...base, subgroups: [{ name: "a", weight: 1, attributes: { risk: 1, biomarker: "pos", age: 60 } }] }))[0]).toMatchObject({
      path: ["subgroups", 0, "attributes", "age"],
      code: "unknown_reference",
    });
    expect(issues(() => runModelSubgroups({ ...base, attributes: { risk: attributes.risk } }))[0]).toMatchObject({ code: "unknown_reference" });
    expect(issues(() => runModelSubgroups({ ...base, subgroups: [{ name: "a", weight: 0, attributes: { risk: 1, biomarker: "pos" } }] }))[0]!.path).toEqual(["subgroups", 0, "weight"]);
    expect(issues(() => runModelSubgroups({ ...base, subgroups: [base.subgroups[0]!, base.subgroups[0]!] }))[0]!.path).toEqual(["subgroups"]);
    expect(issues(() => runModelSubgroups({ ...base, extra: true } as never))[0]!.code).toBe("unrecognized_keys");
    expect(issues(() => runModelSubgroups({ ...base, attributes: { __proto__x: { type: "number" } } as never }))[0]!.path[0]).toBe("attributes");
    expect(issues(() => runModelSubgroups({ ...base, subgroups: [{ name: "a", weight: 1, attributes: { risk: 1, biomarker: "maybe" } }] }))[0]).toMatchObject({ code: "unknown_reference" });
  });
});
