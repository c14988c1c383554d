// Private helpers shared by the care calculators; not part of the public API.
import * as z from "zod";
import { currencyCodeSchema, DomainError, type IssuePath } from "../core/index.js";
import { isCalendarDate } from "../contracts/calendar.js";
import type { Dec } from "../money/index.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/** Currency of every care document that states amounts: required, never defaulted. */
export const careCurrencySchema = currencyCodeSchema;

// One home each for these (issue 13): decimal and percent text in money/format.ts,
// the INCONSISTENT_INPUT shorthand in the kernel's errors.
export { decimalText as text, percentText as pct } from "../money/format.js";
export { inconsistent } from "../kernel/errors.js";

/** An EVENT_ORDER error at `path`. */
export function outOfOrder(path: IssuePath, message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError("EVENT_ORDER", message, { path, details });
}

/** Indices of `items` sorted by `date`, ties kept in input order (a stable sort). */
export function byDate<T extends { readonly date: string }>(items: readonly T[]): number[] {
  return items.map((_, i) => i).sort((a, b) => (items[a]!.date < items[b]!.date ? -1 : items[a]!.date > items[b]!.date ? 1 : a - b));
}

/**
 * A calendar date `YYYY-MM-DD` that exists, checked on its calendar fields (the shared
 * isoDateSchema goes through date-fns's parser, which dominates a cohort's parse time).
 */
export const careDateSchema = lazySchema(() => z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "expected a calendar date YYYY-MM-DD" })
  .refine(isCalendarDate, { error: (issue) => `${JSON.stringify(issue.input)} is not a calendar date` }));
