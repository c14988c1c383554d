// The waterfall in minor units: shared by splitBill (JSON in, explained Money out)
// and splitBillMinorUnits (the bulk path: bigint in, bigint out, nothing else).
// An itemised claim runs the waterfall line by line, carrying the accumulators.
import { DomainError, type IssuePath, ValidationError } from "../core/index.js";
import { invalid } from "../kernel/index.js";
import type { CategoryTerms, UnitLine } from "./categories.js";
import { type CoveragePlan, isCoveragePlan, planLayerSteps } from "./layers.js";
import type { LayerClaimFacts, LayerVariant, MinorUnitAccumulator, MinorUnitFamilyAccumulator } from "./layers/kind.js";
import { PATIENT_PATH, payAtRate } from "./layers/common.js";
import type { CoverageLayer } from "./layers/registry.js";
import { tighter } from "./limits.js";
import { checkPatient } from "./stratified-rate.js";
import { maxUnits, minUnits, roundedProduct, unitsText } from "../money/minor-units.js";
import { matchesVariant } from "./variants.js";

/**
 * What limited a layer's payment below what its rule gives.
 *
 * @category Bulk Path
 */
export type LayerLimitedBy = "subLimit" | "cap" | "lifetimeCap" | "remaining" | null;

/** What happened in one layer (on one line of an itemised claim), in minor units. */
export interface LayerOutcome {
  /** The layer as it applied to this patient (a variant's terms, or the layer's own). */
  readonly layer: CoverageLayer;
  readonly variant: LayerVariant | null;
  readonly line: UnitLine | null;
  /** The layer's terms for the line's category (null: none, or the layer has no categories). */
  readonly terms: CategoryTerms | null;
  /** Why the layer pays nothing on the line's category, if so. */
  readonly excluded: "notListed" | "notCovered" | null;
  readonly base: bigint;
  readonly eligible: bigint;
  /** First self-pay share (乙类先行自付) kept out of the eligible amount. */
  readonly firstSelfPay: bigint;
  readonly deductibleApplied: bigint;
  /** Which deductible bound what was absorbed: the person's or the family's. */
  readonly deductibleBy: "individual" | "family";
  readonly afterDeductible: bigint;
  /** rate × (eligible − deductible), rounded, before the out-of-pocket maximum and the limits. */
  readonly raw: bigint;
  /** The out-of-pocket maximum that raised the payment (the patient's cost-sharing stopped there). */
  readonly oopReached: "individual" | "family" | null;
  /** The payment after the out-of-pocket maximum, before sub-limit, caps and remainder. */
  readonly afterOutOfPocket: bigint;
  readonly pay: bigint;
  readonly limitedBy: LayerLimitedBy;
  readonly before: MinorUnitAccumulator;
  readonly familyBefore: MinorUnitFamilyAccumulator | null;
}

/**
 * Runs the layers in order on one bill (or one line). `state` (and `family`, for a claim
 * under family cover) hold the accumulators before and are replaced layer by layer.
 * With `pays`, the bulk path: only the amounts are pushed, in layer order, and no
 * outcome records are made.
 */
export function runWaterfall(
  plan: CoveragePlan,
  bill: bigint,
  catalogue: bigint,
  facts: LayerClaimFacts,
  state: MinorUnitAccumulator[],
  family: MinorUnitFamilyAccumulator[] | null = null,
  line: UnitLine | null = null,
  pays: bigint[] | null = null,
): { outcomes: LayerOutcome[]; covered: bigint } {
  let remaining = bill;
  const outcomes: LayerOutcome[] = pays === null ? [] : NO_OUTCOMES;
  const steps = planLayerSteps(plan);
  const rounding = plan.rounding;
  for (let i = 0; i < steps.length; i++) {
    const own = steps[i]!;
    let s = own;
    let variant: LayerVariant | null = null;
    if (own.variants !== null) {
      // The first variant whose rule matches the patient applies.
      for (const v of own.variants) {
        if (matchesVariant(v.when, facts.patient, PATIENT_PATH)) {
          s = v.step;
          variant = v.variant;
          break;
        }
      }
    }
    const acc = state[i]!;
    const lim = s.limits;
    const fam = family === null ? null : family[i]!;
    const base = s.total ? bill : remaining;
    let eligible = s.covers === "all" ? base : s.covers === "catalogue" ? minUnits(base, catalogue) : minUnits(base, bill - catalogue);
    let terms: CategoryTerms | null = null;
    let excluded: LayerOutcome["excluded"] = null;
    let firstSelfPay = 0n;
    if (s.categories !== null) {
      if (line === null) throw new ValidationError([{ path: ["lines"], code: "missing_lines", message: `layer ${s.layer.id} sets terms per item category: the claim lists its lines` }], "splitBill");
      terms = s.categories.get(line.category) ?? null;
      if (terms === null || !terms.covered) {
        excluded = terms === null ? "notListed" : "notCovered";
        eligible = 0n;
      } else if (line.catalogueClass !== null) {
        const share = terms.firstSelfPay.get(line.catalogueClass);
        if (share !== undefined) {
          firstSelfPay = roundedProduct(eligible, share.fraction.num, share.fraction.den, rounding);
          eligible -= firstSelfPay;
        }
      }
    }
    let deductibleRoom = s.deductible - acc.met;
    let deductibleBy: LayerOutcome["deductibleBy"] = "individual";
    if (fam !== null && lim !== null && lim.familyDeductible !== null) {
      const familyRoom = lim.familyDeductible - fam.met;
      if (lim.familyDesign === "aggregate" || familyRoom < deductibleRoom) {
        deductibleRoom = familyRoom;
        deductibleBy = "family";
      }
    }
    const deductibleApplied = deductibleRoom <= 0n ? 0n : deductibleRoom < eligible ? deductibleRoom : eligible;
    const afterDeductible = eligible - deductibleApplied;
    // A category's own rate replaces the layer's; a layer that pays a rate rule needs no call into its kind
    // (the rule's own entry gives the fraction: a fixed rate at once, a table by walking it).
    const rule = terms !== null && terms.rate !== null ? terms.rate : s.rate;
    const raw = rule !== null ? payAtRate(rule, afterDeductible, plan, facts) : s.kind.pay!(s.layer, afterDeductible, acc, plan, facts);
    const bandAdd = s.tracksBands ? afterDeductible : 0n;
    let pay = raw;
    let oopReached: LayerOutcome["oopReached"] = null;
    let share = 0n;
    if (lim !== null && (lim.oopIndividual !== null || lim.oopFamily !== null)) {
      const familyOop = fam !== null && lim.oopFamily !== null;
      let room: { room: bigint; by: "individual" | "family" } | null = null;
      if (lim.oopIndividual !== null && !(familyOop && lim.familyDesign === "aggregate")) room = { room: lim.oopIndividual - (acc.oop ?? 0n), by: "individual" };
      if (familyOop) room = tighter(room, { room: lim.oopFamily! - fam.oop, by: "family" });
      if (room !== null) {
        const left = maxUnits(room.room, 0n);
        if (eligible - pay > left) {
          pay = eligible - left;
          oopReached = room.by;
        }
      }
      share = eligible - pay;
    }
    const afterOutOfPocket = pay;
    let limitedBy: LayerLimitedBy = null;
    if (terms !== null && terms.subLimit !== null) {
      const left = maxUnits(terms.subLimit - (acc.sub?.get(terms.category) ?? 0n), 0n);
      if (pay > left) {
        pay = left;
        limitedBy = "subLimit";
      }
    }
    const cap = s.cap;
    if (cap !== null && pay > cap - acc.paid) {
      pay = maxUnits(cap - acc.paid, 0n);
      limitedBy = "cap";
    }
    if (lim !== null && lim.lifetimeCap !== null) {
      const left = maxUnits(lim.lifetimeCap - (acc.lifetime ?? 0n), 0n);
      if (pay > left) {
        pay = left;
        limitedBy = "lifetimeCap";
      }
    }
    if (pay > remaining) {
      pay = remaining;
      limitedBy = "remaining";
    }
    remaining -= pay;
    if (lim === null && terms === null && acc.oop === undefined && acc.lifetime === undefined && acc.sub === undefined) {
      state[i] = { met: acc.met + deductibleApplied, paid: acc.paid + pay, bandBase: acc.bandBase + bandAdd };
    } else {
      // A person's figures never pass the person's own limits, even where the family's bound (aggregate design).
      const next: MinorUnitAccumulator = { met: acc.met + minUnits(deductibleApplied, maxUnits(s.deductible - acc.met, 0n)), paid: acc.paid + pay, bandBase: acc.bandBase + bandAdd };
      if (acc.oop !== undefined || (lim !== null && (lim.oopIndividual !== null || lim.oopFamily !== null))) {
        const oop = (acc.oop ?? 0n) + share;
        next.oop = lim !== null && lim.oopIndividual !== null ? minUnits(oop, maxUnits(lim.oopIndividual, acc.oop ?? 0n)) : oop;
      }
      if (acc.lifetime !== undefined || (lim !== null && lim.lifetimeCap !== null)) next.lifetime = (acc.lifetime ?? 0n) + pay;
      if (terms !== null && terms.subLimit !== null) {
        const sub = new Map(acc.sub ?? []);
        sub.set(terms.category, (sub.get(terms.category) ?? 0n) + pay);
        next.sub = sub;
      } else if (acc.sub !== undefined) next.sub = acc.sub;
      state[i] = next;
    }
    if (fam !== null && lim !== null) {
      family![i] = {
        met: lim.familyDeductible === null ? fam.met : fam.met + deductibleApplied,
        oop: lim.oopFamily === null ? fam.oop : fam.oop + share,
      };
    }
    if (pays !== null) pays.push(pay);
    else {
      const layer = s.layer;
      outcomes.push({ layer, variant, line, terms, excluded, base, eligible, firstSelfPay, deductibleApplied, deductibleBy, afterDeductible, raw, oopReached, afterOutOfPocket, pay, limitedBy, before: acc, familyBefore: fam });
    }
  }
  return { outcomes, covered: bill - remaining };
}

// The bulk path makes no outcome records: one shared empty list stands for them.
const NO_OUTCOMES: LayerOutcome[] = Object.freeze([]) as unknown as LayerOutcome[];

/** One line's settlement: its outcomes per layer and what the layers covered. */
export interface LineSettlement {
  readonly line: UnitLine | null;
  readonly bill: bigint;
  readonly catalogue: bigint;
  readonly outcomes: readonly LayerOutcome[];
  readonly covered: bigint;
}

/** Checks an itemised claim's lines against the plan: every category must be defined by some layer. */
export function checkLineCategories(plan: CoveragePlan, lines: readonly UnitLine[], path: IssuePath): void {
  lines.forEach((l, i) => {
    if (!plan.categories.includes(l.category)) {
      throw new DomainError(
        "UNKNOWN_KEY",
        plan.categories.length === 0
          ? `line category ${JSON.stringify(l.category)}: no layer of the plan sets terms per category`
          : `line category ${JSON.stringify(l.category)} is defined by no layer of the plan (known: ${plan.categories.join(", ")})`,
        { path: [...path, i, "category"], details: { category: l.category, known: [...plan.categories] } },
      );
    }
  });
}

/** Runs a whole claim: the bill as one piece, or its lines one after the other. */
export function settleLines(
  plan: CoveragePlan,
  bill: bigint,
  catalogue: bigint,
  lines: readonly UnitLine[] | null,
  facts: LayerClaimFacts,
  state: MinorUnitAccumulator[],
  family: MinorUnitFamilyAccumulator[] | null,
): { pieces: LineSettlement[]; covered: bigint } {
  if (lines === null) {
    const { outcomes, covered } = runWaterfall(plan, bill, catalogue, facts, state, family, null);
    return { pieces: [{ line: null, bill, catalogue, outcomes, covered }], covered };
  }
  const pieces: LineSettlement[] = [];
  let covered = 0n;
  for (const line of lines) {
    const cat = line.catalogueClass === "C" ? 0n : line.amount;
    const r = runWaterfall(plan, line.amount, cat, facts, state, family, line);
    pieces.push({ line, bill: line.amount, catalogue: cat, outcomes: r.outcomes, covered: r.covered });
    covered += r.covered;
  }
  return { pieces, covered };
}

/**
 * A line of an itemised claim for {@link splitBillMinorUnits}.
 *
 * @category Bulk Path
 */
export interface MinorUnitLine {
  readonly id?: string;
  readonly category: string;
  readonly catalogueClass?: "A" | "B" | "C";
  /** The line's amount in minor units, ≥ 0. */
  readonly amount: bigint;
}

/**
 * A claim for {@link splitBillMinorUnits}: amounts as bigint minor units (fen, cents).
 *
 * @category Bulk Path
 */
export interface MinorUnitClaim {
  /** The bill in minor units, ≥ 0 (with `lines`: their sum, or absent). */
  readonly bill?: bigint;
  /** The catalogue-eligible part in minor units; defaults to the whole bill (not with `lines`). */
  readonly catalogue?: bigint;
  /** The bill's lines by category, settled one after the other. */
  readonly lines?: readonly MinorUnitLine[];
  readonly patient?: LayerClaimFacts["patient"];
  readonly units?: number;
  readonly cycle?: number;
  /** Accumulators before the claim, one per plan layer in plan order; zeros when absent. */
  readonly accumulators?: readonly MinorUnitAccumulator[];
  /** For a claim under family cover: the family's accumulators, one per plan layer (zeros to start the year). */
  readonly familyAccumulators?: readonly MinorUnitFamilyAccumulator[];
}

/**
 * Result of {@link splitBillMinorUnits}: one amount per layer in plan order, the patient's share, the accumulators after.
 *
 * @category Bulk Path
 */
export interface MinorUnitSplit {
  readonly layers: readonly bigint[];
  readonly patient: bigint;
  readonly accumulators: readonly MinorUnitAccumulator[];
  /** Per line (itemised claims only): one amount per layer and the patient's part of the line. */
  readonly lines?: readonly { readonly layers: readonly bigint[]; readonly patient: bigint }[];
  /** The family's accumulators after the claim (family claims only). */
  readonly familyAccumulators?: readonly MinorUnitFamilyAccumulator[];
}

/** The largest deductible and cap a layer can have for anyone (its own terms or a variant's); null cap = some variant is uncapped. */
export function widestTerms(layer: CoverageLayer): { deductible: bigint; cap: bigint | null } {
  let deductible = layer.deductible;
  let cap = layer.cap;
  for (const v of layer.variants ?? []) {
    if (v.layer.deductible > deductible) deductible = v.layer.deductible;
    cap = cap === null || v.layer.cap === null ? null : maxUnits(cap, v.layer.cap);
  }
  return { deductible, cap };
}

/** A path under `at` (built only when an error is raised). */
function under(at: IssuePath, ...rest: (string | number)[]): IssuePath {
  return at.length === 0 ? rest : [...at, ...rest];
}

function isUnits(v: unknown): v is bigint {
  return typeof v === "bigint" && v >= 0n;
}

/**
 * Input of {@link splitBillMinorUnits}: the parsed plan and the claim.
 *
 * @category Bulk Path
 */
export interface SplitBillMinorUnitsInput {
  readonly plan: CoveragePlan;
  readonly claim: MinorUnitClaim;
}

/**
 * The bulk path of {@link splitBill}: the same waterfall, to the same minor unit, on
 * a parsed plan and bigint amounts, with no Money values, sentences or steps. For
 * settling cohorts (a million claims) where the explained form of each claim is not
 * needed; run {@link splitBill} on any claim that is disputed to get its explanation.
 * Inputs are checked by hand (no schema pass) but still raise typed errors with paths.
 * Takes `{ plan, claim }` (the older positional form `(plan, claim)` still works).
 *
 * @param input - The parsed plan and the claim in bigint minor units.
 * @param input.plan - A plan from `parseLayers`.
 * @param input.claim - The bill or its lines, the patient, and the accumulators before the claim.
 * @throws {ValidationError} when the plan was not made by `parseLayers` or a claim field has the wrong form (the path is named, e.g. `claim.bill`).
 * @throws {DomainError} INCONSISTENT_INPUT when the lines do not add up to the bill, the catalogue part exceeds it, or an accumulator exceeds its limit; UNKNOWN_KEY for a line category no layer defines.
 * @example
 * ```ts
 * const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", deductible: "750", rate: 0.75 }] });
 * splitBillMinorUnits({ plan: plan, claim: { bill: 10_000_000n } }); // { layers: [7443750n], patient: 2556250n, ... }
 * ```
 * @category Bulk Path
 */
export function splitBillMinorUnits(input: SplitBillMinorUnitsInput): MinorUnitSplit;
/**
 * The older positional form of {@link splitBillMinorUnits}.
 *
 * @deprecated pass `{ plan, claim }`.
 * @example
 * ```ts
 * declare const plan: ReturnType<typeof parseLayers>;
 * splitBillMinorUnits(plan, { bill: 10_000_000n }); // same as splitBillMinorUnits({ plan, claim: { bill: 10_000_000n } })
 * ```
 */
export function splitBillMinorUnits(plan: CoveragePlan, claim: MinorUnitClaim): MinorUnitSplit;
/**
 * Both forms: `{ plan, claim }`, or `(plan, claim)`.
 *
 * @example
 * ```ts
 * declare const plan: ReturnType<typeof parseLayers>;
 * splitBillMinorUnits({ plan: plan, claim: { lines: [{ category: "drug", amount: 500_000n }] } });
 * ```
 */
export function splitBillMinorUnits(first: SplitBillMinorUnitsInput | CoveragePlan, second?: MinorUnitClaim): MinorUnitSplit {
  let plan: CoveragePlan;
  let claim: MinorUnitClaim;
  let at: IssuePath = [];
  if (isCoveragePlan(first)) {
    plan = first;
    claim = second as MinorUnitClaim;
  } else {
    if (first === null || typeof first !== "object") throw invalid([], "expected { plan, claim }", "invalid_type");
    const x = first as SplitBillMinorUnitsInput;
    if (!isCoveragePlan(x.plan)) throw invalid(["plan"], "expected a plan made by parseLayers", "invalid_plan");
    plan = x.plan;
    claim = x.claim;
    at = ["claim"];
  }
  if (claim === null || typeof claim !== "object") throw invalid(at.length > 0 ? at : ["claim"], "expected a claim { bill, catalogue?, patient?, accumulators? }", "invalid_type");
  checkPatient(claim.patient, under(at, "patient"));
  if (claim.units !== undefined && !(Number.isSafeInteger(claim.units) && claim.units >= 0)) throw invalid(under(at, "units"), "units are a whole number ≥ 0", "invalid_units");
  if (claim.cycle !== undefined && !(Number.isSafeInteger(claim.cycle) && claim.cycle >= 1)) throw invalid(under(at, "cycle"), "the cycle is a whole number ≥ 1", "invalid_cycle");
  let lines: UnitLine[] | null = null;
  let bill = claim.bill;
  if (claim.lines !== undefined) {
    if (!Array.isArray(claim.lines)) throw invalid(under(at, "lines"), "expected a list of lines { category, catalogueClass?, amount }", "invalid_type");
    if (claim.catalogue !== undefined) throw invalid(under(at, "catalogue"), "an itemised claim takes its catalogue part from the lines' classes: give lines or a catalogue amount, not both", "conflict");
    let sum = 0n;
    lines = Array.from(claim.lines, (l: MinorUnitLine, i): UnitLine => {
      if (l === null || typeof l !== "object" || typeof l.category !== "string" || l.category === "") throw invalid(under(at, "lines", i, "category"), "a line names its category", "invalid_type");
      if (!isUnits(l.amount)) throw invalid(under(at, "lines", i, "amount"), "a line's amount is a bigint count of minor units ≥ 0", "invalid_amount");
      if (l.catalogueClass !== undefined && l.catalogueClass !== "A" && l.catalogueClass !== "B" && l.catalogueClass !== "C") throw invalid(under(at, "lines", i, "catalogueClass"), "the catalogue class is A, B or C", "invalid_value");
      if (l.id !== undefined && (typeof l.id !== "string" || l.id === "")) throw invalid(under(at, "lines", i, "id"), "a line id is non-empty text", "invalid_type");
      sum += l.amount;
      return { id: l.id ?? `line-${i + 1}`, category: l.category, catalogueClass: l.catalogueClass ?? null, amount: l.amount };
    });
    if (bill === undefined) bill = sum;
    else if (!isUnits(bill)) throw invalid(under(at, "bill"), "the bill is a bigint count of minor units ≥ 0", "invalid_amount");
    else if (bill !== sum) throw new DomainError("INCONSISTENT_INPUT", `the bill ${unitsText(bill, plan.scale)} is not the sum of its lines ${unitsText(sum, plan.scale)}`, { path: under(at, "bill") });
    checkLineCategories(plan, lines, under(at, "lines"));
  }
  if (!isUnits(bill)) throw invalid(under(at, "bill"), "the bill is a bigint count of minor units ≥ 0", "invalid_amount");
  const catalogue = claim.catalogue ?? bill;
  if (!isUnits(catalogue)) throw invalid(under(at, "catalogue"), "the catalogue amount is a bigint count of minor units ≥ 0", "invalid_amount");
  if (catalogue > bill) {
    throw new DomainError("INCONSISTENT_INPUT", `the catalogue-eligible amount ${unitsText(catalogue, plan.scale)} exceeds the bill ${unitsText(bill, plan.scale)}`, { path: under(at, "catalogue") });
  }
  const layers = plan.layers;
  let state: MinorUnitAccumulator[];
  if (claim.accumulators === undefined) state = layers.map(() => ({ met: 0n, paid: 0n, bandBase: 0n }));
  else {
    if (!Array.isArray(claim.accumulators)) throw invalid(under(at, "accumulators"), "expected one accumulator per layer", "invalid_type");
    if (claim.accumulators.length !== layers.length) throw invalid(under(at, "accumulators"), `expected one accumulator per layer (${layers.length}), got ${claim.accumulators.length}`, "invalid_length");
    state = Array.from(claim.accumulators, (a: MinorUnitAccumulator, i) => {
      const layer = layers[i]!;
      if (a === null || typeof a !== "object" || typeof a.met !== "bigint" || typeof a.paid !== "bigint" || typeof a.bandBase !== "bigint") {
        throw invalid(under(at, "accumulators", i), "an accumulator is { met, paid, bandBase } in bigint minor units", "invalid_type");
      }
      if (a.met < 0n || a.paid < 0n || a.bandBase < 0n) throw invalid(under(at, "accumulators", i), "accumulators are ≥ 0", "too_small");
      const widest = widestTerms(layer);
      if (a.met > widest.deductible) throw new DomainError("INCONSISTENT_INPUT", "deductible met exceeds the layer's annual deductible", { path: under(at, "accumulators", i, "met") });
      if (widest.cap !== null && a.paid > widest.cap) throw new DomainError("INCONSISTENT_INPUT", "paid exceeds the layer's annual cap", { path: under(at, "accumulators", i, "paid") });
      if (a.oop !== undefined && !isUnits(a.oop)) throw invalid(under(at, "accumulators", i, "oop"), "out-of-pocket is a bigint count of minor units ≥ 0", "invalid_amount");
      if (a.lifetime !== undefined && !isUnits(a.lifetime)) throw invalid(under(at, "accumulators", i, "lifetime"), "lifetime paid is a bigint count of minor units ≥ 0", "invalid_amount");
      const lim = layer.limits;
      if (a.oop !== undefined && lim?.oopIndividual != null && a.oop > lim.oopIndividual) throw new DomainError("INCONSISTENT_INPUT", "out-of-pocket exceeds the layer's individual maximum", { path: under(at, "accumulators", i, "oop") });
      if (a.lifetime !== undefined && lim?.lifetimeCap != null && a.lifetime > lim.lifetimeCap) throw new DomainError("INCONSISTENT_INPUT", "lifetime paid exceeds the layer's lifetime cap", { path: under(at, "accumulators", i, "lifetime") });
      if (a.sub !== undefined) {
        if (!(a.sub instanceof Map)) throw invalid(under(at, "accumulators", i, "sub"), "sub-limit use is a Map from category to bigint minor units", "invalid_type");
        for (const [c, v] of a.sub) {
          const t = layer.categories?.get(c);
          if (t === undefined) throw new DomainError("UNKNOWN_KEY", `the accumulator names category ${JSON.stringify(c)}, which the layer does not define`, { path: under(at, "accumulators", i, "sub", c) });
          if (!isUnits(v)) throw invalid(under(at, "accumulators", i, "sub", c), "sub-limit use is a bigint count of minor units ≥ 0", "invalid_amount");
          if (t.subLimit !== null && v > t.subLimit) throw new DomainError("INCONSISTENT_INPUT", "sub-limit use exceeds the category's sub-limit", { path: under(at, "accumulators", i, "sub", c) });
        }
      }
      return a;
    });
  }
  let family: MinorUnitFamilyAccumulator[] | null = null;
  if (claim.familyAccumulators !== undefined) {
    if (!Array.isArray(claim.familyAccumulators) || claim.familyAccumulators.length !== layers.length) {
      throw invalid(under(at, "familyAccumulators"), `expected one family accumulator per layer (${layers.length})`, "invalid_length");
    }
    family = Array.from(claim.familyAccumulators, (a: MinorUnitFamilyAccumulator, i) => {
      if (a === null || typeof a !== "object" || !isUnits(a.met) || !isUnits(a.oop)) throw invalid(under(at, "familyAccumulators", i), "a family accumulator is { met, oop } in bigint minor units ≥ 0", "invalid_type");
      const lim = layers[i]!.limits;
      if (lim?.familyDeductible != null && a.met > lim.familyDeductible) throw new DomainError("INCONSISTENT_INPUT", "family deductible met exceeds the layer's family deductible", { path: under(at, "familyAccumulators", i, "met") });
      if (lim?.oopFamily != null && a.oop > lim.oopFamily) throw new DomainError("INCONSISTENT_INPUT", "family out-of-pocket exceeds the layer's family maximum", { path: under(at, "familyAccumulators", i, "oop") });
      return { met: a.met, oop: a.oop };
    });
  }
  const facts: LayerClaimFacts = { patient: claim.patient, units: claim.units, cycle: claim.cycle };
  if (lines === null) {
    const amounts: bigint[] = [];
    const { covered } = runWaterfall(plan, bill, catalogue, facts, state, family, null, amounts);
    return family === null ? { layers: amounts, patient: bill - covered, accumulators: state } : { layers: amounts, patient: bill - covered, accumulators: state, familyAccumulators: family };
  }
  const totals = layers.map(() => 0n);
  let covered = 0n;
  const perLine = lines.map((line) => {
    const amounts: bigint[] = [];
    const r = runWaterfall(plan, line.amount, line.catalogueClass === "C" ? 0n : line.amount, facts, state, family, line, amounts);
    covered += r.covered;
    for (let k = 0; k < amounts.length; k++) totals[k]! += amounts[k]!;
    return { layers: amounts, patient: line.amount - r.covered };
  });
  return { layers: totals, patient: bill - covered, accumulators: state, lines: perLine, ...(family === null ? {} : { familyAccumulators: family }) };
}
