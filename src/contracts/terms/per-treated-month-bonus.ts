// Bonus kind `perTreatedMonth` (K4): assessed once; if earned, every paid treated month
// from `fromMonth` on (all of them when retroactive) carries the bonus.
import * as z from "zod";
import { nonNegativeAmountSchema } from "../../core/index.js";
import type { Money } from "../../money/index.js";
import type { DueOffset } from "../calendar.js";
import { checkConditions } from "../conditions.js";
import { groupedText } from "../../money/format.js";
import { because, type DraftWords, failed, type ParsedCondition, type PayingTermKind, parseConditions, unitsAt } from "./kind.js";
import { conditionSchema, dueOffsetSchema } from "./schemas.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * A per-treated-month bonus (K4): at `assessAt` the conditions are checked; if they
 * hold, every treated month from `fromMonth` on earns `amount` — and, when
 * `retroactive`, the earlier months too.
 *
 * @category Term Kinds
 */
export const perTreatedMonthBonusTermSchema = lazySchema(() => z.strictObject({
  /** Bonus type `perTreatedMonth` (K4): an amount per paid treated month, earned at one assessment. */
  type: z.literal("perTreatedMonth"),
  /** The bonus's identifier in ledger lines; default `bonus-N` (its position, from 1). */
  id: z.string().min(1).optional(),
  /** How the bonus reads in ledgers; generated when absent. */
  label: z.string().min(1).optional(),
  /** The bonus per treated month, in the contract's currency, ≥ 0. */
  amount: nonNegativeAmountSchema,
  /** When the conditions are checked, as an offset from treatment start. */
  assessAt: dueOffsetSchema,
  /** Conditions that must hold at the assessment for the bonus to be earned; default none. */
  conditions: z.array(conditionSchema).default([]),
  /** The first treated month (counted from 1) that earns the bonus, 1–1200; default 1. */
  fromMonth: z.number().int().min(1).max(1200).default(1),
  /** Whether the months before `fromMonth` earn it too once it is earned; default false. */
  retroactive: z.boolean().default(false),
}));

/**
 * A per-treated-month bonus after parsing.
 *
 * @category Term Kinds
 */
export interface ParsedPerTreatedMonthBonus {
  readonly kind: "perTreatedMonth";
  readonly type: "perTreatedMonth";
  readonly id: string;
  readonly label: string;
  readonly units: bigint;
  readonly amount: Money;
  readonly assessAt: DueOffset;
  readonly conditions: readonly ParsedCondition[];
  readonly fromMonth: number;
  readonly retroactive: boolean;
}

/** The `perTreatedMonth` bonus kind (reads the months the payment term paid). */
export const perTreatedMonthBonusKind: PayingTermKind<"perTreatedMonth", typeof perTreatedMonthBonusTermSchema, ParsedPerTreatedMonthBonus> = {
  type: "perTreatedMonth",
  schema: perTreatedMonthBonusTermSchema,
  prepare(b, ctx) {
    const units = unitsAt(b.amount, ctx, [...ctx.path, "amount"]);
    const id = b.id ?? `bonus-${ctx.index + 1}`;
    return {
      kind: "perTreatedMonth", type: "perTreatedMonth", id, label: b.label ?? `Bonus ${id} per treated month`, units, amount: ctx.toMoney(units),
      assessAt: b.assessAt, conditions: parseConditions(b.conditions, ctx, [...ctx.path, "conditions"]), fromMonth: b.fromMonth, retroactive: b.retroactive,
    };
  },
  maxUnits: () => null,
  draft(b, ctx) {
    const { start, asOf, lookup, dueDate, money } = ctx;
    const scale = ctx.contract.scale;
    const assessed = dueDate(start, b.assessAt);
    if (assessed > asOf) return;
    const check = checkConditions(b.conditions, lookup, start, assessed, dueDate);
    const inputs = (): DraftWords["inputs"] => ({ assessed, perMonth: groupedText(b.units, scale), fromMonth: b.fromMonth, retroactive: b.retroactive ? "yes" : "no", conditions: b.conditions.map((x) => x.label) });
    if (!check.ok) {
      const why = () => failed(check);
      ctx.emit({
        date: assessed, kind: "withheld", termId: b.id, label: b.label, units: 0n, withheldUnits: 0n, failed: why, rule: "contracts.bonus.not-earned",
        say: () => ({ inputs: inputs(), text: `${b.label} (${money(b.units)} per treated month) is not earned at the assessment on ${assessed}: ${because(why())}.` }),
      });
      return;
    }
    let onAssessment = 0;
    const firstOrdinals: number[] = [];
    for (const m of ctx.paidMonths) {
      if (m.ordinal < b.fromMonth && !b.retroactive) continue;
      const date = m.date > assessed ? m.date : assessed;
      if (date > asOf) continue;
      if (date === assessed) {
        onAssessment++;
        firstOrdinals.push(m.ordinal);
        continue;
      }
      ctx.emit({
        date, kind: "bonus", termId: b.id, label: b.label, units: b.units, rule: "contracts.bonus.per-month",
        say: () => ({ inputs: { month: m.ordinal, date }, text: `${b.label}: treated month ${m.ordinal} on ${date} earns ${money(b.units)}.` }),
      });
    }
    if (onAssessment > 0) {
      const count = onAssessment;
      const units = b.units * BigInt(count);
      const months = firstOrdinals.length === 1 ? `month ${firstOrdinals[0]}` : `months ${firstOrdinals[0]}–${firstOrdinals[firstOrdinals.length - 1]}`;
      ctx.emit({
        date: assessed, kind: "bonus", termId: b.id, label: b.label, units, rule: "contracts.bonus.at-assessment",
        say: () => ({
          inputs: { ...inputs(), months: count },
          text: `${b.label} is earned at the assessment on ${assessed}${b.retroactive ? " (retroactive)" : ""}: ${count} treated month(s) (${months}) × ${money(b.units)} = ${money(units)}.`,
        }),
      });
    } else {
      ctx.emit({
        date: assessed, kind: "bonus", termId: b.id, label: b.label, units: 0n, rule: "contracts.bonus.earned",
        say: () => ({ inputs: inputs(), text: `${b.label} is earned at the assessment on ${assessed}: treated months from month ${b.fromMonth} will carry ${money(b.units)} each.` }),
      });
    }
  },
};
