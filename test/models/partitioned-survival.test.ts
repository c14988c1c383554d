import { describe, expect, it } from "vitest";
import {
  ValidationError,
  evaluateSurvivalCurve,
  formatExplanation,
  runPartitionedSurvival,
  type RunPartitionedSurvivalInput,
} from "../../src/index.js";
import { caught } from "../typed-errors.js";

const ps1: RunPartitionedSurvivalInput = {
  cycles: 24,
  timeUnit: "month",
  pfs: { type: "exponential", rate: 0.1 },
  os: { type: "exponential", rate: 0.05 },
  streams: {
    qaly: { per: "year", values: { PF: 0.8, PD: 0.6 } },
    cost: { values: { PF: "20000", PD: "5000" }, currency: "CNY" },
  },
};


describe("Partitioned survival — spec PS1", () => {
  it("PS1: time in PF 9.100397 months, in PD 4.878631 months, QALY 0.850625, cost CNY 206,401.08", () => {
    const r = runPartitionedSurvival(ps1);
    // Trapezoid on the monthly grid: Σ_{k=0}^{23} (S(k) + S(k+1))/2 = (1 + e^−r)/2 · (1 − e^−24r)/(1 − e^−r).
    const auc = (rate: number) => ((1 + Math.exp(-rate)) / 2) * ((1 - Math.exp(-24 * rate)) / (1 - Math.exp(-rate)));
    // PF: r = 0.1 → 0.952419 · 0.909282 / 0.095163 = 9.100397
    expect(r.timeInState.PF).toBeCloseTo(9.100397, 6);
    expect(r.timeInState.PF).toBeCloseTo(auc(0.1), 12);
    // PD: AUC(OS) − AUC(PFS) = 13.979028 − 9.100397 = 4.878631 (OS ≥ PFS throughout, so no flooring)
    expect(r.timeInState.PD).toBeCloseTo(4.878631, 6);
    expect(r.timeInState.PD).toBeCloseTo(auc(0.05) - auc(0.1), 12);
    // QALY = (0.8·9.100397 + 0.6·4.878631)/12 = (7.280318 + 2.927179)/12 = 0.850625
    expect(r.streams.qaly?.total).toBeCloseTo(0.850625, 6);
    // cost = 20000·9.100397 + 5000·4.878631 = 182007.93 + 24393.15 = 206401.08
    expect(r.streams.cost?.money?.total.toString()).toBe("CNY 206401.08");
    expect(r.warnings).toEqual([]);
    expect(r.occupancy.PF[0]).toBe(1);
    expect(r.occupancy.Dead[24]).toBeCloseTo(1 - Math.exp(-1.2), 12);
  });

  it("PS1 explanation reads the state definitions and the areas", () => {
    const text = formatExplanation(runPartitionedSurvival(ps1).explanation);
    expect(text).toContain("PD = max(0, S_OS(t) − S_PFS(t))");
    expect(text).toContain("PF 9.100397");
    expect(text).toContain("CNY 206401.08");
  });
});

describe("Survival curves: parameterisations as written in the spec", () => {
  const at = (curve: Parameters<typeof evaluateSurvivalCurve>[0]["curve"], t: number) => evaluateSurvivalCurve({ curve, times: [t] }).survival[0] as number;
  it("exponential S(t) = exp(−rate·t)", () => {
    expect(at({ type: "exponential", rate: 0.1 }, 10)).toBeCloseTo(Math.exp(-1), 14);
  });
  it("Weibull S(t) = exp(−(t/scale)^shape)", () => {
    // (5/10)^2 = 0.25
    expect(at({ type: "weibull", shape: 2, scale: 10 }, 5)).toBeCloseTo(Math.exp(-0.25), 14);
    expect(at({ type: "weibull", shape: 2, scale: 10 }, 0)).toBe(1);
  });
  it("log-logistic S(t) = 1 / (1 + (t/scale)^shape)", () => {
    expect(at({ type: "log-logistic", shape: 2, scale: 10 }, 10)).toBeCloseTo(0.5, 14);
    expect(at({ type: "log-logistic", shape: 2, scale: 10 }, 20)).toBeCloseTo(0.2, 14);
  });
  it("log-normal S(t) = 1 − Φ((ln t − meanlog)/sdlog)", () => {
    expect(at({ type: "log-normal", meanlog: Math.log(10), sdlog: 1 }, 10)).toBeCloseTo(0.5, 14);
    // 1 − Φ(1) = 0.158655253931457
    expect(at({ type: "log-normal", meanlog: Math.log(10), sdlog: 1 }, 10 * Math.E)).toBeCloseTo(0.158655253931457, 13);
    // 1 − Φ(−2) = 0.977249868051821
    expect(at({ type: "log-normal", meanlog: 0, sdlog: 0.5 }, Math.exp(-1))).toBeCloseTo(0.977249868051821, 13);
  });
  it("Gompertz S(t) = exp(−(rate/shape)(e^(shape·t) − 1)), shape of either sign", () => {
    expect(at({ type: "gompertz", shape: 0.1, rate: 0.05 }, 10)).toBeCloseTo(Math.exp(-0.5 * (Math.E - 1)), 14);
    expect(at({ type: "gompertz", shape: -0.1, rate: 0.05 }, 10)).toBeCloseTo(Math.exp(0.5 * (Math.exp(-1) - 1)), 14);
  });
  it("Kaplan–Meier step table: 1 before the first time, right-continuous steps, last value carried forward", () => {
    const km = { type: "kaplan-meier" as const, times: [2, 6, 12], survival: [0.95, 0.8, 0.5] };
    expect(evaluateSurvivalCurve({ curve: km, times: [0, 1.99, 2, 5.9, 6, 11, 12, 100] }).survival).toEqual([1, 1, 0.95, 0.95, 0.8, 0.8, 0.5, 0.5]);
  });
  it("curve parameters may reference model parameters", () => {
    const r = evaluateSurvivalCurve({
      curve: { type: "exponential", rate: { mul: [0.1, { param: "hr" }] } },
      times: [10],
      parameters: { hr: { value: 0.5 } },
    });
    expect(r.survival[0]).toBeCloseTo(Math.exp(-0.5), 14);
  });
});

describe("Partitioned survival: crossing curves and bad input", () => {
  it("PFS above OS: PD floored at 0 and a warning names where", () => {
    const r = runPartitionedSurvival({ ...ps1, pfs: { type: "exponential", rate: 0.05 }, os: { type: "exponential", rate: 0.1 } });
    expect(r.occupancy.PD.every((x) => x === 0)).toBe(true);
    expect(r.crossings[0]).toBe(1);
    expect(r.crossings).toHaveLength(24);
    expect(r.warnings[0]).toContain("PFS lies above OS");
    expect(formatExplanation(r.explanation)).toContain("Warning");
  });
  it("invalid curve parameters name the parameter", () => {
    const e = caught(() => runPartitionedSurvival({ ...ps1, pfs: { type: "weibull", shape: -1, scale: 10 } }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]?.path).toEqual(["pfs", "shape"]);
    const e2 = caught(() => runPartitionedSurvival({ ...ps1, os: { type: "exponential", rate: 0 } }));
    expect((e2 as ValidationError).issues[0]?.path).toEqual(["os", "rate"]);
    const e3 = caught(() => runPartitionedSurvival({ ...ps1, os: { type: "log-normal", meanlog: 1, sdlog: 0 } }));
    expect((e3 as ValidationError).issues[0]?.path).toEqual(["os", "sdlog"]);
    const e4 = caught(() => runPartitionedSurvival({ ...ps1, os: { type: "gompertz", shape: 0.1, rate: -1 } }));
    expect((e4 as ValidationError).issues[0]?.path).toEqual(["os", "rate"]);
  });
  it("Kaplan–Meier tables that rise, go backwards in time or disagree in length", () => {
    const e = caught(() => runPartitionedSurvival({ ...ps1, pfs: { type: "kaplan-meier", times: [0, 6, 12], survival: [1, 0.7, 0.8] } }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]?.path).toEqual(["pfs", "survival", 2]);
    const e2 = caught(() => runPartitionedSurvival({ ...ps1, pfs: { type: "kaplan-meier", times: [0, 6, 6], survival: [1, 0.7, 0.6] } }));
    expect((e2 as ValidationError).issues[0]?.path).toEqual(["pfs", "times", 2]);
    const e3 = caught(() => runPartitionedSurvival({ ...ps1, pfs: { type: "kaplan-meier", times: [0, 6], survival: [1] } }));
    expect((e3 as ValidationError).issues[0]?.path).toEqual(["pfs", "survival"]);
    const e4 = caught(() => runPartitionedSurvival({ ...ps1, pfs: { type: "kaplan-meier", times: [0, 6], survival: [1, 1.2] } }));
    expect((e4 as ValidationError).issues[0]?.path).toEqual(["pfs", "survival", 1]);
  });
  it("unknown states in value tables, negative cycles, unknown curve types", () => {
    const e = caught(() => runPartitionedSurvival({ ...ps1, streams: { cost: { values: { Progressed: 1 } } } }));
    expect((e as ValidationError).issues[0]?.path).toEqual(["streams", "cost", "values", "Progressed"]);
    const e2 = caught(() => runPartitionedSurvival({ ...ps1, cycles: -1 }));
    expect((e2 as ValidationError).issues[0]?.path).toEqual(["cycles"]);
    const e3 = caught(() => runPartitionedSurvival({ ...ps1, pfs: { type: "piecewise", rate: 1 } } as unknown as RunPartitionedSurvivalInput));
    expect(e3).toBeInstanceOf(ValidationError);
    expect((e3 as ValidationError).issues[0]?.path).toEqual(["pfs", "type"]);
  });
});
