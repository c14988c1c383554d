// Order-of-benefit determination (NAIC Coordination of Benefits Model Regulation): every
// pair of plans is ordered by the first rule of ORDER_RULES that decides, and the plans
// are ranked from those pairwise verdicts. Plans are compared in the order of their ids,
// never of the input, so the listing order cannot change the result.
import * as z from "zod";
import { DomainError, type Explanation, parseInput, type Step, step } from "../../core/index.js";
import { coveredPersonSchema, type CoveredPerson, planCoverageSchema } from "./coverage.js";
import { ORDER_RULES } from "./order-rules/registry.js";
import type { RankedPlan } from "./order-rules/rule.js";
import { kebab } from "../rule-ids.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * The zod schema of {@link determineBenefitOrder}'s input.
 *
 * @category Coordination of Benefits
 */
export const determineBenefitOrderInputSchema = lazySchema(() => z
  .strictObject({
    /** Facts about the covered person (parents together or apart, court decree, Medicare reversal). */
    person: coveredPersonSchema.optional(),
    /** How each plan covers the person; at least two, ids unique. */
    plans: z.array(planCoverageSchema).min(2).max(20),
  })
  .strict());

/**
 * One pairwise verdict: which rule ordered the two plans.
 *
 * @category Coordination of Benefits
 */
export interface PairVerdict {
  /** The two plans, in id order. */
  readonly plans: readonly [string, string];
  /** The plan that pays first, or null when they share equally. */
  readonly first: string | null;
  /** The rule that decided, e.g. `birthday`. */
  readonly rule: string;
  readonly reason: string;
}

/**
 * Result of {@link determineBenefitOrder}.
 *
 * @category Coordination of Benefits
 */
export interface BenefitOrderResult {
  /** Positions from primary onward; a position holds more than one plan only when they share equally. */
  readonly positions: readonly (readonly string[])[];
  /** The plans in paying order (plans that share a position in id order). */
  readonly order: readonly string[];
  /** Every pair of plans and the rule that ordered it. */
  readonly pairs: readonly PairVerdict[];
  readonly explanation: Explanation;
}

/** Orders parsed plans; shared with {@link coordinateClaim}. */
export function rankPlans(plans: readonly RankedPlan[], person: CoveredPerson): { positions: string[][]; pairs: PairVerdict[] } {
  const seen = new Map<string, number>();
  plans.forEach((p, i) => {
    const before = seen.get(p.coverage.id);
    if (before !== undefined) {
      throw new DomainError("INCONSISTENT_INPUT", `plan id ${JSON.stringify(p.coverage.id)} is used twice (also by plan ${before})`, { path: [...p.path, "id"], details: { reason: "duplicate_plan" } });
    }
    seen.set(p.coverage.id, i);
  });
  const sorted = [...plans].sort((a, b) => (a.coverage.id < b.coverage.id ? -1 : a.coverage.id > b.coverage.id ? 1 : 0));
  const n = sorted.length;
  // beats[i][j]: sorted[i] pays before sorted[j].
  const beats: boolean[][] = sorted.map(() => sorted.map(() => false));
  const pairs: PairVerdict[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      for (const rule of ORDER_RULES) {
        const v = rule.compare(a, b, person);
        if (v === null) continue;
        if (v.first === "a") beats[i]![j] = true;
        if (v.first === "b") beats[j]![i] = true;
        pairs.push({ plans: [a.coverage.id, b.coverage.id], first: v.first === "tie" ? null : v.first === "a" ? a.coverage.id : b.coverage.id, rule: rule.id, reason: v.reason });
        break;
      }
    }
  }
  const positions: string[][] = [];
  let left = sorted.map((_, i) => i);
  while (left.length > 0) {
    const top = left.filter((i) => !left.some((k) => beats[k]![i]));
    if (top.length === 0) {
      const ids = left.map((i) => sorted[i]!.coverage.id);
      throw new DomainError("INCONSISTENT_INPUT", `the order-of-benefit rules order plans ${ids.join(", ")} in a circle (each is paid before another by a different rule): no plan can be primary among them`, {
        path: ["plans"],
        details: { reason: "circular_order", plans: ids },
      });
    }
    positions.push(top.map((i) => sorted[i]!.coverage.id));
    left = left.filter((i) => !top.includes(i));
  }
  // Pairs listed in paying order, so the explanation reads from the primary down.
  const rank = new Map<string, number>();
  positions.forEach((g, k) => g.forEach((id) => rank.set(id, k)));
  const key = (p: PairVerdict) => {
    const ra = rank.get(p.plans[0])!;
    const rb = rank.get(p.plans[1])!;
    return [Math.min(ra, rb), Math.max(ra, rb)];
  };
  pairs.sort((x, y) => {
    const [x1, x2] = key(x);
    const [y1, y2] = key(y);
    return x1! - y1! || x2! - y2! || (x.plans[0] < y.plans[0] ? -1 : x.plans[0] > y.plans[0] ? 1 : x.plans[1] < y.plans[1] ? -1 : x.plans[1] > y.plans[1] ? 1 : 0);
  });
  return { positions, pairs };
}

/** The explanation steps of a ranking. */
export function orderSteps(positions: readonly (readonly string[])[], pairs: readonly PairVerdict[]): Step[] {
  const TITLES = new Map(ORDER_RULES.map((r) => [r.id, r.title]));
  const steps = pairs.map((p) =>
    step(`tiers.coordination.order.${kebab(p.rule)}`, `${p.plans[0]} vs ${p.plans[1]} — ${TITLES.get(p.rule)}: ${p.reason}.`, { plans: [...p.plans], first: p.first, rule: p.rule }),
  );
  const words = positions.map((g, k) => `${k === 0 ? "primary" : k === 1 ? "secondary" : `position ${k + 1}`}: ${g.length === 1 ? g[0] : `${g.join(" and ")} (equal shares)`}`);
  steps.push(step("tiers.coordination.order", `Order of benefits — ${words.join("; ")}.`, { positions: positions.map((g) => [...g]) }));
  return steps;
}

/**
 * Which plan pays first when a person is covered by several: each pair of plans is
 * ordered by the first NAIC model-regulation rule that decides it — no COB provision;
 * non-dependent before dependent (Medicare reversal); for a dependent child the court
 * decree, the birthday rule or the custodial order; active before retired or laid off;
 * continuation coverage after; longer coverage first; otherwise equal shares. The
 * result does not depend on the order the plans are listed in.
 *
 * @param input - The covered person and the plans that cover them.
 * @throws {ValidationError} when the input does not match `determineBenefitOrderInputSchema`, or a rule needs a fact the input lacks (missing_parents, missing_birth_date, missing_covered_since, missing_custody), with the field path.
 * @throws {DomainError} INCONSISTENT_INPUT when two plans both claim primacy (neither has a COB provision), a plan id is used twice, or the rules order plans in a circle.
 * @example
 * ```ts
 * determineBenefitOrder({
 *   person: { parents: "together" },
 *   plans: [
 *     { id: "dad", coveredAs: "child", parent: { birthDate: "1985-07-02" } },
 *     { id: "mum", coveredAs: "child", parent: { birthDate: "1987-03-14" } },
 *   ],
 * }).order; // ["mum", "dad"] — March 14 comes before July 2
 * ```
 * @category Coordination of Benefits
 */
export function determineBenefitOrder(input: z.input<typeof determineBenefitOrderInputSchema>): BenefitOrderResult {
  const x = parseInput(determineBenefitOrderInputSchema, input, "determineBenefitOrder");
  const { positions, pairs } = rankPlans(
    x.plans.map((coverage, i) => ({ coverage, path: ["plans", i] })),
    x.person ?? {},
  );
  return { positions, order: positions.flat(), pairs, explanation: orderSteps(positions, pairs) };
}
