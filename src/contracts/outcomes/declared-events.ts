// Checking one event of a declared kind against its declaration. The paths name the
// event and the attribute (`events[3].attributes.days`), the messages the kind.
import * as z from "zod";
import { type Issue, parseInput, ValidationError } from "../../core/index.js";
import { quote } from "../../money/decimal.js";
import { isCalendarDate } from "../calendar.js";
import { OUTCOME_EVENT_KINDS } from "../events.js";
import { type ParsedAttribute, type ParsedOutcomeKind, type ParsedOutcomes, parseOutcomeDeclarations, isKnownKind } from "./declarations.js";
import type { AttributeFit, AttributeProblem } from "./attribute-types/kind.js";
import { attributeType } from "./attribute-types/registry.js";
import { didYouMean } from "../../core/parse.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * An event of a declared kind: `{ kind, date, attributes?, note? }`.
 *
 * @category Outcome Events
 */
export interface DeclaredOutcomeEvent {
  readonly kind: string;
  readonly date: string;
  /** Attribute values by name, as the declaration types them. */
  readonly attributes?: Readonly<Record<string, boolean | number | string>>;
  readonly note?: string;
}

function typeWords(a: ParsedAttribute): string {
  return attributeType(a.type).words(a);
}

/** Checks one attribute value; returns a reason, or null when it fits the declaration. */
export function attributeProblem(a: ParsedAttribute, value: unknown): AttributeProblem {
  return attributeType(a.type).problem(a, value);
}

/**
 * True when an event of a declared kind has nothing to report besides its date (checked
 * by the caller): the common case, answered without building paths or listing keys. Any
 * doubt returns false, and {@link checkDeclaredEvent} then words every problem in order.
 * The answer is {@link declaredEventFitsGeneral}'s; the usual event (its attributes own
 * and enumerable, none unknown) is answered from the kind's precompiled `fit` in one pass
 * over its attributes, anything else by the general test.
 */
export function declaredEventFits(e: Record<string, unknown>, kind: ParsedOutcomeKind): boolean {
  for (const key in e) if (key !== "kind" && key !== "date" && key !== "attributes" && key !== "note") return false;
  if (e.note !== undefined && typeof e.note !== "string") return false;
  const raw = e.attributes;
  if (raw === undefined) return kind.required.length === 0;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return false;
  const attrs = raw as Record<string, unknown>;
  const fit = kind.fit;
  let keys = 0;
  let own = 0;
  let required = 0;
  for (const key in attrs) {
    keys++;
    let j = 0;
    while (j < fit.length && (fit[j] as AttributeFit).name !== key) j++;
    // hasOwnProperty on the for-in key: V8 answers it from the enum cache, no lookup.
    if (j === fit.length || !hasOwnProperty.call(attrs, key)) continue;
    // An own declared attribute with a value that does not fit: false whatever else holds.
    const f = fit[j] as AttributeFit;
    if (!f.fits(attrs[key])) return false;
    own++;
    if (!f.optional) required++;
  }
  if (own === keys) {
    // Every key an own declared attribute, every declared one present: nothing else to ask.
    if (own === fit.length) return true;
    // Only optional ones absent: fits unless one of them is an own non-enumerable property (the general test counts those).
    if (required === kind.required.length) {
      let declared = 0;
      for (const f of fit) if (Object.hasOwn(attrs, f.name)) declared++;
      if (declared === own) return true;
    }
  }
  return declaredEventFitsGeneral(e, kind);
}

const hasOwnProperty = Object.prototype.hasOwnProperty;

/**
 * The fit test by its definition: every declared attribute the attributes object has as
 * its own holds a fitting value, every required one is there, and no other key (own or
 * inherited, enumerable) is: the count of own declared attributes equals the count of
 * keys. {@link declaredEventFits} gives the same answer, faster, on usual events.
 */
export function declaredEventFitsGeneral(e: Record<string, unknown>, kind: ParsedOutcomeKind): boolean {
  for (const key in e) if (key !== "kind" && key !== "date" && key !== "attributes" && key !== "note") return false;
  if (e.note !== undefined && typeof e.note !== "string") return false;
  const raw = e.attributes;
  if (raw === undefined) return kind.required.length === 0;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return false;
  const attrs = raw as Record<string, unknown>;
  let keys = 0;
  for (const _ in attrs) keys++;
  let matched = 0;
  for (const a of kind.list) {
    if (!Object.hasOwn(attrs, a.name)) {
      if (!a.optional) return false;
      continue;
    }
    matched++;
    if (attributeProblem(a, attrs[a.name]) !== null) return false;
  }
  // Every enumerable key is a declared attribute (an inherited or unknown one makes the counts differ).
  return matched === keys;
}

/**
 * Checks an event of a declared kind (shape, date, attributes) and pushes one issue per
 * problem, under `path` (the event's path, e.g. `["events", 3]`). `dateChecked`: the
 * caller has already checked (and reported) the date.
 */
export function checkDeclaredEvent(e: Record<string, unknown>, kind: ParsedOutcomeKind, path: readonly (string | number)[], issues: Issue[], dateChecked = false): void {
  if (dateChecked && declaredEventFits(e, kind)) return;
  if (!dateChecked && !isCalendarDate(e.date)) issues.push({ path: [...path, "date"], code: "invalid_date", message: `expected a calendar date YYYY-MM-DD, got ${quote(e.date)}` });
  for (const key in e) {
    if (key !== "kind" && key !== "date" && key !== "attributes" && key !== "note") {
      issues.push({ path: [...path, key], code: "unrecognized_keys", message: `unknown field "${key}" on a ${kind.name} event (its values go under "attributes")` });
    }
  }
  if (e.note !== undefined && typeof e.note !== "string") issues.push({ path: [...path, "note"], code: "invalid_type", message: "a note is text" });
  const raw = e.attributes;
  if (raw !== undefined && (typeof raw !== "object" || raw === null || Array.isArray(raw))) {
    issues.push({ path: [...path, "attributes"], code: "invalid_type", message: `the attributes of a ${kind.name} event are an object` });
    return;
  }
  const attrs = (raw ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(attrs)) {
    const a = kind.attributes.get(name);
    if (a === undefined) {
      const hint = didYouMean(name, [...kind.attributes.keys()]);
      const declared = kind.attributes.size === 0 ? "it declares none" : `declared: ${[...kind.attributes.keys()].join(", ")}`;
      issues.push({ path: [...path, "attributes", name], code: "unrecognized_keys", message: `${kind.name} has no attribute ${JSON.stringify(name)}${hint ? ` (did you mean "${hint}"?)` : ""}; ${declared}` });
      continue;
    }
    const problem = attributeProblem(a, attrs[name]);
    if (problem !== null) issues.push({ path: [...path, "attributes", name], code: problem.code, message: `${kind.name}.${name}: ${problem.reason}` });
  }
  for (const a of kind.required) {
    if (!Object.hasOwn(attrs, a.name)) {
      issues.push({ path: [...path, "attributes", a.name], code: "invalid_type", message: `${kind.name}.${a.name} is required (${typeWords(a)})` });
    }
  }
}

/** The issue for an event kind that is neither built in nor declared. */
export function undeclaredKindIssue(outcomes: ParsedOutcomes, kind: unknown, path: readonly (string | number)[]): Issue {
  const declared = [...outcomes.kinds.keys()];
  const hint = typeof kind === "string" ? didYouMean(kind, [...OUTCOME_EVENT_KINDS, ...declared]) : undefined;
  return {
    path: [...path, "kind"],
    code: "invalid_union_discriminator",
    message:
      `unknown event kind ${quote(kind)}${hint ? ` (did you mean "${hint}"?)` : ""}: not built in (${OUTCOME_EVENT_KINDS.join(", ")})` +
      (declared.length === 0 ? " and the contract declares no outcome kinds" : ` and not declared by the contract (declared: ${declared.join(", ")})`),
  };
}

/**
 * The input of {@link validateOutcomeEvents}.
 *
 * @category Outcome Events
 */
export const validateOutcomeEventsInputSchema = lazySchema(() => z.strictObject({
  /** The contract's outcome-kind declarations (`outcomes`), keyed by kind name. */
  outcomes: z.unknown(),
  /** The events to check against the declarations, at most 1,000,000. */
  events: z.array(z.unknown()).max(1_000_000),
}));

/**
 * Input of {@link validateOutcomeEvents}.
 *
 * @category Outcome Events
 */
export type ValidateOutcomeEventsInput = z.input<typeof validateOutcomeEventsInputSchema>;

/**
 * Checks event records of declared kinds against a contract's outcome declarations (for
 * a backend that stores events before any contract is evaluated). Events of built-in kinds
 * are passed over here (their shape is {@link outcomeEventSchema}'s); an undeclared kind,
 * an unknown or missing attribute or a value of the wrong type is a {@link ValidationError}
 * naming the kind and the path (`events[2].attributes.days`).
 *
 * @example
 * ```ts
 * validateOutcomeEvents({
 *   outcomes: { hospitalisation: { attributes: { days: { type: "integer", min: 0 } } } },
 *   events: [{ kind: "hospitalisation", date: "2026-05-02", attributes: { days: 4 } }],
 * }); // returns the events
 * ```
 *
 * @param input - The contract's `outcomes` declarations and the `events` to check.
 * @throws {ValidationError} when the input does not match `validateOutcomeEventsInputSchema`, the declarations are invalid, or an event has an undeclared kind, an unknown or missing attribute, a value of the wrong type or a bad date (the path is named, e.g. `events[2].attributes.days`).
 * @category Outcome Events
 */
export function validateOutcomeEvents(input: ValidateOutcomeEventsInput): readonly DeclaredOutcomeEvent[] {
  const { outcomes: raw, events } = parseInput(validateOutcomeEventsInputSchema, input, "validateOutcomeEvents");
  const outcomes = parseOutcomeDeclarations(raw);
  const issues: Issue[] = [];
  events.forEach((e, i) => {
    if (typeof e !== "object" || e === null || Array.isArray(e)) {
      issues.push({ path: ["events", i], code: "invalid_type", message: "an event is an object { kind, date }" });
      return;
    }
    const kind = (e as Record<string, unknown>).kind;
    if (typeof kind !== "string" || !isKnownKind(outcomes, kind)) {
      issues.push(undeclaredKindIssue(outcomes, kind, ["events", i]));
      return;
    }
    const decl = outcomes.kinds.get(kind);
    if (decl !== undefined) checkDeclaredEvent(e as Record<string, unknown>, decl, ["events", i], issues);
    else if (!isCalendarDate((e as Record<string, unknown>).date)) issues.push({ path: ["events", i, "date"], code: "invalid_date", message: `expected a calendar date YYYY-MM-DD, got ${quote((e as Record<string, unknown>).date)}` });
  });
  if (issues.length > 0) throw new ValidationError(issues, "validateOutcomeEvents");
  return events as DeclaredOutcomeEvent[];
}

