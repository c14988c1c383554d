import * as z from "zod";
import { DomainError, ValidationError, type IssuePath } from "../core/index.js";
import { isDecimalText } from "../money/index.js";
import type { ParameterTable } from "./parameters.js";
import { portableExp, portableLog } from "./portable-math.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * A number in a model document that may depend on parameters: a JSON number, a
 * decimal string, a parameter reference `{ param: "pDeath" }` (a Dirichlet
 * component: `{ param: "fromA", key: "B" }`), or arithmetic on those:
 * `{ mul: [...] }`, `{ add: [...] }`, `{ sub: [a, b] }` (a − b), `{ div: [a, b] }` (a ÷ b).
 *
 * Time and patients (see docs/models.md, "Time in state and tunnels"):
 * `{ var: "cycle" }` (model time, 1 in the first cycle), `{ var: "stateTime" }` (cycles
 * spent in the current state, 1 in the first; only in tunnel states), a table read by
 * either of them `{ at: [e1, e2, …], by: "cycle" }` (the last entry carries forward),
 * `{ attr: "age" }` / `{ attr: "sex", is: "F" }` (a subgroup's or patient's attribute;
 * `is` gives 1 or 0), and `{ min: [...] }`, `{ max: [...] }`, `{ exp: a }`, `{ pow: [a, b] }`.
 *
 * @category Parameters and Expressions
 */
export type ModelExpression =
  | number
  | string
  | { readonly param: string; readonly key?: string }
  | { readonly mul: readonly ModelExpression[] }
  | { readonly add: readonly ModelExpression[] }
  | { readonly sub: readonly [ModelExpression, ModelExpression] }
  | { readonly div: readonly [ModelExpression, ModelExpression] }
  | { readonly var: ModelVariable }
  | { readonly at: readonly ModelExpression[]; readonly by: ModelVariable }
  | { readonly attr: string; readonly is?: string }
  | { readonly min: readonly ModelExpression[] }
  | { readonly max: readonly ModelExpression[] }
  | { readonly exp: ModelExpression }
  | { readonly pow: readonly [ModelExpression, ModelExpression] };

/**
 * The time variables of a Markov model: model time and time in the current state, both counted in cycles from 1.
 *
 * @category Parameters and Expressions
 */
export const MODEL_VARIABLES = ["cycle", "stateTime"] as const;
/**
 * One of {@link MODEL_VARIABLES}.
 *
 * @category Parameters and Expressions
 */
export type ModelVariable = (typeof MODEL_VARIABLES)[number];

/**
 * Schema of a {@link ModelExpression}.
 *
 * @category Parameters and Expressions
 */
export const modelExpressionSchema: z.ZodType<ModelExpression> = lazySchema(() => z.lazy(() =>
  z.union([
    z.number(),
    z.string().refine((s) => isDecimalText(s.trim()), { message: "not a decimal number" }),
    z
      .strictObject({
        /** Name of a model parameter (参数) whose value (base case or PSA draw) is read here. */
        param: z.string().min(1),
        /** For a Dirichlet parameter: the component (row key) to read. */
        key: z.string().min(1).optional(),
      })
      .strict(),
    z
      .strictObject({
        /** Factors, multiplied in order. */
        mul: z.array(modelExpressionSchema).min(1),
      })
      .strict(),
    z
      .strictObject({
        /** Terms, added in order (at least one). */
        add: z.array(modelExpressionSchema).min(1),
      })
      .strict(),
    z
      .strictObject({
        /** [a, b]: the difference a − b. */
        sub: z.tuple([modelExpressionSchema, modelExpressionSchema]),
      })
      .strict(),
    z
      .strictObject({
        /** [a, b]: the quotient a ÷ b (b = 0 is an error at run time). */
        div: z.tuple([modelExpressionSchema, modelExpressionSchema]),
      })
      .strict(),
    z
      .strictObject({
        /** A time variable: `cycle` (model time) or `stateTime` (cycles in the current tunnel state), from 1. */
        var: z.enum(MODEL_VARIABLES),
      })
      .strict(),
    z
      .strictObject({
        /** A table of values, entry k read at time k + 1; the last entry carries forward. */
        at: z.array(modelExpressionSchema).min(1),
        /** The time variable that indexes the table: `cycle` or `stateTime`. */
        by: z.enum(MODEL_VARIABLES),
      })
      .strict(),
    z
      .strictObject({
        /** Name of a declared attribute of the subgroup or patient (属性), e.g. `age`. */
        attr: z.string().min(1),
        /** For a category attribute: 1 when it has this level, 0 otherwise. */
        is: z.string().min(1).optional(),
      })
      .strict(),
    z
      .strictObject({
        /** The smallest of the terms (at least one). */
        min: z.array(modelExpressionSchema).min(1),
      })
      .strict(),
    z
      .strictObject({
        /** The largest of the terms (at least one). */
        max: z.array(modelExpressionSchema).min(1),
      })
      .strict(),
    z
      .strictObject({
        /** e raised to this value (portable exp: the same bits on every platform). */
        exp: modelExpressionSchema,
      })
      .strict(),
    z
      .strictObject({
        /** [a, b]: a raised to the power b. */
        pow: z.tuple([modelExpressionSchema, modelExpressionSchema]),
      })
      .strict(),
  ]),
));

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
        { path: [...path, "param"], code: "unknown_reference", message: `unknown parameter "${expr.param}"; declare it under parameters` },
      ]);
    }
    if (typeof entry === "number") {
      if (expr.key !== undefined) {
        throw new ValidationError([
          { path: [...path, "key"], code: "unrecognized_keys", message: `parameter "${expr.param}" is a single number; it has no key "${expr.key}"` },
        ]);
      }
      const slot = entry;
      return (p) => p[slot] as number;
    }
    if (expr.key === undefined) {
      throw new ValidationError([
        { path, code: "missing_field", message: `parameter "${expr.param}" is a vector (Dirichlet or multivariate normal); name one of its keys (${[...entry.keys()].join(", ")})` },
      ]);
    }
    const slot = entry.get(expr.key);
    if (slot === undefined) {
      throw new ValidationError([
        { path: [...path, "key"], code: "unknown_reference", message: `vector parameter "${expr.param}" has no key "${expr.key}"` },
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
  if ("div" in expr) {
    const a = compileExpression(expr.div[0], table, [...path, "div", 0]);
    const b = compileExpression(expr.div[1], table, [...path, "div", 1]);
    return (p) => a(p) / b(p);
  }
  return compileExtended(expr, table, path);
}

type ExtendedExpression = Exclude<ModelExpression, number | string | { param: string } | { mul: unknown } | { add: unknown } | { sub: unknown } | { div: unknown }>;

// Time variables never reach here inside a Markov model (the model substitutes them cycle
// by cycle before compiling); anywhere else they have no meaning.
function compileExtended(expr: ExtendedExpression, table: ParameterTable, path: IssuePath): CompiledExpression {
  if ("var" in expr || "at" in expr) {
    const name = "var" in expr ? expr.var : expr.by;
    const field = "var" in expr ? "var" : "by";
    const where =
      name === "stateTime"
        ? "only in the rows and values of a tunnel state (declare the state under tunnels)"
        : "only in the transitions and values of a Markov model or microsimulation";
    throw new ValidationError([{ path: [...path, field], code: "unknown_reference", message: `the variable "${name}" is available ${where}` }]);
  }
  if ("attr" in expr) {
    const known = table.attributes;
    const a = known?.get(expr.attr);
    if (a === undefined) {
      const list = known === undefined || known.size === 0 ? "this model declares no attributes" : `the attributes are ${[...known.keys()].join(", ")}`;
      throw new ValidationError([{ path: [...path, "attr"], code: "unknown_reference", message: `unknown attribute "${expr.attr}"; ${list}` }]);
    }
    const slot = a.slot;
    if (a.levels === undefined) {
      if (expr.is !== undefined) {
        throw new ValidationError([{ path: [...path, "is"], code: "unrecognized_keys", message: `attribute "${expr.attr}" is a number; "is" compares a category` }]);
      }
      return (p) => p[slot] as number;
    }
    if (expr.is === undefined) {
      throw new ValidationError([
        { path: [...path, "is"], code: "missing_field", message: `attribute "${expr.attr}" is a category; compare it with "is" (one of ${a.levels.join(", ")})` },
      ]);
    }
    const level = a.levels.indexOf(expr.is);
    if (level < 0) {
      throw new ValidationError([{ path: [...path, "is"], code: "unknown_reference", message: `attribute "${expr.attr}" has no level "${expr.is}"; its levels are ${a.levels.join(", ")}` }]);
    }
    return (p) => ((p[slot] as number) === level ? 1 : 0);
  }
  if ("min" in expr || "max" in expr) {
    const isMin = "min" in expr;
    const list = "min" in expr ? expr.min : expr.max;
    const fs = list.map((e, i) => compileExpression(e, table, [...path, isMin ? "min" : "max", i]));
    return (p) => {
      let r = (fs[0] as CompiledExpression)(p);
      for (let i = 1; i < fs.length; i++) {
        const x = (fs[i] as CompiledExpression)(p);
        r = isMin ? (x < r ? x : r) : x > r ? x : r;
      }
      return r;
    };
  }
  if ("exp" in expr) {
    const a = compileExpression(expr.exp, table, [...path, "exp"]);
    return (p) => portableExp(a(p));
  }
  const a = compileExpression(expr.pow[0], table, [...path, "pow", 0]);
  const b = compileExpression(expr.pow[1], table, [...path, "pow", 1]);
  // x^y = e^(y ln x) through the portable log and exp, so a seed reproduces everywhere
  return (p) => {
    const x = a(p);
    const y = b(p);
    if (y === 0) return 1;
    if (x === 0) return y > 0 ? 0 : Number.POSITIVE_INFINITY;
    if (x < 0) return Number.isInteger(y) ? (y % 2 === 0 ? 1 : -1) * portableExp(y * portableLog(-x)) : Number.NaN;
    return portableExp(y * portableLog(x));
  };
}

/**
 * Reports a value that breaks a model rule: a ValidationError for the base case
 * (the input itself is wrong), a DomainError (OUT_OF_DOMAIN) naming the draw when a
 * sampled parameter pushed it out of its domain.
 */
export function modelValueError(path: IssuePath, message: string, draw: number | undefined): Error {
  if (draw === undefined) return new ValidationError([{ path, code: "out_of_range", message }]);
  return new DomainError("OUT_OF_DOMAIN", `PSA draw ${draw + 1}: ${message}`, { path, details: { draw: draw + 1 } });
}
