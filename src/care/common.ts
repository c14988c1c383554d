// Private helpers shared by the care calculators; not part of the public API.
import { currencyCodeSchema, DomainError, type IssuePath } from "../core/index.js";
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
