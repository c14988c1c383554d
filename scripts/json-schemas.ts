// JSON Schema for every public input schema, so Java or Python backends can validate
// the same documents the library accepts, and for the results the library returns.
// Run at build time (npm run build) into schemas/. Issue 21 item 3:
// - every field's doc comment becomes its `description` (read from the TypeScript source,
//   scripts/ts-docs.ts), and each schema's own doc comment describes it;
// - every exported schema used inside another is a named `$defs` entry (`CurrencyCode`,
//   `BonusTerm`, `ModelExpression`, …), not `__schema0`;
// - dates carry `format: "date"`; rates, shares and non-negative/positive decimals carry
//   their ranges (pattern for the decimal-string form, minimum/maximum for numbers);
// - objects are closed (`additionalProperties: false`), as the library's strict objects are;
// - result schemas (`*.result.schema.json`) describe what JSON.stringify writes for the
//   results of the main entry points.
import * as z from "zod";
import * as lib from "../src/index.js";
import { docOf, fieldDocs, loadDocs, type Docs, typeToJsonSchema } from "./ts-docs.js";

type AnyZod = z.ZodType & { _zod: { def: { type: string; options?: readonly AnyZod[]; in?: AnyZod; shape?: Record<string, AnyZod> } } };

const isZod = (v: unknown): v is AnyZod => typeof v === "object" && v !== null && "_zod" in v;

const BASE = "https://precision-vbp.dev/schemas/";

/** `frontierInputSchema` → `frontier-input`. */
export function schemaFileStem(exportName: string): string {
  return exportName.replace(/Schema$/, "").replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

/** `frontierInputSchema` → `FrontierInput`: the name of its `$defs` entry. */
export function defName(exportName: string): string {
  const stem = exportName.replace(/Schema$/, "");
  return stem.charAt(0).toUpperCase() + stem.slice(1);
}

// Decimal-string forms of the bounded decimals (the library's isDecimalText grammar:
// optional sign, digits with an optional fraction, or a bare fraction).
const UNSIGNED = String.raw`(\d+(\.\d+)?|\.\d+)`;
const MINUS_ZERO = String.raw`-(0+(\.0+)?|\.0+)`;
const PATTERNS = {
  nonNegative: String.raw`^(\+?${UNSIGNED}|${MINUS_ZERO})$`,
  positive: String.raw`^\+?(\d*[1-9]\d*(\.\d+)?|\d+\.\d*[1-9]\d*|\.\d*[1-9]\d*)$`,
  rate: String.raw`^(\+?(0+(\.\d+)?|\.\d+|0*1(\.0+)?)|${MINUS_ZERO})$`,
  // A share: a rate, or an exact fraction of whole numbers with a non-zero denominator
  // ("1/3"); that the numerator is at most the denominator is checked by the library.
  share: String.raw`^(\+?(0+(\.\d+)?|\.\d+|0*1(\.0+)?)|${MINUS_ZERO})$|^\d+/0*[1-9]\d*$`,
};
type Bound = keyof typeof PATTERNS;
const NUMBER_BOUNDS: Record<Bound, Record<string, number>> = {
  nonNegative: { minimum: 0 },
  positive: { exclusiveMinimum: 0 },
  rate: { minimum: 0, maximum: 1 },
  share: { minimum: 0, maximum: 1 },
};
const BOUND_TEXT: Record<Bound, string> = { nonNegative: "≥ 0", positive: "> 0", rate: "in [0, 1]", share: "in [0, 1] or an exact fraction such as \"1/3\"" };

/** The bounded decimal schemas the library exports (their bounds live in closures). */
function boundedSchemas(): Map<object, Bound> {
  const m = new Map<object, Bound>([
    [lib.rateSchema, "rate"],
    [lib.nonNegativeDecimalSchema, "nonNegative"],
    [lib.positiveDecimalSchema, "positive"],
    [lib.nonNegativeAmountSchema, "nonNegative"],
    [lib.shareSchema, "share"],
  ]);
  const l = lib as Record<string, unknown>;
  if (isZod(l.positiveAmountSchema)) m.set(l.positiveAmountSchema, "positive");
  // nonNegativeMoneySchema = Money | { amount: amount({ min: "0" }), currency }.
  for (const option of (lib.nonNegativeMoneySchema as unknown as AnyZod)._zod.def.options ?? []) {
    const obj = option._zod.def.in;
    const amount = obj?._zod.def.shape?.amount;
    if (amount) m.set(amount, "nonNegative");
  }
  return m;
}

/** Narrows the decimal-string and number branches of a bounded decimal's JSON Schema. */
function applyBound(json: Record<string, unknown>, bound: Bound): void {
  const branches = Array.isArray(json.anyOf) ? (json.anyOf as Record<string, unknown>[]) : [json];
  for (const b of branches) {
    if (b.type === "string" && (typeof b.pattern === "string" || bound === "share")) b.pattern = PATTERNS[bound];
    if (b.type === "number" || b.type === "integer") Object.assign(b, NUMBER_BOUNDS[bound]);
  }
  json.description ??= `a decimal ${BOUND_TEXT[bound]}, as a decimal string or a JSON number`;
}

/** Deep-walks a JSON Schema, closing every object that lists its properties. */
function closeObjects(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(closeObjects);
  if (node === null || typeof node !== "object") return;
  const o = node as Record<string, unknown>;
  if (o.type === "object" && o.properties !== undefined && o.additionalProperties === undefined && o.patternProperties === undefined) o.additionalProperties = false;
  for (const v of Object.values(o)) closeObjects(v);
}

interface Prepared {
  readonly docs: Docs;
  readonly names: Map<object, string>;
  readonly fields: Map<object, Map<string, string>>;
  readonly registry: z.core.$ZodRegistry<{ id?: string; description?: string }>;
  readonly bounds: Map<object, Bound>;
}

function prepare(): Prepared {
  const docs = loadDocs();
  const registry = z.registry<{ id?: string; description?: string }>();
  const names = new Map<object, string>();
  const fields = new Map<object, Map<string, string>>();
  for (const [name, value] of Object.entries(lib).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!name.endsWith("Schema") || !isZod(value) || names.has(value)) continue;
    names.set(value, name);
    const symbol = docs.exports.get(name);
    const description = docOf(docs.checker, symbol);
    registry.add(value, { id: defName(name), ...(description ? { description } : {}) });
    if (symbol) {
      const target = symbol.flags & 2097152 /* Alias */ ? docs.checker.getAliasedSymbol(symbol) : symbol;
      fieldDocs(docs.checker, value, docs.checker.getTypeOfSymbol(target), fields);
    }
  }
  return { docs, names, fields, registry, bounds: boundedSchemas() };
}

function toJson(p: Prepared, name: string, value: AnyZod): Record<string, unknown> {
  const schema = z.toJSONSchema(value, {
    io: "input",
    unrepresentable: "any",
    metadata: p.registry,
    target: "draft-2020-12",
    override: (ctx) => {
      const zs = ctx.zodSchema as unknown as AnyZod;
      const json = ctx.jsonSchema as Record<string, unknown>;
      const def = zs._zod.def;
      // A union branch that accepts an in-memory value (a Money object, a Float64Array) has no
      // JSON form: drop it, so the JSON branches alone describe the document.
      if (def.type === "union" && def.options && Array.isArray(json.anyOf)) {
        const keep = (json.anyOf as unknown[]).filter((_, i) => def.options![i]?._zod.def.type !== "custom");
        if (keep.length > 0 && keep.length < (json.anyOf as unknown[]).length) {
          if (keep.length === 1) {
            delete json.anyOf;
            Object.assign(json, keep[0]);
          } else json.anyOf = keep;
        }
      }
      if (zs === (lib.isoDateSchema as unknown)) json.format = "date";
      const ownName = p.names.get(zs);
      const form = ownName ? jsonForm(ownName, `#/$defs/${defName(ownName)}`) : undefined;
      if (form) Object.assign(json, form);
      const bound = p.bounds.get(zs);
      if (bound) applyBound(json, bound);
      const docs = p.fields.get(zs);
      const props = json.properties as Record<string, Record<string, unknown>> | undefined;
      // A copy: zod may share one JSON object (a `$ref`) between every use of a schema.
      if (docs && props) for (const [key, doc] of docs) if (props[key] && props[key].description === undefined) props[key] = { ...props[key], description: doc };
    },
  }) as Record<string, unknown>;
  closeObjects(schema);
  // The root is described by its own entry: zod writes it as a $ref to its $defs entry.
  const own = defName(name);
  const defs = (schema.$defs ?? {}) as Record<string, Record<string, unknown>>;
  let body: Record<string, unknown> = schema;
  if (schema.$ref === `#/$defs/${own}` && defs[own]) {
    const { $ref: _ref, $defs: _defs, ...rest } = schema;
    body = { ...rest, ...defs[own] };
    delete defs[own];
    // References to the root (recursive schemas) point at the document itself.
    body = JSON.parse(JSON.stringify(body).replaceAll(`"#/$defs/${own}"`, '"#"'));
    const restDefs = JSON.parse(JSON.stringify(defs).replaceAll(`"#/$defs/${own}"`, '"#"'));
    if (Object.keys(restDefs).length > 0) body.$defs = restDefs;
  }
  // A reference to the document's own name with no such entry points at the document.
  if (!(own in ((body.$defs ?? {}) as object))) body = JSON.parse(JSON.stringify(body).replaceAll(`"#/$defs/${own}"`, '"#"'));
  const { $schema, ...content } = body;
  return { $schema: $schema ?? "https://json-schema.org/draft/2020-12/schema", $id: `${BASE}${schemaFileStem(name)}.schema.json`, title: own, ...content };
}

/**
 * JSON Schemas (draft 2020-12) of the documents the library reads, keyed by export name.
 * They describe the input side (before parsing): amounts as decimal strings with their
 * pattern, rates as strings or numbers. Rules that need the library (sums of shares,
 * gaps in banded tables, currency of amounts) are checked when it parses.
 */
export function buildJsonSchemas(prepared: Prepared = prepare()): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [value, name] of prepared.names) out[name] = toJson(prepared, name, value as AnyZod);
  // A `$defs` entry left with no content (zod writes a union whose in-memory branch was
  // dropped as its description alone when it sits in $defs) takes the standalone schema
  // of the same export, whose form is complete; its own $defs join the document's.
  const byDef = new Map(Object.entries(out).map(([name, s]) => [defName(name), s]));
  for (const schema of Object.values(out)) {
    const defs = schema.$defs as Record<string, Record<string, unknown>> | undefined;
    if (!defs) continue;
    for (const [key, def] of Object.entries(defs)) {
      if (CONTENT_KEYS.some((k) => k in def)) continue;
      const full = byDef.get(key);
      if (!full || !CONTENT_KEYS.some((k) => k in full)) continue;
      const { $schema: _s, $id: _i, title: _t, $defs: inner, ...body } = full;
      defs[key] = JSON.parse(JSON.stringify(body).replaceAll('"#"', `"#/$defs/${key}"`));
      for (const [k, v] of Object.entries((inner ?? {}) as Record<string, unknown>)) if (!(k in defs)) defs[k] = v as Record<string, unknown>;
    }
  }
  return out;
}

const CONTENT_KEYS = ["type", "anyOf", "oneOf", "allOf", "$ref", "enum", "const", "not"];

/**
 * JSON forms of schemas that parse in code (`z.unknown().transform(…)`), which zod can
 * only write as `{}`. `self` is the reference to the schema itself (recursion).
 */
function jsonForm(name: string, self: string): Record<string, unknown> | undefined {
  if (name !== "stratifiedRateSchema") return undefined;
  const rate = { anyOf: [{ type: "string", pattern: PATTERNS.rate }, { type: "number", ...NUMBER_BOUNDS.rate }] };
  const by = { type: "string", minLength: 1, description: "The patient attribute the table is keyed by." };
  const bound = { anyOf: [{ type: "string" }, { type: "number" }, { type: "null" }] };
  return {
    anyOf: [
      { ...rate, description: "A fixed rate in [0, 1]." },
      {
        type: "object",
        description: "A table by category of the attribute `by`; `default` for a category not listed.",
        properties: { by, categories: { type: "object", minProperties: 1, additionalProperties: { $ref: self } }, default: { $ref: self } },
        required: ["by", "categories"],
        additionalProperties: false,
      },
      {
        type: "object",
        description: "Half-open bands over the numeric attribute `by` (optionally relative to an amount or another attribute); no gap, no overlap.",
        properties: {
          by,
          relativeTo: { anyOf: [{ type: "object", properties: { amount: { anyOf: [{ type: "string", pattern: PATTERNS.positive }, { type: "number", exclusiveMinimum: 0 }] } }, required: ["amount"], additionalProperties: false }, { type: "object", properties: { attribute: by }, required: ["attribute"], additionalProperties: false }] },
          closed: { type: "string", enum: ["lower", "upper"] },
          domain: { type: "object", properties: { min: bound, max: bound }, required: ["min", "max"], additionalProperties: false },
          bands: { type: "array", minItems: 1, items: { type: "object", properties: { from: bound, to: bound, value: { $ref: self }, label: { type: "string" } }, required: ["from", "to", "value"], additionalProperties: false } },
        },
        required: ["by", "bands"],
        additionalProperties: false,
      },
    ],
  };
}

/** The results with a published schema: file stem → the exported result type. */
export const RESULT_TYPES: Record<string, string> = {
  "contract-evaluation": "ContractEvaluation",
  "split-bill": "SplitBillResult",
  "cohort-settlement": "CohortSettlementRecord",
  "cohort-totals": "CohortTotalsJSON",
  "budget-impact": "BudgetImpact",
  "bundle-settlement": "BundleSettlement",
  frontier: "FrontierResult",
  "psa-analysis": "PsaResult",
  "markov-model": "MarkovModelResult",
  explanation: "Explanation",
  money: "MoneyJSON",
};

/**
 * JSON Schemas of results as `JSON.stringify` writes them, keyed by file stem
 * (`schemas/<stem>.result.schema.json`), built from the exported result types and their
 * doc comments. A type not exported (renamed by a restructuring) is reported, not skipped.
 */
export function buildResultSchemas(docs: Docs = loadDocs()): { schemas: Record<string, Record<string, unknown>>; missing: string[] } {
  const schemas: Record<string, Record<string, unknown>> = {};
  const missing: string[] = [];
  for (const [stem, typeName] of Object.entries(RESULT_TYPES)) {
    const symbol = docs.exports.get(typeName);
    if (!symbol) {
      missing.push(typeName);
      continue;
    }
    const target = symbol.flags & 2097152 ? docs.checker.getAliasedSymbol(symbol) : symbol;
    const type = docs.checker.getDeclaredTypeOfSymbol(target);
    const defs: Record<string, Record<string, unknown>> = {};
    const root = typeToJsonSchema({ checker: docs.checker, defs }, type);
    let body: Record<string, unknown> = root;
    if (typeof root.$ref === "string" && root.$ref === `#/$defs/${typeName}`) {
      body = defs[typeName]!;
      delete defs[typeName];
    }
    const text = JSON.stringify({ ...body, ...(Object.keys(defs).length > 0 ? { $defs: defs } : {}) }).replaceAll(`"#/$defs/${typeName}"`, '"#"');
    schemas[stem] = { $schema: "https://json-schema.org/draft/2020-12/schema", $id: `${BASE}${stem}.result.schema.json`, title: typeName, ...JSON.parse(text) };
  }
  return { schemas, missing };
}

export { prepare as prepareJsonSchemas };
