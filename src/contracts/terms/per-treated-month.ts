// Payment kind `perTreatedMonth` (K4): every treated month is paid at the price until a stop event.
import * as z from "zod";
import { findFirst } from "../conditions.js";
import type { FailedCondition } from "../ledger.js";
import { because, type PayingTermKind, prepareMatchers } from "./kind.js";
import { type EventMatcher, eventMatcherSchema } from "./schemas.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * Per-treated-month pricing (K4): every `treatedMonth` event is paid at the price. The
 * first `stopOn` event stops treatment: later treated months are not paid (withheld).
 *
 * @category Term Kinds
 */
export const perTreatedMonthTermSchema = lazySchema(() => z.strictObject({
  /** Payment type `perTreatedMonth` (K4): every `treatedMonth` event is paid at the contract's price. */
  type: z.literal("perTreatedMonth"),
  /** Matchers of the events that stop payment: from the first one on, treated months are not paid (withheld); default none. */
  stopOn: z.array(eventMatcherSchema).default([]),
  /** The most treated months paid, 1–1200; later months are withheld. No limit when absent. */
  maxMonths: z.number().int().min(1).max(1200).optional(),
}));

/**
 * A per-treated-month payment after parsing.
 *
 * @category Term Kinds
 */
export interface ParsedPerTreatedMonth {
  readonly kind: "perTreatedMonth";
  readonly type: "perTreatedMonth";
  readonly stopOn: readonly EventMatcher[];
  readonly maxMonths: number | null;
}

/** The `perTreatedMonth` payment kind. It publishes the months it paid for per-month bonuses. */
export const perTreatedMonthKind: PayingTermKind<"perTreatedMonth", typeof perTreatedMonthTermSchema, ParsedPerTreatedMonth> = {
  type: "perTreatedMonth",
  schema: perTreatedMonthTermSchema,
  prepare: (term, ctx) => ({ kind: "perTreatedMonth", type: "perTreatedMonth", stopOn: prepareMatchers(term.stopOn, ctx, [...ctx.path, "stopOn"]), maxMonths: term.maxMonths ?? null }),
  // Grows with the treated months recorded.
  maxUnits: () => null,
  draft(pay, ctx) {
    const { known, start, asOf, money, paidMonths } = ctx;
    const stop = pay.stopOn.length > 0 ? findFirst(ctx.lookup, pay.stopOn, start, asOf) : null;
    const unit = ctx.contract.priceUnits;
    for (const e of known) {
      if (e.kind !== "treatedMonth") continue;
      const ordinal = paidMonths.length + 1;
      if (stop !== null && stop.date <= e.date) {
        const f: FailedCondition = { condition: `treatment stops at the first ${pay.stopOn.map((m) => m.kind).join(" or ")}`, event: { kind: stop.kind, date: stop.date } };
        ctx.emit({
          date: e.date, kind: "withheld", termId: "treated-month", label: `Treated month on ${e.date}`, units: 0n, withheldUnits: unit, failed: () => f,
          rule: "contracts.treated-month.after-stop",
          say: () => ({ inputs: { date: e.date }, text: `A treated month on ${e.date} is not paid: ${because(f)}.` }),
        });
        continue;
      }
      if (pay.maxMonths !== null && ordinal > pay.maxMonths) {
        const maxMonths = pay.maxMonths;
        const f: FailedCondition = { condition: `at most ${maxMonths} treated months are paid`, event: null };
        ctx.emit({
          date: e.date, kind: "withheld", termId: "treated-month", label: `Treated month on ${e.date}`, units: 0n, withheldUnits: unit, failed: () => f,
          rule: "contracts.treated-month.over-max",
          say: () => ({ inputs: { date: e.date, maxMonths }, text: `A treated month on ${e.date} is not paid: the contract pays at most ${maxMonths} months.` }),
        });
        continue;
      }
      paidMonths.push({ ordinal, date: e.date });
      const label = `Treated month ${ordinal} at ${money(unit)}`;
      ctx.emit({
        date: e.date, kind: "payment", termId: `treated-month-${ordinal}`, label, units: unit, rule: "contracts.treated-month.paid",
        say: () => ({ inputs: { date: e.date, month: ordinal }, text: `${label} on ${e.date} is paid.` }),
      });
    }
  },
};
