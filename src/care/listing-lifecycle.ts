// Listing lifecycle (动态调整, care §1): provisional and formal listings, reviews due on an
// anchored series, decisions effective on their decision dates, and the fund share in
// effect on a service date. The whole history is laid out once as half-open periods
// [from, to), which is also how it lines up with a contract's versions.
import * as z from "zod";
import { nonNegativeAmountSchema, parseInput, rateSchema, roundingSchema, step, type Step } from "../core/index.js";
import { seriesDate } from "../contracts/anchored-series.js";
import { type Dec, money, round, type Money, type Rounding } from "../money/index.js";
import { careCurrencySchema, careDateSchema, inconsistent, outOfOrder, text } from "./common.js";
import { decisionKind, type ListingDecision, listingDecisionSchema, type ListingState, type ListingStatus } from "./listing-decisions/index.js";
import { lazySchema } from "../kernel/lazy-schema.js";

const monthsSchema = lazySchema(() => z.number().int().min(1).max(600));

/**
 * The periods a listing runs on. Defaults are care.md's **[fixed]** readings: a provisional
 * evaluation after 24 months (001 「開展2年真實世界研究」), 6 on the fast track (003), and a
 * formal review every 24 months (001 「每2年開展一次」).
 *
 * @category Listing Lifecycle
 */
export const listingParametersSchema = lazySchema(() => z.strictObject({
  /** Months of a provisional listing before its evaluation is due (default 24). */
  provisionalMonths: monthsSchema.default(24),
  /** Months before the evaluation of a fast-track listing is due (default 6). */
  fastTrackMonths: monthsSchema.default(6),
  /** Months between formal reviews, counted from the formal listing day (default 24). */
  reviewIntervalMonths: monthsSchema.default(24),
}));

/**
 * How the listing began: provisionally on `listedOn`, or formally from `formalFrom`.
 *
 * @category Listing Lifecycle
 */
export const listingEntrySchema = lazySchema(() => z.discriminatedUnion("kind", [
  z.strictObject({
    /** `"provisional"`: listed provisionally (临时支付), evaluation due later. */
    kind: z.literal("provisional"),
    /** The provisional listing day. */
    listedOn: careDateSchema,
    /** A fast-track listing, evaluated sooner (default false). */
    fastTrack: z.boolean().default(false),
  }),
  z.strictObject({
    /** `"formal"`: listed formally (正式纳入) from the start. */
    kind: z.literal("formal"),
    /** The formal listing day F; reviews count from it. */
    formalFrom: careDateSchema,
  }),
]));

/**
 * A listed technology as a document: price per billing unit, reimbursement ratio, how it
 * entered the catalogue, and its decisions in date order.
 *
 * @category Listing Lifecycle
 */
export const listingSchema = lazySchema(() => z.strictObject({
  /** The listed technology (drug, therapy, device). */
  technology: z.string().min(1),
  /** The currency of the price (ISO 4217); required. */
  currency: careCurrencySchema,
  /** Price per billing unit (e.g. a month of treatment). */
  price: nonNegativeAmountSchema,
  /** What one price buys (`"month"`, `"course"`), for the record. */
  priceUnit: z.string().min(1).optional(),
  /** The reimbursement ratio (报销比例) at listing, a rate in [0, 1]. */
  ratio: rateSchema,
  /** How the technology entered the list: provisionally or formally. */
  entry: listingEntrySchema,
  /** The decisions that closed each evaluation or review, in date order (default none). */
  decisions: z.array(listingDecisionSchema).default([]),
  /** The evaluation and review periods (defaults as in care.md §1). */
  parameters: listingParametersSchema.prefault({}),
  /** How the fund share is rounded (default half-up). */
  rounding: roundingSchema.default("half-up"),
}));

/**
 * A listing document as written (JSON).
 *
 * @category Listing Lifecycle
 */
export type ListingInput = z.input<typeof listingSchema>;

/**
 * One stretch of a listing's history with the same terms: `[from, to)`, `to` null = open-ended.
 *
 * @category Listing Lifecycle
 */
export interface ListingPeriod {
  readonly from: string;
  readonly to: string | null;
  readonly status: ListingStatus;
  readonly formalFrom: string | null;
  readonly price: Money;
  /** Ratio as decimal text. */
  readonly ratio: string;
  readonly covered: boolean;
  /** What opened the period: the entry, `decisions[i]`, or a renegotiated price. */
  readonly cause: string;
}

/**
 * A review (or the provisional evaluation) and the decision that closed it, if any.
 *
 * @category Listing Lifecycle
 */
export interface ListingReview {
  /** 0 = the provisional evaluation; k ≥ 1 = the k-th formal review. */
  readonly index: number;
  readonly kind: "evaluation" | "review";
  readonly due: string;
  /** The anchor its due date counts from (L or F). */
  readonly anchor: string;
  readonly closedOn: string | null;
  /** Index into `decisions` of the decision that closed it. */
  readonly closedBy: number | null;
}

interface Prepared {
  readonly doc: z.output<typeof listingSchema>;
  readonly start: string;
  readonly periods: readonly ListingPeriod[];
  readonly reviews: readonly ListingReview[];
  readonly steps: readonly { date: string; step: Step }[];
}

function periodOf(from: string, s: ListingState, currency: string, cause: string): ListingPeriod {
  return { from, to: null, status: s.status, formalFrom: s.formalFrom, price: money(s.price, currency), ratio: text(s.ratio), covered: s.status !== "delisted", cause };
}

type ListingDoc = z.output<typeof listingSchema>;
type Entry = ListingDoc["entry"];
type ReviewKind = ListingReview["kind"];
/** The review a decision would close next. */
interface OpenReview {
  index: number;
  kind: ReviewKind;
  anchor: string;
  due: string;
}

/** Everything about one entry kind: the day the listing begins, its first state, the review it opens and the sentence. Adding a kind is one entry. */
const ENTRIES: { readonly [K in Entry["kind"]]: { enter(entry: Extract<Entry, { kind: K }>, doc: ListingDoc): { start: string; state: ListingState; open: OpenReview; step: Step } } } = {
  provisional: {
    enter: (entry, doc) => {
      const p = doc.parameters;
      const start = entry.listedOn;
      const months = entry.fastTrack ? p.fastTrackMonths : p.provisionalMonths;
      const open: OpenReview = { index: 0, kind: "evaluation", anchor: start, due: seriesDate(start, 1, months) };
      return {
        start,
        state: { status: "provisional", formalFrom: null, price: doc.price, ratio: doc.ratio },
        open,
        step: step("care.listing.provisional", `Provisionally listed on ${start}${entry.fastTrack ? " (fast track)" : ""}; evaluation due ${open.due} (${months} months after listing).`, { listedOn: start, months, due: open.due }),
      };
    },
  },
  formal: {
    enter: (entry, doc) => {
      const p = doc.parameters;
      const start = entry.formalFrom;
      const open: OpenReview = { index: 1, kind: "review", anchor: start, due: seriesDate(start, 1, p.reviewIntervalMonths) };
      return {
        start,
        state: { status: "formal", formalFrom: start, price: doc.price, ratio: doc.ratio },
        open,
        step: step("care.listing.formal", `Formally listed from ${start}; review k due ${p.reviewIntervalMonths}·k months after that day (first ${open.due}).`, { formalFrom: start, intervalMonths: p.reviewIntervalMonths, due: open.due }),
      };
    },
  },
};

/** The entry of an entry's kind, widened to the union (what each entry accepts for its own kind). */
function entryOf(entry: Entry): { enter(entry: Entry, doc: ListingDoc): { start: string; state: ListingState; open: OpenReview; step: Step } } {
  return ENTRIES[entry.kind] as unknown as { enter(entry: Entry, doc: ListingDoc): { start: string; state: ListingState; open: OpenReview; step: Step } };
}

/** Everything about one review kind: its words and the index of the review after it. */
const REVIEWS: {
  readonly [K in ReviewKind]: {
    /** What a decision not allowed here "cannot close a …". */
    closable(status: ListingState["status"]): string;
    /** What a decision "Closes …". */
    closed(index: number): string;
    /** What "was due" while it is overdue. */
    due(index: number): string;
    /** The index of the review that follows it. */
    next(index: number): number;
  };
} = {
  evaluation: {
    closable: () => "provisional evaluation (only admit or delist)",
    closed: () => "the provisional evaluation",
    due: () => "the evaluation",
    next: () => 1,
  },
  review: {
    closable: (status) => `review of a ${status} listing`,
    closed: (index) => `review ${index}`,
    due: (index) => `review ${index}`,
    next: (index) => index + 1,
  },
};

/** Lays the whole history out once; every rule of the document is checked here, whatever the as-of date. */
function prepare(doc: z.output<typeof listingSchema>): Prepared {
  const p = doc.parameters;
  const entered = entryOf(doc.entry).enter(doc.entry, doc);
  const start = entered.start;
  let state: ListingState = entered.state;
  const periods: ListingPeriod[] = [periodOf(start, state, doc.currency, "entry")];
  const reviews: ListingReview[] = [];
  const steps: { date: string; step: Step }[] = [];
  // The review a decision would close next.
  let open: OpenReview = entered.open;
  steps.push({ date: start, step: entered.step });
  let pending: { price: Dec; effectiveFrom: string; decision: number } | null = null;
  let lastDate = start;
  const setPeriod = (from: string, s: ListingState, cause: string) => {
    const last = periods[periods.length - 1]!;
    if (last.from === from) periods[periods.length - 1] = periodOf(from, s, doc.currency, cause);
    else {
      periods[periods.length - 1] = { ...last, to: from };
      periods.push(periodOf(from, s, doc.currency, cause));
    }
  };
  const recordPrice = (before: string | null) => {
    // A negotiated price takes effect once the service dates reach it, if the listing is still renegotiating.
    if (pending === null || (before !== null && pending.effectiveFrom > before)) return;
    const { price, effectiveFrom, decision } = pending;
    pending = null;
    if (state.status !== "renegotiating") return;
    state = { ...state, status: "formal", price };
    setPeriod(effectiveFrom, state, `decisions[${decision}].newPrice`);
    steps.push({ date: effectiveFrom, step: step("care.listing.renegotiated-price", `The renegotiated price ${price.toFixed()} applies from ${effectiveFrom}; the listing is formal again, same F.`, { price: money(price, doc.currency), effectiveFrom }) });
  };
  doc.decisions.forEach((d: ListingDecision, i) => {
    const at = ["decisions", i, "decidedOn"];
    if (d.decidedOn < start) throw outOfOrder(at, `decision dated ${d.decidedOn}, before the listing began on ${start}`, { decidedOn: d.decidedOn, listedOn: start });
    if (d.decidedOn < lastDate) throw outOfOrder(at, `decisions are in date order: ${d.decidedOn} comes after ${lastDate}`, { decidedOn: d.decidedOn, previous: lastDate });
    lastDate = d.decidedOn;
    // A price agreed earlier whose effective date has come applies before this decision (it is in force on that day).
    recordPrice(d.decidedOn);
    const kind = decisionKind(d.kind);
    if (state.status === "delisted") throw inconsistent(["decisions", i], `the listing was delisted before ${d.decidedOn}: no further decisions`, { kind: d.kind });
    if (!kind.allowedIn.includes(state.status)) {
      throw inconsistent(["decisions", i, "kind"], `${d.kind} cannot close a ${REVIEWS[open.kind].closable(state.status)}`, { kind: d.kind, status: state.status });
    }
    if (d.kind === "renegotiate" && d.newPrice !== undefined && d.newPrice.effectiveFrom < d.decidedOn) {
      throw outOfOrder(["decisions", i, "newPrice", "effectiveFrom"], `a renegotiated price applies from a date on or after its decision (${d.decidedOn}), not ${d.newPrice.effectiveFrom}`);
    }
    if (d.kind === "renegotiate" && pending !== null) throw inconsistent(["decisions", i], `renegotiation of decisions[${pending.decision}] has a price not yet in effect (from ${pending.effectiveFrom})`);
    const effect = kind.apply(state, d as never);
    reviews.push({ index: open.index, kind: open.kind, due: open.due, anchor: open.anchor, closedOn: d.decidedOn, closedBy: i });
    const overdueNote = open.due < d.decidedOn ? ` (decided ${d.decidedOn}, after the due date ${open.due})` : "";
    state = effect.state;
    setPeriod(d.decidedOn, state, `decisions[${i}]`);
    steps.push({
      date: d.decidedOn,
      step: step(kind.rule, `${effect.text} Closes ${REVIEWS[open.kind].closed(open.index)} due ${open.due}${overdueNote}.`, { decision: d.kind, decidedOn: d.decidedOn, due: open.due }),
    });
    if (effect.pendingPrice) pending = { ...effect.pendingPrice, decision: i };
    if (state.status !== "delisted") {
      const F = state.formalFrom as string;
      const next = REVIEWS[open.kind].next(open.index);
      open = { index: next, kind: "review", anchor: F, due: seriesDate(F, next, p.reviewIntervalMonths) };
    }
  });
  recordPrice(null);
  if (state.status !== "delisted") reviews.push({ index: open.index, kind: open.kind, due: open.due, anchor: open.anchor, closedOn: null, closedBy: null });
  return { doc, start, periods, reviews, steps };
}

function periodOn(prep: Prepared, date: string): ListingPeriod | null {
  if (date < prep.start) return null;
  let found: ListingPeriod | null = null;
  for (const period of prep.periods) if (period.from <= date) found = period;
  return found;
}

function fundShareOf(prep: Prepared, period: ListingPeriod | null, rounding: Rounding): Money {
  if (period === null || !period.covered) return money(0, prep.doc.currency);
  return round(money(period.price.amount.times(period.ratio), prep.doc.currency), rounding);
}

/**
 * Input of {@link listingStatus}.
 *
 * @category Listing Lifecycle
 */
export const listingStatusInputSchema = lazySchema(() => z.strictObject({
  /** The listing document. */
  listing: listingSchema,
  /** The day the status is taken. */
  asOf: careDateSchema,
}));

/**
 * Where a listing stands on an as-of date.
 *
 * @category Listing Lifecycle
 */
export interface ListingStatusResult {
  readonly technology: string;
  readonly asOf: string;
  /** `notListed` before the listing began. */
  readonly status: ListingStatus | "notListed";
  /** True while the earliest open review's due date is before the as-of date; status and cover unchanged. */
  readonly overdue: boolean;
  readonly covered: boolean;
  readonly formalFrom: string | null;
  readonly price: Money;
  readonly ratio: string;
  /** Fund share on a service on the as-of date: price × ratio, rounded once. */
  readonly fundShare: Money;
  /** Reviews closed by decisions on or before the as-of date, then the one open (if any). */
  readonly reviews: readonly ListingReview[];
  readonly nextReviewDue: string | null;
  readonly explanation: readonly Step[];
}

/**
 * A listing as of a date: status (provisional, formal, renegotiating, delisted), whether its
 * earliest open review is overdue, the reviews closed so far and the next one due. Only
 * decisions dated on or before the as-of date count; the whole document is checked anyway.
 *
 * @example
 * ```ts
 * const listing: Parameters<typeof listingStatus>[0]["listing"] = { technology: "CAR-T", currency: "CNY", price: "15000", ratio: 0.7,
 *   entry: { kind: "provisional", listedOn: "2025-08-31", fastTrack: true },
 *   decisions: [{ kind: "admit", decidedOn: "2026-03-05" }] };
 * listingStatus({ listing, asOf: "2026-03-02" }); // provisional, overdue (due 2026-02-28), covered
 * listingStatus({ listing, asOf: "2026-03-05" }).nextReviewDue; // "2028-03-05"
 * ```
 *
 * @category Listing Lifecycle
 * @param input - the named arguments, parsed with `listingStatusInputSchema` (JSON as a backend stores it)
 * @throws {ValidationError} when the input does not match `listingStatusInputSchema` (the issue names the field path)
 * @throws {DomainError} EVENT_ORDER when a decision is dated before the listing began or before the previous decision, or a renegotiated price applies before its decision
 * @throws {DomainError} INCONSISTENT_INPUT when a decision cannot close the open review (after delisting, in the wrong status, or while a renegotiated price is still pending)
 */
export function listingStatus(input: z.input<typeof listingStatusInputSchema>): ListingStatusResult {
  const p = parseInput(listingStatusInputSchema, input, "listingStatus");
  const prep = prepare(p.listing);
  const asOf = p.asOf;
  const period = periodOn(prep, asOf);
  const reviews: ListingReview[] = [];
  for (const r of prep.reviews) {
    if (r.closedOn !== null && r.closedOn <= asOf) reviews.push(r);
    else {
      reviews.push({ ...r, closedOn: null, closedBy: null });
      break;
    }
  }
  const last = reviews[reviews.length - 1];
  const openReview = period !== null && last !== undefined && last.closedOn === null && period.status !== "delisted" ? last : null;
  const shown = period === null ? [] : openReview === null ? reviews.filter((r) => r.closedOn !== null) : reviews;
  const overdue = openReview !== null && openReview.due < asOf;
  const fundShare = fundShareOf(prep, period, p.listing.rounding);
  const explanation: Step[] = prep.steps.filter((s) => s.date <= asOf).map((s) => s.step);
  if (period === null) explanation.push(step("care.listing.not-listed", `On ${asOf} the technology is not yet listed (listing begins ${prep.start}).`, { asOf, listedOn: prep.start }));
  else {
    explanation.push(
      step(
        "care.listing.as-of",
        `On ${asOf} the listing is ${period.status}${overdue ? `, and overdue: ${REVIEWS[openReview!.kind].due(openReview!.index)} was due ${openReview!.due} (status and cover unchanged until it is decided)` : ""}.`,
        { asOf, status: period.status, overdue, nextReviewDue: openReview?.due ?? null },
      ),
    );
    explanation.push(step("care.listing.fund-share", `Fund share on ${asOf}: ${period.covered ? `price ${period.price.amount.toFixed()} × ratio ${period.ratio}, rounded ${p.listing.rounding}` : "none (delisted)"}.`, { price: period.price, ratio: period.ratio }, fundShare));
  }
  return {
    technology: p.listing.technology,
    asOf,
    status: period?.status ?? "notListed",
    overdue,
    covered: period?.covered ?? false,
    formalFrom: period?.formalFrom ?? null,
    price: period?.price ?? money(p.listing.price, p.listing.currency),
    ratio: period?.ratio ?? text(p.listing.ratio),
    fundShare,
    reviews: shown,
    nextReviewDue: openReview?.due ?? null,
    explanation,
  };
}

/**
 * Input of {@link listingFundShare}.
 *
 * @category Listing Lifecycle
 */
export const listingFundShareInputSchema = lazySchema(() => z.strictObject({
  /** The listing document. */
  listing: listingSchema,
  /** The service date whose fund share is asked. */
  serviceDate: careDateSchema,
}));

/**
 * The fund share of one service, with the period of terms it fell in.
 *
 * @category Listing Lifecycle
 */
export interface ListingFundShare {
  readonly serviceDate: string;
  readonly status: ListingStatus | "notListed";
  readonly price: Money;
  readonly ratio: string;
  readonly fundShare: Money;
  readonly period: ListingPeriod | null;
  readonly explanation: readonly Step[];
}

/**
 * Fund share of a service = price × ratio in effect on the service date (decisions apply to
 * service dates on or after their decision date), rounded once; 0 before listing or after delisting.
 *
 * @example
 * ```ts
 * declare const h3Listing: Parameters<typeof listingStatus>[0]["listing"]; // the H3 listing of docs/care.md §1
 * listingFundShare({ listing: h3Listing, serviceDate: "2026-02-20" }).fundShare; // CNY 12000.00 (15,000 × 0.80)
 * ```
 *
 * @category Listing Lifecycle
 * @param input - the named arguments, parsed with `listingFundShareInputSchema` (JSON as a backend stores it)
 * @throws {ValidationError} when the input does not match `listingFundShareInputSchema` (the issue names the field path)
 * @throws {DomainError} EVENT_ORDER when a decision is dated before the listing began or before the previous decision, or a renegotiated price applies before its decision
 * @throws {DomainError} INCONSISTENT_INPUT when a decision cannot close the open review (after delisting, in the wrong status, or while a renegotiated price is still pending)
 */
export function listingFundShare(input: z.input<typeof listingFundShareInputSchema>): ListingFundShare {
  const p = parseInput(listingFundShareInputSchema, input, "listingFundShare");
  const prep = prepare(p.listing);
  const period = periodOn(prep, p.serviceDate);
  const fundShare = fundShareOf(prep, period, p.listing.rounding);
  const why =
    period === null
      ? `not listed on ${p.serviceDate} (listing begins ${prep.start})`
      : !period.covered
        ? `delisted since ${period.from}: no cover`
        : `${period.status} terms in effect since ${period.from} (${period.cause}): price ${period.price.amount.toFixed()} × ratio ${period.ratio}, rounded ${p.listing.rounding}`;
  return {
    serviceDate: p.serviceDate,
    status: period?.status ?? "notListed",
    price: period?.price ?? money(p.listing.price, p.listing.currency),
    ratio: period?.ratio ?? text(p.listing.ratio),
    fundShare,
    period,
    explanation: [step("care.listing.fund-share", `Service on ${p.serviceDate}: ${why}.`, { serviceDate: p.serviceDate, ratio: period?.ratio ?? null }, fundShare)],
  };
}

/**
 * Input of {@link listingPeriods}.
 *
 * @category Listing Lifecycle
 */
export const listingPeriodsInputSchema = lazySchema(() => z.strictObject({
  /** The listing document. */
  listing: listingSchema,
}));

/**
 * A listing's whole history as half-open periods, and every review with its closing decision.
 *
 * @category Listing Lifecycle
 */
export interface ListingHistory {
  readonly technology: string;
  readonly periods: readonly ListingPeriod[];
  readonly reviews: readonly ListingReview[];
  readonly explanation: readonly Step[];
}

/**
 * A listing's history as half-open periods `[from, to)` of constant terms. Each period
 * opened by a renegotiated price (`cause` `decisions[i].newPrice`) is where a contract
 * would start a new version: `effective.from` = that period's `from`.
 *
 * @example
 * ```ts
 * declare const h3Listing: Parameters<typeof listingStatus>[0]["listing"]; // the H3 listing of docs/care.md §1
 * listingPeriods({ listing: h3Listing }).periods.map((p) => [p.from, p.status, p.ratio]);
 * // [["2024-02-29","formal","0.7"], ["2026-02-20","formal","0.8"], ["2028-02-15","renegotiating","0.8"], …]
 * ```
 *
 * @category Listing Lifecycle
 * @param input - the named arguments, parsed with `listingPeriodsInputSchema` (JSON as a backend stores it)
 * @throws {ValidationError} when the input does not match `listingPeriodsInputSchema` (the issue names the field path)
 * @throws {DomainError} EVENT_ORDER when a decision is dated before the listing began or before the previous decision, or a renegotiated price applies before its decision
 * @throws {DomainError} INCONSISTENT_INPUT when a decision cannot close the open review (after delisting, in the wrong status, or while a renegotiated price is still pending)
 */
export function listingPeriods(input: z.input<typeof listingPeriodsInputSchema>): ListingHistory {
  const p = parseInput(listingPeriodsInputSchema, input, "listingPeriods");
  const prep = prepare(p.listing);
  return { technology: p.listing.technology, periods: prep.periods, reviews: prep.reviews, explanation: prep.steps.map((s) => s.step) };
}

/**
 * Input of {@link listingReviewDates}.
 *
 * @category Listing Lifecycle
 */
export const listingReviewDatesInputSchema = lazySchema(() => z.strictObject({
  /** The formal listing day F. */
  formalFrom: careDateSchema,
  /** How many review dates, 1–100. */
  count: z.number().int().min(1).max(100),
  /** Months between reviews (default 24). */
  intervalMonths: monthsSchema.default(24),
}).refine((x) => x.count * x.intervalMonths <= 1200, { message: "the reviews span at most 1200 months", path: ["count"] }));

/**
 * The first `count` formal review due dates, F + 24k months (k = 1…count), each counted
 * from F and clamped to the month end, so 2024-02-29 gives 2028-02-29, not 2028-02-28.
 *
 * @example
 * ```ts
 * listingReviewDates({ formalFrom: "2024-02-29", count: 3 }); // ["2026-02-28", "2028-02-29", "2030-02-28"]
 * ```
 *
 * @category Listing Lifecycle
 * @param input - the named arguments, parsed with `listingReviewDatesInputSchema` (JSON as a backend stores it)
 * @throws {ValidationError} when the input does not match `listingReviewDatesInputSchema` (the issue names the field path)
 * @throws {ValidationError} at `count` when the reviews would span more than 1,200 months
 */
export function listingReviewDates(input: z.input<typeof listingReviewDatesInputSchema>): string[] {
  const p = parseInput(listingReviewDatesInputSchema, input, "listingReviewDates");
  const out: string[] = [];
  for (let k = 1; k <= p.count; k++) out.push(seriesDate(p.formalFrom, k, p.intervalMonths));
  return out;
}
