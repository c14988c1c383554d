// Incentive points (医保积分, care §3) and the follow-up uplift. Points are kept in an
// append-only ledger, read like a contract ledger: every line is dated, signed, names what
// caused it and carries the balance after it; a later as-of date only appends lines.
import * as z from "zod";
import { amount, DomainError, nonNegativeAmountSchema, parseInput, rateSchema, roundingSchema, step, type Step, ValidationError } from "../core/index.js";
import { type DueOffset, dueDateMemo } from "../contracts/calendar.js";
import { type Dec, money, round, type Money } from "../money/index.js";
import { AWARD_PERIODS } from "./incentive-points/award-periods.js";
import { POINTS_LINE_KINDS, type PointsAccount, type PointsTotal } from "./incentive-points/line-kinds.js";
import { D } from "../money/decimal.js";
import { careCurrencySchema, careDateSchema, inconsistent, text } from "./common.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * How often an award rule pays: once per calendar day, or once per ISO week (Monday–Sunday).
 *
 * @category Incentive Points
 */
export type AwardPeriod = "day" | "isoWeek";

/**
 * One award rule: events of `event` earn `points` once per `per`, on the period's first event.
 *
 * @category Incentive Points
 */
export const pointsAwardRuleSchema = lazySchema(() => z.strictObject({
  /** The event kind the rule awards (matches an event's `kind`). */
  event: z.string().min(1),
  /** The period of one award: a calendar day or an ISO week (Monday to Sunday). */
  per: z.enum(["day", "isoWeek"]),
  /** Points per period, 0–1,000,000. */
  points: z.number().int().min(0).max(1_000_000),
}));

/**
 * The points scheme. 003 gives no values, so every default is care.md's **[fixed]**:
 * glucose reading 1 point a day, diet check-in 5 a week, cap 40 a calendar month, points
 * usable for 12 months, worth 0.10 a point in the document's currency. On one day the award
 * rules run in the order listed (glucose before diet).
 *
 * @category Incentive Points
 */
export const pointsRulesSchema = lazySchema(() => z.strictObject({
  /** The award rules, one per event kind (积分规则). */
  awards: z
    .array(pointsAwardRuleSchema)
    .min(1)
    .max(32)
    .default([
      { event: "glucoseReading", per: "day", points: 1 },
      { event: "dietCheckIn", per: "isoWeek", points: 5 },
    ])
    .superRefine((rules, ctx) => {
      const seen = new Set<string>();
      rules.forEach((r, i) => {
        if (seen.has(r.event)) ctx.addIssue({ code: "custom", message: `event ${JSON.stringify(r.event)} has two award rules`, path: [i, "event"] });
        seen.add(r.event);
      });
    }),
  /** Most points awarded in a calendar month (default 40). */
  monthlyCap: z.number().int().min(0).max(1_000_000_000).default(40),
  /** Months after its award a point expires, 1–120 (default 12). */
  expiryMonths: z.number().int().min(1).max(120).default(12),
  /** What one point is worth in the document's currency, > 0 (default 0.10). */
  pointValue: amount({ above: "0" }).prefault("0.10"),
}));

/**
 * An event that may earn points.
 *
 * @category Incentive Points
 */
export const pointsEventSchema = lazySchema(() => z.strictObject({
  /** The event kind (`"glucoseReading"`), matched to an award rule's `event`. */
  kind: z.string().min(1),
  /** The day of the event. */
  date: careDateSchema,
  /** An optional reference to the source record. */
  id: z.string().min(1).optional(),
}));

/**
 * A redemption (兑换) of whole points on a date, e.g. for a drug or a check-up.
 *
 * @category Incentive Points
 */
export const pointsRedemptionSchema = lazySchema(() => z.strictObject({
  /** The day the points are redeemed. */
  date: careDateSchema,
  /** How many points are redeemed, ≥ 1 (oldest first; never more than the unexpired balance). */
  points: z.number().int().min(1).max(1_000_000_000),
  /** What the points are redeemed for (a service, a voucher). */
  for: z.string().min(1).optional(),
  /** An optional reference to the source record. */
  id: z.string().min(1).optional(),
}));

/**
 * Input of {@link incentivePoints}.
 *
 * @category Incentive Points
 */
export const incentivePointsInputSchema = lazySchema(() => z.strictObject({
  /** The currency points are valued in (ISO 4217); required. */
  currency: careCurrencySchema,
  /** The points rules (default: the rules of care.md §3). */
  rules: pointsRulesSchema.prefault({}),
  /** The health-management events that earn points (default none). */
  events: z.array(pointsEventSchema).default([]),
  /** The redemptions (积分兑换), in any order (default none). */
  redemptions: z.array(pointsRedemptionSchema).default([]),
  /** The day the balance is taken; later events do not count. */
  asOf: careDateSchema,
  /** How point values are rounded to the currency (default half-up). */
  rounding: roundingSchema.default("half-up"),
}));

/**
 * One line of the points ledger (append-only; the balance is the running sum of `points`).
 *
 * @category Incentive Points
 */
export interface PointsLedgerLine {
  readonly seq: number;
  readonly date: string;
  readonly kind: "award" | "redemption" | "expiry";
  /** Signed whole points: + awarded, − redeemed or expired. */
  readonly points: number;
  /** Unexpired balance after the line. */
  readonly balance: number;
  /** What caused it: `events[3]`, `redemptions[0]`, or the lot that expired. */
  readonly ref: string;
  /** The award lots a redemption or an expiry drew on, oldest first. */
  readonly lots: readonly { readonly awardedOn: string; readonly points: number }[];
  /** Money value of a redemption; `null` otherwise. */
  readonly value: Money | null;
  readonly text: string;
}

/**
 * What one event earned, and why.
 *
 * @category Incentive Points
 */
export interface PointsEventOutcome {
  readonly event: number;
  readonly kind: string;
  readonly date: string;
  readonly points: number;
  /** `awarded`, `cut` (to what the monthly cap left), `capReached`, or `alreadyAwarded` (its day/week already paid). */
  readonly reason: "awarded" | "cut" | "capReached" | "alreadyAwarded";
}

/**
 * A points account as of a date.
 *
 * @category Incentive Points
 */
export interface IncentivePointsResult {
  readonly asOf: string;
  readonly ledger: readonly PointsLedgerLine[];
  readonly events: readonly PointsEventOutcome[];
  /** Unexpired points on the as-of date. */
  readonly balance: number;
  /** Unexpired award lots with points left, oldest first. */
  readonly lots: readonly { readonly awardedOn: string; readonly expiresOn: string; readonly remaining: number }[];
  /** Points awarded per calendar month of award: `{ month: "2026-02", points: 40 }`. */
  readonly monthly: readonly { readonly month: string; readonly points: number }[];
  readonly redeemedValue: Money;
  /** Records dated after the as-of date, not yet counted. */
  readonly afterAsOf: number;
  readonly explanation: readonly Step[];
}

type Parsed = z.output<typeof incentivePointsInputSchema>;

/** The shared core: the ledger lines, event outcomes and lots. */
function run(p: Parsed, explain: boolean, expiryOf: (start: string, offset: DueOffset) => string = dueDateMemo()) {
  const rules = p.rules;
  const ruleIndex = new Map<string, number>();
  rules.awards.forEach((r, i) => ruleIndex.set(r.event, i));
  const rank: number[] = p.events.map((e, i) => {
    const r = ruleIndex.get(e.kind);
    if (r === undefined) throw inconsistent(["events", i, "kind"], `no award rule for events of kind ${JSON.stringify(e.kind)}`, { kind: e.kind });
    return r;
  });
  // Same day: award rules in their listed order, then input order.
  const cmp = (a: number, b: number) => {
    const ea = p.events[a]!;
    const eb = p.events[b]!;
    return ea.date < eb.date ? -1 : ea.date > eb.date ? 1 : rank[a]! - rank[b]! || a - b;
  };
  const order = p.events.map((_, i) => i);
  // Feeds usually arrive in date order: check in one pass before paying for a sort.
  for (let k = 1; k < order.length; k++) {
    if (cmp(k - 1, k) > 0) {
      order.sort(cmp);
      break;
    }
  }
  const redemptionOrder = p.redemptions.map((_, i) => i).sort((a, b) => (p.redemptions[a]!.date < p.redemptions[b]!.date ? -1 : p.redemptions[a]!.date > p.redemptions[b]!.date ? 1 : a - b));
  const account: PointsAccount = {
    rules,
    currency: p.currency,
    rounding: p.rounding,
    events: p.events,
    redemptions: p.redemptions,
    rank,
    explain,
    expiryOf,
    ledger: [],
    outcomes: [],
    lots: [],
    head: 0,
    balance: 0,
    redeemed: new D(0),
    paidPeriods: new Set<string>(),
    monthly: new Map<string, number>(),
  };
  const { lots } = account;
  let afterAsOf = 0;
  const expireThrough = (date: string) => {
    while (account.head < lots.length && lots[account.head]!.expiresOn <= date) POINTS_LINE_KINDS.expiry.post(account, lots[account.head++]!);
  };
  let ri = 0;
  const redeemThrough = (date: string | null) => {
    while (ri < redemptionOrder.length) {
      const j = redemptionOrder[ri]!;
      const r = p.redemptions[j]!;
      if (r.date > p.asOf) {
        afterAsOf++;
        ri++;
        continue;
      }
      if (date !== null && r.date >= date) return;
      expireThrough(r.date);
      POINTS_LINE_KINDS.redemption.post(account, j);
      ri++;
    }
  };
  for (const i of order) {
    const e = p.events[i]!;
    if (e.date > p.asOf) {
      afterAsOf++;
      continue;
    }
    // Redemptions of earlier days first; on the same day awards come before redemptions.
    redeemThrough(e.date);
    expireThrough(e.date);
    POINTS_LINE_KINDS.award.post(account, i);
  }
  redeemThrough(null);
  expireThrough(p.asOf);
  return { ledger: account.ledger, outcomes: account.outcomes, lots: lots.slice(account.head).filter((l) => l.remaining > 0), balance: account.balance, monthly: account.monthly, redeemed: account.redeemed, afterAsOf };
}

/**
 * A points account as of a date: awards per day / ISO week on the first qualifying event,
 * cut to what the calendar month's cap leaves; points expire 12 months after award (usable
 * only before); redemptions of whole points use the oldest unexpired points first, and more
 * than the unexpired balance is an error. Events and redemptions are taken in date order.
 *
 * @example
 * ```ts
 * const r = incentivePoints({ currency: "CNY", asOf: "2026-02-28",
 *   events: [{ kind: "glucoseReading", date: "2026-02-01" }, { kind: "dietCheckIn", date: "2026-02-02" }] });
 * r.balance; // 6
 * ```
 *
 * @category Incentive Points
 * @param input - the named arguments, parsed with `incentivePointsInputSchema` (JSON as a backend stores it)
 * @throws {ValidationError} when the input does not match `incentivePointsInputSchema` (the issue names the field path)
 * @throws {DomainError} INCONSISTENT_INPUT when an event has no award rule for its kind (`events.<i>.kind`), or a redemption exceeds the unexpired balance (`redemptions.<j>.points`)
 * @throws {ValidationError} `date_out_of_range` when points would expire after the year 9999
 */
export function incentivePoints(input: z.input<typeof incentivePointsInputSchema>): IncentivePointsResult {
  const p = parseInput(incentivePointsInputSchema, input, "incentivePoints");
  const r = run(p, true);
  const monthly = [...r.monthly.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, points]) => ({ month, points }));
  const redeemedValue = money(r.redeemed, p.currency);
  const rules = p.rules;
  const explanation: Step[] = [
    step(
      "care.points.rules",
      `Awards: ${rules.awards.map((a) => `${a.event} ${a.points} per ${AWARD_PERIODS[a.per].name}`).join(", ")}; cap ${rules.monthlyCap} a calendar month; points expire ${rules.expiryMonths} months after award; ${text(rules.pointValue)} ${p.currency} a point.`,
      { monthlyCap: rules.monthlyCap, expiryMonths: rules.expiryMonths, pointValue: rules.pointValue },
    ),
    ...r.ledger.map((l) => step(POINTS_LINE_KINDS[l.kind].rule, l.text, { date: l.date, points: l.points, balance: l.balance, ref: l.ref }, l.value ?? undefined)),
    step("care.points.balance", `Unexpired balance on ${p.asOf}: ${r.balance} point(s).`, { asOf: p.asOf, balance: r.balance }),
  ];
  return {
    asOf: p.asOf,
    ledger: r.ledger,
    events: r.outcomes,
    balance: r.balance,
    lots: r.lots.map((l) => ({ awardedOn: l.awardedOn, expiresOn: l.expiresOn, remaining: l.remaining })),
    monthly,
    redeemedValue,
    afterAsOf: r.afterAsOf,
    explanation,
  };
}

/**
 * Input of {@link incentivePointsCohort}: one scheme, many accounts, one as-of date.
 *
 * @category Incentive Points
 */
export const incentivePointsCohortInputSchema = lazySchema(() => z.strictObject({
  /** The currency points are valued in (ISO 4217); required. */
  currency: careCurrencySchema,
  /** The one set of points rules every account follows. */
  rules: pointsRulesSchema.prefault({}),
  /** The day the balances are taken. */
  asOf: careDateSchema,
  /** How point values are rounded to the currency (default half-up). */
  rounding: roundingSchema.default("half-up"),
  /** The accounts, one per patient. */
  patients: z.array(
    z.strictObject({
      /** The patient's id. */
      patientId: z.string().min(1),
      /** This patient's events (default none). */
      events: z.array(pointsEventSchema).default([]),
      /** This patient's redemptions (default none). */
      redemptions: z.array(pointsRedemptionSchema).default([]),
    }),
  ),
}));

/**
 * One account in a cohort run.
 *
 * @category Incentive Points
 */
export interface IncentivePointsCohortRow {
  readonly patientId: string;
  readonly awarded: number;
  readonly redeemed: number;
  readonly expired: number;
  readonly balance: number;
}

/**
 * Points for many accounts under one scheme, by the same core as {@link incentivePoints}
 * without sentences: awarded, redeemed, expired and unexpired balance per account.
 *
 * @example
 * ```ts
 * incentivePointsCohort({ currency: "CNY", asOf: "2026-12-31",
 *   patients: [{ patientId: "p1", events: [{ kind: "glucoseReading", date: "2026-03-01" }] }] }).patients[0].balance; // 1
 * ```
 *
 * @category Incentive Points
 * @param input - the named arguments, parsed with `incentivePointsCohortInputSchema` (JSON as a backend stores it)
 * @throws {ValidationError} when the input does not match `incentivePointsCohortInputSchema` (the issue names the field path)
 * @throws {DomainError} INCONSISTENT_INPUT as in `incentivePoints`, with the path under `patients.<n>`
 */
export function incentivePointsCohort(input: z.input<typeof incentivePointsCohortInputSchema>): { readonly asOf: string; readonly patients: readonly IncentivePointsCohortRow[]; readonly explanation: readonly Step[] } {
  const p = parseInput(incentivePointsCohortInputSchema, input, "incentivePointsCohort");
  // Accounts share award dates, so each date's expiry is computed once per call (no state kept between calls).
  const expiryOf = dueDateMemo();
  const patients = p.patients.map((pt, n): IncentivePointsCohortRow => {
    let r: ReturnType<typeof run>;
    try {
      r = run({ currency: p.currency, rules: p.rules, asOf: p.asOf, rounding: p.rounding, events: pt.events, redemptions: pt.redemptions }, false, expiryOf);
    } catch (e) {
      // Name the account in the path.
      if (e instanceof DomainError) throw new DomainError(e.code, e.reason, { path: ["patients", n, ...e.path], details: { ...e.details } });
      if (e instanceof ValidationError) throw new ValidationError(e.issues.map((i) => ({ ...i, path: ["patients", n, ...i.path] })), "incentivePointsCohort");
      throw e;
    }
    const totals: Record<PointsTotal, number> = { awarded: 0, redeemed: 0, expired: 0 };
    for (const l of r.ledger) {
      const kind = POINTS_LINE_KINDS[l.kind];
      totals[kind.total] += kind.sign * l.points;
    }
    return { patientId: pt.patientId, awarded: totals.awarded, redeemed: totals.redeemed, expired: totals.expired, balance: r.balance };
  });
  return { asOf: p.asOf, patients, explanation: [step("care.points.cohort", `${patients.length} account(s) as of ${p.asOf}; per account as in incentivePoints.`, { patients: patients.length })] };
}

/**
 * Input of {@link followUpUplift}.
 *
 * @category Incentive Points
 */
export const followUpUpliftInputSchema = lazySchema(() => z
  .strictObject({
    /** The currency of the claims (ISO 4217); required. */
    currency: careCurrencySchema,
    /** The course's claims as first settled: eligible amount and the ratio applied. */
    claims: z
      .array(
        z.strictObject({
          /** The claim's id, for the record. */
          claimId: z.string().min(1).optional(),
          /** The claim's service date, for the record. */
          serviceDate: careDateSchema.optional(),
          /** The claim's eligible amount, ≥ 0. */
          eligible: nonNegativeAmountSchema,
          /** The ratio the claim was settled at, a rate in [0, 1]. */
          ratio: rateSchema,
        }),
      )
      .min(1),
    /** Whether the course had full follow-up (followUpStatus's `fullFollowUp`). */
    fullFollowUp: z.boolean(),
    /** The day full follow-up was completed (followUpStatus's `completedOn`); the top-up is dated on it. */
    completedOn: careDateSchema.optional(),
    /** The uplift u of the ratio, 0.05 by default **[fixed]**. */
    uplift: rateSchema.prefault(0.05),
    /** How the top-up is rounded, once (default half-up). */
    rounding: roundingSchema.default("half-up"),
  })
  .refine((x) => !x.fullFollowUp || x.completedOn !== undefined, { message: "a full follow-up needs its completion date (completedOn) to date the top-up", path: ["completedOn"] }));

/**
 * The follow-up uplift: the course re-settled at the uplifted ratio, paid as one dated top-up.
 *
 * @category Incentive Points
 */
export interface FollowUpUplift {
  /** What the fund paid on the claims as first settled (each claim rounded). */
  readonly fund: Money;
  /** Σ eligible × (min(r + u, 1) − r), rounded once; 0.00 without full follow-up. */
  readonly topUp: Money;
  /** The completion date, or `null` when there is no top-up. */
  readonly topUpDate: string | null;
  readonly claims: readonly { readonly claimId: string | null; readonly ratio: string; readonly upliftedRatio: string }[];
  readonly explanation: readonly Step[];
}

/**
 * Full follow-up re-settles a course's claims at min(r + 0.05, 1): top-up =
 * Σ eligible × (min(r + u, 1) − r), rounded once and dated on completion; else none.
 *
 * @example
 * ```ts
 * followUpUplift({ currency: "CNY", fullFollowUp: true, completedOn: "2026-12-20",
 *   claims: [{ eligible: "100000", ratio: 0.98 }] }).topUp; // CNY 2000.00 (ratio capped at 1)
 * ```
 *
 * @category Incentive Points
 * @param input - the named arguments, parsed with `followUpUpliftInputSchema` (JSON as a backend stores it)
 * @throws {ValidationError} when the input does not match `followUpUpliftInputSchema` (the issue names the field path)
 */
export function followUpUplift(input: z.input<typeof followUpUpliftInputSchema>): FollowUpUplift {
  const p = parseInput(followUpUpliftInputSchema, input, "followUpUplift");
  const one = new D(1);
  let fund = money(0, p.currency);
  let extra: Dec = new D(0);
  let eligible: Dec = new D(0);
  const claims = p.claims.map((c) => {
    const up = D.min(c.ratio.plus(p.uplift), one);
    fund = money(fund.amount.plus(round(money(c.eligible.times(c.ratio), p.currency), p.rounding).amount), p.currency);
    extra = extra.plus(c.eligible.times(up.minus(c.ratio)));
    eligible = eligible.plus(c.eligible);
    return { claimId: c.claimId ?? null, ratio: text(c.ratio), upliftedRatio: text(up) };
  });
  const topUp = p.fullFollowUp ? round(money(extra, p.currency), p.rounding) : money(0, p.currency);
  return {
    fund,
    topUp,
    topUpDate: p.fullFollowUp ? (p.completedOn as string) : null,
    claims,
    explanation: [
      step("care.uplift.fund", `The ${p.claims.length} claim(s) of the course, eligible ${money(eligible, p.currency).amount.toFixed()} in all, were settled at their ratios; the fund paid the sum of each claim rounded.`, { claims: p.claims.length, eligible: money(eligible, p.currency) }, fund),
      p.fullFollowUp
        ? step("care.uplift.top-up", `Full follow-up completed ${p.completedOn}: each claim re-settled at min(r + ${text(p.uplift)}, 1); top-up = Σ eligible × (uplifted − r), rounded once (${p.rounding}), dated ${p.completedOn}.`, { uplift: p.uplift, completedOn: p.completedOn as string }, topUp)
        : step("care.uplift.none", "No full follow-up: the claims stay as settled, no top-up.", { fullFollowUp: false }, topUp),
    ],
  };
}
