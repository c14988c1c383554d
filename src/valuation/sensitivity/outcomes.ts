// Outcomes at one parameter setting: costs become Money here (half-up to the minor unit,
// as toFrontierInput does), NMB is exact from those, ICERs come from the frontier.
import * as z from "zod";
import { ValidationError } from "../../core/index.js";
import { type Dec, type Money } from "../../money/index.js";
import { D } from "../../money/decimal.js";
import { moneyFromFloat } from "../../models/streams.js";
import { frontier, type FrontierStatus } from "../frontier.js";
import { roundedMoney } from "../shared.js";
import type { StrategyTotals } from "./source.js";
import { kindLookup, kindSchemas } from "../../kernel/kind-registry.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * One strategy at one parameter setting.
 *
 * @category Sensitivity Analysis
 */
export interface SensitivityStrategyOutcome {
  readonly name: string;
  /** Expected cost as the model / metamodel computed it (float64). */
  readonly cost: number;
  /** Expected effect (QALYs; float64). */
  readonly effect: number;
  /** The cost as Money, rounded half-up to the minor unit: where it becomes money. */
  readonly costMoney: Money;
  /** NMB = λ·E − C from `costMoney` and the effect's decimal value, exact. */
  readonly nmbExact: Dec;
  /** `nmbExact` rounded half-up to the minor unit. */
  readonly nmb: Money;
  /** Its status on the frontier of this setting. */
  readonly status: FrontierStatus;
  /** ND only: the previous ND strategy its ICER is against. */
  readonly reference: string | null;
  /** Frontier ICER, rounded half-up; null for the reference and for D/ED strategies. */
  readonly icer: Money | null;
  readonly icerExact: Dec | null;
}

/**
 * Every strategy at one parameter setting, and the decision.
 *
 * @category Sensitivity Analysis
 */
export interface SensitivityOutcomes {
  /** The strategy with the highest NMB (ties: the more effective, then the earlier). */
  readonly optimal: string;
  readonly strategies: readonly SensitivityStrategyOutcome[];
}

/** Money amounts and the exact NMB of each strategy: the decision needs only these. */
export function moneyFigures(totals: readonly StrategyTotals[], lambda: Money): { costMoney: Money; effect: Dec; nmbExact: Dec }[] {
  return totals.map((t) => {
    const costMoney = moneyFromFloat(t.cost, lambda.currency);
    const effect = new D(t.effect);
    return { costMoney, effect, nmbExact: lambda.amount.times(effect).minus(costMoney.amount) };
  });
}

/** Index of the optimal strategy: highest exact NMB, then the more effective, then the earlier. */
export function optimalIndex(figures: readonly { effect: Dec; nmbExact: Dec }[]): number {
  let best = 0;
  for (let i = 1; i < figures.length; i++) {
    const f = figures[i]!;
    const b = figures[best]!;
    const c = f.nmbExact.comparedTo(b.nmbExact);
    if (c > 0 || (c === 0 && f.effect.greaterThan(b.effect))) best = i;
  }
  return best;
}

/** Full outcomes at one setting. */
export function outcomesAt(names: readonly string[], totals: readonly StrategyTotals[], lambda: Money): SensitivityOutcomes {
  const figures = moneyFigures(totals, lambda);
  const f = frontier({ strategies: names.map((name, i) => ({ name, cost: figures[i]!.costMoney, effect: figures[i]!.effect })) });
  const strategies = names.map((name, i): SensitivityStrategyOutcome => {
    const fs = f.strategies[i]!;
    const fig = figures[i]!;
    return {
      name,
      cost: totals[i]!.cost,
      effect: totals[i]!.effect,
      costMoney: fig.costMoney,
      nmbExact: fig.nmbExact,
      nmb: roundedMoney(fig.nmbExact, lambda.currency),
      status: fs.status,
      reference: fs.reference,
      icer: fs.icer,
      icerExact: fs.icerExact,
    };
  });
  return { optimal: names[optimalIndex(figures)]!, strategies };
}

const strategyRef = lazySchema(() => z.string().min(1));

/** One outcome kind: its schema, its exact value at one setting, and its label. */
interface OutcomeKind<Schema extends z.ZodType<{ readonly type: string }>> {
  /** The `type` its documents carry (the literal of its schema). */
  readonly type: z.output<Schema>["type"];
  readonly schema: Schema;
  /** The exact value at one setting (null: undefined there, as an ICER with ΔE = 0). */
  readonly value: (outcome: z.output<Schema>, at: SensitivityOutcomes) => Dec | null;
  /** A readable label with the unit. */
  readonly label: (outcome: z.output<Schema>, currency: string) => string;
}

/** Declares one outcome kind (the identity, typed: `value` and `label` see the schema's output). */
function outcomeKind<Schema extends z.ZodType<{ readonly type: string }>>(kind: OutcomeKind<Schema>): OutcomeKind<Schema> {
  return kind;
}

function strategyAt(at: SensitivityOutcomes, name: string): SensitivityStrategyOutcome {
  return at.strategies.find((s) => s.name === name)!;
}

/** Every outcome kind, in the order the schema lists them: adding one is one entry here. */
const OUTCOME_KINDS = [
  outcomeKind({
    type: "cost",
    schema: lazySchema(() => z.strictObject({
      /** The cost of one strategy. */
      type: z.literal("cost"),
      /** The strategy. */
      strategy: strategyRef,
    })),
    value: (o, at) => strategyAt(at, o.strategy).costMoney.amount,
    label: (o, currency) => `Cost of ${o.strategy} (${currency})`,
  }),
  outcomeKind({
    type: "effect",
    schema: lazySchema(() => z.strictObject({
      /** The effect (QALYs) of one strategy. */
      type: z.literal("effect"),
      /** The strategy. */
      strategy: strategyRef,
    })),
    value: (o, at) => new D(strategyAt(at, o.strategy).effect),
    label: (o) => `Effect of ${o.strategy} (QALYs)`,
  }),
  outcomeKind({
    type: "nmb",
    schema: lazySchema(() => z.strictObject({
      /** The NMB of one strategy at λ. */
      type: z.literal("nmb"),
      /** The strategy. */
      strategy: strategyRef,
    })),
    value: (o, at) => strategyAt(at, o.strategy).nmbExact,
    label: (o, currency) => `NMB of ${o.strategy} (${currency})`,
  }),
  outcomeKind({
    type: "incremental-nmb",
    schema: lazySchema(() => z.strictObject({
      /** The NMB of `strategy` minus that of `comparator`. */
      type: z.literal("incremental-nmb"),
      /** The strategy. */
      strategy: strategyRef,
      /** The strategy it is compared with. */
      comparator: strategyRef,
    })),
    value: (o, at) => strategyAt(at, o.strategy).nmbExact.minus(strategyAt(at, o.comparator).nmbExact),
    label: (o, currency) => `Incremental NMB of ${o.strategy} vs ${o.comparator} (${currency})`,
  }),
  outcomeKind({
    type: "icer",
    schema: lazySchema(() => z.strictObject({
      /** The ICER of `strategy` against `comparator` (none when ΔE = 0). */
      type: z.literal("icer"),
      /** The strategy. */
      strategy: strategyRef,
      /** The strategy it is compared with. */
      comparator: strategyRef,
    })),
    value: (o, at) => {
      const a = strategyAt(at, o.strategy);
      const b = strategyAt(at, o.comparator);
      const dE = new D(a.effect).minus(new D(b.effect));
      return dE.isZero() ? null : a.costMoney.amount.minus(b.costMoney.amount).dividedBy(dE);
    },
    label: (o, currency) => `ICER of ${o.strategy} vs ${o.comparator} (${currency} per QALY)`,
  }),
  outcomeKind({
    type: "best-nmb",
    schema: lazySchema(() => z.strictObject({
      /** The NMB of the optimal strategy at each setting. */
      type: z.literal("best-nmb"),
    })),
    value: (_o, at) => strategyAt(at, at.optimal).nmbExact,
    label: (_o, currency) => `NMB of the optimal strategy (${currency})`,
  }),
] as const;

/**
 * The scalar outcome a tornado ranks parameters by:
 * - `cost` / `effect` / `nmb` of one strategy;
 * - `incremental-nmb` of `strategy` against `comparator`;
 * - `icer` of `strategy` against `comparator` (ΔC / ΔE from the Money costs; none when ΔE = 0);
 * - `best-nmb`: the NMB of the optimal strategy at each setting (dampack's tornado).
 *
 * @category Sensitivity Analysis
 */
export const sensitivityOutcomeSchema = lazySchema(() => z.discriminatedUnion("type", kindSchemas(OUTCOME_KINDS)));

/**
 * A tornado outcome as accepted by {@link sensitivityOutcomeSchema}.
 *
 * @category Sensitivity Analysis
 */
export type SensitivityOutcomeInput = z.input<typeof sensitivityOutcomeSchema>;

/**
 * A tornado outcome after parsing (the output of {@link sensitivityOutcomeSchema}).
 *
 * @category Sensitivity Analysis
 */
export type SensitivityOutcome = z.output<typeof sensitivityOutcomeSchema>;

/** Checks the outcome's strategy names against the source's. */
export function checkOutcome(outcome: SensitivityOutcome, names: readonly string[], path: (string | number)[]): void {
  const check = (key: "strategy" | "comparator", name: string) => {
    if (!names.includes(name)) {
      throw new ValidationError([{ path: [...path, key], code: "unknown_reference", message: `"${name}" is not a strategy; the strategies are ${names.join(", ")}` }]);
    }
  };
  if ("strategy" in outcome) check("strategy", outcome.strategy);
  if ("comparator" in outcome) {
    check("comparator", outcome.comparator);
    if (outcome.comparator === outcome.strategy) {
      throw new ValidationError([{ path: [...path, "comparator"], code: "same_reference", message: "the comparator must differ from the strategy" }]);
    }
  }
}

const outcomeKindLookup = kindLookup(OUTCOME_KINDS);

/** The kind record of a parsed outcome. */
function kindOf(outcome: SensitivityOutcome): OutcomeKind<z.ZodType<SensitivityOutcome>> {
  return outcomeKindLookup(outcome.type) as unknown as OutcomeKind<z.ZodType<SensitivityOutcome>>;
}

/** The outcome's exact value at one setting (null: an ICER with ΔE = 0). */
export function outcomeValue(outcome: SensitivityOutcome, at: SensitivityOutcomes): Dec | null {
  return kindOf(outcome).value(outcome, at);
}

/** A readable label with the unit. */
export function outcomeLabel(outcome: SensitivityOutcome, currency: string): string {
  return kindOf(outcome).label(outcome, currency);
}
