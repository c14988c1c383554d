// What each kind of points-ledger line means, in one table (the kinds are small): how it is
// posted (the award's cap, the redemption's oldest-first draw, the expiry of a lot), its
// sign on the ledger, the cohort total it counts toward and its explanation rule. The
// ledger (run in incentive-points.ts), incentivePointsCohort's totals and the explanation
// all read POINTS_LINE_KINDS, so a new line kind is one entry here.
import type { DueOffset } from "../../contracts/calendar.js";
import { inconsistent, invalid } from "../../kernel/index.js";
import { type Dec, money, round, type Rounding } from "../../money/index.js";
import { text } from "../common.js";
import type { PointsEventOutcome, PointsLedgerLine } from "../incentive-points.js";
import { AWARD_PERIODS } from "./award-periods.js";

/** An unexpired award lot, drawn oldest first. */
export interface Lot {
  readonly awardedOn: string;
  readonly expiresOn: string;
  remaining: number;
}

/** One account's state while its ledger is posted (mutable, local to one run). Internal. */
export interface PointsAccount {
  readonly rules: {
    readonly awards: readonly { readonly event: string; readonly per: keyof typeof AWARD_PERIODS; readonly points: number }[];
    readonly monthlyCap: number;
    readonly expiryMonths: number;
    readonly pointValue: Dec;
  };
  readonly currency: string;
  readonly rounding: Rounding;
  readonly events: readonly { readonly kind: string; readonly date: string }[];
  readonly redemptions: readonly { readonly date: string; readonly points: number; readonly for?: string | undefined }[];
  /** Index of each event's award rule. */
  readonly rank: readonly number[];
  /** Whether lines carry sentences (the cohort run leaves them empty). */
  readonly explain: boolean;
  readonly expiryOf: (start: string, offset: DueOffset) => string;
  readonly ledger: PointsLedgerLine[];
  readonly outcomes: PointsEventOutcome[];
  readonly lots: Lot[];
  /** The first lot that may still have points. */
  head: number;
  balance: number;
  redeemed: Dec;
  /** Award rule and period pairs already paid. */
  readonly paidPeriods: Set<string>;
  /** Points awarded per calendar month. */
  readonly monthly: Map<string, number>;
}

/** A cohort row's point totals. */
export type PointsTotal = "awarded" | "redeemed" | "expired";

/** Everything about one kind of points-ledger line. Internal. */
export interface PointsLineKindRecord<S> {
  /** The rule id of the line's explanation step. */
  readonly rule: string;
  /** The sign of the line's points: + awarded, − drawn from the balance. */
  readonly sign: 1 | -1;
  /** The cohort total the line counts toward (as sign × points, a count ≥ 0). */
  readonly total: PointsTotal;
  /** Posts what `source` causes to the account (no line when it moves no points). */
  post(account: PointsAccount, source: S): void;
}

type LineKind = PointsLedgerLine["kind"];

/** Appends a line of `kind` moving `count` points (≥ 1) with the record's sign. */
function append(a: PointsAccount, kind: LineKind, count: number, l: Pick<PointsLedgerLine, "date" | "ref" | "lots" | "value" | "text">): void {
  const points = POINTS_LINE_KINDS[kind].sign * count;
  a.balance += points;
  a.ledger.push({ seq: a.ledger.length + 1, date: l.date, kind, points, balance: a.balance, ref: l.ref, lots: l.lots, value: l.value, text: l.text });
}

/** `award`: an event's points, once per rule and period, cut to what the month's cap leaves. Source: the event's index. */
const award: PointsLineKindRecord<number> = {
  rule: "care.points.award",
  sign: 1,
  total: "awarded",
  post(a, i) {
    const e = a.events[i]!;
    const rules = a.rules;
    const rule = rules.awards[a.rank[i]!]!;
    const period = AWARD_PERIODS[rule.per];
    const key = `${a.rank[i]}|${period.start(e.date)}`;
    if (a.paidPeriods.has(key)) {
      a.outcomes.push({ event: i, kind: e.kind, date: e.date, points: 0, reason: "alreadyAwarded" });
      return;
    }
    a.paidPeriods.add(key);
    const month = e.date.slice(0, 7);
    const used = a.monthly.get(month) ?? 0;
    const left = Math.max(rules.monthlyCap - used, 0);
    const points = Math.min(rule.points, left);
    const reason = points === rule.points ? "awarded" : points === 0 ? "capReached" : "cut";
    a.outcomes.push({ event: i, kind: e.kind, date: e.date, points, reason });
    if (points === 0) return;
    a.monthly.set(month, used + points);
    const expiresOn = a.expiryOf(e.date, { months: rules.expiryMonths, days: 0 });
    if (expiresOn.length !== 10) throw invalid(["events", i, "date"], `points awarded ${e.date} would expire after the year 9999`, "date_out_of_range");
    a.lots.push({ awardedOn: e.date, expiresOn, remaining: points });
    append(a, "award", points, {
      date: e.date,
      ref: `events[${i}]`,
      lots: [],
      value: null,
      text: a.explain ? `${e.kind} on ${e.date}: ${points} point(s) for the ${period.span(e.date)}${reason === "cut" ? `, cut from ${rule.points} to what the ${rules.monthlyCap}-point cap of ${month} left` : ""}.` : "",
    });
  },
};

/** `redemption`: whole points drawn oldest first, never more than the unexpired balance. Source: the redemption's index. */
const redemption: PointsLineKindRecord<number> = {
  rule: "care.points.redemption",
  sign: -1,
  total: "redeemed",
  post(a, j) {
    const r = a.redemptions[j]!;
    if (r.points > a.balance) {
      throw inconsistent(["redemptions", j, "points"], `redeeming ${r.points} point(s) on ${r.date} is more than the unexpired balance ${a.balance}`, { requested: r.points, balance: a.balance });
    }
    let want = r.points;
    const used: { awardedOn: string; points: number }[] = [];
    for (let k = a.head; want > 0 && k < a.lots.length; k++) {
      const lot = a.lots[k]!;
      if (lot.remaining === 0) continue;
      const take = Math.min(lot.remaining, want);
      lot.remaining -= take;
      want -= take;
      used.push({ awardedOn: lot.awardedOn, points: take });
    }
    while (a.head < a.lots.length && a.lots[a.head]!.remaining === 0) a.head++;
    const exact = a.rules.pointValue.times(r.points);
    const value = round(money(exact, a.currency), a.rounding);
    a.redeemed = a.redeemed.plus(value.amount);
    append(a, "redemption", r.points, {
      date: r.date,
      ref: `redemptions[${j}]`,
      lots: used,
      value,
      text: a.explain ? `Redeemed ${r.points} point(s) on ${r.date}${r.for ? ` for ${r.for}` : ""}, oldest first (awarded ${used[0]!.awardedOn}…${used[used.length - 1]!.awardedOn}), worth ${text(a.rules.pointValue)} ${a.currency} a point.` : "",
    });
  },
};

/** `expiry`: what is left of a lot on its expiry day. Source: the lot. */
const expiry: PointsLineKindRecord<Lot> = {
  rule: "care.points.expiry",
  sign: -1,
  total: "expired",
  post(a, lot) {
    if (lot.remaining === 0) return;
    const n = lot.remaining;
    lot.remaining = 0;
    append(a, "expiry", n, { date: lot.expiresOn, ref: `lot ${lot.awardedOn}`, lots: [{ awardedOn: lot.awardedOn, points: n }], value: null, text: a.explain ? `${n} point(s) awarded ${lot.awardedOn} expire on ${lot.expiresOn} (usable only before).` : "" });
  },
};

/** Every points-ledger line kind. */
export const POINTS_LINE_KINDS = { award, redemption, expiry } as const satisfies Record<LineKind, PointsLineKindRecord<never>>;
