// Agreements written in their own terms: declared outcome kinds, deadlines, per-cycle pricing.

/** A one-off gene therapy paid at infusion; 80% back if transfusion independence is never shown by month 24. */
export function geneTherapy(ifMissing: "met" | "missed" = "missed") {
  return {
    id: "GT-TI-24",
    currency: "USD",
    price: "2800000.00",
    outcomes: { transfusionIndependence: { label: "transfusion-independence assessment", attributes: { independent: { type: "boolean" } } } },
    payment: { type: "schedule", installments: [{ id: "at-infusion", share: "1", due: { months: 0 } }] },
    refunds: [
      {
        type: "deadlineRefund",
        id: "ti-by-24m",
        by: { months: 24 },
        milestone: { type: "some", events: [{ kind: "transfusionIndependence", where: { independent: { equals: true } } }] },
        assessment: { events: ["transfusionIndependence"], ifMissing },
        share: "0.8",
      },
    ],
  };
}

/** Italian-style: EUR 4,000 a cycle, half price for the first 2 (cost sharing), paid at result for responders, at most 5 paid cycles. */
export function italianDrug(pay: "atResult" | "upfront" = "atResult") {
  return {
    id: "IT-CS-PAR",
    currency: "EUR",
    price: "4000.00",
    outcomes: { cycleAdministered: { attributes: { cycle: { type: "integer", min: 1 } } } },
    payment: {
      type: "perCycle",
      cycle: ["cycleAdministered"],
      costSharing: { firstCycles: 2, discount: "0.5" },
      maxPaidCycles: 5,
      result: {
        assessment: ["assessment"],
        responder: [{ kind: "assessment", responses: ["CR", "PR"] }],
        by: { months: 3 },
        ifMissing: "nonResponder",
        pay,
        ...(pay === "upfront" ? { nonResponderRefund: "0.5" } : {}),
      },
    },
  };
}

export const CYCLE_DATES = ["2026-01-05", "2026-01-26", "2026-02-16", "2026-03-09", "2026-03-30", "2026-04-20", "2026-05-11"];

/** Cycles of {@link italianDrug} with an assessment on 2026-03-02 (or none). */
export function italianEvents(response: "CR" | "PR" | "SD" | "PD" | null) {
  const events: { kind: string; date: string; response?: string; attributes?: Record<string, number> }[] = [{ kind: "treatmentStart", date: "2026-01-05" }];
  CYCLE_DATES.forEach((date, k) => {
    if (response !== null && date > "2026-03-02" && !events.some((e) => e.kind === "assessment")) events.push({ kind: "assessment", date: "2026-03-02", response });
    events.push({ kind: "cycleAdministered", date, attributes: { cycle: k + 1 } });
  });
  return events;
}

/** Half at infusion, half at month 18 if transfusion independence was sustained 12 months and at most 1 hospitalisation of ≥ 2 days. */
export const SICKLE_CELL = {
  id: "SCD-SUSTAINED",
  currency: "USD",
  price: "3000000.00",
  outcomes: {
    transfusionIndependence: { attributes: { independent: { type: "boolean" } } },
    transfusion: { attributes: { units: { type: "integer", min: 1 } } },
    hospitalisation: { attributes: { days: { type: "integer", min: 0 }, reason: { type: "enum", values: ["vaso-occlusive crisis", "infection", "other"], optional: true } } },
  },
  payment: {
    type: "schedule",
    installments: [
      { id: "at-infusion", share: "0.5", due: { months: 0 } },
      {
        id: "month-18",
        share: "0.5",
        due: { months: 18 },
        conditions: [
          {
            type: "sustained",
            evidence: [{ kind: "transfusionIndependence", where: { independent: { equals: true } } }],
            interruptedBy: [{ kind: "transfusionIndependence", where: { independent: { equals: false } } }, "transfusion"],
            for: { months: 12 },
            maxGap: { months: 4 },
          },
          { type: "count", events: [{ kind: "hospitalisation", where: { days: { gte: 2 } } }], atMost: 1 },
        ],
      },
    ],
  },
};

export const ti = (date: string, independent = true) => ({ kind: "transfusionIndependence", date, attributes: { independent } });
export const hosp = (date: string, days: number) => ({ kind: "hospitalisation", date, attributes: { days } });
