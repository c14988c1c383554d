// Private helpers shared by the care calculators; not part of the public API.
import * as z from "zod";
import { currencyCodeSchema, DomainError, type IssuePath } from "../core/index.js";
import { isCalendarDate } from "../contracts/calendar.js";
import type { Dec } from "../money/index.js";

/** Currency of every care document that states amounts: required, never defaulted. */
export const careCurrencySchema = currencyCodeSchema;

/** A decimal as plain text (no exponent). */
export function text(d: Dec): string {
  return d.toFixed();
}

/** Percentage text for sentences: 0.05 → "5%". */
export function pct(d: Dec): string {
  return `${d.times(100).toFixed()}%`;
}

/** An INCONSISTENT_INPUT error at `path`. */
export function inconsistent(path: IssuePath, message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError("INCONSISTENT_INPUT", message, { path, details });
}

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
export const careDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "expected a calendar date YYYY-MM-DD" })
  .refine(isCalendarDate, { error: (issue) => `${JSON.stringify(issue.input)} is not a calendar date` });
