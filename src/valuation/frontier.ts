import { brand } from "../kernel/brand.js";
import * as z from "zod";
import { parseInput, step, type Step } from "../core/index.js";
import { type Dec, formatMoney, type Money, money } from "../money/index.js";
import { checkUniqueNames, commonCurrency, roundedMoney, short, strategiesSchema } from "./shared.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * Input of {@link frontier}: N strategies with their expected cost and effect (QALYs).
 *
 * @category Frontier
 */
export const frontierInputSchema = lazySchema(() => z
  .strictObject({
    /** The strategies to compare, at least one. */
    strategies: strategiesSchema,
  })
  .superRefine((doc, ctx) => checkUniqueNames(doc.strategies.map((s) => s.name), ctx, (i) => ["strategies", i, "name"])));

/**
 * Input of {@link frontier} as written by callers (costs as Money or `{ amount, currency }`, effects as numbers or decimal strings).
 *
 * @category Frontier
 */
export type FrontierInput = z.input<typeof frontierInputSchema>;

/**
 * Non-dominated (on the frontier), strongly dominated, or extendedly dominated.
 *
 * @category Frontier
 */
export type FrontierStatus = "ND" | "D" | "ED";

/**
 * One strategy's place relative to the frontier.
 *
 * @category Frontier
 */
export interface FrontierStrategy {
  readonly name: string;
  /** Position in the input. */
  readonly index: number;
  readonly cost: Money;
  readonly effect: Dec;
  readonly status: FrontierStatus;
  /** D only: a strategy that is no more costly and at least as effective (one strictly); always itself strongly undominated. */
  readonly dominatedBy: string | null;
  /** ED only: the two frontier strategies whose mix beats it (lower and higher effect). */
  readonly extendedlyDominatedBy: readonly [string, string] | null;
  /** Other strategies with exactly the same cost and effect: they always share this status. */
  readonly identicalTo: readonly string[];
  /** ND only: the previous ND strategy the increments are taken against (null for the first). */
  readonly reference: string | null;
  readonly incrementalCost: Money | null;
  readonly incrementalEffect: Dec | null;
  /** ICER against `reference`, rounded half-up to the minor unit. */
  readonly icer: Money | null;
  /** The same ICER before rounding (64 significant digits). */
  readonly icerExact: Dec | null;
  /** Why it has its status, in one sentence. */
  readonly reason: string;
}

/**
 * The cost-effectiveness frontier.
 *
 * @category Frontier
 */
export interface FrontierResult {
  readonly currency: string;
  /** Every strategy, in input order. */
  readonly strategies: readonly FrontierStrategy[];
  /** The ND strategies by increasing effect (identical strategies by input order): ICERs never decrease along it (collinear points share one ICER). */
  readonly frontier: readonly FrontierStrategy[];
  readonly explanation: readonly Step[];
}

interface Point {
  readonly name: string;
  readonly index: number;
  readonly cost: Money;
  readonly effect: Dec;
}

interface Working {
  status: FrontierStatus;
  dominatedBy: Point | null;
  /** For a duplicate: the first strategy (by input order) of its identical group. */
  twinOf: Point | null;
  bracket: readonly [Point, Point] | null;
}

/**
 * The incremental cost-effectiveness frontier across any number of strategies.
 *
 * Strategies are sorted by cost (then effect descending, then input order);
 * strongly dominated ones (another is no more costly and at least as effective,
 * one of them strictly) are marked `D`; then extended dominance is removed
 * repeatedly, comparing ICERs exactly by cross-multiplication: a strategy is `ED`
 * when its ICER against the previous frontier point exceeds (strictly) the ICER of
 * the next point against it. A strategy lying exactly on the line between its
 * neighbours (equal ICERs) stays `ND`, and its explanation says it is collinear
 * with them. Strategies with identical cost and effect always share one status,
 * whatever the input order.
 *
 * @example
 * ```ts
 * const cny = (amount: string) => ({ amount, currency: "CNY" });
 * const r = frontier({ strategies: [
 *   { name: "A", cost: cny("0"), effect: 0 },
 *   { name: "B", cost: cny("100000"), effect: 1 },
 *   { name: "C", cost: cny("300000"), effect: 1.5 },
 *   { name: "D", cost: cny("250000"), effect: 0.9 },
 *   { name: "E", cost: cny("500000"), effect: 2.5 },
 * ] });
 * r.strategies.map((s) => s.status); // ["ND", "ND", "ED", "D", "ND"]
 * r.frontier[2].icer?.toString();   // "CNY 266666.67"
 * ```
 *
 * @param input - `{ strategies }`: each strategy's name, expected cost and expected effect (QALYs)
 * @throws {ValidationError} when the input does not match its schema (every issue with its field path; unknown keys refused); duplicate names are refused at `strategies.<i>.name`
 * @throws {DomainError} CURRENCY_MISMATCH when two amounts are in different currencies (path of the later one)
 * @category Frontier
 */
export function frontier(input: FrontierInput): FrontierResult {
  const doc = parseInput(frontierInputSchema, input, "frontier");
  const currency = commonCurrency(doc.strategies.map((s, i) => ({ money: s.cost, path: ["strategies", i, "cost"] })));
  const points: Point[] = doc.strategies.map((s, index) => ({ name: s.name, index, cost: s.cost, effect: s.effect }));
  const sorted = [...points].sort(
    (a, b) => a.cost.amount.comparedTo(b.cost.amount) || b.effect.comparedTo(a.effect) || a.index - b.index,
  );
  const work = new Map<number, Working>();

  // Strong dominance in one sweep: anything that could dominate a point costs no
  // more, so it comes earlier in the sort; the most effective earlier point decides.
  const candidates: Point[] = [];
  let best: Point | null = null;
  for (const p of sorted) {
    if (best !== null && best.effect.equals(p.effect) && best.cost.amount.equals(p.cost.amount)) {
      work.set(p.index, { status: "ND", dominatedBy: null, twinOf: best, bracket: null });
    } else if (best !== null && (best.effect.greaterThan(p.effect) || (best.effect.equals(p.effect) && best.cost.amount.lessThan(p.cost.amount)))) {
      work.set(p.index, { status: "D", dominatedBy: best, twinOf: null, bracket: null });
    } else {
      best = p;
      candidates.push(p);
      work.set(p.index, { status: "ND", dominatedBy: null, twinOf: null, bracket: null });
    }
  }

  // Extended dominance: keep the lower-right convex hull, collinear points included
  // (the spec's "exceeds" is strict). Candidates rise strictly in cost and effect, so
  // ICER(a→b) > ICER(b→p) ⇔ (Cb−Ca)(Ep−Eb) > (Cp−Cb)(Eb−Ea).
  const hull: Point[] = [];
  const removed: Point[] = [];
  for (const p of candidates) {
    while (hull.length >= 2) {
      const a = hull[hull.length - 2]!;
      const b = hull[hull.length - 1]!;
      const left = b.cost.amount.minus(a.cost.amount).times(p.effect.minus(b.effect));
      const right = p.cost.amount.minus(b.cost.amount).times(b.effect.minus(a.effect));
      if (left.lessThanOrEqualTo(right)) break;
      hull.pop();
      removed.push(b);
    }
    hull.push(p);
  }
  for (const b of removed) {
    // Its final neighbours on the hull: the last hull point below its effect and the next.
    let lo = 0;
    let hi = hull.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (hull[mid]!.effect.lessThan(b.effect)) lo = mid;
      else hi = mid;
    }
    const w = work.get(b.index)!;
    w.status = "ED";
    w.bracket = [hull[lo]!, hull[hi]!];
  }

  // Twins take their group leader's status.
  for (const p of points) {
    const w = work.get(p.index)!;
    if (w.twinOf !== null) {
      const lead = work.get(w.twinOf.index)!;
      w.status = lead.status;
      w.dominatedBy = lead.dominatedBy;
      w.bracket = lead.bracket;
    }
  }
  const groups = new Map<string, Point[]>();
  for (const p of points) {
    const key = `${p.cost.amount.toString()}|${p.effect.toString()}`;
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }

  const increments = new Map<number, { ref: Point; dC: Money; dE: Dec; exact: Dec; icer: Money }>();
  for (let j = 1; j < hull.length; j++) {
    const prev = hull[j - 1]!;
    const cur = hull[j]!;
    const dCexact = cur.cost.amount.minus(prev.cost.amount);
    const dE = cur.effect.minus(prev.effect);
    const exact = dCexact.dividedBy(dE);
    increments.set(cur.index, { ref: prev, dC: money(dCexact, currency), dE, exact, icer: roundedMoney(exact, currency) });
  }

  // For each hull point, the next hull point and its exact ICER: equal ICERs mean collinear points.
  const nextOnHull = new Map<number, { name: string; exact: Dec }>();
  for (let j = 1; j + 1 < hull.length; j++) {
    nextOnHull.set(hull[j]!.index, { name: hull[j + 1]!.name, exact: increments.get(hull[j + 1]!.index)!.exact });
  }

  const explanation: Step[] = [
    step(
      "valuation.frontier.sort",
      `${points.length} strategies sorted by cost; ${candidates.length} distinct point(s) survive strong dominance and ${hull.length} form the frontier.`,
      { strategies: points.length, frontier: hull.length },
    ),
  ];
  const results: FrontierStrategy[] = points.map((p) => {
    const w = work.get(p.index)!;
    const lead = w.twinOf ?? p;
    const group = groups.get(`${p.cost.amount.toString()}|${p.effect.toString()}`) ?? [];
    const identicalTo = group.filter((q) => q.index !== p.index).map((q) => q.name);
    const inc = w.status === "ND" ? increments.get(lead.index) : undefined;
    let reason: string;
    if (w.status === "D") {
      const by = w.dominatedBy!;
      reason = `${p.name} is dominated by ${by.name}: ${by.name} costs ${formatMoney(by.cost)} (vs ${formatMoney(p.cost)}) for ${short(by.effect)} QALYs (vs ${short(p.effect)}).`;
    } else if (w.status === "ED") {
      const [lo, hi] = w.bracket!;
      reason = `${p.name} is extendedly dominated by a mix of ${lo.name} and ${hi.name}: its ICER against ${lo.name} exceeds that of ${hi.name} against it, so a mix of the two gives its effect for less.`;
    } else if (inc === undefined) {
      reason = `${p.name} is on the frontier as its least costly point (the reference).`;
    } else {
      reason = `${p.name} is on the frontier: against ${inc.ref.name} it costs ${formatMoney(inc.dC)} more for ${short(inc.dE)} QALYs more, ICER ${formatMoney(inc.icer)} per QALY.`;
      const next = nextOnHull.get(lead.index);
      if (next !== undefined && next.exact.equals(inc.exact)) {
        reason += ` It is collinear with ${inc.ref.name} and ${next.name} (equal ICERs), so it is not extendedly dominated: that needs its ICER to exceed the next one's.`;
      }
    }
    if (identicalTo.length > 0) reason += ` Identical in cost and effect to ${identicalTo.join(", ")}, so it shares their status.`;
    explanation.push(step(`valuation.frontier.${w.status.toLowerCase()}`, reason, { cost: p.cost, effect: p.effect, status: w.status }, inc?.icer));
    return {
      name: p.name,
      index: p.index,
      cost: p.cost,
      effect: p.effect,
      status: w.status,
      dominatedBy: w.status === "D" ? w.dominatedBy!.name : null,
      extendedlyDominatedBy: w.status === "ED" ? [w.bracket![0].name, w.bracket![1].name] : null,
      identicalTo,
      reference: inc?.ref.name ?? null,
      incrementalCost: inc?.dC ?? null,
      incrementalEffect: inc?.dE ?? null,
      icer: inc?.icer ?? null,
      icerExact: inc?.exact ?? null,
      reason,
    };
  });
  const front = results
    .filter((r) => r.status === "ND")
    .sort((a, b) => a.effect.comparedTo(b.effect) || a.index - b.index);
  // Deep-frozen and registered (L1): optimalStrategy trusts only results made here, so
  // neither a look-alike nor a result changed after the fact can pass for one.
  return madeFrontiers.mark({ currency, strategies: results, frontier: front, explanation });
}

/** Results made by {@link frontier}; {@link optimalStrategy} reads only these. */
const madeFrontiers = brand<FrontierResult>();

/** True when `value` is a result of {@link frontier} (not a copy). Internal. */
export function isFrontierResult(value: unknown): value is FrontierResult {
  return madeFrontiers.has(value);
}
