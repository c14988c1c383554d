import * as z from "zod";
import { userRecord } from "../core/schemas.js";

import { distributionKindOf, modelDistributionSchema, type ModelDistribution } from "./distributions/registry.js";
import { finite, type ScalarDistributionKind } from "./distributions/kind.js";
import type { UniformSource } from "./random.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * One named parameter: a base-case `value`, a `distribution` for PSA, or both.
 * Without `value` the base case is the distribution's mean (for a Dirichlet, α_i / Σα).
 *
 * @category Parameters and Expressions
 */
export const modelParameterSchema = lazySchema(() => z
  .strictObject({
    /** Base-case value (finite); default the distribution's mean. */
    value: finite.optional(),
    /** Distribution sampled in PSA (概率敏感性分析); without one the parameter is fixed at `value`. */
    distribution: modelDistributionSchema.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.value === undefined && p.distribution === undefined) {
      ctx.addIssue({ code: "custom", message: "give a value, a distribution, or both" });
    }
    const kind = p.distribution === undefined ? undefined : distributionKindOf(p.distribution);
    if (p.value !== undefined && kind?.vector === true) {
      ctx.addIssue({ code: "custom", path: ["value"], message: `a ${kind.name} parameter takes its base case from its mean; drop value` });
    }
  }));

/**
 * Named parameters of a model, referenced from expressions as `{ param: name }`.
 *
 * @category Parameters and Expressions
 */
export const modelParametersSchema = lazySchema(() => userRecord(z.string().min(1), modelParameterSchema));

/**
 * A named parameter as accepted by {@link modelParameterSchema}.
 *
 * @category Parameters and Expressions
 */
export type ModelParameterInput = z.input<typeof modelParameterSchema>;

type Parameter = z.output<typeof modelParameterSchema>;

/** Parameters laid out as a flat vector: one slot per number, one per Dirichlet key. */
export interface ParameterTable {
  /** Parameter names, sorted: the order in which PSA samples them. */
  readonly names: readonly string[];
  /** Slot of a scalar parameter, or slots of a Dirichlet's keys. */
  readonly slots: ReadonlyMap<string, number | ReadonlyMap<string, number>>;
  readonly size: number;
  /** The base-case vector. */
  readonly base: Float64Array;
  readonly definitions: Readonly<Record<string, Parameter>>;
  /** One draw of each parameter with a distribution, in name order, into its slots (its kind looked up once, here). */
  readonly draws: readonly ((u: UniformSource, out: Float64Array) => void)[];
  /** Attributes of a subgroup or patient (after the parameters in the vector): slot, and levels of a category. */
  readonly attributes?: ReadonlyMap<string, { readonly slot: number; readonly levels?: readonly string[] }>;
}

/** Lays out parsed parameters; names are sorted so a document's key order never changes the draws. */
export function parameterTable(parameters: Readonly<Record<string, Parameter>> | undefined): ParameterTable {
  const defs = parameters ?? {};
  const names = Object.keys(defs).sort();
  const slots = new Map<string, number | Map<string, number>>();
  const baseValues: number[] = [];
  const draws: ((u: UniformSource, out: Float64Array) => void)[] = [];
  for (const name of names) {
    const p = defs[name] as Parameter;
    const d = p.distribution;
    const kind = d === undefined ? undefined : distributionKindOf(d);
    if (kind?.vector === true) {
      const keys = new Map<string, number>();
      for (const { key, value } of kind.base(d as ModelDistribution)) {
        keys.set(key, baseValues.length);
        baseValues.push(value);
      }
      slots.set(name, keys);
      draws.push((u, out) => kind.drawInto(d as ModelDistribution, u, keys, out));
    } else {
      const slot = baseValues.length;
      slots.set(name, slot);
      baseValues.push(p.value ?? (kind as ScalarDistributionKind<z.ZodType<ModelDistribution>>).mean(d as ModelDistribution));
      // without a distribution the parameter is fixed at its value, already in `out`
      if (kind !== undefined) {
        draws.push((u, out) => {
          out[slot] = kind.draw(d as ModelDistribution, u);
        });
      }
    }
  }
  return { names, slots, size: baseValues.length, base: Float64Array.from(baseValues), definitions: defs, draws };
}

/** Draws every parameter once, in name order, into `out`. */
export function sampleParameters(table: ParameterTable, u: UniformSource, out: Float64Array): void {
  for (const draw of table.draws) draw(u, out);
}
