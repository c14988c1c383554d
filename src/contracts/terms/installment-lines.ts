// Dated installments, shared by the kinds that turn a price into a list of them
// (schedule, financing): each falls due on its offset and is paid if its conditions hold.
import type { Money } from "../../money/index.js";
import type { DueOffset } from "../calendar.js";
import { checkConditions } from "../conditions.js";
import { because, type DraftContext, failed, type ParsedCondition } from "./kind.js";
import type { ExactShare } from "./schemas.js";

/**
 * One scheduled payment with its amount already allocated.
 *
 * @category Term Kinds
 */
export interface ParsedInstallment {
  readonly id: string;
  readonly label: string;
  readonly units: bigint;
  readonly amount: Money;
  /** The share of the price as an exact fraction, or null for a financing payment. */
  readonly share: ExactShare | null;
  /** The share as text ("0.3"), or "financed". */
  readonly shareText: string;
  readonly due: DueOffset;
  readonly conditions: readonly ParsedCondition[];
  /** The conditions' wording, in order. */
  readonly conditionLabels: readonly string[];
}

/** The sum of the installments, in minor units. */
export function installmentsTotal(list: readonly ParsedInstallment[]): bigint {
  let total = 0n;
  for (const i of list) total += i.units;
  return total;
}

/** Drafts every installment due by asOf: paid when its conditions hold on the due date, withheld otherwise. */
export function draftInstallments(list: readonly ParsedInstallment[], ctx: DraftContext): void {
  const { start, asOf, lookup, dueDate, money } = ctx;
  for (const inst of list) {
    const due = dueDate(start, inst.due);
    if (due > asOf) continue;
    const check = checkConditions(inst.conditions, lookup, start, due, dueDate);
    const conditions = inst.conditionLabels;
    const inputs = { due, share: inst.shareText, conditions };
    if (check.ok) {
      ctx.emit({
        date: due, kind: "payment", termId: inst.id, label: inst.label, units: inst.units, rule: "contracts.installment.paid",
        say: () => ({ inputs, text: `${inst.label} fell due on ${due} and is paid: ${money(inst.units)}${conditions.length > 0 ? ` (held: ${conditions.join("; ")})` : ""}.` }),
      });
    } else {
      const why = () => failed(check);
      ctx.emit({
        date: due, kind: "withheld", termId: inst.id, label: inst.label, units: 0n, withheldUnits: inst.units, failed: why, rule: "contracts.installment.withheld",
        say: () => ({ inputs, text: `${inst.label} fell due on ${due} and is withheld (${money(inst.units)}): ${because(why())}.` }),
      });
    }
  }
}
