// One claim coordinated across all the plans covering a person: the order of benefits
// (NAIC rules), each plan's normal benefit (its own waterfall, run as if it were the only
// plan), the primary paying that, each later plan paying by its secondary method, the
// plans' accumulators (a secondary credits to its deductible what it would have credited
// alone, and counts toward its caps only what it paid) and an optional benefit reserve.
// Money moves in bigint minor units; Money values are made only for the result.
import * as z from "zod";
import { currencyCodeSchema, DomainError, type Explanation, type IssuePath, nonNegativeAmountSchema, parseInput, roundingSchema, type Step, step, ValidationError } from "../../core/index.js";
import { invalid } from "../../kernel/index.js";
import { allocateUnits, formatMoney, type Money } from "../../money/index.js";
import { D } from "../../money/decimal.js";
import { userRecord } from "../../core/schemas.js";
import { type AnnualAccumulators, type AnnualAccumulatorsInput, annualAccumulatorsSchema, type FamilyAccumulators, familyAccumulatorsSchema, type LayerAccumulator } from "../accumulators.js";
import { billLineSchema } from "../categories.js";
import { type CoveragePlan, type CoveragePlanInput, isCoveragePlan, parseLayers } from "../layers.js";
import { splitBill, type SplitBillResult } from "../split-bill.js";
import { scaleOf, toUnits, unitsText } from "../../money/minor-units.js";
import { unitsMoney } from "../../money/money-units.js";
import { orderSteps, rankPlans } from "./benefit-order.js";
import { type BenefitReserve, benefitReserveSchema, readReserve, writeReserve } from "./benefit-reserve.js";
import { coveredPersonSchema, planCoverageSchema } from "./coverage.js";
import type { SecondaryFacts } from "./methods/method.js";
import { SECONDARY_METHODS, type SecondaryMethodKind, secondaryMethodSchema } from "./methods/registry.js";
import { kebab } from "../rule-ids.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const claimPlanSchema = lazySchema(() => z
  .strictObject({
    /** How the plan covers the person (its id is the plan's id in results and in the reserve). */
    coverage: planCoverageSchema,
    /** The plan's benefits: a plan from parseLayers, or its document. Its normal benefit is its own waterfall on the allowable expense. */
    plan: z.custom<CoveragePlan | CoveragePlanInput>((v) => typeof v === "object" && v !== null, { message: "expected a coverage plan" }),
    /** How the plan pays when it is not primary; required unless it comes out primary alone. */
    method: secondaryMethodSchema.optional(),
    /** The plan's accumulators before the claim (from the previous claim's result). */
    accumulators: annualAccumulatorsSchema.optional(),
    /** The plan's family accumulators before the claim, for a plan with family limits (with the claim's `family`). */
    familyAccumulators: familyAccumulatorsSchema.optional(),
    /** The part of the allowable expense on this plan's catalogue; the whole of it when absent (not with `lines`). */
    catalogueAmount: nonNegativeAmountSchema.optional(),
  })
  .strict());

/**
 * The zod schema of {@link coordinateClaim}'s input.
 *
 * @category Coordination of Benefits
 */
export const coordinateClaimInputSchema = lazySchema(() => z
  .strictObject({
    /** The currency of every amount in the input (ISO 4217 code, e.g. `CNY`, `USD`); always stated. */
    currency: currencyCodeSchema,
    /** How amounts are rounded to the minor unit (`half-up` when absent). */
    rounding: roundingSchema.optional(),
    /** The benefit year (claim determination period); accumulators and reserve must belong to it. */
    year: z.number().int(),
    /** Whose claim this is (the benefit reserve is kept per person). */
    personId: z.string().min(1).max(200),
    /** The covered person's facts the order-of-benefit rules read (dependent or not, parents' birth dates, custody, court decree). */
    person: coveredPersonSchema.optional(),
    /** The family, when the plans' family deductibles and out-of-pocket maxima apply. */
    family: z.string().min(1).max(200).optional(),
    /** The allowable expense: the part of the charge that at least one plan covers. */
    allowable: nonNegativeAmountSchema,
    /** The allowable expense by item (category, catalogue class, amount), summing to `allowable`; each plan's waterfall settles the lines. */
    lines: z.array(billLineSchema).min(1).max(10_000).optional(),
    /** Patient attributes read by the plans' stratified rates and assistance groups. */
    patient: userRecord(z.string(), z.union([z.string(), z.number(), z.array(z.string())])).optional(),
    /** Every plan covering the person, in any order: its coverage facts, its coverage plan, its secondary method and accumulators. */
    plans: z.array(claimPlanSchema).min(1).max(20),
    /** The person's benefit reserve before the claim: give it (empty balances to start) to bank savings and draw on them. */
    reserve: benefitReserveSchema.optional(),
  })
  .strict());

/**
 * A claim to coordinate, as JSON.
 *
 * @category Coordination of Benefits
 */
export type CoordinateClaimInput = z.input<typeof coordinateClaimInputSchema>;

/**
 * What one plan did on the claim.
 *
 * @category Coordination of Benefits
 */
export interface CoordinatedPlanPayment {
  readonly id: string;
  /** 1 = primary; plans that share equally have the same position. */
  readonly position: number;
  readonly role: "primary" | "secondary" | "equalShare";
  /** What the plan would pay were it the only plan. */
  readonly normalBenefit: Money;
  /** The method applied when not primary (null for the primary). */
  readonly method: SecondaryMethodKind | null;
  /** What the plan pays on the claim, reserve draw included. */
  readonly amount: Money;
  /** The part of `amount` drawn from the benefit reserve. */
  readonly fromReserve: Money;
  /** Normal benefit − what the method paid, banked in the reserve (0 without a reserve or for the primary). */
  readonly savings: Money;
  /** The plan's deductible credited by this claim: what it would have credited alone. */
  readonly deductibleCredited: Money;
  /** The plan's accumulators after the claim. */
  readonly accumulators: AnnualAccumulators;
  /** The plan's family accumulators after the claim (plans with family limits, claims with a `family`): as its own waterfall left them. */
  readonly familyAccumulators?: FamilyAccumulators;
}

/**
 * Result of {@link coordinateClaim}.
 *
 * @category Coordination of Benefits
 */
export interface CoordinateClaimResult {
  readonly currency: string;
  readonly allowable: Money;
  /** Plan ids by position, primary first. */
  readonly positions: readonly (readonly string[])[];
  /** The plans in paying order. */
  readonly plans: readonly CoordinatedPlanPayment[];
  /** What all plans paid; never more than the allowable expense. */
  readonly covered: Money;
  /** What is left to the person: allowable − covered. */
  readonly patient: Money;
  /** The benefit reserve after the claim, or null when none was given. */
  readonly reserve: BenefitReserve | null;
  readonly explanation: Explanation;
}

// Paths of a plan's own waterfall point into that plan's entry, except the claim-level
// fields the waterfall was handed: the patient, the year, and the bill (the allowable expense).
function under(prefix: IssuePath, path: IssuePath): IssuePath {
  if (path[0] === "patient" || path[0] === "year") return path;
  if (path[0] === "bill") return ["allowable", ...path.slice(1)];
  return [...prefix, ...path];
}

function prefixed<T>(prefix: IssuePath, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ValidationError) throw new ValidationError(e.issues.map((i) => ({ ...i, path: under(prefix, i.path) })), "coordinateClaim");
    if (e instanceof DomainError) throw new DomainError(e.code, e.reason, { path: under(prefix, e.path), details: { ...e.details } });
    throw e;
  }
}

interface Run {
  readonly index: number;
  readonly id: string;
  readonly plan: CoveragePlan;
  readonly alone: SplitBillResult;
  readonly normal: bigint;
  /** Per layer: what it paid alone and what it had paid before this claim. */
  readonly layerNormal: bigint[];
  readonly layerPaidBefore: bigint[];
  readonly deductibleAlone: bigint;
  /** Per layer: what it paid alone on each category of the lines (empty without lines). */
  readonly layerCategoryPay: Map<string, bigint>[];
}

/**
 * Coordinates one claim across every plan covering the person. The plans are ordered by
 * the NAIC rules ({@link determineBenefitOrder}); each plan's normal benefit is its own
 * waterfall ({@link splitBill}) on the allowable expense with its own accumulators. The
 * primary pays its normal benefit; each later plan pays by its `method` on what the plans
 * ahead left, never more than its normal benefit nor than is unpaid; plans that no rule
 * orders share what is left equally (each up to its normal benefit). A non-primary plan
 * credits to its deductible what it would have credited alone, and counts toward its caps
 * only what it paid. With a `reserve`, each non-primary plan first draws on its balance
 * from earlier claims of the year for what is still unpaid, then banks this claim's
 * savings (normal benefit − what its method paid).
 *
 * @param input - The claim, the covered person, and each plan with its coverage facts, method and accumulators.
 * @throws {ValidationError} when the input does not match `coordinateClaimInputSchema`, or a plan or rule lacks a fact it needs (the field path is named).
 * @throws {DomainError} INCONSISTENT_INPUT when plans tie for primacy or amounts disagree; CURRENCY_MISMATCH when a plan settles in another currency.
 * @example
 * ```ts
 * const r = coordinateClaim({
 *   currency: "USD", year: 2026, personId: "p1", allowable: "1000",
 *   plans: [
 *     { coverage: { id: "own", coveredAs: "subscriber" }, plan: { currency: "USD", layers: [{ kind: "commercial", rate: 0.8 }] } },
 *     { coverage: { id: "spouse", coveredAs: "spouse" }, plan: { currency: "USD", layers: [{ kind: "commercial", rate: 0.7 }] }, method: { kind: "standard" } },
 *   ],
 * });
 * r.plans.map((p) => p.amount); // [USD 800.00, USD 200.00]
 * ```
 * @category Coordination of Benefits
 */
export function coordinateClaim(input: CoordinateClaimInput | (Omit<CoordinateClaimInput, "plans"> & { plans: (Omit<CoordinateClaimInput["plans"][number], "plan"> & { plan: CoveragePlan })[] })): CoordinateClaimResult {
  const x = parseInput(coordinateClaimInputSchema, input, "coordinateClaim");
  const { currency, year, personId } = x;
  const scale = scaleOf(currency);
  const rounding = x.rounding ?? "half-up";
  const allowable = toUnits(x.allowable, scale, ["allowable"], "the allowable expense");
  const made = new Map<bigint, Money>();
  const m = (u: bigint): Money => {
    let v = made.get(u);
    if (v === undefined) made.set(u, (v = unitsMoney(u, scale, currency)));
    return v;
  };
  const fmt = (u: bigint) => formatMoney(m(u));

  // Order first: it needs no money and names its errors by the plans' paths.
  const { positions, pairs } = rankPlans(
    x.plans.map((p, i) => ({ coverage: p.coverage, path: ["plans", i, "coverage"] })),
    x.person ?? {},
  );

  const runs = new Map<string, Run>();
  x.plans.forEach((p, i) => {
    const at: IssuePath = ["plans", i];
    const plan = isCoveragePlan(p.plan) ? p.plan : prefixed([...at, "plan"], () => parseLayers(p.plan as CoveragePlanInput));
    if (plan.currency !== currency) {
      throw new DomainError("CURRENCY_MISMATCH", `plan ${p.coverage.id} settles in ${plan.currency} but the claim is in ${currency}`, { path: [...at, "plan", "currency"] });
    }
    if (p.accumulators !== undefined && p.accumulators.year !== undefined && p.accumulators.year !== null && p.accumulators.year !== year) {
      throw new DomainError("INCONSISTENT_INPUT", `plan ${p.coverage.id}'s accumulators belong to ${p.accumulators.year} but the claim is in ${year}`, { path: [...at, "accumulators", "year"] });
    }
    const alone = prefixed(at, () =>
      splitBill({
        plan,
        bill: unitsText(allowable, scale),
        year,
        person: personId,
        ...(x.family === undefined ? {} : { family: x.family }),
        ...(x.lines === undefined ? {} : { lines: (input as { lines: unknown[] }).lines as never }),
        ...(p.catalogueAmount === undefined ? {} : { catalogueAmount: p.catalogueAmount.toFixed() }),
        ...(x.patient === undefined ? {} : { patient: x.patient }),
        // The document as given: splitBill parses it again (the parsed form holds Decimals).
        ...(p.accumulators === undefined ? {} : { accumulators: (input.plans[i] as { accumulators: AnnualAccumulatorsInput }).accumulators }),
        ...(p.familyAccumulators === undefined ? {} : { familyAccumulators: (input.plans[i] as unknown as { familyAccumulators: never }).familyAccumulators }),
      }),
    );
    const layerNormal = alone.layers.map((l) => toUnits(l.amount.amount, scale, at));
    const layerPaidBefore = alone.layers.map((l, k) => toUnits(new D(alone.accumulators.layers[l.id]!.paid), scale, at) - layerNormal[k]!);
    const deductibleAlone = alone.layers.reduce((s, l) => s + toUnits(l.deductibleApplied.amount, scale, at), 0n);
    const layerCategoryPay = alone.layers.map(() => new Map<string, bigint>());
    for (const line of alone.lines ?? []) {
      line.layers.forEach((lp, k) => {
        const byCat = layerCategoryPay[k]!;
        byCat.set(line.category, (byCat.get(line.category) ?? 0n) + toUnits(lp.amount.amount, scale, at));
      });
    }
    runs.set(p.coverage.id, { index: i, id: p.coverage.id, plan, alone, normal: layerNormal.reduce((s, v) => s + v, 0n), layerNormal, layerPaidBefore, deductibleAlone, layerCategoryPay });
  });

  const reserveIn = x.reserve === undefined ? null : readReserve(x.reserve, { personId, year, currency, scale });
  const balances = reserveIn === null ? null : new Map(reserveIn);

  const steps: Step[] = [...orderSteps(positions, pairs)];
  steps.push(step("tiers.coordination.allowable", `The allowable expense is ${fmt(allowable)}; ${x.plans.length} plan(s) cover the person.`, { allowable: m(allowable) }, m(allowable)));
  // Each plan's normal benefit, in paying order, with its own layer sentences for a dispute.
  for (const id of positions.flat()) {
    const run = runs.get(id)!;
    steps.push(
      step(
        "tiers.coordination.normal-benefit",
        `Plan ${id} alone would pay ${fmt(run.normal)}: ${run.alone.layers.map((l) => l.text).join(" ")}`,
        { plan: id, normalBenefit: m(run.normal), deductibleAlone: m(run.deductibleAlone), layers: run.alone.layers.map((l) => ({ layer: l.id, amount: l.amount })) },
        m(run.normal),
      ),
    );
  }

  interface Paid {
    run: Run;
    position: number;
    role: CoordinatedPlanPayment["role"];
    method: SecondaryMethodKind | null;
    byMethod: bigint;
    fromReserve: bigint;
    savings: bigint;
  }
  const paid: Paid[] = [];
  let paidSoFar = 0n;
  positions.forEach((group, k) => {
    if (k === 0 && group.length === 1) {
      const run = runs.get(group[0]!)!;
      const pay = run.normal < allowable ? run.normal : allowable;
      steps.push(step("tiers.coordination.primary", `Plan ${run.id} is primary and pays its normal benefit, ${fmt(pay)} (its own waterfall on the allowable expense, as if it were the only plan).`, { plan: run.id, normalBenefit: m(run.normal) }, m(pay)));
      paid.push({ run, position: 1, role: "primary", method: null, byMethod: pay, fromReserve: 0n, savings: 0n });
      paidSoFar += pay;
      return;
    }
    if (group.length > 1) {
      // Equal shares of what the plans ahead left, the odd minor units to the first plans by id.
      const left = allowable - paidSoFar;
      const n = BigInt(group.length);
      const base = left / n;
      let odd = left - base * n;
      let groupPaid = 0n;
      for (const id of group) {
        const run = runs.get(id)!;
        const share = base + (odd > 0n ? 1n : 0n);
        if (odd > 0n) odd -= 1n;
        const pay = run.normal < share ? run.normal : share;
        steps.push(
          step(
            "tiers.coordination.equal-shares",
            `Plan ${id} shares equally with ${group.filter((g) => g !== id).join(", ")}: its share of the ${fmt(left)} left is ${fmt(share)}; it pays ${fmt(pay)}${pay < share ? `, its normal benefit (it never pays more than it would as primary)` : ""}.`,
            { plan: id, left: m(left), share: m(share), normalBenefit: m(run.normal) },
            m(pay),
          ),
        );
        paid.push({ run, position: k + 1, role: "equalShare", method: null, byMethod: pay, fromReserve: 0n, savings: 0n });
        groupPaid += pay;
      }
      paidSoFar += groupPaid;
      return;
    }
    const run = runs.get(group[0]!)!;
    const doc = x.plans[run.index]!;
    if (doc.method === undefined) {
      throw invalid(["plans", run.index, "method"], `plan ${run.id} pays after ${paid.map((p) => p.run.id).join(", ")}: give its secondary method (standard, nonDuplication, maintenanceOfBenefits, medicareSecondaryPayer)`, "missing_method");
    }
    const method = SECONDARY_METHODS[doc.method.kind] as (typeof SECONDARY_METHODS)[SecondaryMethodKind];
    const facts: SecondaryFacts = { allowable, paidBefore: paidSoFar, normal: run.normal, deductibleAlone: run.deductibleAlone, rounding, scale, fmt };
    const outcome = prefixed(["plans", run.index], () => (method.pay as (p: unknown, f: SecondaryFacts) => ReturnType<typeof method.pay>)(doc.method, facts));
    const left = allowable - paidSoFar;
    let pay = outcome.pay < 0n ? 0n : outcome.pay;
    const limits: string[] = [];
    if (pay > run.normal) {
      pay = run.normal;
      limits.push(`limited to its normal benefit ${fmt(run.normal)}`);
    }
    if (pay > left) {
      pay = left;
      limits.push(`limited to the ${fmt(left)} still unpaid`);
    }
    const savings = balances === null ? 0n : run.normal - pay;
    steps.push(
      step(
        `tiers.coordination.${kebab(doc.method.kind)}`,
        `Plan ${run.id} is ${k === 1 ? "secondary" : `in position ${k + 1}`}; its normal benefit alone would be ${fmt(run.normal)}. ${outcome.text}: ${fmt(outcome.pay < 0n ? 0n : outcome.pay)}${limits.length > 0 ? `, ${limits.join(", ")}` : ""}; it pays ${fmt(pay)}.`,
        { plan: run.id, method: doc.method.kind, allowable: m(allowable), paidBefore: m(paidSoFar), normalBenefit: m(run.normal), deductibleAlone: m(run.deductibleAlone), ...outcome.inputs },
        m(pay),
      ),
    );
    paid.push({ run, position: k + 1, role: "secondary", method: doc.method.kind, byMethod: pay, fromReserve: 0n, savings });
    paidSoFar += pay;
  });

  // The reserve: balances from earlier claims of the year pay what is still unpaid, in
  // paying order, within each plan's cap room; then this claim's savings are banked.
  if (balances !== null) {
    for (const p of paid) {
      if (p.role === "primary") continue;
      const bal = balances.get(p.run.id) ?? 0n;
      const unpaid = allowable - paidSoFar;
      if (bal === 0n || unpaid === 0n) continue;
      const room = capRoom(p.run, p.byMethod, scale);
      let draw = bal < unpaid ? bal : unpaid;
      if (room !== null && draw > room) draw = room;
      if (draw === 0n) continue;
      p.fromReserve = draw;
      paidSoFar += draw;
      balances.set(p.run.id, bal - draw);
      steps.push(
        step(
          "tiers.coordination.reserve.draw",
          `Plan ${p.run.id} draws ${fmt(draw)} from the person's benefit reserve (balance ${fmt(bal)} from earlier claims in ${year}) towards the ${fmt(unpaid)} still unpaid${room !== null && room < (bal < unpaid ? bal : unpaid) ? `, limited by what is left of its caps (${fmt(room)})` : ""}.`,
          { plan: p.run.id, balanceBefore: m(bal), unpaid: m(unpaid) },
          m(draw),
        ),
      );
    }
    for (const p of paid) {
      if (p.savings <= 0n) continue;
      const bal = balances.get(p.run.id) ?? 0n;
      balances.set(p.run.id, bal + p.savings);
      steps.push(
        step(
          "tiers.coordination.reserve.bank",
          `Plan ${p.run.id} banks its savings on this claim, normal benefit ${fmt(p.run.normal)} − paid ${fmt(p.byMethod)} = ${fmt(p.savings)}, in the benefit reserve of person ${personId} for ${year} (balance ${fmt(bal + p.savings)}).`,
          { plan: p.run.id, normalBenefit: m(p.run.normal), paidByMethod: m(p.byMethod) },
          m(p.savings),
        ),
      );
    }
  }

  const plans: CoordinatedPlanPayment[] = paid.map((p) => {
    const total = p.byMethod + p.fromReserve;
    const accumulators = p.role === "primary" ? p.run.alone.accumulators : creditOnlyPaid(p.run, total, scale);
    const deductibleCredited = m(p.run.deductibleAlone);
    if (p.role !== "primary") {
      steps.push(
        step(
          "tiers.coordination.accumulators",
          `Plan ${p.run.id} credits ${fmt(p.run.deductibleAlone)} to its deductible, as it would have alone, and counts ${fmt(total)} — what it paid — toward its caps (not its normal benefit ${fmt(p.run.normal)}).`,
          { plan: p.run.id, deductibleCredited, countedTowardCaps: m(total) },
        ),
      );
    }
    return {
      id: p.run.id,
      position: p.position,
      role: p.role,
      normalBenefit: m(p.run.normal),
      method: p.method,
      amount: m(total),
      fromReserve: m(p.fromReserve),
      savings: m(p.savings),
      deductibleCredited,
      accumulators,
      ...(p.run.alone.familyAccumulators === undefined ? {} : { familyAccumulators: p.run.alone.familyAccumulators }),
    };
  });
  const patient = allowable - paidSoFar;
  steps.push(step("tiers.coordination.patient", `The plans pay ${fmt(paidSoFar)} of the allowable ${fmt(allowable)}; the person is left with ${fmt(patient)}.`, { allowable: m(allowable), covered: m(paidSoFar) }, m(patient)));
  return {
    currency,
    allowable: m(allowable),
    positions,
    plans,
    covered: m(paidSoFar),
    patient: m(patient),
    reserve: balances === null ? null : writeReserve(balances, { personId, year, currency, scale }),
    explanation: steps,
  };
}

/**
 * Which part of `total` each layer counts toward its cap. Up to the normal benefit, the
 * reduction falls on every layer in proportion to what it paid alone (largest remainder),
 * as the COB rules reduce each benefit in proportion and charge it against its limit; a
 * reserve draw beyond the normal benefit then fills the layers' cap room in order.
 */
function attribute(run: Run, total: bigint, scale: number): bigint[] {
  const inNormal = total < run.normal ? total : run.normal;
  const out = run.normal === 0n ? run.layerNormal.map(() => 0n) : allocateUnits(inNormal, run.layerNormal);
  let rest = total - inNormal;
  run.plan.layers.forEach((_l, i) => {
    if (rest === 0n) return;
    const r0 = layerRoom(run, i, scale);
    const room = r0 === null ? rest : r0 - out[i]!;
    const take = room < rest ? (room > 0n ? room : 0n) : rest;
    out[i] = out[i]! + take;
    rest -= take;
  });
  return out;
}

/** What is left, before this claim, of a layer's lifetime cap (null: none). */
function lifetimeLeft(run: Run, i: number, scale: number): bigint | null {
  const cap = run.plan.layers[i]!.limits?.lifetimeCap ?? null;
  const after = (run.alone.accumulators.layers[run.plan.layers[i]!.id] as { lifetimePaid?: string } | undefined)?.lifetimePaid;
  if (cap === null || after === undefined) return null;
  return cap - (toUnits(new D(after), scale, ["accumulators"]) - run.layerNormal[i]!);
}

/** A layer's room before this claim under its annual cap and its lifetime cap (null: unlimited). */
function layerRoom(run: Run, i: number, scale: number): bigint | null {
  const l = run.plan.layers[i]!;
  const annual = l.cap === null ? null : l.cap - run.layerPaidBefore[i]!;
  const life = lifetimeLeft(run, i, scale);
  if (annual === null) return life;
  if (life === null) return annual;
  return annual < life ? annual : life;
}

/** How much more than `byMethod` the plan's caps allow it to pay on this claim (null: no cap binds). */
function capRoom(run: Run, byMethod: bigint, scale: number): bigint | null {
  const first = attribute(run, byMethod, scale);
  let room = 0n;
  for (let i = 0; i < run.plan.layers.length; i++) {
    const r0 = layerRoom(run, i, scale);
    if (r0 === null) return null;
    const r = r0 - first[i]!;
    if (r > 0n) room += r;
  }
  return room;
}

/** The plan's accumulators as it would have left them alone, except that the caps count only what it paid. */
function creditOnlyPaid(run: Run, total: bigint, scale: number): AnnualAccumulators {
  const parts = attribute(run, total, scale);
  const layers = Object.create(null) as Record<string, LayerAccumulator>;
  run.plan.layers.forEach((l, i) => {
    const alone = run.alone.accumulators.layers[l.id]!;
    const entry: LayerAccumulator = { ...alone, paid: unitsText(run.layerPaidBefore[i]! + parts[i]!, scale) };
    // A lifetime counter, where the plan keeps one, also counts only what was paid.
    if (alone.lifetimePaid !== undefined) {
      (entry as { lifetimePaid?: string }).lifetimePaid = unitsText(toUnits(new D(alone.lifetimePaid), scale, ["accumulators"]) - run.layerNormal[i]! + parts[i]!, scale);
    }
    // Sub-limit counters: the layer's payment within its normal benefit, shared over the
    // categories in proportion to what it paid on each alone.
    if (alone.categories !== undefined) {
      const byCat = run.layerCategoryPay[i]!;
      const cats = [...byCat.keys()].sort();
      const weights = cats.map((c) => byCat.get(c)!);
      const within = parts[i]! < run.layerNormal[i]! ? parts[i]! : run.layerNormal[i]!;
      const shares = weights.some((w) => w > 0n) ? allocateUnits(within, weights) : weights.map(() => 0n);
      const out = Object.create(null) as Record<string, string>;
      for (const c of Object.keys(alone.categories)) {
        const k = cats.indexOf(c);
        const after = toUnits(new D(alone.categories[c]!), scale, ["accumulators"]);
        out[c] = k < 0 ? alone.categories[c]! : unitsText(after - weights[k]! + shares[k]!, scale);
      }
      (entry as { categories?: Record<string, string> }).categories = out;
    }
    layers[l.id] = entry;
  });
  return { ...run.alone.accumulators, layers };
}
