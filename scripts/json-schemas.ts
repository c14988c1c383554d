// JSON Schema for every public input schema, so Java or Python backends can validate
// the same documents the library accepts. Run at build time (npm run build) into schemas/.
import * as z from "zod";
import * as lib from "../src/index.js";

type AnyZod = z.ZodType & { _zod: { def: { type: string; options?: readonly AnyZod[] } } };

const isZod = (v: unknown): v is AnyZod => typeof v === "object" && v !== null && "_zod" in v;

/** `frontierInputSchema` → `frontier-input`. */
export function schemaFileStem(exportName: string): string {
  return exportName.replace(/Schema$/, "").replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

/**
 * JSON Schemas (draft 2020-12) of the documents the library reads, keyed by export name.
 * They describe the input side (before parsing): amounts as decimal strings with their
 * pattern, rates as strings or numbers. Rules that need the library (bounds on decimal
 * strings, gaps in banded tables, currency of amounts) are checked when it parses.
 */
export function buildJsonSchemas(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, value] of Object.entries(lib).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!name.endsWith("Schema") || !isZod(value)) continue;
    const schema = z.toJSONSchema(value, {
      io: "input",
      unrepresentable: "any",
      // A union branch that accepts an in-memory value (a Money object, a Float64Array) has no
      // JSON form: drop it, so the JSON branches alone describe the document.
      override: (ctx) => {
        const def = (ctx.zodSchema as unknown as AnyZod)._zod.def;
        if (def.type !== "union" || !def.options || !Array.isArray(ctx.jsonSchema.anyOf)) return;
        const keep = ctx.jsonSchema.anyOf.filter((_, i) => def.options![i]?._zod.def.type !== "custom");
        if (keep.length > 0 && keep.length < ctx.jsonSchema.anyOf.length) {
          if (keep.length === 1) {
            delete ctx.jsonSchema.anyOf;
            Object.assign(ctx.jsonSchema, keep[0]);
          } else ctx.jsonSchema.anyOf = keep;
        }
      },
    }) as Record<string, unknown>;
    out[name] = { $id: `https://precision-vbp.dev/schemas/${schemaFileStem(name)}.schema.json`, title: name.replace(/Schema$/, ""), ...schema };
  }
  return out;
}
