import { z } from "zod";
import { DomainError, ValidationError, type IssuePath } from "../core/index.js";
import { isDecimalText } from "../money/index.js";
import type { ParameterTable } from "./parameters.js";

/**
 * A number in a model document that may depend on parameters: a JSON number, a
 * decimal string, a parameter reference `{ param: "pDeath" }` (a Dirichlet
 * component: `{ param: "fromA", key: "B" }`), or arithmetic on those:
 * `{ mul: [...] }`, `{ add: [...] }`, `{ sub: [a, b] }` (a − b), `{ div: [a, b] }` (a ÷ b).
 */
export type ModelExpression =
  | number
  | string
  | { readonly param: string; readonly key?: string }
  | { readonly mul: readonly ModelExpression[] }
  | { readonly add: readonly ModelExpression[] }
  | { readonly sub: readonly [ModelExpression, ModelExpression] }
  | { readonly div: readonly [ModelExpression, ModelExpression] };

/** Schema of a {@link ModelExpression}. */
export const modelExpressionSchema: z.ZodType<ModelExpression> = z.lazy(() =>
  z.union([
    z.number(),
    z.string().refine((s) => isDecimalText(s.trim()), { message: "not a decimal number" }),
    z.strictObject({ param: z.string().min(1), key: z.string().min(1).optional() }).strict(),
    z.strictObject({ mul: z.array(modelExpressionSchema).min(1) }).strict(),
    z.strictObject({ add: z.array(modelExpressionSchema).min(1) }).strict(),
    z.strictObject({ sub: z.tuple([modelExpressionSchema, modelExpressionSchema]) }).strict(),
    z.strictObject({ div: z.tuple([modelExpressionSchema, modelExpressionSchema]) }).strict(),
  ]),
);

/** An expression compiled against a parameter table: reads one draw's parameter vector. */
export type CompiledExpression = (params: Float64Array) => number;

/** Compiles an expression; unknown parameters or keys are reported with the expression's path. */
export function compileExpression(expr: ModelExpression, table: ParameterTable, path: IssuePath): CompiledExpression {
  if (typeof expr === "number") return () => expr;
  if (typeof expr === "string") {
    const x = Number(expr.trim());
    return () => x;
  }
  if ("param" in expr) {
    const entry = table.slots.get(expr.param);
    if (entry === undefined) {
      throw new ValidationError([
        { path: [...path, "param"], code: "unknown_parameter", message: `unknown parameter "${expr.param}"; declare it under parameters` },
      ]);
    }
    if (typeof entry === "number") {
      if (expr.key !== undefined) {
        throw new ValidationError([
          { path: [...path, "key"], code: "unexpected_key", message: `parameter "${expr.param}" is a single number; it has no key "${expr.key}"` },
        ]);
      }
      const slot = entry;
      return (p) => p[slot] as number;
    }
    if (expr.key === undefined) {
      throw new ValidationError([
        { path, code: "missing_key", message: `parameter "${expr.param}" is a Dirichlet vector; name one of its keys (${[...entry.keys()].join(", ")})` },
      ]);
    }
    const slot = entry.get(expr.key);
    if (slot === undefined) {
      throw new ValidationError([
        { path: [...path, "key"], code: "unknown_key", message: `Dirichlet parameter "${expr.param}" has no key "${expr.key}"` },
      ]);
    }
    return (p) => p[slot] as number;
  }
  if ("mul" in expr) {
    const fs = expr.mul.map((e, i) => compileExpression(e, table, [...path, "mul", i]));
    return (p) => {
      let r = 1;
      for (const f of fs) r *= f(p);
      return r;
    };
  }
  if ("add" in expr) {
    const fs = expr.add.map((e, i) => compileExpression(e, table, [...path, "add", i]));
    return (p) => {
      let r = 0;
      for (const f of fs) r += f(p);
      return r;
    };
  }
  if ("sub" in expr) {
    const a = compileExpression(expr.sub[0], table, [...path, "sub", 0]);
    const b = compileExpression(expr.sub[1], table, [...path, "sub", 1]);
    return (p) => a(p) - b(p);
  }
  const a = compileExpression(expr.div[0], table, [...path, "div", 0]);
  const b = compileExpression(expr.div[1], table, [...path, "div", 1]);
  return (p) => a(p) / b(p);
}

/**
 * Reports a value that breaks a model rule: a ValidationError for the base case
 * (the input itself is wrong), a DomainError (OUT_OF_DOMAIN) naming the draw when a
 * sampled parameter pushed it out of its domain.
 */
export function modelValueError(path: IssuePath, message: string, draw: number | undefined): Error {
  if (draw === undefined) return new ValidationError([{ path, code: "out_of_domain", message }]);
  return new DomainError("OUT_OF_DOMAIN", `PSA draw ${draw + 1}: ${message}`, { path, details: { draw: draw + 1 } });
}
