// Subgroup analysis (亚组分析) of a cohort model: one model definition, run once per row of a
// table of subgroups (attribute values and a weight), with per-subgroup and weighted results.
import * as z from "zod";
import { parseInput, step, ValidationError, type Step } from "../core/index.js";
import type { Money } from "../money/index.js";
import { attributeValuesSchema, modelAttributesSchema, withAttributes, writeAttributes } from "./attributes.js";
import type { CompiledModel } from "./compiled.js";
import { compileMarkovModel, type markovModelSchema } from "./markov.js";
import { modelFloat } from "./numbers.js";
import { compilePartitionedSurvival, type partitionedSurvivalModelSchema } from "./partitioned-survival.js";
import { modelParametersSchema, parameterTable } from "./parameters.js";
import { decisionModelSchema } from "./psa.js";
import { moneyFromFloat, type ModelStreamResult } from "./streams.js";
import { numberText } from "../money/format.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * Input of {@link runModelSubgroups}: a tagged model (Markov or partitioned survival) whose
 * expressions may read the declared `attributes`, its parameters, and the subgroups: a
 * unique name, a weight > 0 (a share or a head count; weights are normalised to sum to 1)
 * and a value for every attribute.
 *
 * @category Subgroups
 */
export const runModelSubgroupsInputSchema = lazySchema(() => z
  .object({
    /** The tagged model (Markov or partitioned survival) run once per subgroup. */
    model: decisionModelSchema,
    /** Named parameters the model's expressions use (base case). */
    parameters: modelParametersSchema.optional(),
    /** The attributes the expressions read (属性), declared once. */
    attributes: modelAttributesSchema,
    /** The subgroups (亚组), 1–10,000, names unique. */
    subgroups: z
      .array(
        z
          .strictObject({
            /** Subgroup name, unique. */
            name: z.string().min(1),
            /** Weight > 0: a share or a head count; the weights are normalised to sum to 1. */
            weight: modelFloat({ above: 0 }),
            /** A value for every declared attribute. */
            attributes: attributeValuesSchema,
          })
          .strict(),
      )
      .min(1)
      .max(10_000)
      .refine((s) => new Set(s.map((x) => x.name)).size === s.length, { message: "subgroup names must be unique" }),
  })
  .strict());

/**
 * Input of {@link runModelSubgroups}.
 *
 * @category Subgroups
 */
export type RunModelSubgroupsInput = z.input<typeof runModelSubgroupsInputSchema>;

/**
 * A stream's totals in one subgroup or weighted over them.
 *
 * @category Subgroups
 */
export interface SubgroupStreamTotals {
  /** Discounted total. */
  readonly total: number;
  readonly undiscountedTotal: number;
  /** Money streams: the discounted total rounded half-up to the minor unit. */
  readonly money?: Money;
}

/**
 * One subgroup's run.
 *
 * @category Subgroups
 */
export interface SubgroupResult {
  readonly name: string;
  readonly weight: number;
  /** weight / Σ weights. */
  readonly share: number;
  readonly attributes: Record<string, number | string>;
  readonly streams: Record<string, SubgroupStreamTotals>;
  /** Markov: the trace; partitioned survival: occupancy rows [PF, PD, Dead] per grid time. */
  readonly trace: number[][];
}

/**
 * Result of {@link runModelSubgroups}.
 *
 * @category Subgroups
 */
export interface ModelSubgroupsResult {
  readonly states: string[];
  readonly subgroups: SubgroupResult[];
  /** Σ share × subgroup value, per stream and per trace cell. */
  readonly weighted: { readonly streams: Record<string, SubgroupStreamTotals>; readonly trace: number[][] };
  readonly explanation: Step[];
}

function totals(s: ModelStreamResult, total = s.total, undiscounted = s.undiscountedTotal): SubgroupStreamTotals {
  return s.currency === undefined ? { total, undiscountedTotal: undiscounted } : { total, undiscountedTotal: undiscounted, money: moneyFromFloat(total, s.currency) };
}

/**
 * Runs one cohort model over a table of subgroups and weights them. Each subgroup fixes the
 * attributes the model reads (`{ attr: "age" }`, `{ attr: "sex", is: "F" }`); the weighted
 * result is Σ wᵢ·xᵢ / Σ wᵢ for every stream total and trace cell.
 *
 * @param input - the tagged model, its parameters, the attribute declarations and the subgroups with weights (`runModelSubgroupsInputSchema`).
 * @returns per-subgroup results and the weighted totals.
 * @throws {ValidationError} when the input does not match `runModelSubgroupsInputSchema` (path named): an unknown key, a missing field, a value out of range; a subgroup attribute that breaks its declaration.
 * @throws {DomainError} OUT_OF_DOMAIN when a stream's total overflows the float range.
 * @example
 * ```ts
 * const r = runModelSubgroups({
 *   model: { type: "markov", states: ["Alive", "Dead"], initial: { Alive: 1 }, cycles: 2, counting: "end",
 *     transitions: [{ matrix: { Alive: { Alive: "complement", Dead: { mul: [0.1, { attr: "risk" }] } }, Dead: { Dead: 1 } } }],
 *     streams: { ly: { values: { Alive: 1 } } } },
 *   attributes: { risk: { type: "number", min: 0 } },
 *   subgroups: [{ name: "low", weight: 3, attributes: { risk: 1 } }, { name: "high", weight: 1, attributes: { risk: 2 } }],
 * });
 * r.weighted.streams.ly?.total; // 0.75 × 1.71 + 0.25 × 1.44 = 1.6425
 * ```
 *
 * @category Subgroups
 */
export function runModelSubgroups(input: RunModelSubgroupsInput): ModelSubgroupsResult {
  const parsed = parseInput(runModelSubgroupsInputSchema, input, "runModelSubgroups");
  const table = withAttributes(parameterTable(parsed.parameters), parsed.attributes);
  const { type, ...model } = parsed.model;
  const compiled: CompiledModel<Record<string, unknown>> =
    type === "markov"
      ? (compileMarkovModel(model as z.output<typeof markovModelSchema>, table, ["model"]) as unknown as CompiledModel<Record<string, unknown>>)
      : (compilePartitionedSurvival(model as z.output<typeof partitionedSurvivalModelSchema>, table, ["model"]) as unknown as CompiledModel<Record<string, unknown>>);
  const states = type === "markov" ? [...(model as { states: string[] }).states] : ["PF", "PD", "Dead"];
  const weightSum = parsed.subgroups.reduce((a, s) => a + s.weight, 0);
  if (!Number.isFinite(weightSum)) throw new ValidationError([{ path: ["subgroups"], code: "out_of_range", message: "the weights sum beyond the float range" }]);

  const subgroups: SubgroupResult[] = parsed.subgroups.map((g, i) => {
    const params = Float64Array.from(table.base);
    writeAttributes(table, parsed.attributes, g.attributes, ["subgroups", i, "attributes"], params);
    const d = compiled.detail(params);
    const trace =
      type === "markov"
        ? (d.trace as number[][])
        : (() => {
            const o = d.occupancy as { PF: number[]; PD: number[]; Dead: number[] };
            return o.PF.map((pf, k) => [pf, o.PD[k] as number, o.Dead[k] as number]);
          })();
    const streams: Record<string, SubgroupStreamTotals> = {};
    for (const [name, s] of Object.entries(d.streams)) streams[name] = totals(s);
    return { name: g.name, weight: g.weight, share: g.weight / weightSum, attributes: { ...g.attributes }, streams, trace };
  });

  const weightedStreams: Record<string, SubgroupStreamTotals> = {};
  const first = subgroups[0] as SubgroupResult;
  for (const name of compiled.streamNames) {
    let total = 0;
    let undiscounted = 0;
    for (const g of subgroups) {
      total += g.share * (g.streams[name] as SubgroupStreamTotals).total;
      undiscounted += g.share * (g.streams[name] as SubgroupStreamTotals).undiscountedTotal;
    }
    const currency = parsed.model.streams[name]?.currency;
    weightedStreams[name] = currency === undefined ? { total, undiscountedTotal: undiscounted } : { total, undiscountedTotal: undiscounted, money: moneyFromFloat(total, currency) };
  }
  const weightedTrace = first.trace.map((row, t) => row.map((_, s) => subgroups.reduce((a, g) => a + g.share * (g.trace[t]?.[s] as number), 0)));

  const fmt = (x: number) => numberText(x);
  const explanation: Step[] = [
    step(
      "models.subgroups.table",
      `One ${type} model run for ${subgroups.length} subgroup(s): ${subgroups.map((g) => `${g.name} (weight ${fmt(g.weight)}, share ${fmt(g.share)})`).join(", ")}; weights are normalised by their sum ${fmt(weightSum)}.`,
      { subgroups: subgroups.map((g) => g.name), weights: subgroups.map((g) => g.weight), shares: subgroups.map((g) => g.share) },
    ),
    ...compiled.streamNames.map((name) => {
      const w = weightedStreams[name] as SubgroupStreamTotals;
      return step(
        "models.subgroups.weighted",
        `Stream "${name}": ${subgroups.map((g) => `${g.name} ${g.streams[name]?.money?.toString() ?? fmt((g.streams[name] as SubgroupStreamTotals).total)}`).join(", ")}; weighted ${w.money?.toString() ?? fmt(w.total)}.`,
        { stream: name, perSubgroup: subgroups.map((g) => (g.streams[name] as SubgroupStreamTotals).total), weighted: w.total },
        w.money,
      );
    }),
  ];
  return { states, subgroups, weighted: { streams: weightedStreams, trace: weightedTrace }, explanation };
}
