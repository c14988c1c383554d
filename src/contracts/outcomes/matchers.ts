// Event matchers with the contract's own vocabulary: the kind may be a declared one and
// `where` tests its attributes. Checked against the declarations when the contract is
// parsed, so a term can never wait for an event kind no history could contain.
import type { Issue } from "../../core/index.js";
import { didYouMean } from "../../core/parse.js";
import { OUTCOME_EVENT_KINDS } from "../events.js";
import { type AttributeTest, attributesPass, type ParsedAttributeTest, prepareAttributeTests } from "./attribute-tests.js";
import type { ParsedOutcomes } from "./declarations.js";

const BUILT_IN = new Set<string>(OUTCOME_EVENT_KINDS);

/** A matcher as the schema leaves it: a kind and optional tests. */
export interface MatcherTerms {
  readonly kind: string;
  readonly minGrade?: number;
  readonly responses?: readonly string[];
  readonly where?: Readonly<Record<string, AttributeTest>>;
}

/** A matcher ready for evaluation: `tests` are the prepared attribute tests of a declared kind. */
export interface PreparedMatcher extends MatcherTerms {
  readonly tests?: readonly ParsedAttributeTest[];
  /** The matcher in words: "hospitalisation with days ≥ 3". */
  readonly text?: string;
}

/** The issue code of a matcher naming a kind neither built in nor declared. */
export const UNDECLARED_EVENT_KIND = "undeclared_event_kind";

/**
 * Checks one matcher against the contract's declarations and prepares its attribute
 * tests; problems are pushed as issues under `path` (the matcher's path).
 */
export function prepareMatcher(m: MatcherTerms, outcomes: ParsedOutcomes, path: readonly (string | number)[], issues: Issue[], words: (kind: string) => string): PreparedMatcher {
  const declared = outcomes.kinds.get(m.kind);
  if (!BUILT_IN.has(m.kind) && declared === undefined) {
    const names = [...outcomes.kinds.keys()];
    const hint = didYouMean(m.kind, [...OUTCOME_EVENT_KINDS, ...names]);
    issues.push({
      path: typeof (m as unknown) === "string" ? path : [...path, "kind"],
      code: UNDECLARED_EVENT_KIND,
      message: `event kind ${JSON.stringify(m.kind)}${hint ? ` (did you mean "${hint}"?)` : ""} is neither built in nor declared under the contract's "outcomes"${names.length > 0 ? ` (declared: ${names.join(", ")})` : ""}`,
    });
    return m;
  }
  if (m.where === undefined) return m;
  if (declared === undefined) {
    issues.push({ path: [...path, "where"], code: "invalid_value", message: `"where" tests the attributes of a declared outcome kind; ${m.kind} is built in (use minGrade or responses)` });
    return m;
  }
  const tests = prepareAttributeTests(declared, m.where, [...path, "where"], issues);
  const text = `${words(m.kind)}${tests.length > 0 ? ` with ${tests.map((t) => t.text).join(" and ")}` : ""}`;
  return { ...m, tests, text };
}

/** True when the event's attributes pass the matcher's tests (the kind is compared by the caller). */
export function passesTests(m: PreparedMatcher, attributes: Readonly<Record<string, unknown>> | undefined): boolean {
  return m.tests === undefined || attributesPass(m.tests, attributes);
}
