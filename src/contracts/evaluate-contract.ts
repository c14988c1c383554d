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
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * The inputs of {@link evaluateContract} as one document (for callers that store or
 * queue evaluations): a contract (or versioned contract), the patient's events, an as-of date.
 *
 * @category Evaluation
 */
export const evaluateContractInputSchema = lazySchema(() => z.strictObject({
  /** The contract or versioned contract, as JSON or already parsed. */
  contract: z.unknown(),
  /** The patient's dated outcome events, treatment start first. */
  events: outcomeEventsSchema,
  /** The as-of date (YYYY-MM-DD); events dated after it are ignored. */
  asOf: isoDateSchema,
}));

/**
 * A contract as {@link evaluateContract} accepts it: parsed once, or raw JSON.
 *
 * @category Evaluation
 */
export type ContractLike = ParsedContract | ParsedContractVersions | unknown;

/**
 * The named arguments of {@link evaluateContract} and {@link evaluateContractMinorUnits}.
 *
 * @category Evaluation
 */
export interface EvaluateContractInput {
  readonly contract: ContractLike;
  readonly events: unknown;
  readonly asOf: string;
}

/**
 * Reads the named form `{ contract, events, asOf }` (issue 13 item 4). The positional
 * form `(contract, events, asOf)` is kept for existing callers. A contract document never
 * has a `contract` key (its schema is strict), so the two cannot be confused.
 */
export function namedArguments(first: unknown, events: unknown, asOf: unknown, fn: string): { contract: unknown; events: unknown; asOf: unknown } {
  if (events !== undefined || asOf !== undefined || typeof first !== "object" || first === null || isParsedContract(first) || isParsedContractVersions(first) || !Object.hasOwn(first, "contract")) {
    return { contract: first, events, asOf };
  }
  const unknownKeys = Object.keys(first).filter((k) => k !== "contract" && k !== "events" && k !== "asOf");
  if (unknownKeys.length > 0) {
    throw new ValidationError(unknownKeys.map((k) => ({ path: [k], code: "unrecognized_keys", message: `unknown field "${k}": the input is { contract, events, asOf }` })), fn);
  }
  const named = first as { contract: unknown; events: unknown; asOf: unknown };
  return { contract: named.contract, events: named.events, asOf: named.asOf };
}

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
 * Named arguments (`evaluateContract({ contract, events, asOf })`) are the documented
 * form; the positional form `(contract, events, asOf)` still works.
 *
 * @example
 * ```ts
 * declare const k1: ReturnType<typeof parseContract>;
 * const r = evaluateContract({
 *   contract: k1,
 *   events: [{ kind: "infusion", date: "2026-01-15" }, { kind: "crs", date: "2026-01-20", grade: 2 }],
 *   asOf: "2026-12-31",
 * });
 * r.totals.net.toString(); // "CNY 840000.00"
 * ```
 *
 * @param input - Named arguments `{ contract, events, asOf }` (the documented form); or, in the positional form, the contract (parsed or raw JSON).
 * @param positionalEvents - Positional form only: the patient's outcome events, in date order.
 * @param positionalAsOf - Positional form only: the as-of date `YYYY-MM-DD`.
 * @throws {ValidationError} when `asOf` is not a calendar date (`asOf`), a raw contract does not match `contractSchema` / `contractVersionsSchema`, or an event is malformed (the field path is named, e.g. `events[2].date`).
 * @throws {DomainError} EVENT_ORDER when events are out of date order, before treatment start or after death, or there is no treatment start; INCONSISTENT_INPUT for a repeated event or one a condition cannot read; NO_APPLICABLE_TERMS when no contract version is in effect on the treatment start.
 * @category Evaluation
 */
export function evaluateContract(input: EvaluateContractInput | ContractLike, positionalEvents?: unknown, positionalAsOf?: string): ContractEvaluation {
  const { contract, events, asOf } = namedArguments(input, positionalEvents, positionalAsOf, "evaluateContract");
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
        ? { date: d.date, kind: d.kind, termId: d.termId, label: d.label, amount, withheld: toMoney(d.withheldUnits ?? 0n), ...(d.failed ? { failedCondition: d.failed() } : {}), explanation }
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
