// Worked-example contracts of spec/contracts.md, written as the JSON a payer backend stores.

export const K1 = {
  id: "K1-cart-40-30-30",
  name: "CAR-T milestone schedule 40/30/30",
  currency: "CNY",
  price: "1200000.00",
  payment: {
    type: "schedule",
    installments: [
      { id: "at-infusion", share: "0.4", due: { months: 0 } },
      { id: "month-3", share: "0.3", due: { months: 3 }, conditions: [{ type: "none", events: ["crs"] }] },
      { id: "month-6", share: "0.3", due: { months: 6 }, conditions: [{ type: "none", events: ["relapse"] }] },
    ],
  },
};

export const K2 = {
  id: "K2-60-40-pfs",
  currency: "CNY",
  price: "1200000.00",
  payment: {
    type: "schedule",
    installments: [
      { share: "0.6", due: { months: 0 } },
      { share: "0.4", due: { months: 6 }, conditions: [{ type: "none", events: ["progression"] }] },
    ],
  },
};

const k3Conditions = [{ type: "none", events: ["death", "relapse", "seriousAdverseEvent"] }];
export const K3 = {
  id: "K3-cms-cart",
  currency: "USD",
  price: "373000.00",
  payment: {
    type: "schedule",
    installments: [1, 3, 6, 12].map((m) => ({ id: `month-${m}`, share: "0.25", due: { months: m }, conditions: k3Conditions })),
  },
  // Corrections C1: the fraction f is the contract's (here the cap itself), 0 ≤ f ≤ cap = 0.5.
  refunds: [{ type: "clawback", id: "death-or-relapse", trigger: ["death", "relapse"], within: { months: 12 }, clawbackFraction: "0.5", cap: "0.5" }],
};

export function k4(retroactive: boolean) {
  return {
    id: `K4-per-month${retroactive ? "-retro" : ""}`,
    currency: "CNY",
    price: "20000",
    payment: { type: "perTreatedMonth", stopOn: ["progression"] },
    bonuses: [
      {
        type: "perTreatedMonth",
        id: "pfs-6m-bonus",
        amount: "5000",
        assessAt: { months: 6 },
        conditions: [{ type: "none", events: ["progression"], label: "progression-free survival ≥ 6 months" }],
        fromMonth: 7,
        retroactive,
      },
    ],
    refunds: [{ type: "refund", id: "progression-refund", trigger: ["progression"], share: "0.5" }],
  };
}

export const K7 = {
  id: "K7-improvement",
  currency: "CNY",
  price: "2000000",
  payment: {
    type: "schedule",
    installments: [
      { share: "0.5", due: { months: 0 } },
      { share: "0.5", due: { months: 12 }, conditions: [{ type: "some", events: ["improvement"] }] },
    ],
  },
};

export const K10 = {
  id: "K10-spain-cart",
  currency: "EUR",
  price: "320000",
  payment: {
    type: "schedule",
    installments: [
      { share: "0.52", due: { months: 0 } },
      {
        share: "0.48",
        due: { months: 18 },
        conditions: [
          { type: "some", events: [{ kind: "assessment", responses: ["CR", "PR"] }], label: "a response (CR/PR) was seen" },
          { type: "none", events: ["progression", "relapse"], label: "the response holds (no progression or relapse)" },
        ],
      },
    ],
  },
};

export function k12(periodicRate: string, stopAtFailure: boolean) {
  return {
    id: "K12-financing",
    currency: "USD",
    price: "2125000",
    payment: {
      type: "financing",
      periodicRate,
      periods: 5,
      intervalMonths: 12,
      firstDue: { months: 0 },
      conditions: stopAtFailure ? [{ type: "none", events: ["progression", "relapse", "death"], label: "the therapy keeps working" }] : [],
    },
  };
}

/** K6 as the source wrote it: nothing between 40% and 60%. */
export const K6_SOURCE_TABLE = {
  domain: { min: 0, max: 1 },
  bands: [
    { from: "0.8", to: "1", value: "1" },
    { from: "0.6", to: "0.8", value: "0.7" },
    { from: "0", to: "0.4", value: "0" },
  ],
};

export const K6_TABLE = {
  domain: { min: 0, max: 1 },
  bands: [...K6_SOURCE_TABLE.bands, { from: "0.4", to: "0.6", value: "0.4" }],
};
