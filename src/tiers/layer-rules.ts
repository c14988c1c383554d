// What one layer pays on the amount left after its deductible, and how to say it.
// `layerPayment` is the hot path (integers only); `describeLayerRule` recomputes the
// same figures with words for the explanation, only when one is asked for.
import { type ExplainValue, type IssuePath, ValidationError } from "../core/index.js";
import { type Dec, formatMoney } from "../money/index.js";
import { D } from "../money/decimal.js";
import type { MinorUnitAccumulator } from "./accumulators.js";
import { buyGetSplit } from "./buy-get.js";
import type { CoverageLayer, CoveragePlan } from "./layers.js";
import { type PatientAttributes, type ResolvedRate, resolveStratifiedRate } from "./stratified-rate.js";
import { maxUnits, minUnits, roundedProduct, unitsMoney, unitsText } from "./units.js";

/** The claim facts layers read. */
export interface LayerClaimFacts {
  readonly patient: (PatientAttributes & { readonly groups?: readonly string[] }) | undefined;
  readonly units: number | undefined;
  readonly cycle: number | undefined;
}

/** A layer's rule in words: the rate shown, the rule id, a phrase and the inputs used. */
export interface LayerRuleDescription {
  readonly rate: string;
  readonly rule: string;
  readonly how: string;
  readonly inputs: Record<string, ExplainValue>;
}

const PATIENT: IssuePath = ["patient"];

function pct(rate: Dec): string {
  return `${rate.times(100).toString()}%`;
}

function bestGroup(layer: CoverageLayer & { kind: "assistance" }, facts: LayerClaimFacts): { group: string; rate: ResolvedRate } | null {
  let best: { group: string; rate: ResolvedRate } | null = null;
  const groups = facts.patient?.groups;
  if (groups === undefined) return null;
  for (const g of groups) {
    const r = layer.groupRates.get(g);
    if (r !== undefined && (best === null || r.rate.greaterThan(best.rate.rate))) best = { group: g, rate: { rate: r.rate, fraction: r.fraction, trail: [`group ${g}`] } };
  }
  return best;
}

function needUnits(layer: CoverageLayer, facts: LayerClaimFacts, buy: number, get: number): number {
  if (facts.units === undefined) {
    throw new ValidationError([{ path: ["units"], code: "missing_units", message: `layer ${layer.id} gives buy-${buy}-get-${get}: the claim must say how many units were dispensed` }], "splitBill");
  }
  return facts.units;
}

function needCycle(layer: CoverageLayer, facts: LayerClaimFacts, paidCycles: number): number {
  if (facts.cycle === undefined) {
    throw new ValidationError([{ path: ["cycle"], code: "missing_cycle", message: `layer ${layer.id} gives the drug free after ${paidCycles} paid cycle(s): the claim must say which cycle it is` }], "splitBill");
  }
  return facts.cycle;
}

function progressiveNumerator(layer: CoverageLayer & { kind: "supplementary" }, pos: bigint, x: bigint): bigint {
  const L = layer.bandDen;
  const end = pos + x;
  let numer = 0n;
  for (const b of layer.bands!) {
    const lo = maxUnits(b.from, pos);
    const hi = b.to === null ? end : minUnits(b.to, end);
    if (hi > lo) numer += (hi - lo) * b.fraction.num * (L / b.fraction.den);
  }
  return numer;
}

/**
 * What a layer pays on `afterDed` (its eligible amount less the deductible applied),
 * rounded once, before its cap and the unpaid remainder limit it; and how far the
 * claim moves the layer's progressive-band position.
 */
export function layerPayment(layer: CoverageLayer, afterDed: bigint, acc: MinorUnitAccumulator, plan: CoveragePlan, facts: LayerClaimFacts): { raw: bigint; bandAdd: bigint } {
  const mode = plan.rounding;
  switch (layer.kind) {
    case "basic":
    case "commercial": {
      const f = layer.rate.type === "fixed" ? layer.rate.fraction : resolveStratifiedRate(layer.rate, facts.patient, PATIENT).fraction;
      return { raw: roundedProduct(afterDed, f.num, f.den, mode), bandAdd: 0n };
    }
    case "supplementary": {
      if (layer.bands !== null) return { raw: roundedProduct(progressiveNumerator(layer, acc.bandBase, afterDed), 1n, layer.bandDen, mode), bandAdd: afterDed };
      const rule = layer.rate!;
      const f = rule.type === "fixed" ? rule.fraction : resolveStratifiedRate(rule, facts.patient, PATIENT).fraction;
      return { raw: roundedProduct(afterDed, f.num, f.den, mode), bandAdd: 0n };
    }
    case "manufacturer": {
      const p = layer.program;
      if (p.type === "discount") return { raw: roundedProduct(afterDed, p.fraction.num, p.fraction.den, mode), bandAdd: 0n };
      if (p.type === "buyGet") {
        const units = needUnits(layer, facts, p.buy, p.get);
        if (units === 0) return { raw: 0n, bandAdd: 0n };
        const s = buyGetSplit(units, p.buy, p.get);
        return { raw: roundedProduct(afterDed, BigInt(s.free), BigInt(units), mode), bandAdd: 0n };
      }
      return { raw: needCycle(layer, facts, p.paidCycles) > p.paidCycles ? afterDed : 0n, bandAdd: 0n };
    }
    case "assistance": {
      const best = bestGroup(layer, facts);
      const f = best !== null ? best.rate.fraction : layer.rate !== null ? resolveStratifiedRate(layer.rate, facts.patient, PATIENT).fraction : null;
      return { raw: f === null ? 0n : roundedProduct(afterDed, f.num, f.den, mode), bandAdd: 0n };
    }
    case "pool":
      return { raw: roundedProduct(afterDed, layer.totalFraction.num, layer.totalFraction.den, mode), bandAdd: 0n };
  }
}

function rated(resolved: ResolvedRate, rule: string): LayerRuleDescription {
  return {
    rate: resolved.rate.toString(),
    rule,
    how: `${pct(resolved.rate)}${resolved.trail.length > 0 ? ` (${resolved.trail.join("; ")})` : ""}`,
    inputs: resolved.trail.length > 0 ? { rate: resolved.rate.toString(), chosenBy: [...resolved.trail] } : { rate: resolved.rate.toString() },
  };
}

/** The words for what {@link layerPayment} computed: rule id, rate, phrase and inputs. */
export function describeLayerRule(layer: CoverageLayer, afterDed: bigint, raw: bigint, acc: MinorUnitAccumulator, plan: CoveragePlan, facts: LayerClaimFacts): LayerRuleDescription {
  const fmt = (u: bigint): string => formatMoney(unitsMoney(u, plan.scale, plan.currency));
  switch (layer.kind) {
    case "basic":
    case "commercial":
      return rated(resolveStratifiedRate(layer.rate, facts.patient, PATIENT), `tiers.${layer.kind}.coinsurance`);
    case "supplementary": {
      if (layer.bands === null) return rated(resolveStratifiedRate(layer.rate!, facts.patient, PATIENT), "tiers.supplementary.rate");
      const pieces: string[] = [];
      const end = acc.bandBase + afterDed;
      for (const b of layer.bands) {
        const lo = maxUnits(b.from, acc.bandBase);
        const hi = b.to === null ? end : minUnits(b.to, end);
        if (hi > lo) pieces.push(`${pct(b.rate)} of ${fmt(hi - lo)}`);
      }
      return {
        rate: afterDed === 0n ? "0" : new D(raw.toString()).dividedBy(afterDed.toString()).toDecimalPlaces(6).toString(),
        rule: "tiers.supplementary.bands",
        how: `by progressive bands (${pieces.length > 0 ? pieces.join(" + ") : "nothing to pay on"}; the year's amount above the threshold stood at ${fmt(acc.bandBase)} before this claim)`,
        inputs: { bands: pieces, bandBaseBefore: unitsText(acc.bandBase, plan.scale) },
      };
    }
    case "manufacturer": {
      const p = layer.program;
      if (p.type === "discount") return rated({ rate: p.rate, fraction: p.fraction, trail: [] }, "tiers.manufacturer.discount");
      if (p.type === "buyGet") {
        const units = needUnits(layer, facts, p.buy, p.get);
        const s = buyGetSplit(units, p.buy, p.get);
        return {
          rate: units === 0 ? "0" : `${s.free}/${units}`,
          rule: "tiers.manufacturer.buyGet",
          how: `the free share ${s.free}/${units} (buy ${p.buy}, get ${p.get} free: ${s.paid} of ${units} units paid)`,
          inputs: { buy: p.buy, get: p.get, units, paidUnits: s.paid, freeUnits: s.free },
        };
      }
      const cycle = needCycle(layer, facts, p.paidCycles);
      const free = cycle > p.paidCycles;
      return {
        rate: free ? "1" : "0",
        rule: "tiers.manufacturer.freeAfterCycles",
        how: `${free ? "100%" : "0%"} (cycle ${cycle}; the drug is free from cycle ${p.paidCycles + 1})`,
        inputs: { cycle, paidCycles: p.paidCycles },
      };
    }
    case "assistance": {
      const best = bestGroup(layer, facts);
      if (best !== null) return rated(best.rate, "tiers.assistance.group");
      if (layer.rate !== null) return rated(resolveStratifiedRate(layer.rate, facts.patient, PATIENT), "tiers.assistance.rate");
      return {
        rate: "0",
        rule: "tiers.assistance.notEligible",
        how: `0%: the patient is in none of the eligible groups (${[...layer.groupRates.keys()].join(", ")})`,
        inputs: { eligibleGroups: [...layer.groupRates.keys()], patientGroups: [...(facts.patient?.groups ?? [])] },
      };
    }
    case "pool":
      return {
        rate: layer.total.toString(),
        rule: "tiers.pool.shares",
        how: `${pct(layer.total)} in fixed shares (${layer.funders.map((f) => `${f.name} ${pct(f.share)}`).join(", ")})`,
        inputs: { shares: layer.funders.map((f) => ({ funder: f.id, share: f.share.toString() })) },
      };
  }
}
