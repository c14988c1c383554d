// Shared documents of the sensitivity tests: models whose outcomes are worked by hand.

/** A one-cycle, one-state Markov model: cost = `cost`, QALYs = `u` (undiscounted, counting at the beginning). */
export function oneCycle(cost: unknown, u: unknown) {
  return {
    type: "markov" as const,
    states: ["Alive"],
    initial: { Alive: 1 },
    cycles: 1,
    counting: "beginning" as const,
    transitions: [{ matrix: { Alive: { Alive: 1 } } }],
    streams: { qaly: { values: { Alive: u } }, cost: { values: { Alive: cost }, currency: "CNY" } },
  };
}

/**
 * Std: cost cStd, 0.5 QALY. New: cost drug, u QALYs. At λ = 100,000:
 * incremental NMB of New vs Std = 100,000·(u − 0.5) − (drug − cStd).
 */
export const linearSource = {
  type: "model" as const,
  parameters: { drug: { value: 30000 }, u: { value: 0.8 }, cStd: { value: 10000 } },
  strategies: [
    { name: "Std", model: oneCycle({ param: "cStd" }, 0.5) },
    { name: "New", model: oneCycle({ param: "drug" }, { param: "u" }) },
  ],
};

export const cny = (amount: string) => ({ amount, currency: "CNY" });

/** A three-state Markov model (Healthy, Sick, Dead) with a treatment effect and a drug cost. */
export function threeState(treated: boolean) {
  return {
    type: "markov" as const,
    states: ["Healthy", "Sick", "Dead"],
    initial: { Healthy: 1 },
    cycles: 10,
    counting: "life-table" as const,
    transitions: [
      {
        matrix: {
          Healthy: { Healthy: "complement" as const, Sick: treated ? { mul: [{ param: "pHS" }, { param: "rr" }] } : { param: "pHS" }, Dead: 0.01 },
          Sick: { Sick: "complement" as const, Dead: { param: "pSD" } },
          Dead: { Dead: 1 },
        },
      },
    ],
    streams: {
      qaly: { values: { Healthy: 1, Sick: { param: "uSick" } }, discountRate: 0.03 },
      cost: { values: { Healthy: treated ? { add: [500, { param: "drug" }] } : 500, Sick: { param: "cSick" } }, discountRate: 0.03, currency: "CNY" },
    },
  };
}

export const threeStateParameters = {
  pHS: { value: 0.1, distribution: { type: "beta" as const, alpha: 10, beta: 90 } },
  pSD: { value: 0.2, distribution: { type: "beta" as const, alpha: 20, beta: 80 } },
  rr: { value: 0.6, distribution: { type: "lognormal" as const, meanlog: Math.log(0.6), sdlog: 0.1 } },
  uSick: { value: 0.6, distribution: { type: "beta" as const, alpha: 60, beta: 40 } },
  cSick: { value: 8000, distribution: { type: "gamma" as const, shape: 100, scale: 80 } },
  drug: { value: 2000, distribution: { type: "gamma" as const, shape: 100, scale: 20 } },
};
