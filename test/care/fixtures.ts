import type { ListingInput } from "../../src/index.js";

// Worked-example documents of care.md §1–4, as a backend would store them (plain JSON).
export const H1_LISTING: ListingInput = {
  technology: "CAR-T (H1)",
  currency: "CNY",
  price: "15000",
  priceUnit: "month",
  ratio: "0.70",
  entry: { kind: "formal", formalFrom: "2024-02-29" },
};

export const H2_LISTING: ListingInput = {
  technology: "gene therapy (H2)",
  currency: "CNY",
  price: "15000",
  ratio: "0.70",
  entry: { kind: "provisional", listedOn: "2025-08-31", fastTrack: true },
  decisions: [{ kind: "admit", decidedOn: "2026-03-05" }],
};

export const H3_LISTING: ListingInput = {
  ...H1_LISTING,
  technology: "CAR-T (H3)",
  decisions: [
    { kind: "adjustRate", decidedOn: "2026-02-20", ratio: "0.80" },
    { kind: "renegotiate", decidedOn: "2028-02-15", newPrice: { price: "12750", effectiveFrom: "2028-07-01" } },
    { kind: "delist", decidedOn: "2030-02-01" },
  ],
};

export const H5_SCHEDULE = {
  assessments: [
    { type: "imaging", intervalMonths: 3, count: 4 },
    { type: "geneticTest", intervalMonths: 3, count: 4 },
  ],
};

export const H5_EVENTS = [
  { type: "imaging", date: "2026-04-20" },
  { type: "imaging", date: "2026-08-05" },
  { type: "imaging", date: "2026-10-10" },
  { type: "geneticTest", date: "2026-04-20" },
  { type: "geneticTest", date: "2026-07-15" },
  { type: "geneticTest", date: "2026-10-10" },
];

const feb = Array.from({ length: 28 }, (_, i) => `2026-02-${String(i + 1).padStart(2, "0")}`);

/** H7: a January check-in, a reading every day of February 2026 (two on 02-05), six check-ins. */
export const H7_EVENTS = [
  { kind: "dietCheckIn", date: "2026-01-28" },
  ...feb.map((date) => ({ kind: "glucoseReading", date })),
  { kind: "glucoseReading", date: "2026-02-05" },
  ...["01", "02", "04", "10", "16", "23"].map((d) => ({ kind: "dietCheckIn", date: `2026-02-${d}` })),
];
