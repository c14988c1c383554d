// Tests on the attributes of a declared outcome event: equality, membership and ranges
// with inclusive or exclusive bounds, checked against the declared types when the
// contract is parsed, so a matcher can never silently compare text with a number.
import * as z from "zod";
import type { Issue } from "../../core/index.js";
import { userRecord } from "../../core/schemas.js";
import { didYouMean } from "../../core/parse.js";
import type { ParsedOutcomeKind } from "./declarations.js";
import { attributeType } from "./attribute-types/registry.js";
import { attributeProblem } from "./declared-events.js";
import { comparableBound, compareExact, compareToBound, exactNumber, type ExactNumber, exactText } from "./exact-number.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const scalar = lazySchema(() => z.union([z.boolean(), z.number(), z.string().max(200)]));
const bound = lazySchema(() => z.union([z.number(), z.string().max(100)]));

/**
 * A test on one attribute: `{ "equals": value }`, `{ "in": [values] }`, or a range with
 * any of `gt` / `gte` (lower bound, exclusive / inclusive) and `lt` / `lte` (upper), with
 * an optional `unit` that must be the attribute's declared unit.
 *
 * @example
 * ```ts
 * attributeTestSchema.parse({ gte: "9", lt: "12", unit: "g/dL" });
 * ```
 *
 * @category Outcome Events
 */
export const attributeTestSchema = lazySchema(() => z
  .strictObject({
    /** The attribute equals this value (a boolean, a number, or text of at most 200 characters). */
    equals: scalar.optional(),
    /** The attribute is one of these values (1–1000 of them). */
    in: z.array(scalar).min(1).max(1000).optional(),
    /** Lower bound, exclusive: the attribute is above it (a finite decimal, as a number or text). */
    gt: bound.optional(),
    /** Lower bound, inclusive: the attribute is at least it (a finite decimal, as a number or text). */
    gte: bound.optional(),
    /** Upper bound, exclusive: the attribute is below it (a finite decimal, as a number or text). */
    lt: bound.optional(),
    /** Upper bound, inclusive: the attribute is at most it (a finite decimal, as a number or text). */
    lte: bound.optional(),
    /** The unit the bounds are in; when given, it must be the attribute's declared unit. */
    unit: z.string().min(1).max(40).optional(),
  })
  .superRefine((t, ctx) => {
    const range = t.gt !== undefined || t.gte !== undefined || t.lt !== undefined || t.lte !== undefined;
    const forms = (t.equals !== undefined ? 1 : 0) + (t.in !== undefined ? 1 : 0) + (range ? 1 : 0);
    if (forms !== 1) ctx.addIssue({ code: "custom", path: [], message: "an attribute test is exactly one of equals, in, or a range (gt/gte, lt/lte)" });
    if (t.gt !== undefined && t.gte !== undefined) ctx.addIssue({ code: "custom", path: ["gte"], message: "give one lower bound: gt (exclusive) or gte (inclusive)" });
    if (t.lt !== undefined && t.lte !== undefined) ctx.addIssue({ code: "custom", path: ["lte"], message: "give one upper bound: lt (exclusive) or lte (inclusive)" });
    for (const key of ["gt", "gte", "lt", "lte"] as const) {
      if (t[key] !== undefined && exactNumber(t[key]) === null) ctx.addIssue({ code: "custom", path: [key], message: `${key} is a finite decimal number` });
    }
  }));

/**
 * The `where` of a matcher: attribute name → test.
 *
 * @category Outcome Events
 */
export const attributeTestsSchema = lazySchema(() => userRecord(z.string().min(1).max(64), attributeTestSchema));

/**
 * An attribute test as written.
 *
 * @category Outcome Events
 */
export type AttributeTestInput = z.input<typeof attributeTestSchema>;
/**
 * An attribute test after schema validation.
 *
 * @category Outcome Events
 */
export type AttributeTest = z.output<typeof attributeTestSchema>;

/**
 * A test ready to run on events.
 *
 * @category Outcome Events
 */
export type ParsedAttributeTest =
  | { readonly name: string; readonly op: "equals"; readonly value: boolean | string | ExactNumber; readonly text: string }
  | { readonly name: string; readonly op: "in"; readonly values: readonly (string | ExactNumber)[]; readonly text: string }
  | {
      readonly name: string;
      readonly op: "range";
      readonly lower: { readonly value: ExactNumber; readonly inclusive: boolean } | null;
      readonly upper: { readonly value: ExactNumber; readonly inclusive: boolean } | null;
      readonly text: string;
    };

/**
 * Checks a matcher's attribute tests against the declared kind and prepares them.
 * Problems are pushed as issues under `path` (the `where` object's path).
 */
export function prepareAttributeTests(kind: ParsedOutcomeKind, where: Readonly<Record<string, AttributeTest>>, path: readonly (string | number)[], issues: Issue[]): ParsedAttributeTest[] {
  const out: ParsedAttributeTest[] = [];
  for (const name of Object.keys(where)) {
    const t = where[name]!;
    const at = [...path, name];
    const a = kind.attributes.get(name);
    if (a === undefined) {
      const hint = didYouMean(name, [...kind.attributes.keys()]);
      issues.push({ path: at, code: "unknown_attribute", message: `${kind.name} declares no attribute ${JSON.stringify(name)}${hint ? ` (did you mean "${hint}"?)` : ""}` });
      continue;
    }
    const label = `${name}`;
    const type = attributeType(a.type);
    // Only a type with a unit (`number`) parses one: every other attribute's unit is null.
    if (t.unit !== undefined && a.unit !== t.unit) {
      issues.push({ path: [...at, "unit"], code: "unit_mismatch", message: `${kind.name}.${name} is ${a.unit !== null ? `recorded in ${a.unit}` : "declared without a unit"}, not ${t.unit}` });
      continue;
    }
    if (t.equals !== undefined) {
      const problem = attributeProblem({ ...a, min: null, max: null }, t.equals);
      if (problem !== null) {
        issues.push({ path: [...at, "equals"], code: "invalid_type", message: `${kind.name}.${name}: ${problem.reason}` });
        continue;
      }
      const value = type.ordered ? comparableBound(exactNumber(t.equals)!) : (t.equals as boolean | string);
      out.push({ name, op: "equals", value, text: `${label} = ${typeof t.equals === "string" ? JSON.stringify(t.equals) : String(t.equals)}${a.unit ? ` ${a.unit}` : ""}` });
      continue;
    }
    if (t.in !== undefined) {
      if (!type.listable) {
        issues.push({ path: [...at, "in"], code: "invalid_type", message: `${kind.name}.${name} is ${type.words(a)}: test it with equals` });
        continue;
      }
      const values: (string | ExactNumber)[] = [];
      let bad = false;
      t.in.forEach((v, k) => {
        const problem = attributeProblem({ ...a, min: null, max: null }, v);
        if (problem !== null) {
          issues.push({ path: [...at, "in", k], code: "invalid_type", message: `${kind.name}.${name}: ${problem.reason}` });
          bad = true;
        } else values.push(type.ordered ? comparableBound(exactNumber(v)!) : (v as string));
      });
      if (!bad) out.push({ name, op: "in", values, text: `${label} in {${t.in.map((v) => (typeof v === "string" ? JSON.stringify(v) : String(v))).join(", ")}}` });
      continue;
    }
    if (!type.ordered) {
      issues.push({ path: at, code: "invalid_type", message: `${kind.name}.${name} is ${a.type}: a range needs an integer or number attribute` });
      continue;
    }
    // Bounds carry their double when they have one, so events' numbers compare without parsing (compareToBound).
    const lower = t.gte !== undefined ? { value: comparableBound(exactNumber(t.gte)!), inclusive: true } : t.gt !== undefined ? { value: comparableBound(exactNumber(t.gt)!), inclusive: false } : null;
    const upper = t.lte !== undefined ? { value: comparableBound(exactNumber(t.lte)!), inclusive: true } : t.lt !== undefined ? { value: comparableBound(exactNumber(t.lt)!), inclusive: false } : null;
    if (lower !== null && upper !== null) {
      const c = compareExact(lower.value, upper.value);
      if (c > 0 || (c === 0 && !(lower.inclusive && upper.inclusive))) {
        issues.push({ path: at, code: "empty_range", message: `${kind.name}.${name}: the range is empty (no value is ${lower.inclusive ? "≥" : ">"} ${exactText(lower.value)} and ${upper.inclusive ? "≤" : "<"} ${exactText(upper.value)})` });
        continue;
      }
    }
    const unit = a.unit === null ? "" : ` ${a.unit}`;
    const parts: string[] = [];
    if (lower !== null) parts.push(`${label} ${lower.inclusive ? "≥" : ">"} ${exactText(lower.value)}${unit}`);
    if (upper !== null) parts.push(`${label} ${upper.inclusive ? "≤" : "<"} ${exactText(upper.value)}${unit}`);
    out.push({ name, op: "range", lower, upper, text: parts.join(" and ") });
  }
  return out;
}

const hasOwnProperty = Object.prototype.hasOwnProperty;

/** True when the event's attributes pass every test (an absent optional attribute passes none). */
export function attributesPass(tests: readonly ParsedAttributeTest[], attrs: Readonly<Record<string, unknown>> | undefined): boolean {
  if (tests.length === 0) return true;
  if (attrs === undefined || attrs === null) return false;
  for (const t of tests) {
    const v = attrs[t.name];
    if (v === undefined || !testPasses(t, v)) return false;
    // Own values only (an inherited one is absent): asked last, once the value has passed, as the answer is the same either way.
    if (!hasOwnProperty.call(attrs, t.name)) return false;
  }
  return true;
}

/** True when a present value passes one test. */
function testPasses(t: ParsedAttributeTest, v: unknown): boolean {
  if (t.op === "equals") return typeof t.value === "object" ? compareToBound(v, t.value) === 0 : v === t.value;
  if (t.op === "in") {
    for (const candidate of t.values) if (typeof candidate === "string" ? v === candidate : compareToBound(v, candidate) === 0) return true;
    return false;
  }
  if (t.lower !== null) {
    const c = compareToBound(v, t.lower.value);
    if (c === null || c < 0 || (c === 0 && !t.lower.inclusive)) return false;
  }
  if (t.upper !== null) {
    const c = compareToBound(v, t.upper.value);
    if (c === null || c > 0 || (c === 0 && !t.upper.inclusive)) return false;
  }
  return true;
}
