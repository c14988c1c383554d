// Shared by the budget tests that pin explanations and errors exactly: a result's
// explanation as plain JSON (Money → { amount, currency }, Decimal → its text), and a
// DomainError as { code, path, reason, details }.
import { domainError } from "../typed-errors.js";

/** Any value as its JSON form (what a backend stores). */
export function json(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x)) as unknown;
}

/** Money as JSON. */
export function m(amount: string, currency = "CNY"): { amount: string; currency: string } {
  return { amount, currency };
}

/** The rule and text of every step. */
export function sentences(explanation: readonly { rule: string; text: string }[]): [string, string][] {
  return explanation.map((s) => [s.rule, s.text]);
}

/** The DomainError `fn` throws, as plain data. */
export function domain(fn: () => unknown): { code: string; path: readonly (string | number)[]; reason: string; details: unknown } {
  const e = domainError(fn);
  return { code: e.code, path: e.path, reason: e.reason, details: json(e.details) };
}
