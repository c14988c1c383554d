// The benefit reserve (credit savings): what a secondary plan saved by coordinating is
// banked for the person and the year, and drawn on to pay allowable expense that later
// claims of the same year leave unpaid. Plain JSON in and out, like the accumulators.
import * as z from "zod";
import { currencyCodeSchema, DomainError, nonNegativeAmountSchema } from "../../core/index.js";
import { userRecord } from "../../core/schemas.js";
import { toUnits, unitsText } from "../../money/minor-units.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * The zod schema of a benefit-reserve document: per plan id, the balance banked for one person in one year.
 *
 * @category Coordination of Benefits
 */
export const benefitReserveSchema = lazySchema(() => z
  .strictObject({
    /** The person the savings belong to. */
    personId: z.string().min(1).max(200),
    /** The claim determination period (benefit year). */
    year: z.number().int(),
    /** The currency of every amount in the input (ISO 4217 code, e.g. `CNY`, `USD`); always stated. */
    currency: currencyCodeSchema,
    /** Balance per plan id (the savings of that plan, less what was drawn). */
    balances: userRecord(z.string().min(1), nonNegativeAmountSchema),
  })
  .strict());

/**
 * A benefit-reserve document as JSON.
 *
 * @category Coordination of Benefits
 */
export type BenefitReserveInput = z.input<typeof benefitReserveSchema>;

/**
 * A benefit-reserve document as returned (balances as decimal strings).
 *
 * @category Coordination of Benefits
 */
export interface BenefitReserve {
  readonly personId: string;
  readonly year: number;
  readonly currency: string;
  readonly balances: Readonly<Record<string, string>>;
}

/** Checks a reserve against the claim and reads its balances into minor units (a Map: plan ids are user-chosen). */
export function readReserve(doc: z.output<typeof benefitReserveSchema>, claim: { personId: string; year: number; currency: string; scale: number }): Map<string, bigint> {
  if (doc.personId !== claim.personId) {
    throw new DomainError("INCONSISTENT_INPUT", `the benefit reserve belongs to person ${JSON.stringify(doc.personId)}, the claim to ${JSON.stringify(claim.personId)}`, {
      path: ["reserve", "personId"],
      details: { reason: "reserve_other_person" },
    });
  }
  if (doc.year !== claim.year) {
    throw new DomainError("INCONSISTENT_INPUT", `the benefit reserve belongs to ${doc.year} but the claim is in ${claim.year}: savings do not carry into another year; start from an empty reserve`, {
      path: ["reserve", "year"],
      details: { reason: "reserve_other_year" },
    });
  }
  if (doc.currency !== claim.currency) {
    throw new DomainError("CURRENCY_MISMATCH", `the benefit reserve is in ${doc.currency} but the claim in ${claim.currency}`, { path: ["reserve", "currency"] });
  }
  const out = new Map<string, bigint>();
  for (const id of Object.keys(doc.balances)) out.set(id, toUnits(doc.balances[id]!, claim.scale, ["reserve", "balances", id], "the balance"));
  return out;
}

/** The reserve document after a claim. */
export function writeReserve(balances: ReadonlyMap<string, bigint>, claim: { personId: string; year: number; currency: string; scale: number }): BenefitReserve {
  const out = Object.create(null) as Record<string, string>;
  for (const id of [...balances.keys()].sort()) out[id] = unitsText(balances.get(id)!, claim.scale);
  return { personId: claim.personId, year: claim.year, currency: claim.currency, balances: out };
}
