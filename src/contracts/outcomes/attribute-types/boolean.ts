// `boolean`: true or false (transfusion independence shown, yes or no).
import * as z from "zod";
import { lazySchema } from "../../../kernel/lazy-schema.js";
import { type AttributeTypeKind, fitEntry, NO_FIELDS, optionalFields, wrongType } from "./kind.js";

const booleanAttributeSchema = lazySchema(() => z.strictObject({
  /** Attribute type `boolean`: true or false. */
  type: z.literal("boolean"),
  ...optionalFields,
}));

const WORDS = "true or false";

/** The `boolean` attribute type. */
export const booleanAttribute: AttributeTypeKind<"boolean", typeof booleanAttributeSchema> = {
  type: "boolean",
  schema: booleanAttributeSchema,
  fields: () => NO_FIELDS,
  fit: (a) => fitEntry(a, (value) => typeof value === "boolean"),
  words: () => WORDS,
  problem: (_a, value) => (typeof value === "boolean" ? null : wrongType(WORDS, value)),
  ordered: false,
  listable: false,
};
