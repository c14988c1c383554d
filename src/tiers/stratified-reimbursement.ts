// Stratified reimbursement: apply a patient's stratified rate to an amount.
import * as z from "zod";
import { userRecord } from "../core/schemas.js";
import { currencyCodeSchema, type Explanation, nonNegativeAmountSchema, parseInput, roundingSchema, step } from "../core/index.js";
import { formatMoney, type Money, money, percentage, subtract } from "../money/index.js";
import { type PatientAttributes, pct, resolveStratifiedRate, stratifiedRateSchema } from "./stratified-rate.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * The zod schema of {@link stratifiedReimbursement}'s input.
 *
 * @category Stratified Reimbursement
 */
export const stratifiedReimbursementInputSchema = lazySchema(() => z
  .strictObject({
    /** The rate table (or a plain rate). */
    table: stratifiedRateSchema,
    /** Whose share the table's rate is: the payer's (default) or the patient's. */
    rateOf: z.enum(["payer", "patient"]).optional(),
    /** The amount the rate applies to (a bill, or an out-of-pocket amount). */
    amount: nonNegativeAmountSchema,
    /** The attributes the table reads. */
    patient: userRecord(z.string(), z.union([z.string(), z.number()])),
    /** The currency of every amount in the input (ISO 4217 code, e.g. `CNY`, `USD`); always stated. */
    currency: currencyCodeSchema,
    /** How amounts are rounded to the minor unit (`half-up` when absent). */
    rounding: roundingSchema.optional(),
  })
  .strict());

/**
 * Result of {@link stratifiedReimbursement}.
 *
 * @category Stratified Reimbursement
 */
export interface StratifiedReimbursementResult {
  /** The rate the table gave, as a decimal string. */
  readonly rate: string;
  readonly rateOf: "payer" | "patient";
  /** The table entries consulted, e.g. `biomarker = ALK-positive`. */
  readonly chosenBy: readonly string[];
  readonly amount: Money;
  /** What the payer pays. */
  readonly payer: Money;
  /** What the patient pays: amount − payer. */
  readonly patient: Money;
  readonly explanation: Explanation;
}

/**
 * Looks up the patient's rate in a stratified table (by biomarker, line of therapy,
 * insurance type, income absolute or relative) and splits the amount between payer
 * and patient. The share the rate names is rounded once; the other is the rest.
 *
 * @param input - The rate table, the amount and the patient.
 * @throws {ValidationError} when the input does not match `stratifiedReimbursementInputSchema`, or the patient lacks an attribute the table reads (the field path is named).
 * @throws {DomainError} UNKNOWN_KEY / OUT_OF_DOMAIN when the patient's value is not in the table.
 * @example
 * ```ts
 * stratifiedReimbursement({
 *   currency: "CNY",
 *   table: { by: "biomarker", categories: { "ALK-positive": 0.8, "ALK-negative": 0.2 } },
 *   amount: "15000",
 *   patient: { biomarker: "ALK-positive" },
 * }).payer; // CNY 12000.00
 * ```
 * @category Stratified Reimbursement
 */
export function stratifiedReimbursement(input: z.input<typeof stratifiedReimbursementInputSchema>): StratifiedReimbursementResult {
  const x = parseInput(stratifiedReimbursementInputSchema, input, "stratifiedReimbursement");
  const currency = x.currency;
  const rateOf = x.rateOf ?? "payer";
  const resolved = resolveStratifiedRate({ rule: x.table, patient: x.patient as PatientAttributes });
  const amount = money(x.amount, currency);
  const named = percentage(amount, resolved.rate, x.rounding ?? "half-up");
  const rest = subtract(amount, named);
  const payer = rateOf === "payer" ? named : rest;
  const patient = rateOf === "payer" ? rest : named;
  return {
    rate: resolved.rate.toString(),
    rateOf,
    chosenBy: resolved.trail,
    amount,
    payer,
    patient,
    explanation: [
      step(
        "tiers.stratified.rate",
        `The table gives ${pct(resolved.rate)} (${resolved.trail.join("; ") || "a flat rate"}) as the ${rateOf}'s share of ${formatMoney(amount)}.`,
        { chosenBy: [...resolved.trail], rate: resolved.rate.toString(), rateOf },
      ),
      step("tiers.stratified.payer", `The payer pays ${formatMoney(payer)}.`, {}, payer),
      step("tiers.stratified.patient", `The patient pays ${formatMoney(patient)}.`, {}, patient),
    ],
  };
}
