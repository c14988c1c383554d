// Sensitivity source kind "model": the models chapter's documents run deterministically
// with chosen parameters overridden (heemod's DSA semantics).
import * as z from "zod";
import { step, ValidationError, type IssuePath } from "../../core/index.js";
import { modelParametersSchema, parameterTable } from "../../models/parameters.js";
import { compileStrategies, modelStrategiesSchema } from "../../models/psa.js";
import type { PreparedSource, SourceKind, StrategyTotals, VariedEvaluator } from "./source.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * A deterministic sensitivity source: shared named parameters (base case = `value`, or
 * the distribution's mean), the strategies' tagged models (`type: "markov"` or
 * `"partitioned-survival"`, as in `runModelPsa`), and which streams are cost and effect.
 *
 * @category Sensitivity Analysis
 */
export const modelSourceSchema = lazySchema(() => z
  .object({
    /** The source kind: the decision model itself, run at each setting. */
    type: z.literal("model"),
    /** The shared named parameters (base case = `value` or the distribution's mean). */
    parameters: modelParametersSchema,
    /** The strategies' tagged models, as in runModelPsa. */
    strategies: modelStrategiesSchema,
    /** The stream that is the cost (default `cost`). */
    costStream: z.string().min(1).default("cost"),
    /** The stream that is the effect (default `qaly`). */
    effectStream: z.string().min(1).default("qaly"),
  })
  .strict());

type ModelSource = z.output<typeof modelSourceSchema>;

/** Re-issues a model's validation error with the parameter setting that caused it. */
function withSetting(e: unknown, setting: string): unknown {
  if (e instanceof ValidationError) {
    return new ValidationError(e.issues.map((i) => ({ ...i, message: `with ${setting}: ${i.message}` })));
  }
  return e;
}

/** Compiles every strategy's model once; each evaluation copies the base vector and overrides slots. */
export function prepareModelSource(doc: ModelSource, path: IssuePath): PreparedSource {
  const table = parameterTable(doc.parameters);
  const { compiled, currency } = compileStrategies(doc, table, path);
  const scratch = compiled.map((c) => new Float64Array(c.model.streamNames.length));
  const run = (params: Float64Array, setting: string): StrategyTotals[] => {
    try {
      return compiled.map((c, s) => {
        const out = scratch[s] as Float64Array;
        c.model.totals(params, undefined, out);
        return { cost: out[c.cost] as number, effect: out[c.effect] as number };
      });
    } catch (e) {
      throw withSetting(e, setting);
    }
  };
  const slotOf = (name: string): number => table.slots.get(name) as number;
  return {
    kind: "model",
    strategies: doc.strategies.map((s) => s.name),
    currency,
    thresholdMethod: "bisection-on-model",
    baseValue(name, at) {
      const slot = table.slots.get(name);
      if (slot === undefined) {
        const known = table.names.length === 0 ? "the source declares none" : `the parameters are ${table.names.join(", ")}`;
        throw new ValidationError([{ path: at, code: "unknown_reference", message: `unknown parameter "${name}"; ${known}` }]);
      }
      if (typeof slot !== "number") {
        throw new ValidationError([{ path: at, code: "invalid_value", message: `"${name}" is a Dirichlet row; vary a scalar parameter (a row's shares must keep summing to 1)` }]);
      }
      return table.base[slot] as number;
    },
    baseline: () => run(Float64Array.from(table.base), "every parameter at its base case"),
    evaluator(varied): VariedEvaluator {
      const slots = varied.map(slotOf);
      const params = Float64Array.from(table.base);
      return {
        linear: false,
        fit: null,
        evaluate(values) {
          params.set(table.base);
          slots.forEach((slot, k) => (params[slot] = values[k] as number));
          return run(params, varied.map((n, k) => `${n} = ${values[k]}`).join(", "));
        },
      };
    },
    explanation: [
      step(
        "valuation.sensitivity.model",
        `Deterministic runs of ${doc.strategies.length} strategy model(s) (${doc.strategies.map((s) => `${s.name}: ${s.model.type}`).join("; ")}); cost stream "${doc.costStream}", effect stream "${doc.effectStream}"; parameters not varied stay at their base case (value, or the distribution's mean).`,
        { strategies: doc.strategies.map((s) => s.name), parameters: [...table.names] },
      ),
    ],
  };
}

/** The `model` source kind (registered in sources.ts). */
export const modelSource: SourceKind<typeof modelSourceSchema> = { type: "model", schema: modelSourceSchema, prepare: prepareModelSource };
