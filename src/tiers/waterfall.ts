// The waterfall in minor units: shared by splitBill (JSON in, explained Money out)
// and splitBillMinorUnits (the bulk path: bigint in, bigint out, nothing else).
import { DomainError, invalid } from "../core/index.js";
import type { MinorUnitAccumulator } from "./accumulators.js";
import { type CoveragePlan, isCoveragePlan } from "./layers.js";
import type { LayerClaimFacts } from "./layers/kind.js";
import { layerKindOf } from "./layers/registry.js";
import { checkPatient } from "./stratified-rate.js";
import { minUnits, unitsText } from "./units.js";

/** What happened in one layer, in minor units. */
export interface LayerOutcome {
  readonly base: bigint;
  readonly eligible: bigint;
  readonly deductibleApplied: bigint;
  readonly afterDeductible: bigint;
  /** rate × (eligible − deductible), rounded, before the cap and the remainder. */
  readonly raw: bigint;
  readonly pay: bigint;
  readonly limitedBy: "cap" | "remaining" | null;
  readonly before: MinorUnitAccumulator;
}

/** Runs the layers in order. `state` holds the accumulators before the claim and is replaced layer by layer. */
export function runWaterfall(
  plan: CoveragePlan,
  bill: bigint,
  catalogue: bigint,
  facts: LayerClaimFacts,
  state: MinorUnitAccumulator[],
): { outcomes: LayerOutcome[]; covered: bigint } {
  let remaining = bill;
  const outcomes: LayerOutcome[] = [];
  const layers = plan.layers;
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[i]!;
    const acc = state[i]!;
    const base = layer.basis === "total" ? bill : remaining;
    const eligible = layer.covers === "all" ? base : layer.covers === "catalogue" ? minUnits(base, catalogue) : minUnits(base, bill - catalogue);
    const deductibleApplied = minUnits(layer.deductible - acc.met, eligible);
    const afterDeductible = eligible - deductibleApplied;
    const { raw, bandAdd } = layerKindOf(layer).pay(layer, afterDeductible, acc, plan, facts);
    let pay = raw;
    let limitedBy: LayerOutcome["limitedBy"] = null;
    if (layer.cap !== null && pay > layer.cap - acc.paid) {
      pay = layer.cap - acc.paid;
      limitedBy = "cap";
    }
    if (pay > remaining) {
      pay = remaining;
      limitedBy = "remaining";
    }
    remaining -= pay;
    state[i] = { met: acc.met + deductibleApplied, paid: acc.paid + pay, bandBase: acc.bandBase + bandAdd };
    outcomes.push({ base, eligible, deductibleApplied, afterDeductible, raw, pay, limitedBy, before: acc });
  }
  return { outcomes, covered: bill - remaining };
}

/** A claim for {@link splitBillMinorUnits}: amounts as bigint minor units (fen, cents). */
export interface MinorUnitClaim {
  /** The bill in minor units, ≥ 0. */
  readonly bill: bigint;
  /** The catalogue-eligible part in minor units; defaults to the whole bill. */
  readonly catalogue?: bigint;
  readonly patient?: LayerClaimFacts["patient"];
  readonly units?: number;
  readonly cycle?: number;
  /** Accumulators before the claim, one per plan layer in plan order; zeros when absent. */
  readonly accumulators?: readonly MinorUnitAccumulator[];
}

/** Result of {@link splitBillMinorUnits}: one amount per layer in plan order, the patient's share, the accumulators after. */
export interface MinorUnitSplit {
  readonly layers: readonly bigint[];
  readonly patient: bigint;
  readonly accumulators: readonly MinorUnitAccumulator[];
}

/**
 * The bulk path of {@link splitBill}: the same waterfall, to the same minor unit, on
 * a parsed plan and bigint amounts, with no Money values, sentences or steps. For
 * settling cohorts (a million claims) where the explained form of each claim is not
 * needed; run {@link splitBill} on any claim that is disputed to get its explanation.
 * Inputs are checked by hand (no schema pass) but still raise typed errors with paths.
 *
 * @example
 * ```ts
 * const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", deductible: "750", rate: 0.75 }] });
 * splitBillMinorUnits(plan, { bill: 10_000_000n }); // { layers: [7443750n], patient: 2556250n, ... }
 * ```
 */
export function splitBillMinorUnits(plan: CoveragePlan, claim: MinorUnitClaim): MinorUnitSplit {
  if (!isCoveragePlan(plan)) throw invalid(["plan"], "expected a plan made by parseLayers", "invalid_plan");
  if (claim === null || typeof claim !== "object") throw invalid(["claim"], "expected a claim { bill, catalogue?, patient?, accumulators? }", "invalid_type");
  checkPatient(claim.patient, ["patient"]);
  if (claim.units !== undefined && !(Number.isSafeInteger(claim.units) && claim.units >= 0)) throw invalid(["units"], "units are a whole number ≥ 0", "invalid_units");
  if (claim.cycle !== undefined && !(Number.isSafeInteger(claim.cycle) && claim.cycle >= 1)) throw invalid(["cycle"], "the cycle is a whole number ≥ 1", "invalid_cycle");
  const bill = claim.bill;
  if (typeof bill !== "bigint" || bill < 0n) throw invalid(["bill"], "the bill is a bigint count of minor units ≥ 0", "invalid_amount");
  const catalogue = claim.catalogue ?? bill;
  if (typeof catalogue !== "bigint" || catalogue < 0n) throw invalid(["catalogue"], "the catalogue amount is a bigint count of minor units ≥ 0", "invalid_amount");
  if (catalogue > bill) {
    throw new DomainError("INCONSISTENT_INPUT", `the catalogue-eligible amount ${unitsText(catalogue, plan.scale)} exceeds the bill ${unitsText(bill, plan.scale)}`, { path: ["catalogue"] });
  }
  const layers = plan.layers;
  let state: MinorUnitAccumulator[];
  if (claim.accumulators === undefined) state = layers.map(() => ({ met: 0n, paid: 0n, bandBase: 0n }));
  else {
    if (!Array.isArray(claim.accumulators)) throw invalid(["accumulators"], "expected one accumulator per layer", "invalid_type");
    if (claim.accumulators.length !== layers.length) throw invalid(["accumulators"], `expected one accumulator per layer (${layers.length}), got ${claim.accumulators.length}`, "invalid_length");
    state = Array.from(claim.accumulators, (a: MinorUnitAccumulator, i) => {
      const layer = layers[i]!;
      if (a === null || typeof a !== "object" || typeof a.met !== "bigint" || typeof a.paid !== "bigint" || typeof a.bandBase !== "bigint") {
        throw invalid(["accumulators", i], "an accumulator is { met, paid, bandBase } in bigint minor units", "invalid_type");
      }
      if (a.met < 0n || a.paid < 0n || a.bandBase < 0n) throw invalid(["accumulators", i], "accumulators are ≥ 0", "too_small");
      if (a.met > layer.deductible) throw new DomainError("INCONSISTENT_INPUT", "deductible met exceeds the layer's annual deductible", { path: ["accumulators", i, "met"] });
      if (layer.cap !== null && a.paid > layer.cap) throw new DomainError("INCONSISTENT_INPUT", "paid exceeds the layer's annual cap", { path: ["accumulators", i, "paid"] });
      return a;
    });
  }
  const { outcomes, covered } = runWaterfall(plan, bill, catalogue, { patient: claim.patient, units: claim.units, cycle: claim.cycle }, state);
  return { layers: outcomes.map((o) => o.pay), patient: bill - covered, accumulators: state };
}
