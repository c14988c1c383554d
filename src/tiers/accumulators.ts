// Annual accumulators (年度累计): how much of each layer's deductible has been met and
// how much of its cap used so far this year. Taken in and handed back by splitBill,
// so a backend settles a year of claims one by one with no hidden state.
import * as z from "zod";
import { userRecord } from "../core/schemas.js";
import { currencyCodeSchema, DomainError, invalid, nonNegativeAmountSchema } from "../core/index.js";
import type { CoveragePlan } from "./layers.js";
import type { MinorUnitAccumulator } from "./layers/kind.js";
import { layerKindOf } from "./layers/registry.js";
import { toUnits, unitsText } from "./units.js";

/** The zod schema of the accumulator document handed back by {@link splitBill} and passed to the next claim. */
export const annualAccumulatorsSchema = z
  .strictObject({
    /** The benefit year the figures belong to. */
    year: z.number().int().nullable().optional(),
    currency: currencyCodeSchema,
    /** Per layer id: deductible met, amount paid (cap used), progressive-band position. */
    layers: userRecord(
      z.string(),
      z
        .strictObject({
          deductibleMet: nonNegativeAmountSchema.optional(),
          paid: nonNegativeAmountSchema.optional(),
          bandBase: nonNegativeAmountSchema.optional(),
        })
        .strict(),
    ),
  })
  .strict();

/** Accumulators of one layer, as decimal strings. */
export interface LayerAccumulator {
  /** How much of the annual deductible (or threshold) has been met. */
  readonly deductibleMet: string;
  /** How much the layer has paid this year (what counts against its cap). */
  readonly paid: string;
  /** For progressive bands: the year's amount above the threshold so far. */
  readonly bandBase?: string;
}

/** The annual accumulators of a plan: plain JSON, ready to store and pass to the next claim. */
export interface AnnualAccumulators {
  readonly year: number | null;
  readonly currency: string;
  readonly layers: Readonly<Record<string, LayerAccumulator>>;
}

/** The accumulator document as stored (amounts as decimal strings or safe integers). */
export type AnnualAccumulatorsInput = z.input<typeof annualAccumulatorsSchema>;

export type { MinorUnitAccumulator } from "./layers/kind.js";

/** Checks stored accumulators against the plan and the claim, and turns them into minor units. */
export function readAccumulators(
  plan: CoveragePlan,
  doc: z.output<typeof annualAccumulatorsSchema> | undefined,
  year: number | undefined,
): MinorUnitAccumulator[] {
  const state = plan.layers.map(() => ({ met: 0n, paid: 0n, bandBase: 0n }));
  if (doc === undefined) return state;
  // Without the claim's year the cross-year check below cannot run: last year's caps would carry over silently.
  if (year === undefined) throw invalid(["year"], "a claim with accumulators states its benefit year (year), so last year's accumulators are never applied to it", "missing_year");
  if (doc.currency !== plan.currency) {
    throw new DomainError("CURRENCY_MISMATCH", `the accumulators are in ${doc.currency} but the plan settles in ${plan.currency}`, {
      path: ["accumulators", "currency"],
      details: { accumulators: doc.currency, plan: plan.currency },
    });
  }
  if (year !== undefined && doc.year !== undefined && doc.year !== null && doc.year !== year) {
    throw new DomainError("INCONSISTENT_INPUT", `the accumulators belong to ${doc.year} but the claim is in ${year}: start the new year from empty accumulators`, {
      path: ["accumulators", "year"],
      details: { accumulators: doc.year, claim: year },
    });
  }
  for (const [id, acc] of Object.entries(doc.layers)) {
    const index = plan.layers.findIndex((l) => l.id === id);
    const layer = plan.layers[index];
    const at = ["accumulators", "layers", id];
    if (layer === undefined) {
      throw new DomainError("UNKNOWN_KEY", `the accumulators name layer ${JSON.stringify(id)}, which the plan does not have`, {
        path: at,
        details: { known: plan.layers.map((l) => l.id) },
      });
    }
    const s = state[index]!;
    if (acc.deductibleMet !== undefined) s.met = toUnits(acc.deductibleMet, plan.scale, [...at, "deductibleMet"]);
    if (acc.paid !== undefined) s.paid = toUnits(acc.paid, plan.scale, [...at, "paid"]);
    if (acc.bandBase !== undefined) s.bandBase = toUnits(acc.bandBase, plan.scale, [...at, "bandBase"]);
    if (s.met > layer.deductible) {
      throw new DomainError("INCONSISTENT_INPUT", `deductible met ${unitsText(s.met, plan.scale)} exceeds the layer's annual deductible ${unitsText(layer.deductible, plan.scale)}`, {
        path: [...at, "deductibleMet"],
      });
    }
    if (layer.cap !== null && s.paid > layer.cap) {
      throw new DomainError("INCONSISTENT_INPUT", `paid ${unitsText(s.paid, plan.scale)} exceeds the layer's annual cap ${unitsText(layer.cap, plan.scale)}`, {
        path: [...at, "paid"],
      });
    }
  }
  return state;
}

/** The accumulator document after a claim. */
export function writeAccumulators(plan: CoveragePlan, state: readonly MinorUnitAccumulator[], year: number | null): AnnualAccumulators {
  // Null prototype: a layer id "__proto__" must be an own key, not the object's prototype.
  const layers = Object.create(null) as Record<string, LayerAccumulator>;
  plan.layers.forEach((l, i) => {
    const s = state[i]!;
    const entry: LayerAccumulator =
      layerKindOf(l).tracksBandBase?.(l) === true
        ? { deductibleMet: unitsText(s.met, plan.scale), paid: unitsText(s.paid, plan.scale), bandBase: unitsText(s.bandBase, plan.scale) }
        : { deductibleMet: unitsText(s.met, plan.scale), paid: unitsText(s.paid, plan.scale) };
    layers[l.id] = entry;
  });
  return { year, currency: plan.currency, layers };
}
