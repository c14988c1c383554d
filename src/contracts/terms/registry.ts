// The registry of contract term kinds, one line per kind. The contract schema's
// discriminated unions (payment, bonuses, refunds) are assembled from these lists, and
// parseContract / the ledger find a term's behaviour here by its `type`. Adding a kind:
// write terms/<kind>.ts (schema, prepare, maxUnits, draft; or trigger for a return
// kind) and add it to one list below.
import * as z from "zod";
import type { AnyPayingKind, AnyReturnKind, PayingTermKind, ReturnTermKind } from "./kind.js";
import { scheduleKind } from "./schedule.js";
import { financingKind } from "./financing.js";
import { perTreatedMonthKind } from "./per-treated-month.js";
import { perCycleKind } from "./per-cycle.js";
import { fixedBonusKind } from "./fixed-bonus.js";
import { perTreatedMonthBonusKind } from "./per-treated-month-bonus.js";
import { refundKind } from "./refund.js";
import { clawbackKind } from "./clawback.js";
import { milestoneBonusKind } from "./milestone-bonus.js";
import { deadlineRefundKind } from "./deadline-refund.js";
import { deadlineClawbackKind } from "./deadline-clawback.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * How the contract's price is paid (`payment`): exactly one of these kinds.
 *
 * @category Term Kinds
 */
export const PAYMENT_KINDS = [
  scheduleKind,
  financingKind,
  perTreatedMonthKind,
  perCycleKind,
] as const;

/**
 * Bonuses on top of the price (`bonuses[]`).
 *
 * @category Term Kinds
 */
export const BONUS_KINDS = [
  fixedBonusKind,
  perTreatedMonthBonusKind,
  milestoneBonusKind,
] as const;

/**
 * Refunds and clawbacks (`refunds[]`): each returns a share of what was paid once triggered.
 *
 * @category Term Kinds
 */
export const RETURN_KINDS = [
  refundKind,
  clawbackKind,
  deadlineRefundKind,
  deadlineClawbackKind,
] as const;

type SchemasOf<T extends readonly { schema: z.ZodType }[]> = { -readonly [K in keyof T]: T[K]["schema"] };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
/**
 * The prepared form a term kind produces (its `prepare` result).
 *
 * @category Term Kinds
 */
export type PreparedOf<K> = K extends PayingTermKind<string, any, infer P> ? P : K extends ReturnTermKind<string, any, infer P> ? P : never;

function schemasOf<T extends readonly { schema: z.ZodType }[]>(kinds: T): SchemasOf<T> {
  return kinds.map((k) => k.schema) as SchemasOf<T>;
}

/**
 * How the contract's price is paid: one of {@link PAYMENT_KINDS}, by `type`.
 *
 * @category Term Kinds
 */
export const paymentTermSchema = lazySchema(() => z.discriminatedUnion("type", schemasOf(PAYMENT_KINDS)));

/**
 * A bonus on top of the price. `fixed`: a lump sum due at an offset if its conditions
 * hold. `perTreatedMonth` (K4): at `assessAt` the conditions are checked; if they hold,
 * every treated month from `fromMonth` on earns `amount` — and, when `retroactive`,
 * the earlier months too.
 *
 * @category Term Kinds
 */
export const bonusTermSchema = lazySchema(() => z.discriminatedUnion("type", schemasOf(BONUS_KINDS)));

/**
 * A refund or clawback: when the first `trigger` event happens (within `within` of
 * start, if given), `share` of what has been paid is returned, dated on the event —
 * and the same share of anything paid afterwards. `base` says whether bonuses count.
 * The shares of all refund terms of a contract may not exceed 1 together.
 *
 * @category Term Kinds
 */
export const refundTermSchema = lazySchema(() => z.discriminatedUnion("type", schemasOf(RETURN_KINDS)));

/**
 * How the price is paid, after parsing (one of the payment kinds' prepared forms).
 *
 * @category Term Kinds
 */
export type ParsedPayment = PreparedOf<(typeof PAYMENT_KINDS)[number]>;
/**
 * A bonus ready for evaluation.
 *
 * @category Term Kinds
 */
export type ParsedBonus = PreparedOf<(typeof BONUS_KINDS)[number]>;
/**
 * A refund or clawback ready for evaluation.
 *
 * @category Term Kinds
 */
export type ParsedRefund = PreparedOf<(typeof RETURN_KINDS)[number]>;

function lookup<K extends { type: string }>(kinds: readonly K[], slot: string): (type: string) => K {
  const byType = new Map<string, K>();
  for (const k of kinds) {
    if (byType.has(k.type)) throw new Error(`two ${slot} kinds are registered as "${k.type}"`);
    byType.set(k.type, k);
  }
  return (type) => {
    const k = byType.get(type);
    if (k === undefined) throw new Error(`no ${slot} kind "${type}" is registered`);
    return k;
  };
}

/** The payment kind registered under `type`. */
export const paymentKind: (type: string) => AnyPayingKind = lookup<AnyPayingKind>(PAYMENT_KINDS, "payment");
/** The bonus kind registered under `type`. */
export const bonusKind: (type: string) => AnyPayingKind = lookup<AnyPayingKind>(BONUS_KINDS, "bonus");
/** The refund / clawback kind registered under `type`. */
export const returnKind: (type: string) => AnyReturnKind = lookup<AnyReturnKind>(RETURN_KINDS, "refund");
