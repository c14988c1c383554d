// `number`: an exact decimal (a number or decimal text), optionally in a declared unit and
// within inclusive bounds (haemoglobin ≥ 0 g/dL).
import * as z from "zod";
import { lazySchema } from "../../../kernel/lazy-schema.js";
import { exactNumber, exactText } from "../exact-number.js";
import { boundFields, boundsProblem, doubleBounds, exactBounds, maxNotBelowMin } from "./bounds.js";
import { type AttributeTypeKind, fitEntry, optionalFields, wrongType } from "./kind.js";

const numeral = lazySchema(() => z.union([z.number(), z.string()]).refine((v) => exactNumber(v) !== null, { message: "expected a finite decimal number (e.g. 9.5 or \"9.5\")" }));

const numberAttributeSchema = lazySchema(() => z
  .strictObject({
    /** Attribute type `number`: an exact decimal (a number or decimal text). */
    type: z.literal("number"),
    /** The unit the values are recorded in (e.g. `g/dL`), at most 40 characters; range tests that name a unit must use this one. */
    unit: z.string().min(1).max(40).optional(),
    /** Smallest allowed value, inclusive (a finite decimal); no lower bound when absent. */
    min: numeral.optional(),
    /** Largest allowed value, inclusive (a finite decimal), not below `min`; no upper bound when absent. */
    max: numeral.optional(),
    ...optionalFields,
  })
  .superRefine(maxNotBelowMin));

/** The `number` attribute type. */
export const numberAttribute: AttributeTypeKind<"number", typeof numberAttributeSchema> = {
  type: "number",
  schema: numberAttributeSchema,
  fields: (d) => ({ unit: d.unit ?? null, ...boundFields(d), values: null, maxLength: null }),
  fit(a) {
    const general = (value: unknown) => numberAttribute.problem(a, value) === null;
    if (exactBounds(a)) return fitEntry(a, general);
    const { low, high } = doubleBounds(a);
    // Below 1e21 and from 1e-7 up (or 0) a number's numeral has no exponent, which is when exactNumber reads it as it is; anything else goes to the general check.
    return fitEntry(a, (value) => (typeof value === "number" && (value === 0 || (Math.abs(value) >= 1e-7 && Math.abs(value) < 1e21)) ? value >= low && value <= high : general(value)));
  },
  words: (a) => `a decimal number${a.unit === null ? "" : ` (in ${a.unit})`}`,
  problem(a, value) {
    const n = typeof value === "number" || typeof value === "string" ? exactNumber(value) : null;
    return n === null ? wrongType(numberAttribute.words(a), value) : boundsProblem(a, value, exactText(n));
  },
  ordered: true,
  listable: true,
};
