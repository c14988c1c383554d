// `enum`: one of a fixed list of distinct values (the lab test: haemoglobin or platelets).
import * as z from "zod";
import { lazySchema } from "../../../kernel/lazy-schema.js";
import { type AttributeTypeKind, fitEntry, optionalFields, wrongType } from "./kind.js";

const enumAttributeSchema = lazySchema(() => z
  .strictObject({
    /** Attribute type `enum`: one of a fixed list of values. */
    type: z.literal("enum"),
    /** The allowed values, distinct, 1–1000 of them (each 1–200 characters). */
    values: z.array(z.string().min(1).max(200)).min(1).max(1000),
    ...optionalFields,
  })
  .superRefine((a, ctx) => {
    if (new Set(a.values).size !== a.values.length) ctx.addIssue({ code: "custom", path: ["values"], message: "enum values must be distinct" });
  }));

/** The `enum` attribute type. */
export const enumAttribute: AttributeTypeKind<"enum", typeof enumAttributeSchema> = {
  type: "enum",
  schema: enumAttributeSchema,
  fields: (d) => ({ unit: null, min: null, max: null, values: new Set(d.values), maxLength: null }),
  fit(a) {
    const values = a.values as ReadonlySet<string>;
    return fitEntry(a, (value) => typeof value === "string" && values.has(value));
  },
  words: (a) => `one of ${[...(a.values ?? [])].map((v) => JSON.stringify(v)).join(", ")}`,
  problem: (a, value) => (typeof value === "string" && a.values!.has(value) ? null : wrongType(enumAttribute.words(a), value, "invalid_value")),
  ordered: false,
  listable: true,
};
