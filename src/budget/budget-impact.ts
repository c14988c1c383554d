import * as z from "zod";
import { userRecord } from "../core/schemas.js";
import {
  DomainError,
  nonNegativeAmountSchema,
  nonNegativeDecimalSchema,
  parseInput,
  rateSchema,
  roundingSchema,
  step,
  ValidationError,

  type Issue,
  type Step,
} from "../core/index.js";
import { money, round, sum, type Money, type Rounding, formatMoney } from "../money/index.js";
import { D } from "../money/decimal.js";
import { budgetCurrencySchema, pct, text } from "./common.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/** A value constant over the horizon, or one value per year. */
function perYear<S extends z.ZodType>(schema: S) {
  return z.union([schema, z.array(schema).min(1)]);
}

/**
 * The longest budget-impact horizon, in years: a stated `horizon` above it is refused, and so
 * is a per-year list longer than it when the horizon is inferred from the lists.
 *
 * @category Budget Impact
 */
export const MAX_BUDGET_IMPACT_YEARS = 100;

/**
 * The most scenarios {@link budgetImpactScenarios} runs in one call (each is a full analysis);
 * more is a `too_big` error at `scenarios`.
 *
 * @category Budget Impact
 */
export const MAX_BUDGET_IMPACT_SCENARIOS = 1000;

const positiveAmountSchema = lazySchema(() => nonNegativeAmountSchema.refine((d) => d.greaterThan(0), { message: "must be > 0" }));

/**
 * Input of {@link budgetImpact}. Each of `eligible`, `uptake`, `costPerPatient`, the
 * displaced shares and costs, the avoided events and the fund figures is either one
 * value for every year or a list with one value per year of the `horizon`.
 *
 * @category Budget Impact
 */
export const budgetImpactInputSchema = lazySchema(() => z.strictObject({
  /** ISO 4217 code of every amount in the analysis (stated, never defaulted). */
  currency: budgetCurrencySchema,
  /** Number of years; inferred from the per-year lists when absent (1 if none). */
  horizon: z.number().int().min(1).max(MAX_BUDGET_IMPACT_YEARS).optional(),
  /** First calendar year, for labels only. */
  startYear: z.number().int().optional(),
  /** Eligible population per year (may be fractional when it is an estimate). */
  eligible: perYear(nonNegativeDecimalSchema),
  /** Share of the eligible population treated with the new technology, in [0, 1]. */
  uptake: perYear(rateSchema),
  /** Cost to the fund per treated patient (人均费用), an amount ≥ 0, constant or one per year. */
  costPerPatient: perYear(nonNegativeAmountSchema),
  /** Therapies the new one displaces: `share` of treated patients who would have had each (market-share shift). */
  displaced: z
    .array(
      z.strictObject({
        /** The displaced therapy's name, for the explanation. */
        name: z.string().min(1),
        /** What the displaced therapy costs the fund per patient, an amount ≥ 0, constant or one per year. */
        costPerPatient: perYear(nonNegativeAmountSchema),
        /** Share in [0, 1] of treated patients who would have had it (市场份额替代); 1 by default. */
        share: perYear(rateSchema).prefault(1),
      }),
    )
    .default([]),
  /** Events avoided per treated patient and what each would have cost the fund. */
  avoidedEvents: z
    .array(
      z.strictObject({
        /** The avoided event's name (an admission, a relapse), for the explanation. */
        name: z.string().min(1),
        /** What one event would have cost the fund, an amount ≥ 0, constant or one per year. */
        costPerEvent: perYear(nonNegativeAmountSchema),
        /** Events avoided per treated patient, a decimal ≥ 0, constant or one per year. */
        eventsPerPatient: perYear(nonNegativeDecimalSchema),
      }),
    )
    .default([]),
  /** Annual discount rate for the present-value total; 0 (undiscounted) by default. */
  discountRate: rateSchema.prefault(0),
  /** The fund's expenditure (基金支出), an amount > 0, constant or one per year; needed for a share-of-expenditure limit. */
  fundExpenditure: perYear(positiveAmountSchema).optional(),
  /** The fund's surplus (基金结余), an amount > 0, constant or one per year; needed for a share-of-surplus limit. */
  fundSurplus: perYear(positiveAmountSchema).optional(),
  /** The affordability limit: the largest acceptable yearly share or amount. */
  affordability: z
    .strictObject({
      /** Largest acceptable net cost as a share in [0, 1] of fund expenditure (inclusive). */
      maxShareOfExpenditure: rateSchema.optional(),
      /** Largest acceptable net cost as a share in [0, 1] of the fund surplus (inclusive). */
      maxShareOfSurplus: rateSchema.optional(),
      /** Largest acceptable yearly net cost, an amount ≥ 0 (inclusive). */
      maxAnnualAmount: nonNegativeAmountSchema.optional(),
    })
    .optional(),
  /** How each year's money figures are rounded to the currency's minor unit; half-up by default. */
  rounding: roundingSchema.default("half-up"),
}));

/**
 * A budget-impact input as stored (JSON).
 *
 * @category Budget Impact
 */
export type BudgetImpactInput = z.input<typeof budgetImpactInputSchema>;

/**
 * One year of a budget-impact analysis.
 *
 * @category Budget Impact
 */
export interface BudgetImpactYear {
  /** 1-based year of the horizon. */
  readonly year: number;
  /** Calendar year when `startYear` is given. */
  readonly calendarYear: number | null;
  readonly eligible: string;
  readonly uptake: string;
  /** eligible × uptake, exact decimal text. */
  readonly treated: string;
  readonly grossCost: Money;
  readonly displacedCost: Money;
  readonly avoidedCost: Money;
  /** gross − displaced − avoided. */
  readonly netCost: Money;
  /** netCost ÷ (1 + r)^(year − 1), rounded; equals netCost when undiscounted. */
  readonly discountedNetCost: Money;
  /** netCost ÷ fund expenditure, exact text, or null. */
  readonly shareOfExpenditure: string | null;
  /** netCost ÷ fund surplus, exact text, or null. */
  readonly shareOfSurplus: string | null;
  /** Whether the year is within the affordability limit; null when no limit is set. */
  readonly withinLimit: boolean | null;
}

/**
 * A budget-impact analysis over a horizon.
 *
 * @category Budget Impact
 */
export interface BudgetImpact {
  readonly horizon: number;
  readonly years: readonly BudgetImpactYear[];
  readonly totalGrossCost: Money;
  readonly totalNetCost: Money;
  readonly totalDiscountedNetCost: Money;
  /** `affordable` when every year is within the limit, `not-affordable` otherwise, `not-assessed` without a limit. */
  readonly verdict: "affordable" | "not-affordable" | "not-assessed";
  readonly explanation: readonly Step[];
}

type Parsed = z.output<typeof budgetImpactInputSchema>;
type PerYear<T> = T | readonly T[];

function resolveHorizon(p: Parsed): number {
  const lists: { path: (string | number)[]; length: number }[] = [];
  const note = (path: (string | number)[], v: PerYear<unknown> | undefined): void => {
    if (Array.isArray(v)) lists.push({ path, length: v.length });
  };
  note(["eligible"], p.eligible);
  note(["uptake"], p.uptake);
  note(["costPerPatient"], p.costPerPatient);
  p.displaced.forEach((d, i) => {
    note(["displaced", i, "costPerPatient"], d.costPerPatient);
    note(["displaced", i, "share"], d.share);
  });
  p.avoidedEvents.forEach((a, i) => {
    note(["avoidedEvents", i, "costPerEvent"], a.costPerEvent);
    note(["avoidedEvents", i, "eventsPerPatient"], a.eventsPerPatient);
  });
  note(["fundExpenditure"], p.fundExpenditure);
  note(["fundSurplus"], p.fundSurplus);
  const horizon = p.horizon ?? lists[0]?.length ?? 1;
  // An inferred horizon obeys the same limit as a stated one (a 10,000-value list is not a
  // 10,000-year analysis).
  if (horizon > MAX_BUDGET_IMPACT_YEARS) {
    const first = lists[0] as { path: (string | number)[]; length: number };
    throw new ValidationError([{ path: first.path, code: "too_big", message: `has ${first.length} yearly values; a horizon is at most ${MAX_BUDGET_IMPACT_YEARS} years (MAX_BUDGET_IMPACT_YEARS)` }], "budgetImpact");
  }
  const issues: Issue[] = lists
    .filter((l) => l.length !== horizon)
    .map((l) => ({
      path: l.path,
      code: "invalid_length",
      message: `has ${l.length} yearly values but the horizon is ${horizon} years${p.horizon === undefined ? " (from the first per-year list)" : ""}`,
    }));
  if (issues.length > 0) throw new ValidationError(issues, "budgetImpact");
  return horizon;
}

function at<T>(v: PerYear<T>, y: number): T {
  return (Array.isArray(v) ? (v as readonly T[])[y] : v) as T;
}

function yearly(p: Parsed, horizon: number, steps: Step[]): BudgetImpactYear[] {
  const c = p.currency;
  const r: Rounding = p.rounding;
  const years: BudgetImpactYear[] = [];
  for (let y = 0; y < horizon; y++) {
    const eligible = at(p.eligible, y);
    const uptake = at(p.uptake, y);
    const treated = eligible.times(uptake);
    const gross = round(money(treated.times(at(p.costPerPatient, y)), c), r);
    let displacedShare = new D(0);
    let displacedPer = new D(0);
    p.displaced.forEach((d) => {
      displacedShare = displacedShare.plus(at(d.share, y));
      displacedPer = displacedPer.plus(at(d.share, y).times(at(d.costPerPatient, y)));
    });
    if (displacedShare.greaterThan(1)) {
      throw new DomainError("INCONSISTENT_INPUT", `in year ${y + 1} the displaced therapies' shares add up to ${text(displacedShare)}, more than all treated patients`, {
        path: ["displaced"],
        details: { year: y + 1, totalShare: text(displacedShare) },
      });
    }
    let avoidedPer = new D(0);
    p.avoidedEvents.forEach((a) => {
      avoidedPer = avoidedPer.plus(at(a.eventsPerPatient, y).times(at(a.costPerEvent, y)));
    });
    const displaced = round(money(treated.times(displacedPer), c), r);
    const avoided = round(money(treated.times(avoidedPer), c), r);
    const net = money(gross.amount.minus(displaced.amount).minus(avoided.amount), c);
    const discounted = p.discountRate.isZero() || y === 0 ? net : round(money(net.amount.dividedBy(new D(1).plus(p.discountRate).pow(y)), c), r);
    const exp = p.fundExpenditure === undefined ? null : at(p.fundExpenditure, y);
    const sur = p.fundSurplus === undefined ? null : at(p.fundSurplus, y);
    const shareExp = exp === null ? null : net.amount.dividedBy(exp);
    const shareSur = sur === null ? null : net.amount.dividedBy(sur);
    let within: boolean | null = null;
    const lim = p.affordability;
    if (lim !== undefined) {
      const checks: boolean[] = [];
      if (lim.maxShareOfExpenditure !== undefined) {
        if (shareExp === null) throw new DomainError("INCONSISTENT_INPUT", "a limit on the share of fund expenditure needs fundExpenditure", { path: ["fundExpenditure"] });
        checks.push(shareExp.lessThanOrEqualTo(lim.maxShareOfExpenditure));
      }
      if (lim.maxShareOfSurplus !== undefined) {
        if (shareSur === null) throw new DomainError("INCONSISTENT_INPUT", "a limit on the share of the fund surplus needs fundSurplus", { path: ["fundSurplus"] });
        checks.push(shareSur.lessThanOrEqualTo(lim.maxShareOfSurplus));
      }
      if (lim.maxAnnualAmount !== undefined) checks.push(net.amount.lessThanOrEqualTo(lim.maxAnnualAmount));
      within = checks.length === 0 ? null : checks.every(Boolean);
    }
    const calendarYear = p.startYear === undefined ? null : p.startYear + y;
    const label = calendarYear === null ? `Year ${y + 1}` : `Year ${y + 1} (${calendarYear})`;
    const parts = [`${text(eligible)} eligible × ${pct(uptake)} uptake = ${text(treated)} treated`];
    if (!displaced.amount.isZero()) parts.push(`less displaced therapy ${formatMoney(displaced)}`);
    if (!avoided.amount.isZero()) parts.push(`less avoided events ${formatMoney(avoided)}`);
    const shares: string[] = [];
    if (shareExp !== null) shares.push(`${pct(shareExp)} of fund expenditure`);
    if (shareSur !== null) shares.push(`${pct(shareSur)} of the fund surplus`);
    steps.push(
      step(
        "budget.bia.year",
        `${label}: ${parts.join("; ")}; net cost ${formatMoney(net)}${shares.length ? ` = ${shares.join(", ")}` : ""}${within === null ? "" : within ? "; within the affordability limit" : "; ABOVE the affordability limit"}.`,
        { eligible, uptake, treated, grossCost: gross, displacedCost: displaced, avoidedCost: avoided },
        net,
      ),
    );
    years.push({
      year: y + 1,
      calendarYear,
      eligible: text(eligible),
      uptake: text(uptake),
      treated: text(treated),
      grossCost: gross,
      displacedCost: displaced,
      avoidedCost: avoided,
      netCost: net,
      discountedNetCost: discounted,
      shareOfExpenditure: shareExp === null ? null : text(shareExp),
      shareOfSurplus: shareSur === null ? null : text(shareSur),
      withinLimit: within,
    });
  }
  return years;
}

function analyse(p: Parsed): BudgetImpact {
  const horizon = resolveHorizon(p);
  const steps: Step[] = [];
  const years = yearly(p, horizon, steps);
  const c = p.currency;
  const totalGrossCost = sum(years.map((y) => y.grossCost), c);
  const totalNetCost = sum(years.map((y) => y.netCost), c);
  const totalDiscountedNetCost = sum(years.map((y) => y.discountedNetCost), c);
  const assessed = years.filter((y) => y.withinLimit !== null);
  const verdict = assessed.length === 0 ? "not-assessed" : assessed.every((y) => y.withinLimit === true) ? "affordable" : "not-affordable";
  steps.push(step("budget.bia.total", `Net budget impact over ${horizon} year${horizon === 1 ? "" : "s"}, undiscounted.`, { totalGrossCost }, totalNetCost));
  if (!p.discountRate.isZero()) {
    steps.push(step("budget.bia.discounted", `Present value at a ${pct(p.discountRate)} annual discount rate (year 1 undiscounted).`, { discountRate: p.discountRate }, totalDiscountedNetCost));
  }
  steps.push(
    step(
      "budget.bia.verdict",
      verdict === "not-assessed"
        ? "No affordability limit was configured: affordability not assessed."
        : verdict === "affordable"
          ? "Every year is within the configured affordability limit: affordable."
          : `Years above the affordability limit: ${assessed.filter((y) => !y.withinLimit).map((y) => y.year).join(", ")}: not affordable.`,
      { verdict },
    ),
  );
  return { horizon, years, totalGrossCost, totalNetCost, totalDiscountedNetCost, verdict, explanation: steps };
}

/**
 * Budget impact analysis (预算影响分析): per year, `treated = eligible × uptake` and
 * `net cost = treated × (cost per patient − displaced therapy − avoided events)`, each
 * money figure rounded once per year; totals undiscounted by default; shares of fund
 * expenditure and surplus; and an affordability verdict against a configured limit.
 *
 * @category Budget Impact
 * @param input - the analysis: currency, eligible population, uptake, cost per patient, displaced therapies, avoided events, fund figures and the affordability limit (each value constant or one per year).
 * @throws {ValidationError} when a field is missing, malformed, out of range or unknown, or a per-year list's length differs from the horizon (path named)
 * @throws {DomainError} INCONSISTENT_INPUT when the displaced shares of a year add up to more than 1 (path `displaced`), or a share limit is set without the fund figure it divides by
 *
 * @example
 * ```ts
 * const r = budgetImpact({ currency: "CNY", eligible: 3600, uptake: [0.3, 0.5, 0.7], costPerPatient: "120000" });
 * r.totalNetCost; // CNY 648000000.00
 * ```
 */
export function budgetImpact(input: BudgetImpactInput): BudgetImpact {
  return analyse(parseInput(budgetImpactInputSchema, input, "budgetImpact"));
}

/**
 * Input of {@link budgetImpactScenarios}: a base analysis and named overrides of its fields.
 *
 * @category Budget Impact
 */
export const budgetImpactScenariosInputSchema = lazySchema(() => z.strictObject({
  /** The base case: a {@link budgetImpactInputSchema} document. */
  base: userRecord(z.string(), z.unknown()),
  /** Named scenarios, each run as the base with its overrides, at most {@link MAX_BUDGET_IMPACT_SCENARIOS}; none by default. */
  scenarios: z
    .array(
      z.strictObject({
        /** The scenario's name ("price cut", "fast uptake"). */
        name: z.string().min(1),
        /** Top-level fields of the base that this scenario replaces. */
        overrides: userRecord(z.string(), z.unknown()),
      }),
    )
    .max(MAX_BUDGET_IMPACT_SCENARIOS)
    .default([]),
}));

/**
 * The base case and each scenario's analysis.
 *
 * @category Budget Impact
 */
export interface BudgetImpactScenarios {
  readonly runs: readonly { readonly name: string; readonly result: BudgetImpact; readonly differenceFromBase: Money }[];
}

/**
 * The input of {@link budgetImpactScenarios} as stored (JSON): what {@link budgetImpactScenariosInputSchema} parses.
 *
 * @category Budget Impact
 */
export type BudgetImpactScenariosInput = z.input<typeof budgetImpactScenariosInputSchema>;

/**
 * Runs a budget-impact analysis for the base case and for each scenario, where a
 * scenario replaces top-level fields of the base (e.g. a faster uptake or a lower
 * price). Each run reports its net total's difference from the base.
 *
 * @category Budget Impact
 * @param input - `base`, a budget-impact input, and `scenarios`, each a name and the top-level fields it overrides.
 * @throws {ValidationError} when a field is missing, malformed, out of range or unknown in the base or in a scenario merged with it (path under `base` or `scenarios[i].overrides`)
 * @throws {DomainError} INCONSISTENT_INPUT as {@link budgetImpact}
 *
 * @example
 * ```ts
 * budgetImpactScenarios({
 *   base: { eligible: 3600, uptake: [0.3, 0.5, 0.7], costPerPatient: "120000" },
 *   scenarios: [{ name: "price cut", overrides: { costPerPatient: "100000" } }],
 * }).runs[1]?.differenceFromBase; // CNY -108000000.00
 * ```
 */
export function budgetImpactScenarios(input: BudgetImpactScenariosInput): BudgetImpactScenarios {
  const p = parseInput(budgetImpactScenariosInputSchema, input, "budgetImpactScenarios");
  const run = (doc: unknown, context: string, prefix: (string | number)[]): BudgetImpact => {
    const parsed = budgetImpactInputSchema.safeParse(doc);
    if (!parsed.success) {
      throw new ValidationError(
        parsed.error.issues.map((i) => ({ path: [...prefix, ...i.path.map((x) => (typeof x === "symbol" ? String(x) : x))], code: i.code, message: i.message })),
        context,
      );
    }
    return analyse(parsed.data);
  };
  const base = run(p.base, "budgetImpactScenarios (base)", ["base"]);
  const runs = [{ name: "base", result: base, differenceFromBase: money(0, base.totalNetCost.currency) }];
  p.scenarios.forEach((s, i) => {
    const result = run({ ...p.base, ...s.overrides }, `budgetImpactScenarios (scenario "${s.name}")`, ["scenarios", i, "overrides"]);
    runs.push({ name: s.name, result, differenceFromBase: money(result.totalNetCost.amount.minus(base.totalNetCost.amount), result.totalNetCost.currency) });
  });
  return { runs };
}

