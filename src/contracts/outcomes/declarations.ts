// A contract may speak of outcomes beyond the built-in event kinds (transfusion
// independence, hospitalisation, lab results…). It declares each kind it uses with typed
// attributes, so events and the terms that read them are checked against one vocabulary.
import * as z from "zod";
import { type Issue, parseInput, ValidationError } from "../../core/index.js";
import { userRecord } from "../../core/schemas.js";
import { OUTCOME_EVENT_KINDS } from "../events.js";
import type { ExactNumber } from "./exact-number.js";
import { kindSchemas } from "../../kernel/kind-registry.js";
import type { AttributeFit } from "./attribute-types/kind.js";
import { ATTRIBUTE_TYPES, attributeType } from "./attribute-types/registry.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const nameSchema = (what: string) =>
  z.string().regex(NAME, { error: (i) => `${JSON.stringify(i.input)} is not a valid ${what} name: start with a letter, then letters, digits or _ (at most 64)` });

/**
 * One typed attribute of a declared outcome kind. `boolean`; `integer` (optional
 * inclusive `min` / `max`); `number` (an exact decimal, optional `unit` the values are
 * recorded in, optional inclusive `min` / `max`); `string`; `enum` (one of `values`).
 * Attributes are required on every event of the kind unless `optional: true`.
 *
 * @example
 * ```ts
 * outcomeAttributeSchema.parse({ type: "number", unit: "g/dL", min: 0 });
 * ```
 *
 * @category Outcome Events
 */
export const outcomeAttributeSchema = lazySchema(() => z.discriminatedUnion("type", kindSchemas(ATTRIBUTE_TYPES)));

/**
 * One outcome kind a contract declares: a label and its attributes (none for a plain flag such as `mrdNegative`).
 *
 * @category Outcome Events
 */
export const outcomeKindDeclarationSchema = lazySchema(() => z.strictObject({
  /** How the kind reads in ledgers and explanations, 1–200 characters; the kind name when absent. */
  label: z.string().min(1).max(200).optional(),
  /** The kind's typed attributes by name (a letter, then letters, digits or _, at most 64); none for a plain flag. */
  attributes: userRecord(nameSchema("attribute"), outcomeAttributeSchema).optional(),
}));

/**
 * The outcome kinds a contract declares beyond the built-in ones, keyed by kind name:
 * `{ "hospitalisation": { "attributes": { "days": { "type": "integer", "min": 0 } } } }`.
 * A declared name may not reuse a built-in kind.
 *
 * @example
 * ```ts
 * outcomeDeclarationsSchema.parse({ mrdNegative: {}, hospitalisation: { attributes: { days: { type: "integer", min: 0 } } } });
 * ```
 *
 * @category Outcome Events
 */
export const outcomeDeclarationsSchema = lazySchema(() => userRecord(nameSchema("outcome kind"), outcomeKindDeclarationSchema).superRefine((record, ctx) => {
  for (const kind of Object.keys(record)) {
    if (BUILT_IN.has(kind)) ctx.addIssue({ code: "custom", path: [kind], message: `"${kind}" is a built-in event kind and cannot be redeclared` });
  }
}));

const BUILT_IN = new Set<string>(OUTCOME_EVENT_KINDS);

/**
 * An attribute declaration after validation.
 *
 * @category Outcome Events
 */
export type OutcomeAttributeDeclaration = z.output<typeof outcomeAttributeSchema>;
/**
 * The declarations as written in JSON.
 *
 * @category Outcome Events
 */
export type OutcomeDeclarationsInput = z.input<typeof outcomeDeclarationsSchema>;

/**
 * An attribute ready for checking events: bounds as exact numbers.
 *
 * @category Outcome Events
 */
export interface ParsedAttribute {
  readonly name: string;
  readonly type: OutcomeAttributeDeclaration["type"];
  readonly optional: boolean;
  readonly unit: string | null;
  readonly min: ExactNumber | null;
  readonly max: ExactNumber | null;
  readonly values: ReadonlySet<string> | null;
  readonly maxLength: number | null;
  readonly declaration: OutcomeAttributeDeclaration;
}

/**
 * One declared outcome kind, ready for checking events.
 *
 * @category Outcome Events
 */
export interface ParsedOutcomeKind {
  readonly name: string;
  readonly label: string;
  /** Attributes by name (a Map: names are the contract author's). */
  readonly attributes: ReadonlyMap<string, ParsedAttribute>;
  /** The attributes every event of the kind carries (those not `optional`), in declaration order. */
  readonly required: readonly ParsedAttribute[];
  /** All the attributes, in declaration order. */
  readonly list: readonly ParsedAttribute[];
  /**
   * The same attributes as the event fit test (`declaredEventFits`) reads them, each with
   * its type's test precompiled when the contract is parsed (its record's `fit`), so an
   * event costs no lookups and no allocations beyond the comparisons.
   */
  readonly fit: readonly AttributeFit[];
}

/**
 * The declared outcome kinds of a contract, by name.
 *
 * @category Outcome Events
 */
export interface ParsedOutcomes {
  readonly kinds: ReadonlyMap<string, ParsedOutcomeKind>;
}

/** No declarations: only the built-in kinds. */
export const NO_OUTCOMES: ParsedOutcomes = Object.freeze({ kinds: new Map() });

/** Turns validated declarations into {@link ParsedOutcomes}. */
export function prepareOutcomes(record: z.output<typeof outcomeDeclarationsSchema> | undefined): ParsedOutcomes {
  if (record === undefined) return NO_OUTCOMES;
  const kinds = new Map<string, ParsedOutcomeKind>();
  for (const name of Object.keys(record)) {
    const decl = record[name]!;
    const attributes = new Map<string, ParsedAttribute>();
    const list = decl.attributes ?? (Object.create(null) as Record<string, OutcomeAttributeDeclaration>);
    for (const attr of Object.keys(list)) {
      const a = list[attr]!;
      attributes.set(attr, {
        name: attr,
        type: a.type,
        optional: a.optional === true,
        ...attributeType(a.type).fields(a as never),
        declaration: a,
      });
    }
    const all = [...attributes.values()];
    kinds.set(name, { name, label: decl.label ?? name, attributes, required: all.filter((a) => !a.optional), list: all, fit: all.map((a) => attributeType(a.type).fit(a)) });
  }
  return Object.freeze({ kinds });
}

/**
 * Validates outcome declarations (as a contract's `outcomes` field) and prepares them
 * for checking events and matchers. Bad input is a {@link ValidationError} with paths.
 *
 * @example
 * ```ts
 * const outcomes = parseOutcomeDeclarations({ hospitalisation: { attributes: { days: { type: "integer", min: 0 } } } });
 * outcomes.kinds.has("hospitalisation"); // true
 * ```
 *
 * @param json - The outcome declarations, as a contract's `outcomes` field: event kind → its declared attributes.
 * @throws {ValidationError} when the declarations do not match `outcomeDeclarationsSchema` (the field path is named, e.g. `hospitalisation.attributes.days.type`).
 * @category Outcome Events
 */
export function parseOutcomeDeclarations(json: unknown): ParsedOutcomes {
  return prepareOutcomes(parseInput(outcomeDeclarationsSchema, json, "parseOutcomeDeclarations"));
}

/** True for a kind the contract may use: built in, or declared. */
export function isKnownKind(outcomes: ParsedOutcomes, kind: string): boolean {
  return BUILT_IN.has(kind) || outcomes.kinds.has(kind);
}

/** Throws the collected issues, if any. */
export function throwIssues(issues: readonly Issue[], context: string): void {
  if (issues.length > 0) throw new ValidationError(issues, context);
}
