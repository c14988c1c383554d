import { type Issue, parseInput, ValidationError } from "../core/index.js";
import { getCurrency, type Money, type Rounding } from "../money/index.js";
import { type DueOffset, dueDateMemo } from "./calendar.js";
import { type ContractTerms, contractSchema, contractVersionsSchema } from "./contract-schema.js";
import { type PrepareContext, unitsAt } from "./terms/kind.js";
import { bonusKind, type ParsedBonus, type ParsedPayment, type ParsedRefund, paymentKind, returnKind } from "./terms/registry.js";
import { amountWords } from "../money/format.js";
import { moneyMaker } from "../money/money-units.js";
import { NO_OUTCOMES, type ParsedOutcomes, prepareOutcomes } from "./outcomes/declarations.js";

export type { ParsedCondition } from "./terms/kind.js";
export { describeMatcher } from "./terms/kind.js";
export type { ParsedInstallment } from "./terms/installment-lines.js";
export type { ParsedBonus, ParsedPayment, ParsedRefund } from "./terms/registry.js";

const PARSED = Symbol("precision-vbp.parsedContract");
const PARSED_VERSIONS = Symbol("precision-vbp.parsedContractVersions");

/**
 * A validated contract with everything that does not depend on the patient computed
 * once: installment amounts allocated, amounts in minor units, condition wording.
 * Produced by {@link parseContract}; pass it to {@link evaluateContract} for every patient.
 *
 * @category Contract Documents
 */
export interface ParsedContract {
  readonly [PARSED]: true;
  readonly id: string;
  readonly name: string | null;
  readonly version: string | null;
  readonly currency: string;
  /** Digits of the currency's minor unit. */
  readonly scale: number;
  readonly rounding: Rounding;
  readonly price: Money;
  /** The price in minor units. */
  readonly priceUnits: bigint;
  readonly effective: { readonly from: string; readonly to: string | null } | null;
  readonly payment: ParsedPayment;
  readonly bonuses: readonly ParsedBonus[];
  readonly refunds: readonly ParsedRefund[];
  /** The outcome kinds the contract declares beyond the built-in ones. */
  readonly outcomes: ParsedOutcomes;
  /**
   * The most the contract can ever pay for one patient (installments plus fixed
   * bonuses), or null when it grows with treated months.
   */
  readonly maxPayable: Money | null;
  /** The validated terms, as the schema produced them. */
  readonly terms: ContractTerms;
  /** Turns minor units into Money in the contract's currency. */
  readonly toMoney: (units: bigint) => Money;
  /** Formats minor units for explanations: "CNY 1,200,000.00". */
  readonly formatUnits: (units: bigint) => string;
  /** Treatment start + offset, memoised per contract. */
  readonly dueDate: (start: string, offset: DueOffset) => string;
}

/**
 * Versions of a contract, parsed, sorted by effective date.
 *
 * @category Contract Documents
 */
export interface ParsedContractVersions {
  readonly [PARSED_VERSIONS]: true;
  readonly id: string | null;
  readonly versions: readonly ParsedContract[];
}

function build(terms: ContractTerms, pathPrefix: (string | number)[]): ParsedContract {
  const currency = getCurrency(terms.currency).code;
  const scale = getCurrency(currency).minorUnit;
  const toMoney = moneyMaker(currency, scale);
  const issues: Issue[] = [];
  const outcomes = terms.outcomes === undefined ? NO_OUTCOMES : prepareOutcomes(terms.outcomes);
  const base = { currency, scale, rounding: terms.rounding, price: toMoney(0n), priceUnits: 0n, toMoney, issues, index: 0, path: [...pathPrefix, "price"], outcomes, conditions: new Map() };
  const priceUnits = unitsAt(terms.price, base, base.path);
  if (issues.length > 0) throw new ValidationError(issues, "parseContract");
  const price = toMoney(priceUnits);
  const at = (path: (string | number)[], index: number): PrepareContext => ({ ...base, price, priceUnits, index, path: [...pathPrefix, ...path] });
  // Each term is prepared by its kind (terms/registry.ts); the lists keep the document's order.
  const payment: ParsedPayment = paymentKind(terms.payment.type).prepare(terms.payment, at(["payment"], 0));
  const bonuses: ParsedBonus[] = terms.bonuses.map((b, k) => bonusKind(b.type).prepare(b, at(["bonuses", k], k)));
  const refunds: ParsedRefund[] = terms.refunds.map((r, k) => returnKind(r.type).prepare(r, at(["refunds", k], k)));
  if (issues.length > 0) throw new ValidationError(issues, "parseContract");
  // The most one patient can be paid: known only when every paying term is bounded.
  let maxUnits: bigint | null = paymentKind(payment.kind).maxUnits(payment);
  for (const b of bonuses) {
    const m = bonusKind(b.kind).maxUnits(b);
    maxUnits = maxUnits === null || m === null ? null : maxUnits + m;
  }
  const maxPayable = maxUnits === null ? null : toMoney(maxUnits);
  const effective = terms.effective === undefined ? null : { from: terms.effective.from, to: terms.effective.to ?? null };
  return Object.freeze({
    [PARSED]: true as const,
    id: terms.id,
    name: terms.name ?? null,
    version: terms.version ?? null,
    currency,
    scale,
    rounding: terms.rounding,
    price,
    priceUnits,
    effective,
    payment,
    bonuses,
    refunds,
    outcomes,
    maxPayable,
    terms,
    toMoney,
    formatUnits: amountWords(currency, scale),
    dueDate: dueDateMemo(),
  });
}

/**
 * True when `value` was produced by {@link parseContract}.
 *
 * @example
 * ```ts
 * declare const json: unknown;
 * isParsedContract(parseContract(json)); // true
 * isParsedContract(json);                // false
 * ```
 *
 * @param value - Any value.
 * @category Contract Documents
 */
export function isParsedContract(value: unknown): value is ParsedContract {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[PARSED] === true;
}

/**
 * True when `value` was produced by {@link parseContractVersions}.
 *
 * @example
 * ```ts
 * declare const versions: unknown[];
 * isParsedContractVersions(parseContractVersions({ versions })); // true
 * ```
 *
 * @param value - Any value.
 * @category Contract Documents
 */
export function isParsedContractVersions(value: unknown): value is ParsedContractVersions {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[PARSED_VERSIONS] === true;
}

/**
 * Validates a contract document and precomputes everything that does not depend on
 * the patient (installment amounts allocated from the price, condition wording).
 * Parse once, evaluate many patients. Bad input is a {@link ValidationError} with
 * the path of every offending field.
 *
 * @example
 * ```ts
 * const k1 = parseContract({
 *   id: "K1", currency: "CNY", price: "1200000.00",
 *   payment: { type: "schedule", installments: [
 *     { share: "0.4", due: { months: 0 } },
 *     { share: "0.3", due: { months: 3 }, conditions: [{ type: "none", events: ["crs"] }] },
 *     { share: "0.3", due: { months: 6 }, conditions: [{ type: "none", events: ["relapse"] }] },
 *   ] },
 * });
 * k1.payment.type; // "installments"
 * ```
 *
 * @param json - The contract document as JSON (returned as it is when already parsed).
 * @throws {ValidationError} when the document does not match `contractSchema` or its terms contradict each other (the path of every offending field is named, e.g. `payment.installments[1].share`).
 * @category Contract Documents
 */
export function parseContract(json: unknown): ParsedContract {
  if (isParsedContract(json)) return json;
  return build(parseInput(contractSchema, json, "parseContract"), []);
}

/**
 * Validates a versioned contract (`{ versions: [...] }`): each version needs an
 * effective period and periods may not overlap (a {@link ValidationError} at
 * `versions[i].effective` otherwise).
 *
 * @example
 * ```ts
 * declare const v1: z.input<typeof contractSchema>;
 * declare const v2: z.input<typeof contractSchema>;
 * const set = parseContractVersions({ versions: [
 *   { ...v1, effective: { from: "2025-01-01", to: "2026-01-01" } },
 *   { ...v2, effective: { from: "2026-01-01" } },
 * ] });
 * ```
 *
 * @param json - The versioned contract document `{ versions: [...] }` as JSON (returned as it is when already parsed).
 * @throws {ValidationError} when the document does not match `contractVersionsSchema`, a version is invalid, or effective periods overlap (the path is named, e.g. `versions[1].effective`).
 * @category Contract Documents
 */
export function parseContractVersions(json: unknown): ParsedContractVersions {
  if (isParsedContractVersions(json)) return json;
  const set = parseInput(contractVersionsSchema, json, "parseContractVersions");
  const versions = set.versions.map((v, i) => build(v, ["versions", i]));
  versions.sort((a, b) => ((a.effective?.from ?? "") < (b.effective?.from ?? "") ? -1 : 1));
  return Object.freeze({ [PARSED_VERSIONS]: true as const, id: set.id ?? null, versions });
}
