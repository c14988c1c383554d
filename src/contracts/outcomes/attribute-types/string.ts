// `string`: free text, optionally at most `maxLength` characters.
import * as z from "zod";
import { lazySchema } from "../../../kernel/lazy-schema.js";
import { type AttributeTypeKind, fitEntry, optionalFields, wrongType } from "./kind.js";

const stringAttributeSchema = lazySchema(() => z.strictObject({
  /** Attribute type `string`: free text. */
  type: z.literal("string"),
  /** Longest allowed text, 1–10000 characters. */
  maxLength: z.number().int().min(1).max(10_000).optional(),
  ...optionalFields,
}));

const WORDS = "text";

/** The `string` attribute type. */
export const stringAttribute: AttributeTypeKind<"string", typeof stringAttributeSchema> = {
  type: "string",
  schema: stringAttributeSchema,
  fields: (d) => ({ unit: null, min: null, max: null, values: null, maxLength: d.maxLength ?? null }),
  fit(a) {
    const longest = a.maxLength ?? Number.MAX_VALUE;
    return fitEntry(a, (value) => typeof value === "string" && value.length <= longest);
  },
  words: () => WORDS,
  problem(a, value) {
    if (typeof value !== "string") return wrongType(WORDS, value);
    if (a.maxLength !== null && value.length > a.maxLength) return { code: "too_big", reason: `text longer than ${a.maxLength} characters` };
    return null;
  },
  ordered: false,
  listable: true,
};
