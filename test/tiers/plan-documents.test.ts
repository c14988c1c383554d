// Plan documents: what parseLayers accepts, builds and rejects, with paths.
// Exact behaviour (wording, limits, paths) first pinned by the mutation runs; amounts worked by hand (1 CNY = 100 fen).
import { describe, expect, it } from "vitest";
import {
  ValidationError,
  isCoveragePlan,
  parseLayers,
  splitBill,
} from "../../src/index.js";
import { caught, domainError, issues, subMinorUnit, validationMessage } from "../typed-errors.js";


describe("parseLayers", () => {
  it("defaults ids, names, basis and cover, and brands the plan", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", rate: 0.5 }, { kind: "commercial", rate: 0.5, name: "HMB", sumInsured: "100" }] });
    expect(isCoveragePlan(plan)).toBe(true);
    expect(isCoveragePlan({ currency: "CNY", layers: [] })).toBe(false);
    expect(isCoveragePlan(null)).toBe(false);
    expect(parseLayers(plan)).toBe(plan);
    expect(plan.currency).toBe("CNY");
    expect(plan.scale).toBe(2);
    expect(plan.rounding).toBe("half-up");
    expect(plan.layers.map((l) => [l.id, l.name, l.basis, l.covers, l.cap])).toEqual([
      ["basic-1", "Basic medical insurance (基本医保)", "remaining", "catalogue", null],
      ["commercial-2", "HMB", "remaining", "all", 10000n],
    ]);
    expect(parseLayers({ currency: "JPY", layers: [] }).scale).toBe(0);
  });

  it("collects layer problems with their paths", () => {
    expect(
      issues(() =>
        parseLayers({ currency: "CNY", layers: [
          { kind: "basic", id: "a", rate: 0.5 },
          { kind: "basic", id: "a", rate: 0.5 },
          { kind: "commercial", id: "c", rate: 0.5, cap: "10", sumInsured: "10" },
          { kind: "supplementary", id: "s" },
          { kind: "assistance", id: "x" },
          { kind: "pool", id: "p", funders: [{ id: "f", share: 0.7 }, { id: "f", share: 0.5 }] },
          { kind: "pool", id: "q", funders: [{ id: "g", share: 0 }] },
        ] }),
      ),
    ).toEqual([
      { path: ["layers", 1, "id"], code: "duplicate_id", message: 'layer id "a" is already used by layers[0]' },
      { path: ["layers", 2, "sumInsured"], code: "conflict", message: "give the sum insured or the cap, not both" },
      { path: ["layers", 3, "rate"], code: "invalid_layer", message: "a supplementary layer needs either a rate or progressive bands (exactly one)" },
      { path: ["layers", 4, "groupRates"], code: "invalid_layer", message: "an assistance layer needs group rates, a rate, or both" },
      { path: ["layers", 5, "funders"], code: "too_big", message: "the funders' shares add up to 1.2, more than the whole (1)" },
      { path: ["layers", 5, "funders", 1, "id"], code: "duplicate_id", message: 'funder id "f" appears twice' },
      { path: ["layers", 6, "funders"], code: "too_small", message: "at least one funder needs a positive share" },
    ]);
    // A supplementary layer with both a rate and bands is refused too; shares adding to exactly 1 are fine.
    expect(issues(() => parseLayers({ currency: "CNY", layers: [{ kind: "supplementary", rate: 0.5, bands: { bands: [{ from: 0, to: null, value: 0.5 }] } }] }))[0]!.path).toEqual(["layers", 0, "rate"]);
    expect(parseLayers({ currency: "CNY", layers: [{ kind: "pool", funders: [{ id: "f", share: 0.5 }, { id: "g", share: 0.5 }] }] }).layers[0]!.id).toBe("pool-1");
  });

  it("progressive bands must cover [0, +∞)", () => {
    const bad = (bands: unknown) => domainError(() => parseLayers({ currency: "CNY", layers: [{ kind: "supplementary", bands: { bands } }] }));
    const e = bad([{ from: "100", to: null, value: 0.5 }]);
    expect(e.code).toBe("BAND_COVERAGE");
    expect(e.message).toBe("layers[0].bands: progressive bands run over the year's amount above the threshold and must cover [0, +∞)");
    expect(bad([{ from: 0, to: "100", value: 0.5 }]).code).toBe("BAND_COVERAGE");
    expect(bad([{ from: null, to: null, value: 0.5 }]).code).toBe("BAND_COVERAGE");
    // Bounds finer than the currency are refused.
    expect(subMinorUnit(() => parseLayers({ currency: "CNY", layers: [{ kind: "supplementary", bands: { bands: [{ from: 0, to: "0.001", value: 0.5 }, { from: "0.001", to: null, value: 0.6 }] } }] })).code).toBe("sub_minor_unit");
  });
});

describe("parseLayers: documents and their errors", () => {
  it("isCoveragePlan looks for the brand on objects only, and a copy of a plan is not a plan", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", rate: 0.5 }] });
    const brand = Symbol.for("precision-vbp.tiers.coveragePlan");
    expect(isCoveragePlan(Object.assign(() => 0, { [brand]: true }))).toBe(false);
    // The brand is not enumerable, so a spread copy loses it.
    expect(isCoveragePlan({ ...plan })).toBe(false);
    // L1: the brand is no longer a global Symbol.for, so it cannot be forged on a document.
    expect(Object.getOwnPropertyDescriptor(plan, brand)).toBeUndefined();
    expect(isCoveragePlan(Object.defineProperty({ ...plan }, brand, { value: true }))).toBe(false);
  });

  it("a basic layer stays basic, and a commercial layer may give only a cap", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "b", rate: 0.5 }, { kind: "commercial", id: "c", rate: 0.5, cap: "10" }] });
    expect(plan.layers.map((l) => [l.kind, l.cap])).toEqual([
      ["basic", null],
      ["commercial", 1000n], // 10 CNY = 1,000 fen
    ]);
    expect(splitBill({ plan, bill: "10" }).layers[0]!.rule).toBe("tiers.basic.coinsurance");
  });

  it("layer amounts finer than the fen name their field and what they are", () => {
    const cases: [unknown, (string | number)[], string][] = [
      [{ kind: "basic", rate: 0.5, deductible: "0.001" }, ["layers", 0, "deductible"], "layers[0].deductible: the deductible 0.001 has more decimals than the currency's 2"],
      [{ kind: "commercial", rate: 0.5, sumInsured: "0.001" }, ["layers", 0, "sumInsured"], "layers[0].sumInsured: the sum insured 0.001 has more decimals than the currency's 2"],
      [{ kind: "commercial", rate: 0.5, deductible: "0.001" }, ["layers", 0, "deductible"], "layers[0].deductible: the deductible 0.001 has more decimals than the currency's 2"],
      [{ kind: "supplementary", rate: 0.5, threshold: "0.001" }, ["layers", 0, "threshold"], "layers[0].threshold: the threshold 0.001 has more decimals than the currency's 2"],
      [
        { kind: "supplementary", bands: { bands: [{ from: 0, to: "0.001", value: 0.5 }, { from: "0.001", to: null, value: 0.6 }] } },
        ["layers", 0, "bands", "bands", 0, "to"],
        "layers[0].bands.bands[0].to: a band bound 0.001 has more decimals than the currency's 2",
      ],
    ];
    for (const [layer, path, message] of cases) {
      const e = subMinorUnit(() => parseLayers({ currency: "CNY", layers: [layer] }));
      expect([e.code, e.path, e.message]).toEqual(["sub_minor_unit", path, message]);
    }
  });

  it("plan errors are raised in parseLayers' name", () => {
    expect(validationMessage(() => parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "a", rate: 0.5 }, { kind: "basic", id: "a", rate: 0.5 }] }))).toBe(
      'parseLayers: invalid input — layers[1].id: layer id "a" is already used by layers[0]',
    );
    expect(validationMessage(() => parseLayers({ currency: "CNY", layers: 5 })).startsWith("parseLayers: invalid input — layers: ")).toBe(true);
  });
});
