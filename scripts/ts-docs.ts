// Reads the library's TypeScript doc comments at build time (issue 21 item 3), so the JSON
// Schemas carry the same field descriptions as the API reference without repeating them
// in `.describe()` calls. Two uses:
// - fieldDocs: walks a zod schema value and the TypeScript type of the same value side by
//   side; an object schema's property symbol points at the property written in the
//   source (`/** Annual deductible (起付线). */ deductible: …`), including spread shapes.
// - typeToJsonSchema: JSON Schema of a result type (ContractEvaluation, SplitBillResult,
//   …) as `JSON.stringify` writes it (toJSON honoured, functions dropped).
import { join } from "node:path";
import ts from "typescript";

const root = join(import.meta.dirname, "..");

export interface Docs {
  readonly checker: ts.TypeChecker;
  /** The public exports of src/index.ts by name. */
  readonly exports: ReadonlyMap<string, ts.Symbol>;
}

export function loadDocs(): Docs {
  const configPath = join(root, "tsconfig.json");
  const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const entry = join(root, "src", "index.ts");
  const program = ts.createProgram([entry], { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(entry);
  if (!file) throw new Error("src/index.ts not found");
  const moduleSymbol = checker.getSymbolAtLocation(file);
  if (!moduleSymbol) throw new Error("src/index.ts has no module symbol");
  const exports = new Map<string, ts.Symbol>();
  for (const s of checker.getExportsOfModule(moduleSymbol)) exports.set(s.getName(), s);
  return { checker, exports };
}

/** The summary of a symbol's doc comment (tags such as @example left out), or undefined. */
export function docOf(checker: ts.TypeChecker, symbol: ts.Symbol | undefined): string | undefined {
  if (!symbol) return undefined;
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const text = ts.displayPartsToString(target.getDocumentationComment(checker)).trim();
  return text === "" ? undefined : text.replace(/\{@link\s+([^}|\s]+)(?:\s*\|\s*([^}]+))?\}/g, (_m, name: string, label?: string) => (label ?? name).trim());
}

function propType(checker: ts.TypeChecker, t: ts.Type | undefined, name: string): ts.Type | undefined {
  if (!t) return undefined;
  const s = checker.getPropertyOfType(checker.getNonNullableType(t), name);
  return s ? checker.getTypeOfSymbol(s) : undefined;
}

type ZodLike = { _zod: { def: Record<string, unknown> & { type: string } } };
const isZod = (v: unknown): v is ZodLike => typeof v === "object" && v !== null && "_zod" in v;

/**
 * Field descriptions of every object schema reachable from `schema`, keyed by the object
 * schema value: the doc comment of each property as written in the source.
 */
export function fieldDocs(checker: ts.TypeChecker, schema: unknown, type: ts.Type, out: Map<object, Map<string, string>>, seen = new Set<object>()): void {
  if (!isZod(schema) || seen.has(schema)) return;
  seen.add(schema);
  const def = schema._zod.def;
  const defType = propType(checker, propType(checker, type, "_zod"), "def");
  const child = (key: string) => {
    const v = def[key];
    if (isZod(v)) {
      const t = propType(checker, defType, key);
      if (t) fieldDocs(checker, v, t, out, seen);
    }
  };
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, unknown>;
      const shapeType = propType(checker, defType, "shape");
      if (!shapeType) return;
      for (const key of Object.keys(shape)) {
        const sym = checker.getPropertyOfType(shapeType, key);
        if (!sym) continue;
        const doc = docOf(checker, sym);
        if (doc) {
          let m = out.get(schema);
          if (!m) out.set(schema, (m = new Map()));
          m.set(key, doc);
        }
        fieldDocs(checker, shape[key], checker.getTypeOfSymbol(sym), out, seen);
      }
      return;
    }
    case "union":
    case "tuple": {
      const list = (def.type === "union" ? def.options : def.items) as unknown[];
      const listType = propType(checker, defType, def.type === "union" ? "options" : "items");
      list.forEach((o, i) => {
        const t = propType(checker, listType, String(i));
        if (t) fieldDocs(checker, o, t, out, seen);
      });
      if (def.type === "tuple") child("rest");
      return;
    }
    default:
      for (const key of ["innerType", "in", "out", "element", "keyType", "valueType", "left", "right"]) child(key);
  }
}

/** Options of {@link typeToJsonSchema}. */
export interface TypeSchemaContext {
  readonly checker: ts.TypeChecker;
  /** Named definitions collected so far (`$defs`). */
  readonly defs: Record<string, Record<string, unknown>>;
}

const isNamed = (t: ts.Type): string | undefined => {
  const s = t.aliasSymbol ?? (t.isUnion() ? undefined : t.getSymbol());
  if (!s) return undefined;
  const name = s.getName();
  if (name === "__type" || name === "__object" || name === "Array" || name === "ReadonlyArray") return undefined;
  if (t.aliasTypeArguments?.length || ((t as ts.TypeReference).typeArguments?.length ?? 0) > 0) return undefined;
  const decl = s.declarations?.[0];
  if (!decl || !decl.getSourceFile().fileName.includes("/src/")) return undefined;
  return name;
};

/**
 * JSON Schema of what `JSON.stringify` writes for a value of type `t`: a `toJSON` method
 * is followed, functions and `undefined` members are left out, optional members are not
 * required, objects are closed (`additionalProperties: false`), named types of src/ go to
 * `$defs` with their doc comments.
 */
export function typeToJsonSchema(ctx: TypeSchemaContext, t: ts.Type, depth = 0): Record<string, unknown> {
  const { checker } = ctx;
  if (depth > 24) return {};
  const flags = t.flags;
  if (flags & ts.TypeFlags.Any || flags & ts.TypeFlags.Unknown) return {};
  if (flags & ts.TypeFlags.StringLiteral) return { type: "string", const: (t as ts.StringLiteralType).value };
  if (flags & ts.TypeFlags.NumberLiteral) return { type: "number", const: (t as ts.NumberLiteralType).value };
  if (flags & ts.TypeFlags.BooleanLiteral) return { type: "boolean", const: (t as unknown as { intrinsicName: string }).intrinsicName === "true" };
  if (flags & ts.TypeFlags.String || flags & ts.TypeFlags.TemplateLiteral) return { type: "string" };
  if (flags & ts.TypeFlags.Number) return { type: "number" };
  if (flags & ts.TypeFlags.Boolean) return { type: "boolean" };
  if (flags & ts.TypeFlags.Null) return { type: "null" };
  if (flags & ts.TypeFlags.BigInt) return { type: "string", description: "a bigint (JSON.stringify cannot write it: the library's results carry none)" };
  if (t.isUnion() && t.aliasSymbol && isNamed(t)) return named(ctx, t, isNamed(t)!, () => unionSchema(ctx, t, depth));
  if (t.isUnion()) return unionSchema(ctx, t, depth);
  // toJSON: Money → MoneyJSON, and so on.
  const toJSON = checker.getPropertyOfType(t, "toJSON");
  if (toJSON) {
    const sig = checker.getTypeOfSymbol(toJSON).getCallSignatures()[0];
    if (sig) return typeToJsonSchema(ctx, checker.getReturnTypeOfSignature(sig), depth + 1);
  }
  if (checker.isArrayType(t) || checker.isTupleType(t)) {
    const args = checker.getTypeArguments(t as ts.TypeReference);
    if (checker.isTupleType(t)) return { type: "array", prefixItems: args.map((a) => typeToJsonSchema(ctx, a, depth + 1)), minItems: args.length, maxItems: args.length };
    return { type: "array", items: args[0] ? typeToJsonSchema(ctx, args[0], depth + 1) : {} };
  }
  const symbolName = t.getSymbol()?.getName();
  if (symbolName === "Float64Array" || symbolName === "Int32Array") return { type: "array", items: { type: "number" } };
  if (symbolName === "Date") return { type: "string", format: "date-time" };
  if (t.getCallSignatures().length > 0) return {};
  const name = isNamed(t);
  if (name) return named(ctx, t, name, () => objectSchema(ctx, t, depth));
  return objectSchema(ctx, t, depth);
}

function named(ctx: TypeSchemaContext, t: ts.Type, name: string, body: () => Record<string, unknown>): Record<string, unknown> {
  if (!(name in ctx.defs)) {
    ctx.defs[name] = {};
    const schema = body();
    const doc = docOf(ctx.checker, t.aliasSymbol ?? t.getSymbol());
    ctx.defs[name] = doc ? { description: doc, ...schema } : schema;
  }
  return { $ref: `#/$defs/${name}` };
}

function unionSchema(ctx: TypeSchemaContext, t: ts.UnionType, depth: number): Record<string, unknown> {
  const parts = t.types.filter((u) => !(u.flags & ts.TypeFlags.Undefined) && !(u.flags & ts.TypeFlags.Void));
  const bools = parts.filter((u) => u.flags & ts.TypeFlags.BooleanLiteral);
  const rest = parts.filter((u) => !(u.flags & ts.TypeFlags.BooleanLiteral));
  const all = rest.map((u) => typeToJsonSchema(ctx, u, depth + 1));
  if (bools.length === 2) all.push({ type: "boolean" });
  else for (const b of bools) all.push(typeToJsonSchema(ctx, b, depth + 1));
  const seen = new Set<string>();
  const schemas = all.filter((s) => {
    const key = JSON.stringify(s);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (schemas.length === 1) return schemas[0]!;
  if (schemas.every((s) => s.const !== undefined && s.type === "string")) return { type: "string", enum: schemas.map((s) => s.const) };
  return { anyOf: schemas };
}

function objectSchema(ctx: TypeSchemaContext, t: ts.Type, depth: number): Record<string, unknown> {
  const { checker } = ctx;
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const p of checker.getPropertiesOfType(t)) {
    const pt = checker.getTypeOfSymbol(p);
    if (pt.getCallSignatures().length > 0 && !pt.isUnion()) continue; // methods are not data
    const nonNull = checker.getNonNullableType(pt);
    if (nonNull.flags & ts.TypeFlags.Never) continue;
    const schema = typeToJsonSchema(ctx, pt, depth + 1);
    const doc = docOf(checker, p);
    properties[p.getName()] = doc && !("description" in schema) ? { description: doc, ...schema } : schema;
    const optional = (p.flags & ts.SymbolFlags.Optional) !== 0 || (pt.isUnion() && pt.types.some((u) => u.flags & ts.TypeFlags.Undefined));
    if (!optional) required.push(p.getName());
  }
  const out: Record<string, unknown> = { type: "object", properties };
  if (required.length > 0) out.required = required;
  const index = checker.getIndexInfosOfType(t)[0];
  out.additionalProperties = index ? typeToJsonSchema(ctx, index.type, depth + 1) : false;
  return out;
}
