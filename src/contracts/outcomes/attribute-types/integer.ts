// `integer`: a whole number (a safe integer), with optional inclusive bounds (days in hospital ≥ 0).
import * as z from "zod";
import { lazySchema } from "../../../kernel/lazy-schema.js";
import { boundFields, boundsProblem, doubleBounds, exactBounds, maxNotBelowMin } from "./bounds.js";
import { type AttributeTypeKind, fitEntry, optionalFields, wrongType } from "./kind.js";

const integerAttributeSchema = lazySchema(() => z
  .strictObject({
    /** Attribute type `integer`: a whole number. */
    type: z.literal("integer"),
    /** Smallest allowed value, inclusive; no lower bound when absent. */
    min: z.number().int().optional(),
    /** Largest allowed value, inclusive, not below `min`; no upper bound when absent. */
    max: z.number().int().optional(),
    ...optionalFields,
  })
  .superRefine(maxNotBelowMin));

const WORDS = "a whole number";

/** The `integer` attribute type. */
export const integerAttribute: AttributeTypeKind<"integer", typeof integerAttributeSchema> = {
  type: "integer",
  schema: integerAttributeSchema,
  fields: (d) => ({ unit: null, ...boundFields(d), values: null, maxLength: null }),
  fit(a) {
    if (exactBounds(a)) return fitEntry(a, (value) => integerAttribute.problem(a, value) === null);
    const { low, high } = doubleBounds(a);
    return fitEntry(a, (value) => typeof value === "number" && Number.isSafeInteger(value) && value >= low && value <= high);
  },
  words: () => WORDS,
  problem: (a, value) => (typeof value !== "number" || !Number.isSafeInteger(value) ? wrongType(WORDS, value) : boundsProblem(a, value, String(value))),
  ordered: true,
  listable: true,
};
