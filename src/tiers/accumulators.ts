// Annual accumulators (年度累计): how much of each layer's deductible has been met,
// how much of its cap, sub-limits and out-of-pocket maximum used so far this year, and
// what it has paid over the person's lifetime. Taken in and handed back by splitBill,
// so a backend settles a year of claims one by one with no hidden state. A person's
// document names the person, family and year it belongs to; a family's document the
// family and year; using either for another is an error.
import * as z from "zod";
import { userRecord } from "../core/schemas.js";
import { currencyCodeSchema, DomainError, type IssuePath, nonNegativeAmountSchema, parseInput } from "../core/index.js";
import { invalid } from "../kernel/index.js";
import { type CoveragePlan, type CoveragePlanInput, isCoveragePlan, parseLayers } from "./layers.js";
import type { MinorUnitAccumulator, MinorUnitFamilyAccumulator } from "./layers/kind.js";
import { layerKindOf } from "./layers/registry.js";
import { toUnits, unitsText } from "../money/minor-units.js";
import { widestTerms } from "./waterfall.js";
import { lazySchema } from "../kernel/lazy-schema.js";

export type { MinorUnitAccumulator, MinorUnitFamilyAccumulator } from "./layers/kind.js";

/**
 * The zod schema of the accumulator document handed back by {@link splitBill} and passed to the next claim.
 *
 * @category Coverage Layers
 */
export const annualAccumulatorsSchema = lazySchema(() => z
  .strictObject({
    /** The benefit year the figures belong to. */
    year: z.number().int().nullable().optional(),
    /** The plan's currency; a document in another currency is refused (CURRENCY_MISMATCH). */
    currency: currencyCodeSchema,
    /** The person the figures belong to (checked against the claim's `person`). */
    person: z.string().min(1).optional(),
    /** The person's family (checked against the claim's `family`). */
    family: z.string().min(1).optional(),
    /** Per layer id: deductible met, amount paid (cap used), progressive-band position, out-of-pocket, lifetime paid, sub-limit use per category. */
    layers: userRecord(
      z.string(),
      z
        .strictObject({
          /** Deductible (or threshold) met this year (起付线已累计), in the plan's currency; ≤ the layer's deductible. */
          deductibleMet: nonNegativeAmountSchema.optional(),
          /** What the layer has paid this year (annual cap used), in the plan's currency; ≤ the annual cap. */
          paid: nonNegativeAmountSchema.optional(),
          /** The year's amount above the threshold so far (progressive bands of a supplementary layer: where the next claim starts). */
          bandBase: nonNegativeAmountSchema.optional(),
          /** The person's deductible and coinsurance under the layer this year (年度自付累计); ≤ the out-of-pocket maximum. */
          outOfPocket: nonNegativeAmountSchema.optional(),
          /** What the layer has paid the person over all years (终身累计); ≤ the lifetime cap. */
          lifetimePaid: nonNegativeAmountSchema.optional(),
          /** What the layer has paid this year per item category with a sub-limit (分项限额已用), by category name. */
          categories: userRecord(z.string(), nonNegativeAmountSchema).optional(),
        })
        .strict(),
    ),
  })
  .strict());

/**
 * The zod schema of a family's accumulator document (family deductible met, family out-of-pocket, per layer).
 *
 * @category Coverage Layers
 */
export const familyAccumulatorsSchema = lazySchema(() => z.strictObject({
  /** The benefit year the family's figures belong to. */
  year: z.number().int(),
  /** The plan's currency; a document in another currency is refused (CURRENCY_MISMATCH). */
  currency: currencyCodeSchema,
  /** The family the figures belong to (checked against the claim's `family`). */
  family: z.string().min(1),
  /** Per layer id with family limits: the family deductible met and the family's out-of-pocket so far. */
  layers: userRecord(z.string(), z.strictObject({
      /** Family deductible met this year (家庭起付线已累计); ≤ the layer's family deductible. */
      deductibleMet: nonNegativeAmountSchema.optional(),
      /** The family's out-of-pocket this year (家庭自付累计); ≤ the family out-of-pocket maximum. */
      outOfPocket: nonNegativeAmountSchema.optional(),
    })),
}));

/**
 * Accumulators of one layer, as decimal strings.
 *
 * @category Coverage Layers
 */
export interface LayerAccumulator {
  /** How much of the annual deductible (or threshold) has been met. */
  readonly deductibleMet: string;
  /** How much the layer has paid this year (what counts against its cap). */
  readonly paid: string;
  /** For progressive bands: the year's amount above the threshold so far. */
  readonly bandBase?: string;
  /** For a layer with an out-of-pocket maximum: the person's deductible and coinsurance so far this year. */
  readonly outOfPocket?: string;
  /** For a layer with a lifetime cap: what it has paid the person over all years. */
  readonly lifetimePaid?: string;
  /** For categories with a sub-limit: what the layer has paid on each this year. */
  readonly categories?: Readonly<Record<string, string>>;
}

/**
 * The annual accumulators of a plan: plain JSON, ready to store and pass to the next claim.
 *
 * @category Coverage Layers
 */
export interface AnnualAccumulators {
  readonly year: number | null;
  readonly currency: string;
  readonly person?: string;
  readonly family?: string;
  readonly layers: Readonly<Record<string, LayerAccumulator>>;
}

/**
 * A family's accumulators: plain JSON, passed with each family member's next claim.
 *
 * @category Coverage Layers
 */
export interface FamilyAccumulators {
  readonly year: number;
  readonly currency: string;
  readonly family: string;
  /** Per layer with family limits: the family deductible met and the family's out-of-pocket (each where the layer has that limit). */
  readonly layers: Readonly<Record<string, { readonly deductibleMet?: string; readonly outOfPocket?: string }>>;
}

/**
 * The accumulator document as stored (amounts as decimal strings or safe integers).
 *
 * @category Coverage Layers
 */
export type AnnualAccumulatorsInput = z.input<typeof annualAccumulatorsSchema>;

/**
 * A family accumulator document as stored.
 *
 * @category Coverage Layers
 */
export type FamilyAccumulatorsInput = z.input<typeof familyAccumulatorsSchema>;

function layerIndex(plan: CoveragePlan, id: string, at: IssuePath): number {
  const index = plan.layers.findIndex((l) => l.id === id);
  if (index < 0) {
    throw new DomainError("UNKNOWN_KEY", `the accumulators name layer ${JSON.stringify(id)}, which the plan does not have`, { path: at, details: { known: plan.layers.map((l) => l.id) } });
  }
  return index;
}

function over(what: string, value: bigint, limit: bigint, scale: number, path: IssuePath): DomainError {
  return new DomainError("INCONSISTENT_INPUT", `${what} ${unitsText(value, scale)} exceeds the layer's ${unitsText(limit, scale)}`, { path });
}

/** Who a claim is for: the person and the family (both optional), and the benefit year. */
export interface ClaimOwner {
  readonly year: number | undefined;
  readonly person: string | undefined;
  readonly family: string | undefined;
}

/** Checks stored accumulators against the plan and the claim, and turns them into minor units. */
export function readAccumulators(plan: CoveragePlan, doc: z.output<typeof annualAccumulatorsSchema> | undefined, year: number | undefined, owner?: Omit<ClaimOwner, "year">): MinorUnitAccumulator[] {
  const state: MinorUnitAccumulator[] = plan.layers.map(() => ({ met: 0n, paid: 0n, bandBase: 0n }));
  if (doc === undefined) return state;
  // Without the claim's year the cross-year check below cannot run: last year's caps would carry over silently.
  if (year === undefined) throw invalid(["year"], "a claim with accumulators states its benefit year (year), so last year's accumulators are never applied to it", "missing_year");
  if (doc.currency !== plan.currency) {
    throw new DomainError("CURRENCY_MISMATCH", `the accumulators are in ${doc.currency} but the plan settles in ${plan.currency}`, {
      path: ["accumulators", "currency"],
      details: { accumulators: doc.currency, plan: plan.currency },
    });
  }
  if (doc.year !== undefined && doc.year !== null && doc.year !== year) {
    throw new DomainError("INCONSISTENT_INPUT", `the accumulators belong to ${doc.year} but the claim is in ${year}: start the new year from empty accumulators`, {
      path: ["accumulators", "year"],
      details: { accumulators: doc.year, claim: year },
    });
  }
  for (const key of ["person", "family"] as const) {
    const mine = doc[key];
    const claim = owner?.[key];
    if (mine !== undefined && mine !== claim) {
      throw new DomainError("INCONSISTENT_INPUT", `the accumulators belong to ${key} ${JSON.stringify(mine)} but the claim is for ${claim === undefined ? `no ${key}` : JSON.stringify(claim)}`, {
        path: ["accumulators", key],
        details: { accumulators: mine, claim: claim ?? null },
      });
    }
  }
  for (const [id, acc] of Object.entries(doc.layers)) {
    const at = ["accumulators", "layers", id];
    const index = layerIndex(plan, id, at);
    const layer = plan.layers[index]!;
    const s = state[index]!;
    if (acc.deductibleMet !== undefined) s.met = toUnits(acc.deductibleMet, plan.scale, [...at, "deductibleMet"]);
    if (acc.paid !== undefined) s.paid = toUnits(acc.paid, plan.scale, [...at, "paid"]);
    if (acc.bandBase !== undefined) s.bandBase = toUnits(acc.bandBase, plan.scale, [...at, "bandBase"]);
    const widest = widestTerms(layer);
    if (s.met > widest.deductible) throw deductibleError(s.met, widest.deductible, plan.scale, at);
    if (widest.cap !== null && s.paid > widest.cap) {
      throw new DomainError("INCONSISTENT_INPUT", `paid ${unitsText(s.paid, plan.scale)} exceeds the layer's annual cap ${unitsText(widest.cap, plan.scale)}`, { path: [...at, "paid"] });
    }
    const lim = layer.limits;
    if (acc.outOfPocket !== undefined) {
      if (lim === null || (lim.oopIndividual === null && lim.oopFamily === null)) throw invalid([...at, "outOfPocket"], `layer ${id} has no out-of-pocket maximum`, "unrecognized_keys");
      s.oop = toUnits(acc.outOfPocket, plan.scale, [...at, "outOfPocket"]);
      if (lim.oopIndividual !== null && s.oop > lim.oopIndividual) throw over("out-of-pocket", s.oop, lim.oopIndividual, plan.scale, [...at, "outOfPocket"]);
    }
    if (acc.lifetimePaid !== undefined) {
      if (lim === null || lim.lifetimeCap === null) throw invalid([...at, "lifetimePaid"], `layer ${id} has no lifetime cap`, "unrecognized_keys");
      s.lifetime = toUnits(acc.lifetimePaid, plan.scale, [...at, "lifetimePaid"]);
      if (s.lifetime > lim.lifetimeCap) throw over("lifetime paid", s.lifetime, lim.lifetimeCap, plan.scale, [...at, "lifetimePaid"]);
    }
    if (acc.categories !== undefined) {
      const sub = new Map<string, bigint>();
      for (const [c, v] of Object.entries(acc.categories)) {
        const t = layer.categories?.get(c);
        if (t === undefined || t.subLimit === null) {
          throw new DomainError("UNKNOWN_KEY", `the accumulators name category ${JSON.stringify(c)}, for which layer ${id} sets no sub-limit`, { path: [...at, "categories", c] });
        }
        const u = toUnits(v, plan.scale, [...at, "categories", c]);
        if (u > t.subLimit) throw over(`use of the ${c} sub-limit`, u, t.subLimit, plan.scale, [...at, "categories", c]);
        sub.set(c, u);
      }
      s.sub = sub;
    }
  }
  return state;
}

function deductibleError(met: bigint, deductible: bigint, scale: number, at: IssuePath): DomainError {
  return new DomainError("INCONSISTENT_INPUT", `deductible met ${unitsText(met, scale)} exceeds the layer's annual deductible ${unitsText(deductible, scale)}`, { path: [...at, "deductibleMet"] });
}

/** Checks a family's accumulators against the plan and the claim (same family, same year), in minor units. */
export function readFamilyAccumulators(plan: CoveragePlan, doc: z.output<typeof familyAccumulatorsSchema> | undefined, owner: ClaimOwner): MinorUnitFamilyAccumulator[] | null {
  if (owner.family === undefined) {
    if (doc !== undefined) throw invalid(["family"], "family accumulators were given: the claim names its family", "missing_family");
    return null;
  }
  if (owner.year === undefined) throw invalid(["year"], "a claim that names its family states its benefit year (year), so the family's figures are never carried across years", "missing_year");
  const state = plan.layers.map(() => ({ met: 0n, oop: 0n }));
  if (doc === undefined) return state;
  const at: IssuePath = ["familyAccumulators"];
  if (doc.currency !== plan.currency) throw new DomainError("CURRENCY_MISMATCH", `the family accumulators are in ${doc.currency} but the plan settles in ${plan.currency}`, { path: [...at, "currency"] });
  if (doc.family !== owner.family) {
    throw new DomainError("INCONSISTENT_INPUT", `the family accumulators belong to family ${JSON.stringify(doc.family)} but the claim is for family ${JSON.stringify(owner.family)}`, {
      path: [...at, "family"],
      details: { accumulators: doc.family, claim: owner.family },
    });
  }
  if (doc.year !== owner.year) {
    throw new DomainError("INCONSISTENT_INPUT", `the family accumulators belong to ${doc.year} but the claim is in ${owner.year}: start the new year from empty accumulators`, {
      path: [...at, "year"],
      details: { accumulators: doc.year, claim: owner.year },
    });
  }
  for (const [id, acc] of Object.entries(doc.layers)) {
    const lat = [...at, "layers", id];
    const index = layerIndex(plan, id, lat);
    const lim = plan.layers[index]!.limits;
    const s = state[index]!;
    if (acc.deductibleMet !== undefined) {
      if (lim === null || lim.familyDeductible === null) throw invalid([...lat, "deductibleMet"], `layer ${id} has no family deductible`, "unrecognized_keys");
      s.met = toUnits(acc.deductibleMet, plan.scale, [...lat, "deductibleMet"]);
      if (s.met > lim.familyDeductible) throw over("family deductible met", s.met, lim.familyDeductible, plan.scale, [...lat, "deductibleMet"]);
    }
    if (acc.outOfPocket !== undefined) {
      if (lim === null || lim.oopFamily === null) throw invalid([...lat, "outOfPocket"], `layer ${id} has no family out-of-pocket maximum`, "unrecognized_keys");
      s.oop = toUnits(acc.outOfPocket, plan.scale, [...lat, "outOfPocket"]);
      if (s.oop > lim.oopFamily) throw over("family out-of-pocket", s.oop, lim.oopFamily, plan.scale, [...lat, "outOfPocket"]);
    }
  }
  return state;
}

/** The accumulator document after a claim. */
export function writeAccumulators(plan: CoveragePlan, state: readonly MinorUnitAccumulator[], year: number | null, owner?: Omit<ClaimOwner, "year">): AnnualAccumulators {
  // Null prototype: a layer id "__proto__" must be an own key, not the object's prototype.
  const layers = Object.create(null) as Record<string, LayerAccumulator>;
  plan.layers.forEach((l, i) => {
    const s = state[i]!;
    const entry: { -readonly [K in keyof LayerAccumulator]: LayerAccumulator[K] } = { deductibleMet: unitsText(s.met, plan.scale), paid: unitsText(s.paid, plan.scale) };
    if (layerKindOf(l).tracksBandBase?.(l) === true) entry.bandBase = unitsText(s.bandBase, plan.scale);
    if (s.oop !== undefined) entry.outOfPocket = unitsText(s.oop, plan.scale);
    if (s.lifetime !== undefined) entry.lifetimePaid = unitsText(s.lifetime, plan.scale);
    if (s.sub !== undefined) {
      const cats = Object.create(null) as Record<string, string>;
      for (const [c, v] of s.sub) cats[c] = unitsText(v, plan.scale);
      entry.categories = cats;
    }
    layers[l.id] = entry;
  });
  return {
    year,
    currency: plan.currency,
    ...(owner?.person === undefined ? {} : { person: owner.person }),
    ...(owner?.family === undefined ? {} : { family: owner.family }),
    layers,
  };
}

/** The family accumulator document after a claim (layers with family limits only). */
export function writeFamilyAccumulators(plan: CoveragePlan, state: readonly MinorUnitFamilyAccumulator[], year: number, family: string): FamilyAccumulators {
  const layers = Object.create(null) as Record<string, { deductibleMet?: string; outOfPocket?: string }>;
  plan.layers.forEach((l, i) => {
    const lim = l.limits;
    if (lim === null || (lim.familyDeductible === null && lim.oopFamily === null)) return;
    layers[l.id] = {
      ...(lim.familyDeductible === null ? {} : { deductibleMet: unitsText(state[i]!.met, plan.scale) }),
      ...(lim.oopFamily === null ? {} : { outOfPocket: unitsText(state[i]!.oop, plan.scale) }),
    };
  });
  return { year, currency: plan.currency, family, layers };
}

/**
 * The zod schema of {@link startBenefitYear}'s input.
 *
 * @category Coverage Layers
 */
export const startBenefitYearInputSchema = lazySchema(() => z.strictObject({
  /** A plan from {@link parseLayers}, or the plan document. */
  plan: z.custom<CoveragePlan | CoveragePlanInput>((v) => typeof v === "object" && v !== null, { message: "expected a coverage plan" }),
  /** Last year's accumulator document (or any earlier year's). */
  accumulators: annualAccumulatorsSchema,
  /** The new benefit year; after the accumulators' year. */
  year: z.number().int(),
}));

/**
 * The accumulators a person starts a new benefit year with: deductibles, caps, bands,
 * sub-limits and out-of-pocket back to zero; lifetime figures (终身累计) carried over.
 *
 * @param input - The plan, the accumulators of the year that ends, and the new year.
 * @throws {ValidationError} when the input does not match `startBenefitYearInputSchema` (the field path is named).
 * @throws {DomainError} INCONSISTENT_INPUT when the new year is not after the accumulators' year; CURRENCY_MISMATCH / UNKNOWN_KEY when the accumulators are in another currency or name a layer the plan lacks.
 * @example
 * ```ts
 * const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "basic", rate: 0.6, cap: "500000", lifetimeCap: "2000000" }] });
 * const y1 = splitBill({ plan, bill: "700000", year: 2026 });
 * startBenefitYear({ plan, accumulators: y1.accumulators, year: 2027 }).layers.basic.lifetimePaid; // "420000.00"
 * ```
 * @category Coverage Layers
 */
export function startBenefitYear(input: { readonly plan: CoveragePlan | CoveragePlanInput; readonly accumulators: AnnualAccumulatorsInput | AnnualAccumulators; readonly year: number }): AnnualAccumulators {
  const x = parseInput(startBenefitYearInputSchema, input, "startBenefitYear");
  const plan = isCoveragePlan(x.plan) ? x.plan : parseLayers(x.plan);
  const doc = x.accumulators;
  if (doc.year !== undefined && doc.year !== null && x.year <= doc.year) {
    throw new DomainError("INCONSISTENT_INPUT", `the new year ${x.year} is not after the accumulators' year ${doc.year}`, { path: ["year"], details: { accumulators: doc.year, year: x.year } });
  }
  const state = readAccumulators(plan, { ...doc, year: null }, x.year, { person: doc.person, family: doc.family });
  const fresh = state.map((s) => (s.lifetime === undefined ? { met: 0n, paid: 0n, bandBase: 0n } : { met: 0n, paid: 0n, bandBase: 0n, lifetime: s.lifetime }));
  return writeAccumulators(plan, fresh, x.year, { person: doc.person, family: doc.family });
}
