import { ValidationError } from "../core/index.js";
import { invalid } from "../kernel/index.js";
import { quote } from "../money/decimal.js";
import { isCalendarDate } from "./calendar.js";
import { draftLedger, draftTotals } from "./ledger-drafts.js";
import type { LedgerLineKind, MinorUnitLedgerTotals } from "./ledger.js";
import { namedArguments } from "./evaluate-contract.js";
import { isParsedContract, isParsedContractVersions, type ParsedContract, type ParsedContractVersions } from "./parse-contract.js";

/**
 * One ledger line of {@link evaluateContractMinorUnits}: amounts in minor units (fen, cents).
 *
 * @category Evaluation
 */
export interface MinorUnitLedgerLine {
  readonly date: string;
  readonly kind: LedgerLineKind;
  readonly termId: string;
  /** Cash effect on the manufacturer: + paid, − refunded or clawed back, 0 when withheld. */
  readonly units: bigint;
  /** What a withheld line would have paid; 0n on other lines. */
  readonly withheld: bigint;
}

/**
 * Result of {@link evaluateContractMinorUnits}.
 *
 * @category Evaluation
 */
export interface MinorUnitContractEvaluation {
  readonly contractId: string;
  readonly version: string | null;
  readonly currency: string;
  /** Decimal places of the currency's minor unit (2 for CNY): `units / 10^scale` is the amount. */
  readonly scale: number;
  readonly treatmentStart: string;
  readonly lines: readonly MinorUnitLedgerLine[];
  readonly totals: MinorUnitLedgerTotals;
}

/**
 * The bulk path of {@link evaluateContract}: the same rules drafting the same ledger,
 * to the same minor unit, with amounts as bigint minor units and no Money values,
 * sentences or steps. For settling cohorts (a million patients) where the explained
 * ledger of each patient is not needed; run {@link evaluateContract} on any patient
 * who is disputed to get the explanation. Takes a contract parsed once with
 * {@link parseContract} or {@link parseContractVersions}; events are validated as in
 * {@link evaluateContract}, with the same typed errors.
 *
 * Named arguments (`{ contract, events, asOf }`) as for {@link evaluateContract}; the
 * positional form still works.
 *
 * @example
 * ```ts
 * declare const k1Json: unknown;
 * const k1 = parseContract(k1Json);
 * const r = evaluateContractMinorUnits({ contract: k1, events: [{ kind: "infusion", date: "2026-01-15" }], asOf: "2026-12-31" });
 * r.totals.net; // 120000000n (CNY 1,200,000.00)
 * ```
 *
 * @param input - Named arguments `{ contract, events, asOf }`, with `contract` made by {@link parseContract} or {@link parseContractVersions}; or, in the positional form, the parsed contract itself.
 * @param positionalEvents - Positional form only: the patient's outcome events, in date order.
 * @param positionalAsOf - Positional form only: the as-of date `YYYY-MM-DD`.
 * @throws {ValidationError} when `contract` was not made by {@link parseContract} / {@link parseContractVersions} (`contract`), `asOf` is not a calendar date (`asOf`), or an event is malformed (`events[i]…`).
 * @throws {DomainError} EVENT_ORDER when events are out of date order, before treatment start or after death, or there is no treatment start; INCONSISTENT_INPUT for a repeated event or one a condition cannot read; NO_APPLICABLE_TERMS when no contract version is in effect on the treatment start.
 * @category Evaluation
 */
export function evaluateContractMinorUnits(
  input: { readonly contract: ParsedContract | ParsedContractVersions; readonly events: unknown; readonly asOf: string } | ParsedContract | ParsedContractVersions,
  positionalEvents?: unknown,
  positionalAsOf?: string,
): MinorUnitContractEvaluation {
  const { contract, events, asOf } = namedArguments(input, positionalEvents, positionalAsOf, "evaluateContractMinorUnits");
  if (!isParsedContract(contract) && !isParsedContractVersions(contract)) {
    throw invalid(["contract"], "expected a contract made by parseContract or parseContractVersions", "invalid_contract");
  }
  if (!isCalendarDate(asOf)) {
    throw new ValidationError([{ path: ["asOf"], code: "invalid_date", message: `expected a calendar date YYYY-MM-DD, got ${quote(asOf)}` }], "evaluateContractMinorUnits");
  }
  const { terms: c, start, drafts } = draftLedger(contract, events, asOf);
  const lines: MinorUnitLedgerLine[] = drafts.map((d) => ({ date: d.date, kind: d.kind, termId: d.termId, units: d.units, withheld: d.withheldUnits ?? 0n }));
  return {
    contractId: c.id,
    version: c.version,
    currency: c.currency,
    scale: c.scale,
    treatmentStart: start,
    lines,
    totals: draftTotals(drafts),
  };
}
