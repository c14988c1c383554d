import { Decimal, type Dec, describeType } from "../money/decimal.js";
import { invalid } from "./errors.js";
import { formatMoney } from "../money/format.js";
import { isMoney, type Money } from "../money/money.js";

/**
 * A value shown as an input of a step: text, a number, a flag, Money, a Decimal, or lists/records of them.
 *
 * @category Explanations
 */
export type ExplainValue =
  | string
  | number
  | boolean
  | null
  | Money
  | Dec
  | readonly ExplainValue[]
  | { readonly [key: string]: ExplainValue };

/**
 * One step of a calculation, readable by a claims officer in a dispute: which rule,
 * a sentence saying what happened, the inputs used, and the amount it produced.
 *
 * @category Explanations
 */
export interface Step {
  /** A stable rule identifier, e.g. `"contracts.milestone.withheld"`. */
  readonly rule: string;
  /** One human sentence. */
  readonly text: string;
  /** The figures the step used. */
  readonly inputs: Readonly<Record<string, ExplainValue>>;
  /** The amount the step produced, if it produced one. */
  readonly amount?: Money;
}

/**
 * The ordered steps behind a result.
 *
 * @category Explanations
 */
export type Explanation = readonly Step[];

/**
 * Makes a step.
 *
 * @example
 * ```ts
 * step("tiers.basic.rate", "Basic insurance pays 70% of the eligible amount", { rate: "0.7" }, money("700000"));
 * ```
 *
 * @category Explanations
 * @param rule - the rule id, a dotted kebab-case path `chapter.concept.outcome` (`care.test-gate.no-test`)
 * @param text - the sentence a claims officer reads
 * @param inputs - the figures the sentence uses, by name (copied, so later changes to the caller's objects do not show)
 * @param amount - the amount the step produces, if any
 * @throws {ValidationError} at `rule` / `text` when they are not strings, at `inputs` when it is not a record, at `amount` when it is not Money
 */
export function step(rule: string, text: string, inputs: Record<string, ExplainValue> = {}, amount?: Money): Step {
  if (typeof rule !== "string") throw invalid(["rule"], "a step's rule is a string", "invalid_type");
  if (typeof text !== "string") throw invalid(["text"], "a step's text is a string", "invalid_type");
  if (inputs === null || typeof inputs !== "object") throw invalid(["inputs"], "a step's inputs are a record", "invalid_type");
  if (amount !== undefined && !isMoney(amount)) throw invalid(["amount"], "a step's amount is Money", "invalid_type");
  const own = copyInputs(inputs) as Record<string, ExplainValue>;
  return amount === undefined ? { rule, text, inputs: own } : { rule, text, inputs: own, amount };
}

// A step keeps its own copy of the lists and records it shows (L1): a caller's array (a
// parsed contract's condition labels, a document's list) must not be the one in the
// result, or changing one changes the other. Money and Decimal are immutable and shared.
function copyInputs(value: unknown): unknown {
  if (value === null || typeof value !== "object" || isMoney(value) || Decimal.isDecimal(value)) return value;
  if (Array.isArray(value)) return value.map(copyInputs);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = copyInputs((value as Record<string, unknown>)[key]);
    if (key === "__proto__") Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    else out[key] = v;
  }
  return out;
}

function show(value: ExplainValue): string {
  if (value === null) return "—";
  if (isMoney(value)) return formatMoney(value);
  if (Decimal.isDecimal(value)) return (value as Decimal).toString();
  if (Array.isArray(value)) return `[${value.map(show).join(", ")}]`;
  if (typeof value === "object") {
    return `{ ${Object.entries(value as Record<string, ExplainValue>)
      .map(([k, v]) => `${k}: ${show(v)}`)
      .join(", ")} }`;
  }
  return String(value);
}

/** A step made by {@link step} (or of the same shape); anything else is a ValidationError. */
function checkStep(s: unknown, i: number): asserts s is Step {
  if (s === null || typeof s !== "object") throw invalid(["steps", i], `expected a step, got ${describeType(s)}`, "invalid_type");
  const { rule, text, inputs, amount } = s as Record<string, unknown>;
  if (typeof rule !== "string") throw invalid(["steps", i, "rule"], "a step's rule is a string", "invalid_type");
  if (typeof text !== "string") throw invalid(["steps", i, "text"], "a step's text is a string", "invalid_type");
  if (inputs === null || typeof inputs !== "object" || Array.isArray(inputs) || ![Object.prototype, null].includes(Object.getPrototypeOf(inputs))) {
    throw invalid(["steps", i, "inputs"], "a step's inputs are a record", "invalid_type");
  }
  if (amount !== undefined && !isMoney(amount)) throw invalid(["steps", i, "amount"], "a step's amount is Money", "invalid_type");
}

/**
 * Prints steps as numbered plain text: the sentence, the inputs, the amount.
 *
 * @example
 * ```ts
 * declare const result: { explanation: ReturnType<typeof step>[] }; // any result of the library
 * console.log(formatExplanation(result.explanation));
 * // 1. Milestone 1 (40%) is due at infusion and paid. [contracts.milestone.paid]
 * //    inputs: share 0.4, due 2026-01-15
 * //    amount: CNY 480,000.00
 * ```
 *
 * @category Explanations
 * @param steps - the explanation of a result: a list of steps made by `step`
 * @param options - `indent`: text put before every line (default `""`)
 * @throws {ValidationError} at `steps.<i>` when a step is malformed, at `options.indent` when the indent is not a string
 */
export function formatExplanation(steps: Explanation, options: { indent?: string } = {}): string {
  const pad = options?.indent ?? "";
  if (typeof pad !== "string") throw invalid(["options", "indent"], "the indent is a string", "invalid_type");
  if (!Array.isArray(steps)) throw invalid(["steps"], `expected a list of steps, got ${describeType(steps)}`, "invalid_type");
  (steps as readonly unknown[]).forEach((s, i) => checkStep(s, i));
  const lines: string[] = [];
  (steps as Explanation).forEach((s, i) => {
    lines.push(`${pad}${i + 1}. ${s.text} [${s.rule}]`);
    const inputs = Object.entries(s.inputs);
    if (inputs.length > 0) lines.push(`${pad}   inputs: ${inputs.map(([k, v]) => `${k} ${show(v)}`).join(", ")}`);
    if (s.amount !== undefined) lines.push(`${pad}   amount: ${formatMoney(s.amount)}`);
  });
  return lines.join("\n");
}
