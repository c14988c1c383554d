// What a declared-attribute type is (`boolean`, `integer`, `number`, `string`, `enum`: the
// typed attributes of a contract's custom outcome kinds). A type is one file in this folder
// exporting a record of the shape below: its schema with its refinements, the fields of its
// parsed form, the precompiled fit test of the bulk path, the general check with its words,
// and what the matchers' tests need to know of it. The registry (registry.ts) assembles the
// schema's union and the lookup by `type`, so nothing else names the types.
import * as z from "zod";
import type { ValidationCode } from "../../../core/index.js";
import { quote } from "../../../money/decimal.js";
import type { ParsedAttribute } from "../declarations.js";
import { lazySchema } from "../../../kernel/lazy-schema.js";

/** The fields of a parsed attribute that its type decides (null where the type has none). */
export type AttributeFields = Pick<ParsedAttribute, "unit" | "min" | "max" | "values" | "maxLength">;

/** A type with none of the typed fields. */
export const NO_FIELDS: AttributeFields = Object.freeze({ unit: null, min: null, max: null, values: null, maxLength: null });

/**
 * One attribute as the event fit test (`declaredEventFits`) reads it: `fits` answers as
 * `problem(attribute, value) === null` does, with its comparisons worked out when the
 * contract is parsed, so an event costs no lookups and no allocations beyond them.
 */
export interface AttributeFit {
  readonly name: string;
  readonly optional: boolean;
  readonly fits: (value: unknown) => boolean;
  readonly attribute: ParsedAttribute;
}

/** What is wrong with a value (a code and a reason), or null when it fits. */
export type AttributeProblem = { readonly code: ValidationCode; readonly reason: string } | null;

/** One declared-attribute type. */
export interface AttributeTypeKind<Type extends string, S extends z.ZodType<{ readonly type: Type }>> {
  /** The discriminator in the declaration (`"integer"`). */
  readonly type: Type;
  /** The strict declaration object, with the type's own refinements (min ≤ max, distinct values). */
  readonly schema: S;
  /** The typed fields of the parsed attribute, from a validated declaration. */
  readonly fields: (declaration: z.output<S>) => AttributeFields;
  /** The fit-test entry of a parsed attribute of this type: its comparisons decided once, rather than per event. */
  readonly fit: (a: ParsedAttribute) => AttributeFit;
  /** How its values read in messages ("a whole number", "one of \"a\", \"b\""). */
  readonly words: (a: ParsedAttribute) => string;
  /** Checks one value: a problem, or null when it fits the declaration. */
  readonly problem: (a: ParsedAttribute, value: unknown) => AttributeProblem;
  /** Values are exact decimals with an order: a matcher may test a range, and compares equals / in values exactly. */
  readonly ordered: boolean;
  /** A matcher may test it with `in` (a boolean is tested with `equals`). */
  readonly listable: boolean;
}

/** Any attribute type (for the registry): what the lookup hands out. */
export interface AnyAttributeType {
  readonly type: string;
  readonly schema: z.ZodType;
  readonly fields: (declaration: never) => AttributeFields;
  readonly fit: (a: ParsedAttribute) => AttributeFit;
  readonly words: (a: ParsedAttribute) => string;
  readonly problem: (a: ParsedAttribute, value: unknown) => AttributeProblem;
  readonly ordered: boolean;
  readonly listable: boolean;
}

/** The fields every declaration has: `optional` and `label`. */
export const optionalFields = lazySchema(() => ({ optional: z.boolean().optional(), label: z.string().min(1).max(200).optional() }));

/** The fit entry with its test. */
export function fitEntry(a: ParsedAttribute, fits: (value: unknown) => boolean): AttributeFit {
  return { name: a.name, optional: a.optional, fits, attribute: a };
}

/** The problem of a value of the wrong type: `expected <words>, got <value>`. */
export function wrongType(words: string, value: unknown, code: ValidationCode = "invalid_type"): AttributeProblem {
  return { code, reason: `expected ${words}, got ${quote(value)}` };
}
