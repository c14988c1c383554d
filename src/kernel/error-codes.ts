// The closed list of error codes. Each code belongs to one class and has one meaning;
// callers may switch on `error.code` (DomainError) or `issue.code` (ValidationError).
// Adding a code is one line here (docs/errors.md lists them for readers).

/**
 * Which typed error carries a code: a `ValidationError` issue or a `DomainError`.
 *
 * @category Errors
 */
export type ErrorClass = "ValidationError" | "DomainError";

/**
 * Every error code the library raises, with its class and meaning. Closed: a code not
 * listed here does not type-check. Lower snake case for the issue codes of a
 * `ValidationError` (zod's own codes among them), upper snake case for `DomainError`.
 *
 * @example
 * ```ts
 * ERROR_CODES.CURRENCY_MISMATCH.class; // "DomainError"
 * ERROR_CODES.sub_minor_unit.meaning;  // "an amount has more decimals than its currency's minor unit"
 * ```
 *
 * @category Errors
 */
export const ERROR_CODES = {
  // ValidationError: one field (named by its path) has the wrong shape or value. Zod's codes first.
  invalid_type: { class: "ValidationError", meaning: "a field has the wrong type, or is missing" },
  invalid_value: { class: "ValidationError", meaning: "a field's value is not one of those allowed, or breaks a stated rule" },
  invalid_format: { class: "ValidationError", meaning: "a text field does not have the required form (pattern, date, …)" },
  invalid_union: { class: "ValidationError", meaning: "a field matches none of the forms it may take" },
  invalid_key: { class: "ValidationError", meaning: "a key of a map field is not allowed" },
  invalid_element: { class: "ValidationError", meaning: "an element of a collection field is not allowed" },
  unrecognized_keys: { class: "ValidationError", meaning: "an object has a key the schema does not know (strict objects)" },
  too_small: { class: "ValidationError", meaning: "a number, text or list is below its minimum" },
  too_big: { class: "ValidationError", meaning: "a number, text or list is above its maximum (size limits included)" },
  not_multiple_of: { class: "ValidationError", meaning: "a number is not a multiple of the required step" },
  custom: { class: "ValidationError", meaning: "a schema refinement failed; the message says which rule" },
  invalid_enum_value: { class: "ValidationError", meaning: "a value is not one of the listed names (rounding mode, kind, …)" },
  invalid_decimal: { class: "ValidationError", meaning: "a field is not a finite decimal within its bounds" },
  invalid_amount: { class: "ValidationError", meaning: "an amount is not a decimal money amount" },
  invalid_units: { class: "ValidationError", meaning: "a count of minor units is not a safe whole number or bigint" },
  invalid_scale: { class: "ValidationError", meaning: "a currency scale is not a whole number of digits from 0 to 8" },
  invalid_places: { class: "ValidationError", meaning: "a number of decimal places is not a whole number in range" },
  invalid_weight: { class: "ValidationError", meaning: "an allocation weight is not a finite decimal ≥ 0" },
  invalid_count: { class: "ValidationError", meaning: "a count is not a whole number in range" },
  invalid_length: { class: "ValidationError", meaning: "a list does not have the length another field requires" },
  invalid_date: { class: "ValidationError", meaning: "a date is not an existing ISO calendar date" },
  invalid_instant: { class: "ValidationError", meaning: "a timestamp is not an ISO instant" },
  invalid_offset: { class: "ValidationError", meaning: "a calendar offset (months, days) is not whole or is out of range" },
  invalid_cycle: { class: "ValidationError", meaning: "a cycle number or cycle length is out of range" },
  invalid_attribute: { class: "ValidationError", meaning: "a patient attribute has the wrong form" },
  invalid_contract: { class: "ValidationError", meaning: "a value passed as a contract was not made by parseContract" },
  invalid_plan: { class: "ValidationError", meaning: "a value passed as a plan was not made by its parser" },
  not_finite: { class: "ValidationError", meaning: "a number is NaN or ±Infinity" },
  not_positive: { class: "ValidationError", meaning: "a number that must be > 0 is not" },
  out_of_range: { class: "ValidationError", meaning: "a number lies outside its documented range" },
  date_out_of_range: { class: "ValidationError", meaning: "a date (given or computed) lies outside the supported years" },
  all_zero: { class: "ValidationError", meaning: "weights that must not all be zero are all zero" },
  empty_band: { class: "ValidationError", meaning: "a band has no width (from = to)" },
  empty_domain: { class: "ValidationError", meaning: "a band table's domain is empty" },
  missing_field: { class: "ValidationError", meaning: "a field required by another field is absent" },
  missing_attribute: { class: "ValidationError", meaning: "a patient attribute a rule reads is absent" },
  missing_coinsurance: { class: "ValidationError", meaning: "a layer needs a coinsurance rate and states none" },
  missing_currency: { class: "ValidationError", meaning: "a document states amounts but no currency" },
  missing_metric: { class: "ValidationError", meaning: "a KPI or rule names a metric the input does not give" },
  missing_year: { class: "ValidationError", meaning: "a claim with accumulators states no year" },
  unknown_currency: { class: "ValidationError", meaning: "a currency code is not registered" },
  currency_mismatch: { class: "ValidationError", meaning: "an amount field is in another currency than its document" },
  sub_minor_unit: { class: "ValidationError", meaning: "an amount has more decimals than its currency's minor unit" },
  reserved_key: { class: "ValidationError", meaning: "a user-chosen name is one the library reserves" },
  depth_limit: { class: "ValidationError", meaning: "a nested document is deeper than its documented limit" },
  unknown_reference: { class: "ValidationError", meaning: "a field names a parameter, state, stream, strategy, variable, attribute or level the same document does not define" },
  same_reference: { class: "ValidationError", meaning: "two fields that must name different things name the same one" },
  duplicate_id: { class: "ValidationError", meaning: "an id or name that must be unique in a list appears twice" },
  not_increasing: { class: "ValidationError", meaning: "values that must strictly increase (times, cycles, breaks) do not" },
  too_few_events: { class: "ValidationError", meaning: "survival data has too few observed events to fit" },
  inexact_number: { class: "ValidationError", meaning: "a JS number is beyond the exactly representable range; pass a decimal string" },
  invalid_union_discriminator: { class: "ValidationError", meaning: "the kind field of a tagged document is not a known kind" },
  invalid_json: { class: "ValidationError", meaning: "a file, line or argument is not valid JSON (CLI)" },
  // Codes of the tiers chapter, kept as they are while it is restructured (owners may fold them):
  invalid_layer: { class: "ValidationError", meaning: "a coverage layer is not valid for its kind" },
  conflict: { class: "ValidationError", meaning: "two layer fields contradict each other" },
  missing_cycle: { class: "ValidationError", meaning: "a per-cycle layer rule needs a cycle the claim does not state" },
  missing_units: { class: "ValidationError", meaning: "a per-unit layer rule needs a unit count the claim does not state" },
  missing_family: { class: "ValidationError", meaning: "family accumulators or a family limit are given for a claim that names no family" },
  missing_lines: { class: "ValidationError", meaning: "a plan with per-category terms needs an itemised claim (lines by category)" },
  missing_design: { class: "ValidationError", meaning: "a family limit needs its design: embedded or aggregate" },
  invalid_limit: { class: "ValidationError", meaning: "a cost-sharing limit contradicts another (an individual maximum above the family's, …)" },
  missing_method: { class: "ValidationError", meaning: "a secondary plan states no coordination method" },
  missing_amount: { class: "ValidationError", meaning: "a payment rule needs an amount the claim does not state (Medicare Secondary Payer)" },
  ambiguous_amount: { class: "ValidationError", meaning: "two amounts are given where the rule takes exactly one" },
  missing_parents: { class: "ValidationError", meaning: "an order-of-benefit rule for a dependent needs the parents' details" },
  missing_birth_date: { class: "ValidationError", meaning: "the birthday rule needs each parent's birth date" },
  missing_covered_since: { class: "ValidationError", meaning: "an order-of-benefit rule needs the date coverage began" },
  missing_custody: { class: "ValidationError", meaning: "separated parents without a decree need the custody facts" },
  missing_period: { class: "ValidationError", meaning: "a review deadline needs its period in working days, directly or from the SLA table" },
  ambiguous_period: { class: "ValidationError", meaning: "a review deadline is given both a period and an SLA action" },
  missing_action: { class: "ValidationError", meaning: "an SLA table is given but no triage action to choose from it" },
  undeclared_event_kind: { class: "ValidationError", meaning: "an event's kind is neither built in nor declared by the contract's outcomes" },
  unknown_attribute: { class: "ValidationError", meaning: "a matcher tests an attribute its outcome kind does not declare" },
  unit_mismatch: { class: "ValidationError", meaning: "a numeric attribute test states another unit than the attribute's" },
  empty_range: { class: "ValidationError", meaning: "an attribute range admits no value (lower bound above the upper)" },
  // DomainError: valid values that break a rule together.
  CURRENCY_MISMATCH: { class: "DomainError", meaning: "two amounts in different currencies were combined" },
  CURRENCY_CONFLICT: { class: "DomainError", meaning: "a currency code was registered again with another minor unit" },
  BAND_GAP: { class: "DomainError", meaning: "a band table leaves part of its domain uncovered" },
  BAND_OVERLAP: { class: "DomainError", meaning: "two bands of a table overlap" },
  BAND_COVERAGE: { class: "DomainError", meaning: "a value falls outside every band (or a table does not reach its domain's ends)" },
  OUT_OF_DOMAIN: { class: "DomainError", meaning: "a value is outside the domain where the formula is defined" },
  INCONSISTENT_INPUT: { class: "DomainError", meaning: "fields that must agree with each other do not" },
  UNDEFINED_RESULT: { class: "DomainError", meaning: "the quantity asked for does not exist for this input (division by zero effect, …)" },
  EVENT_ORDER: { class: "DomainError", meaning: "dated events or periods are out of order or overlap" },
  NO_APPLICABLE_TERMS: { class: "DomainError", meaning: "no term of a document applies to the case" },
  UNKNOWN_KEY: { class: "DomainError", meaning: "a reference names a strategy, parameter, layer or state the document does not define" },
  NOT_CONVERGED: { class: "DomainError", meaning: "an iterative method did not converge within its limits" },
  SIZE_LIMIT: { class: "DomainError", meaning: "an input is larger than a documented, exported size limit" },
} as const satisfies Record<string, { readonly class: ErrorClass; readonly meaning: string }>;

/**
 * Every code of the library's typed errors (closed union).
 *
 * @category Errors
 */
export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * Codes carried by the issues of a `ValidationError`.
 *
 * @category Errors
 */
export type ValidationCode = { [K in ErrorCode]: (typeof ERROR_CODES)[K]["class"] extends "ValidationError" ? K : never }[ErrorCode];

/**
 * Codes of a `DomainError`.
 *
 * @category Errors
 */
export type DomainErrorCode = { [K in ErrorCode]: (typeof ERROR_CODES)[K]["class"] extends "DomainError" ? K : never }[ErrorCode];

/**
 * True when `code` is one of the library's error codes.
 *
 * @example
 * ```ts
 * isErrorCode("BAND_GAP"); // true
 * isErrorCode("oops");     // false
 * ```
 *
 * @category Errors
 * @param code - any value; `true` when it is one of the codes of `ERROR_CODES`
 */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && Object.hasOwn(ERROR_CODES, code);
}
