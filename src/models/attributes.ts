// Attributes of a subgroup or a simulated patient (age, sex, biomarker, line of therapy):
// declared once, read by expressions as { attr: "age" } or { attr: "sex", is: "F" }, and
// laid out after the parameters in the vector the compiled model reads.
import * as z from "zod";
import { ValidationError, type Issue, type IssuePath } from "../core/index.js";
import { modelFloat } from "./numbers.js";
import type { ParameterTable } from "./parameters.js";
import { lazySchema } from "../kernel/lazy-schema.js";

// Plain identifiers only: an attribute name is a key of patient records a backend stores.
const attributeName = lazySchema(() => z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, { message: "an attribute name is a letter followed by letters, digits or _" })
  .max(64));

/**
 * One attribute: a `number` (optionally bounded, inclusive) or a `category` with its levels
 * (`{ type: "category", levels: ["F", "M"] }`).
 *
 * @category Subgroups
 */
export const attributeDeclarationSchema = lazySchema(() => z.discriminatedUnion("type", [
  z
    .strictObject({
      /** A numeric attribute, e.g. age in years. */
      type: z.literal("number"),
      /** Smallest accepted value (inclusive); default unbounded. */
      min: modelFloat().optional(),
      /** Largest accepted value (inclusive); default unbounded. */
      max: modelFloat().optional(),
    })
    .strict(),
  z
    .object({
      /** A categorical attribute, e.g. sex or a biomarker status. */
      type: z.literal("category"),
      /** The levels it may take, unique (1–1,000). */
      levels: z.array(z.string().min(1)).min(1).max(1000),
    })
    .strict()
    .refine((d) => new Set(d.levels).size === d.levels.length, { message: "levels must be unique", path: ["levels"] }),
]));

/** zod drops an own "__proto__" key from records: refuse it before it can vanish silently. */
export function refuseProtoKey<T extends z.ZodType>(schema: T) {
  return z.preprocess((v, ctx) => {
    if (typeof v === "object" && v !== null && Object.prototype.hasOwnProperty.call(v, "__proto__")) {
      ctx.addIssue({ code: "custom", path: ["__proto__"], message: `"__proto__" cannot name an attribute`, input: v });
    }
    return v;
  }, schema);
}

/**
 * The attributes a model's expressions may read, by name.
 *
 * @category Subgroups
 */
export const modelAttributesSchema = lazySchema(() => refuseProtoKey(z.record(attributeName, attributeDeclarationSchema)));

/**
 * Attribute declarations as accepted by {@link modelAttributesSchema}.
 *
 * @category Subgroups
 */
export type ModelAttributesInput = z.input<typeof modelAttributesSchema>;
/** Parsed attribute declarations. */
export type ModelAttributes = z.output<typeof modelAttributesSchema>;

/**
 * One subgroup's or patient's attribute values: a number, or a category's level.
 *
 * @category Subgroups
 */
export const attributeValuesSchema = lazySchema(() => refuseProtoKey(z.record(z.string().min(1), z.union([z.number(), z.string()]))));

/** The parameter table extended with one slot per attribute, in name order. */
export function withAttributes(table: ParameterTable, attributes: ModelAttributes): ParameterTable {
  const names = Object.keys(attributes).sort();
  const map = new Map<string, { slot: number; levels?: readonly string[] }>();
  names.forEach((name, i) => {
    const d = attributes[name] as ModelAttributes[string];
    map.set(name, d.type === "category" ? { slot: table.size + i, levels: d.levels } : { slot: table.size + i });
  });
  const base = new Float64Array(table.size + names.length);
  base.set(table.base);
  return { ...table, size: base.length, base, attributes: map };
}

/**
 * Writes one record's attribute values into `out` (the extended vector): every declared
 * attribute must be given, nothing else; numbers within bounds, categories among their levels.
 */
export function writeAttributes(table: ParameterTable, attributes: ModelAttributes, values: unknown, path: IssuePath, out: Float64Array): void {
  const issues: Issue[] = [];
  if (typeof values !== "object" || values === null || Array.isArray(values)) {
    throw new ValidationError([{ path, code: "invalid_type", message: "attributes are an object { name: value }" }]);
  }
  const given = values as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!Object.prototype.hasOwnProperty.call(attributes, key) || !table.attributes?.has(key)) {
      issues.push({ path: [...path, key], code: "unknown_reference", message: `unknown attribute "${key}"; the model declares ${Object.keys(attributes).join(", ") || "none"}` });
    }
  }
  for (const [name, a] of table.attributes ?? []) {
    const d = attributes[name] as ModelAttributes[string];
    const v = Object.prototype.hasOwnProperty.call(given, name) ? given[name] : undefined;
    if (v === undefined) {
      issues.push({ path: [...path, name], code: "missing_attribute", message: `attribute "${name}" is not given` });
      continue;
    }
    if (d.type === "number") {
      if (typeof v !== "number" || !Number.isFinite(v)) {
        issues.push({ path: [...path, name], code: "invalid_type", message: `attribute "${name}" is a finite number` });
      } else if ((d.min !== undefined && v < d.min) || (d.max !== undefined && v > d.max)) {
        issues.push({ path: [...path, name], code: "out_of_range", message: `attribute "${name}" is ${v}, outside [${d.min ?? "−∞"}, ${d.max ?? "∞"}]` });
      } else out[a.slot] = v;
    } else {
      const level = typeof v === "string" ? d.levels.indexOf(v) : -1;
      if (level < 0) issues.push({ path: [...path, name], code: "unknown_reference", message: `attribute "${name}" is one of ${d.levels.join(", ")}` });
      else out[a.slot] = level;
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
}
