import { quote } from "../money/decimal.js";
import * as z from "zod";
import { isoDateSchema, step, type Step, ValidationError } from "../core/index.js";
import type { Money } from "../money/index.js";
import { isCalendarDate } from "./calendar.js";
import { outcomeEventsSchema } from "./events.js";
import { draftLedger, draftTotals } from "./ledger-drafts.js";
import type { ContractEvaluation, LedgerLine } from "./ledger.js";
import {
  isParsedContract,
  isParsedContractVersions,
  type ParsedContract,
  type ParsedContractVersions,
  parseContract,
  parseContractVersions,
} from "./parse-contract.js";

/**
 * The inputs of {@link evaluateContract} as one document (for callers that store or
 * queue evaluations): a contract (or versioned contract), the patient's events, an as-of date.
 */
export const evaluateContractInputSchema = z.strictObject({
  contract: z.unknown(),
  events: outcomeEventsSchema,
  asOf: isoDateSchema,
});

/** A contract as {@link evaluateContract} accepts it: parsed once, or raw JSON. */
export type ContractLike = ParsedContract | ParsedContractVersions | unknown;

/**
 * Evaluates an outcome-based contract for one patient: which scheduled amounts are
 * paid or withheld, which bonuses, refunds and clawbacks apply, as dated ledger lines
 * up to `asOf`, with totals and an explanation for every line.
 *
 * `contract` is a {@link ParsedContract} (parse once with {@link parseContract} for a
 * cohort), a {@link ParsedContractVersions}, or raw JSON of either. Events dated after
 * `asOf` are ignored; events out of date order or before treatment start are a
 * {@link core!DomainError | DomainError} `EVENT_ORDER`; malformed events a {@link core!ValidationError | ValidationError}.
 *
 * @example
 * ```ts
 * const r = evaluateContract(k1, [
 *   { kind: "infusion", date: "2026-01-15" },
 *   { kind: "crs", date: "2026-01-20", grade: 2 },
 * ], "2026-12-31");
 * r.totals.net.toString(); // "CNY 840000.00"
 * ```
 */
export function evaluateContract(contract: ContractLike, events: unknown, asOf: string): ContractEvaluation {
  if (!isCalendarDate(asOf)) {
    throw new ValidationError([{ path: ["asOf"], code: "invalid_date", message: `expected a calendar date YYYY-MM-DD, got ${quote(asOf)}` }], "evaluateContract");
  }
  const parsed: ParsedContract | ParsedContractVersions =
    isParsedContract(contract) || isParsedContractVersions(contract)
      ? contract
      : typeof contract === "object" && contract !== null && "versions" in contract
        ? parseContractVersions(contract)
        : parseContract(contract);
  const { terms: c, start, known, ignored, drafts } = draftLedger(parsed, events, asOf);
  const money = c.formatUnits;
  const toMoney = c.toMoney;
  const lines: LedgerLine[] = [];
  const steps: Step[] = [];
  const who = `${c.id}${c.version === null ? "" : ` version ${c.version}`}`;
  steps.push(
    step("contracts.evaluate.terms", `Patient settled under contract ${who}; treatment started ${start}; evaluated as of ${asOf}${ignored > 0 ? ` (${ignored} later event(s) ignored)` : ""}.`, {
      contract: c.id,
      version: c.version,
      treatmentStart: start,
      asOf,
      eventsConsidered: known.length,
    }),
  );
  for (const d of drafts) {
    const amount: Money = toMoney(d.units);
    const words = d.say();
    const explanation = step(d.rule, words.text, words.inputs, amount);
    steps.push(explanation);
    const line: LedgerLine =
      d.kind === "withheld"
        ? { date: d.date, kind: d.kind, termId: d.termId, label: d.label, amount, withheld: toMoney(d.withheldUnits ?? 0n), ...(d.failedCondition ? { failedCondition: d.failedCondition } : {}), explanation }
        : { date: d.date, kind: d.kind, termId: d.termId, label: d.label, amount, explanation };
    lines.push(line);
  }
  const { payments, bonuses, gross, refunded, net, withheld } = draftTotals(drafts);
  const totals = {
    payments: toMoney(payments),
    bonuses: toMoney(bonuses),
    gross: toMoney(gross),
    refunded: toMoney(refunded),
    net: toMoney(net),
    withheld: toMoney(withheld),
  };
  steps.push(
    step(
      "contracts.evaluate.totals",
      `Paid ${money(gross)} (payments ${money(payments)}, bonuses ${money(bonuses)}), refunded ${money(refunded)}, net ${money(net)}; withheld ${money(withheld)}.`,
      { gross: totals.gross, refunded: totals.refunded, withheld: totals.withheld },
      totals.net,
    ),
  );
  return { contractId: c.id, version: c.version, currency: c.currency, asOf, treatmentStart: start, lines, totals, explanation: steps };
}
