// Generators of whole agreements in the issue-15 vocabulary, shared by the property
// files: declared outcome kinds with typed attributes (boolean, integer, number with a
// unit, enum, a plain flag), "some" (any-of) / none / count / sustained / byDeadline
// conditions, fraction shares over various denominators, deadline refunds, clawbacks and
// milestone bonuses, and per-cycle pricing with free or discounted first cycles, caps and
// payment at result. Histories are valid (one start, date order, nothing after death,
// no record twice) and use every declared kind.
import fc from "fast-check";
import { addDueOffset } from "../../../src/index.js";

/** The declared kinds every generated agreement carries. */
export const OUTCOMES = {
  transfusionIndependence: { attributes: { independent: { type: "boolean" } } },
  hospitalisation: { attributes: { days: { type: "integer", min: 0 } } },
  labResult: { attributes: { test: { type: "enum", values: ["Hb", "ANC"] }, value: { type: "number", unit: "g/dL", min: 0 } } },
  mrdNegative: {},
  cycleAdministered: { attributes: { cycle: { type: "integer", min: 1, optional: true } } },
};

const TI_TRUE = { kind: "transfusionIndependence", where: { independent: { equals: true } } };
const TI_FALSE = { kind: "transfusionIndependence", where: { independent: { equals: false } } };
const offset = fc.record({ months: fc.integer({ min: 0, max: 18 }), days: fc.integer({ min: 0, max: 40 }) });

/** Matchers on declared kinds: equality, exclusive / inclusive ranges with the unit, membership; and built-in ones. */
const matcher = fc.oneof(
  fc.constant(TI_TRUE),
  fc.constant("mrdNegative"),
  fc.integer({ min: 0, max: 6 }).map((d) => ({ kind: "hospitalisation", where: { days: { gte: d } } })),
  fc.tuple(fc.integer({ min: 0, max: 140 }), fc.boolean()).map(([v, inclusive]) => ({ kind: "labResult", where: { test: { in: ["Hb"] }, value: inclusive ? { gte: (v / 10).toFixed(1), unit: "g/dL" } : { gt: v / 10, unit: "g/dL" } } })),
  fc.constant({ kind: "assessment", responses: ["CR", "PR"] }),
  fc.constant({ kind: "crs", minGrade: 3 }),
);
const adverse = fc.subarray(["death", "relapse", "progression", "seriousAdverseEvent"], { minLength: 1 });

/** A condition of any kind a payment or bonus may be held on. */
export const conditionArb = fc.oneof(
  fc.record({ type: fc.constant("none"), events: adverse, within: fc.option(offset, { nil: undefined }) }, { requiredKeys: ["type", "events"] }),
  // any-of: the condition holds on the first event any matcher accepts
  fc.record({ type: fc.constant("some"), events: fc.array(matcher, { minLength: 1, maxLength: 3 }), within: fc.option(offset, { nil: undefined }) }, { requiredKeys: ["type", "events"] }),
  fc
    .record({ events: fc.array(matcher, { minLength: 1, maxLength: 2 }), least: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), most: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), rolling: fc.option(fc.record({ months: fc.integer({ min: 1, max: 12 }), days: fc.constant(0) }), { nil: undefined }) })
    .map((g) => {
      const atLeast = g.least ?? (g.most === undefined ? 1 : undefined);
      const atMost = g.most !== undefined && atLeast !== undefined && g.most < atLeast ? atLeast : g.most;
      return { type: "count", events: g.events, ...(atLeast === undefined ? {} : { atLeast }), ...(atMost === undefined ? {} : { atMost }), ...(g.rolling === undefined ? {} : { rolling: g.rolling }) };
    }),
  fc.record({ type: fc.constant("sustained"), evidence: fc.constant([TI_TRUE]), interruptedBy: fc.constant([TI_FALSE]), for: fc.record({ months: fc.integer({ min: 1, max: 9 }) }), maxGap: fc.option(fc.record({ months: fc.integer({ min: 1, max: 6 }) }), { nil: undefined }) }, { requiredKeys: ["type", "evidence", "interruptedBy", "for"] }),
);

const milestoneArb = fc.oneof(
  fc.constant({ type: "some", events: [TI_TRUE, "mrdNegative"] }),
  fc.record({ type: fc.constant("count"), events: fc.constant([{ kind: "hospitalisation", where: { days: { gte: 2 } } }]), atMost: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ type: fc.constant("sustained"), evidence: fc.constant([TI_TRUE]), interruptedBy: fc.constant([TI_FALSE]), for: fc.record({ months: fc.integer({ min: 1, max: 6 }) }) }),
  fc.constant({ type: "none", events: [{ kind: "assessment", responses: ["PD"] }] }),
);

/** A deadline: by an offset (or never before the start: offsets only), a milestone, and how a missing assessment counts. */
const deadlineArb = fc.record({ by: offset, milestone: milestoneArb, ifMissing: fc.option(fc.constantFrom("met", "missed"), { nil: undefined }) }).map(({ ifMissing, ...d }) => ({
  ...d,
  ...(ifMissing === undefined ? {} : { assessment: { events: ["transfusionIndependence", "assessment", { kind: "labResult", where: { test: { equals: "Hb" } } }], ifMissing } }),
}));

const DENOMINATORS = [1, 2, 3, 4, 6, 7, 12, 100] as const;

/** n exact shares summing to 1, each written as a fraction over one of several denominators (or a decimal when it has one). */
export const fractionSharesArb = fc.constantFrom(...DENOMINATORS).chain((den) =>
  fc.integer({ min: 1, max: Math.min(4, den) }).chain((n) =>
    (n === 1 ? fc.constant([] as number[]) : fc.uniqueArray(fc.integer({ min: 1, max: den - 1 }), { minLength: n - 1, maxLength: n - 1 })).chain((cuts) => {
      const points = [0, ...cuts.sort((a, b) => a - b), den];
      const parts = points.slice(1).map((p, i) => p - points[i]!);
      return fc.tuple(...parts.map((p) => fc.constantFrom(`${p}/${den}`, ...(den === 4 || den === 100 || den === 2 || den === 1 ? [(p / den).toString()] : []))));
    }),
  ),
);

/** Two return shares whose sum is at most 1, as fractions of a common denominator. */
const returnSharesArb = fc.constantFrom(2, 3, 5, 7, 10).chain((den) =>
  fc.integer({ min: 0, max: den }).chain((a) => fc.integer({ min: 0, max: den - a }).map((b) => [`${a}/${den}`, `${b}/${den}`] as const)),
);

const price = fc.integer({ min: 0, max: 5_000_000 }).map((c) => (c / 100).toFixed(2));

/** A schedule agreement: fraction shares, conditions of every kind, a deadline refund and a deadline clawback or event clawback, a milestone or fixed bonus. */
export const scheduleAgreementArb = fc
  .record({
    price,
    shares: fractionSharesArb,
    dues: fc.array(offset, { minLength: 4, maxLength: 4 }),
    conds: fc.array(fc.array(fc.oneof(conditionArb, deadlineArb.map((d) => ({ type: "byDeadline", ...d }))), { maxLength: 2 }), { minLength: 4, maxLength: 4 }),
    refund: deadlineArb,
    second: fc.oneof(deadlineArb.map((d) => ({ type: "deadlineClawback", ...d })), fc.record({ type: fc.constantFrom("clawback", "refund"), trigger: adverse, within: fc.option(offset, { nil: undefined }) }, { requiredKeys: ["type", "trigger"] })),
    returnShares: returnSharesArb,
    bonus: fc.option(fc.oneof(deadlineArb.map((d) => ({ type: "milestone", ...d }))), { nil: undefined }),
    fixed: fc.option(fc.record({ due: offset, conditions: fc.array(conditionArb, { maxLength: 1 }) }), { nil: undefined }),
    bonusAmount: price,
  })
  .map((g) => {
    // A byDeadline condition must be checked on or after its deadline: hold the installment until then.
    const installments = g.shares.map((share, i) => {
      // at most one byDeadline condition per installment (the due date waits for it)
      const conditions = g.conds[i]!.filter((c, k, all) => c.type !== "byDeadline" || all.findIndex((x) => x.type === "byDeadline") === k);
      const deadline = conditions.find((c) => c.type === "byDeadline") as { by: { months: number; days: number } } | undefined;
      const due = deadline === undefined ? g.dues[i]! : { months: deadline.by.months + g.dues[i]!.months, days: deadline.by.days };
      return { share, due, conditions };
    });
    return {
      id: "gen-agreement",
      currency: "EUR",
      price: g.price,
      outcomes: OUTCOMES,
      payment: { type: "schedule", installments },
      bonuses: [
        ...(g.bonus === undefined ? [] : [{ ...g.bonus, amount: g.bonusAmount }]),
        ...(g.fixed === undefined ? [] : [{ type: "fixed", amount: g.bonusAmount, ...g.fixed }]),
      ],
      refunds: [
        { type: "deadlineRefund", ...g.refund, share: g.returnShares[0] },
        { ...g.second, share: g.returnShares[1], base: "paymentsAndBonuses" },
      ],
    };
  });

/** A per-cycle agreement: free (discount 1) or discounted first cycles, a paid-cycle cap, payment at result or upfront with a non-responder refund. */
export const perCycleAgreementArb = fc
  .record({
    price,
    first: fc.integer({ min: 0, max: 3 }),
    discount: fc.constantFrom("1", "0.5", "0.25", "0.333", "0"),
    cap: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    pay: fc.constantFrom("atResult", "upfront", "none"),
    refund: fc.integer({ min: 0, max: 100 }).map((n) => (n / 100).toFixed(2)),
    by: offset,
    ifMissing: fc.constantFrom("responder", "nonResponder"),
    clawback: fc.integer({ min: 0, max: 100 }),
  })
  .map((g) => ({
    id: "gen-cycle",
    currency: "EUR",
    price: g.price,
    outcomes: OUTCOMES,
    payment: {
      type: "perCycle",
      cycle: ["cycleAdministered"],
      ...(g.first > 0 ? { costSharing: { firstCycles: g.first, discount: g.discount } } : {}),
      ...(g.cap === undefined ? {} : { maxPaidCycles: g.cap }),
      ...(g.pay === "none"
        ? {}
        : { result: { assessment: ["assessment"], responder: [{ kind: "assessment", responses: ["CR", "PR"] }], by: g.by, ifMissing: g.ifMissing, pay: g.pay, ...(g.pay === "upfront" ? { nonResponderRefund: g.refund } : {}) } }),
    },
    refunds: [{ type: "clawback", trigger: ["death"], share: `${Math.min(g.clawback, 100 - (g.pay === "upfront" ? Math.round(Number(g.refund) * 100) : 0))}/100` }],
  }));

/** Any generated agreement. */
export const agreementArb = fc.oneof(scheduleAgreementArb, perCycleAgreementArb);

type Ev = { kind: string; day: number; attributes?: Record<string, unknown>; response?: string; grade?: number };
const eventArb: fc.Arbitrary<Ev> = fc.oneof(
  fc.record({ kind: fc.constant("transfusionIndependence"), day: fc.integer({ min: 0, max: 800 }), attributes: fc.record({ independent: fc.boolean() }) }),
  fc.record({ kind: fc.constant("hospitalisation"), day: fc.integer({ min: 0, max: 800 }), attributes: fc.record({ days: fc.integer({ min: 0, max: 9 }) }) }),
  fc.record({ kind: fc.constant("labResult"), day: fc.integer({ min: 0, max: 800 }), attributes: fc.record({ test: fc.constantFrom("Hb", "ANC"), value: fc.oneof(fc.integer({ min: 0, max: 150 }).map((v) => v / 10), fc.integer({ min: 0, max: 150 }).map((v) => (v / 10).toFixed(1))) }) }),
  fc.record({ kind: fc.constant("mrdNegative"), day: fc.integer({ min: 0, max: 800 }) }),
  fc.record({ kind: fc.constant("cycleAdministered"), day: fc.integer({ min: 0, max: 400 }) }),
  fc.record({ kind: fc.constant("assessment"), day: fc.integer({ min: 0, max: 400 }), response: fc.constantFrom("CR", "PR", "SD", "PD") }),
  fc.record({ kind: fc.constantFrom("crs", "seriousAdverseEvent"), day: fc.integer({ min: 0, max: 200 }), grade: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constantFrom("relapse", "progression"), day: fc.integer({ min: 0, max: 800 }) }),
);

/** A patient: a start day, events, perhaps a death. */
export const patientArb = fc.record({ start: fc.integer({ min: 0, max: 700 }), events: fc.array(eventArb, { maxLength: 14 }), death: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }) });

/** Day `base + d` counted from 2025-01-01. */
export const dayOf = (base: number, d: number): string => addDueOffset({ date: "2025-01-01", offset: { months: 0, days: base + d } });

/** The patient's valid history: treatment start, events in date order, death last, each record once. */
export function historyOf(p: { start: number; events: Ev[]; death?: number | undefined }) {
  const list: { kind: string; date: string; attributes?: Record<string, unknown>; response?: string; grade?: number }[] = p.events.map(({ day: d, ...e }) => ({ ...e, date: dayOf(p.start, d) }));
  if (p.death !== undefined) list.push({ kind: "death", date: dayOf(p.start, p.death) });
  list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const death = list.findIndex((e) => e.kind === "death");
  // identical records are a typed error (issue 14 M6): keep one of each
  const seen = new Set<string>();
  const unique = (death === -1 ? list : list.slice(0, death + 1)).filter((e) => {
    const key = JSON.stringify([e.kind, e.date, e.grade, e.response, e.attributes === undefined ? null : Object.entries(e.attributes).sort()]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [{ kind: "treatmentStart", date: dayOf(p.start, 0) }, ...unique];
}

/** An as-of date within five years of 2025-01-01. */
export const asOfArb = fc.integer({ min: 0, max: 1800 }).map((d) => dayOf(0, d));
