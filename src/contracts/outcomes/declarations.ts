// A contract may speak of outcomes beyond the built-in event kinds (transfusion
// independence, hospitalisation, lab results…). It declares each kind it uses with typed
// attributes, so events and the terms that read them are checked against one vocabulary.
import * as z from "zod";
import { type Issue, parseInput, ValidationError } from "../../core/index.js";
import { userRecord } from "../../core/schemas.js";
import { OUTCOME_EVENT_KINDS } from "../events.js";
import { comparableBound, exactNumber, type ExactNumber } from "./exact-number.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const nameSchema = (what: string) =>
  z.string().regex(NAME, { error: (i) => `${JSON.stringify(i.input)} is not a valid ${what} name: start with a letter, then letters, digits or _ (at most 64)` });

const numeral = lazySchema(() => z.union([z.number(), z.string()]).refine((v) => exactNumber(v) !== null, { message: "expected a finite decimal number (e.g. 9.5 or \"9.5\")" }));
const optional = lazySchema(() => ({ optional: z.boolean().optional(), label: z.string().min(1).max(200).optional() }));

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
export const outcomeAttributeSchema = lazySchema(() => z
  .discriminatedUnion("type", [
    z.strictObject({
      /** Attribute type `boolean`: true or false. */
      type: z.literal("boolean"),
      ...optional,
    }),
    z.strictObject({
      /** Attribute type `integer`: a whole number. */
      type: z.literal("integer"),
      /** Smallest allowed value, inclusive; no lower bound when absent. */
      min: z.number().int().optional(),
      /** Largest allowed value, inclusive, not below `min`; no upper bound when absent. */
      max: z.number().int().optional(),
      ...optional,
    }),
    z.strictObject({
      /** Attribute type `number`: an exact decimal (a number or decimal text). */
      type: z.literal("number"),
      /** The unit the values are recorded in (e.g. `g/dL`), at most 40 characters; range tests that name a unit must use this one. */
      unit: z.string().min(1).max(40).optional(),
      /** Smallest allowed value, inclusive (a finite decimal); no lower bound when absent. */
      min: numeral.optional(),
      /** Largest allowed value, inclusive (a finite decimal), not below `min`; no upper bound when absent. */
      max: numeral.optional(),
      ...optional,
    }),
    z.strictObject({
      /** Attribute type `string`: free text. */
      type: z.literal("string"),
      /** Longest allowed text, 1–10000 characters. */
      maxLength: z.number().int().min(1).max(10_000).optional(),
      ...optional,
    }),
    z.strictObject({
      /** Attribute type `enum`: one of a fixed list of values. */
      type: z.literal("enum"),
      /** The allowed values, distinct, 1–1000 of them (each 1–200 characters). */
      values: z.array(z.string().min(1).max(200)).min(1).max(1000),
      ...optional,
    }),
  ])
  .superRefine((a, ctx) => {
    if ((a.type === "integer" || a.type === "number") && a.min !== undefined && a.max !== undefined) {
      const lo = exactNumber(a.min);
      const hi = exactNumber(a.max);
      if (lo !== null && hi !== null && lo.units * 10n ** BigInt(hi.scale) > hi.units * 10n ** BigInt(lo.scale)) {
        ctx.addIssue({ code: "custom", path: ["max"], message: `max ${String(a.max)} is below min ${String(a.min)}` });
      }
    }
    if (a.type === "enum" && new Set(a.values).size !== a.values.length) ctx.addIssue({ code: "custom", path: ["values"], message: "enum values must be distinct" });
  }));

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
   * The same attributes as the event fit test (`declaredEventFits`) reads them, with each
   * check worked out when the contract is parsed, so an event costs no lookups and no
   * allocations beyond the comparisons. `code`: `boolean`; `integer` (a safe integer in
   * low…high); `number` (a number written without an exponent, in low…high; any other
   * value goes to the general check); `text` (at most `high` characters); `enum`;
   * `general` (the attribute type's own check: bounds with no double of their own).
   * `low` / `high`: inclusive bounds as doubles, ∓Number.MAX_VALUE when absent (every fast-path value is finite, so those bounds always hold; a parsed contract holds no Infinity). Every entry has
   * every field: one object shape keeps the test's reads monomorphic.
   */
  readonly fit: readonly {
    readonly name: string;
    readonly optional: boolean;
    readonly code: "boolean" | "integer" | "number" | "text" | "enum" | "general";
    readonly low: number;
    readonly high: number;
    readonly values: ReadonlySet<string> | null;
    readonly attribute: ParsedAttribute;
  }[];
}

type AttributeFit = ParsedOutcomeKind["fit"][number];

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

function bound(v: number | string): ExactNumber | null {
  const n = exactNumber(v);
  return n === null ? null : comparableBound(n);
}

/** The fit-test entry of one attribute: its comparisons decided once, here, rather than per event. */
function attributeFit(a: ParsedAttribute): AttributeFit {
  const entry = (code: AttributeFit["code"], low = -Number.MAX_VALUE, high = Number.MAX_VALUE, values: ReadonlySet<string> | null = null): AttributeFit => ({ name: a.name, optional: a.optional, code, low, high, values, attribute: a });
  // A bound without a double of its own cannot be compared as one: the general check compares it exactly.
  const exact = (a.min !== null && a.min.double === undefined) || (a.max !== null && a.max.double === undefined);
  switch (a.type) {
    case "boolean":
      return entry("boolean");
    case "integer":
    case "number":
      return exact ? entry("general") : entry(a.type, a.min?.double ?? -Number.MAX_VALUE, a.max?.double ?? Number.MAX_VALUE);
    case "string":
      return entry("text", -Number.MAX_VALUE, a.maxLength ?? Number.MAX_VALUE);
    case "enum":
      return entry("enum", -Number.MAX_VALUE, Number.MAX_VALUE, a.values);
  }
}

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
        unit: a.type === "number" ? (a.unit ?? null) : null,
        min: (a.type === "number" || a.type === "integer") && a.min !== undefined ? bound(a.min) : null,
        max: (a.type === "number" || a.type === "integer") && a.max !== undefined ? bound(a.max) : null,
        values: a.type === "enum" ? new Set(a.values) : null,
        maxLength: a.type === "string" ? (a.maxLength ?? null) : null,
        declaration: a,
      });
    }
    const all = [...attributes.values()];
    kinds.set(name, { name, label: decl.label ?? name, attributes, required: all.filter((a) => !a.optional), list: all, fit: all.map(attributeFit) });
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
