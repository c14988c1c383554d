// Shared savings (MSSP-style): an ACO's savings against a per-capita benchmark, gated by
// a minimum savings (and loss) rate, shared at a quality-adjusted rate, capped.
import * as z from "zod";
import { bandedTableSchema, decimal, lookupBand, nonNegativeAmountSchema, parseInput, rateSchema, roundingSchema, step, type Step } from "../../core/index.js";
import { invalid } from "../../kernel/index.js";
import { formatMoney, money, round, type Dec, type Money } from "../../money/index.js";
import { D } from "../../money/decimal.js";
import { pct, text } from "../common.js";
import { capLimits, capSchema, flatShare, runMechanism, statedCurrencySchema, type Reconciliation, type SchemeWords } from "./mechanism.js";
import { qualityFactor, qualityScoreSchema } from "./quality.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const positiveAmount = lazySchema(() => decimal({ above: "0" }));

// Claim lines are parsed as plain text or numbers and read as decimals in the computation:
// the decimal schemas cost ~10 µs a value, and an MSSP year has 100,000s of lines.
const UNSIGNED_DECIMAL = /^(\d+(\.\d+)?|\.\d+)$/;
const lineText = (what: string) => z.string().regex(UNSIGNED_DECIMAL, { error: (issue) => `${JSON.stringify(issue.input)} is not a non-negative decimal ${what}`, abort: true });
const lineAmount = lazySchema(() => z.union([lineText("amount"), z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)]));
const linePersonYears = lazySchema(() => z.union([lineText("number"), z.number().gt(0).lte(1)]));

/**
 * Minimum savings rate: `fixed` by the programme, `chosen` by the ACO from the programme's
 * `options` (the rate must be one of them), or looked up `by-beneficiaries` in a table.
 *
 * @category Reconciliation
 */
export const minimumSavingsRateSchema = lazySchema(() => z.discriminatedUnion("kind", [
  z.strictObject({
    /** A rate fixed by the programme. */
    kind: z.literal("fixed"),
    /** The minimum savings rate, a share in [0, 1] of the benchmark. */
    rate: rateSchema,
  }),
  z
    .strictObject({
      /** A rate the ACO chose from the programme's options. */
      kind: z.literal("chosen"),
      /** The chosen rate, in [0, 1]; one of `options`. */
      rate: rateSchema,
      /** The rates the programme offers, at least one. */
      options: z.array(rateSchema).min(1),
    })
    .refine((m) => m.options.some((o) => o.equals(m.rate)), { message: "the chosen rate is not one of the options", path: ["rate"] }),
  z.strictObject({
    /** A rate looked up by the number of assigned beneficiaries. */
    kind: z.literal("by-beneficiaries"),
    /** Bands over assigned person-years whose values are rates in [0, 1]. */
    table: bandedTableSchema(rateSchema),
  }),
]));

/**
 * Shared-loss rate: fixed, or 1 − the final sharing rate clamped to [min, max].
 *
 * @category Reconciliation
 */
export const sharedLossRateSchema = lazySchema(() => z.discriminatedUnion("kind", [
  z.strictObject({
    /** A fixed shared-loss rate. */
    kind: z.literal("fixed"),
    /** The shared-loss rate, in [0, 1]. */
    rate: rateSchema,
  }),
  z.strictObject({
    /** 1 − the final sharing rate, kept within [min, max]. */
    kind: z.literal("one-minus-final-sharing-rate"),
    /** The lowest shared-loss rate, in [0, 1]. */
    min: rateSchema,
    /** The highest shared-loss rate, in [0, 1], ≥ min. */
    max: rateSchema,
  }),
]));

/**
 * A shared-savings reconciliation document (MSSP-style). Savings = (benchmark per capita −
 * actual per capita) × assigned beneficiaries (person-years, fractional allowed). Expenditure
 * is given per capita or as one line per beneficiary. A two-sided track needs a minimum loss
 * rate, a shared-loss rate and a loss cap; a one-sided track must not give them.
 *
 * @category Reconciliation
 */
export const reconcileSharedSavingsInputSchema = lazySchema(() => z
  .strictObject({
    /** The scheme: `shared-savings`. */
    scheme: z.literal("shared-savings"),
    /** ISO 4217 code of every amount (stated, never defaulted). */
    currency: statedCurrencySchema,
    /** `one-sided` (savings only) or `two-sided` (savings and losses). */
    track: z.enum(["one-sided", "two-sided"]),
    /** The updated benchmark per assigned beneficiary (person-year), an amount > 0. */
    benchmarkPerCapita: positiveAmount,
    /** The assigned beneficiaries' expenditure: per capita, or one line per beneficiary. */
    expenditure: z.discriminatedUnion("kind", [
      z.strictObject({
        /** Expenditure given per capita. */
        kind: z.literal("per-capita"),
        /** Expenditure per person-year, an amount ≥ 0. */
        perCapita: nonNegativeAmountSchema,
        /** Assigned beneficiaries as person-years, > 0 (fractional allowed). */
        personYears: decimal({ above: "0" }),
      }),
      z.strictObject({
        /** Expenditure summed over one line per beneficiary. */
        kind: z.literal("beneficiaries"),
        /** One line per beneficiary: person-years in (0, 1], expenditure ≥ 0 (decimal text or a safe integer). */
        beneficiaries: z
          .array(
            z.strictObject({
              /** The beneficiary's id. */
              id: z.string().min(1),
              /** Person-years assigned, in (0, 1]. */
              personYears: linePersonYears,
              /** The beneficiary's expenditure, ≥ 0. */
              expenditure: lineAmount,
            }),
          )
          .min(1),
      }),
    ]),
    /** The minimum savings rate (fixed, chosen or by beneficiaries). */
    minimumSavingsRate: minimumSavingsRateSchema,
    /** The minimum loss rate, in [0, 1]: two-sided tracks only. */
    minimumLossRate: rateSchema.optional(),
    /** The maximum sharing rate, before quality (0.5 = 50%). */
    sharingRate: rateSchema,
    /** The quality score and how it scales the sharing rate. */
    quality: qualityScoreSchema,
    /** The performance payment limit; none when absent. */
    savingsCap: capSchema.optional(),
    /** The loss sharing limit: two-sided tracks only. */
    lossCap: capSchema.optional(),
    /** The shared-loss rate: two-sided tracks only. */
    sharedLossRate: sharedLossRateSchema.optional(),
    /** How the benchmark, expenditure, shares and caps are rounded; half-up by default. */
    rounding: roundingSchema.default("half-up"),
  })
  .superRefine((p, ctx) => {
    const twoSided = p.track === "two-sided";
    for (const key of ["minimumLossRate", "sharedLossRate", "lossCap"] as const) {
      if (twoSided && p[key] === undefined) ctx.addIssue({ code: "custom", path: [key], message: `a two-sided track needs ${key}` });
      if (!twoSided && p[key] !== undefined) ctx.addIssue({ code: "custom", path: [key], message: `a one-sided track owes no losses: ${key} does not apply` });
    }
    const lossProblem = p.sharedLossRate === undefined ? null : lossRateOf(p.sharedLossRate).problem(p.sharedLossRate);
    if (lossProblem !== null) ctx.addIssue({ code: "custom", path: ["sharedLossRate", ...lossProblem.path], message: lossProblem.message });
  }));

/**
 * A shared-savings document as stored (JSON).
 *
 * @category Reconciliation
 */
export type ReconcileSharedSavingsInput = z.input<typeof reconcileSharedSavingsInputSchema>;

/**
 * A shared-savings reconciliation: the common result plus the MSSP figures.
 *
 * @category Reconciliation
 */
export interface SharedSavingsReconciliation extends Reconciliation {
  readonly track: "one-sided" | "two-sided";
  /** Assigned beneficiaries as person-years, decimal text. */
  readonly personYears: string;
  readonly benchmarkPerCapita: Money;
  /** Actual expenditure per person-year, rounded (for display; the totals are exact). */
  readonly actualPerCapita: Money;
  readonly minimumSavingsRate: string;
  /** Sharing rate × quality factor. */
  readonly finalSharingRate: string;
  /** The shared-loss rate (two-sided), or null. */
  readonly sharedLossRate: string | null;
}

const words: SchemeWords = {
  rule: "budget.mssp",
  provider: "the ACO",
  target: "the updated benchmark",
  actual: "assigned beneficiaries' expenditure",
  gains: "shared savings",
  losses: "shared losses",
  minimumSavings: "minimum savings rate",
  minimumLoss: "minimum loss rate",
  stopGain: "performance payment limit",
  stopLoss: "loss sharing limit",
};

type SharedSavingsDoc = z.output<typeof reconcileSharedSavingsInputSchema>;
type Expenditure = SharedSavingsDoc["expenditure"];
type MinimumSavingsRate = z.output<typeof minimumSavingsRateSchema>;
type SharedLossRate = z.output<typeof sharedLossRateSchema>;
type Of<U extends { kind: string }, K extends U["kind"]> = Extract<U, { kind: K }>;
/** A rate a kind resolved to, with its sentence and the inputs it read. */
interface RateStep {
  readonly rate: Dec;
  readonly sentence: string;
  readonly inputs: Record<string, Dec>;
}

/** Everything about one expenditure kind: its totals and its sentence. Adding a kind is one entry. */
const EXPENDITURE: {
  readonly [K in Expenditure["kind"]]: {
    totals(e: Of<Expenditure, K>): { personYears: Dec; actualTotal: Dec };
    sentence(e: Of<Expenditure, K>, at: { currency: string; personYears: Dec; actualPerCapita: Money }): string;
  };
} = {
  "per-capita": {
    totals: (e) => ({ personYears: e.personYears, actualTotal: e.perCapita.times(e.personYears) }),
    sentence: (e, { currency, personYears }) => `Expenditure is ${formatMoney(money(e.perCapita, currency))} per capita × ${text(personYears)} person-years.`,
  },
  beneficiaries: {
    totals: (e) => {
      let personYears = new D(0);
      let actualTotal = new D(0);
      e.beneficiaries.forEach((b, i) => {
        const years = new D(b.personYears);
        if (!years.greaterThan(0) || years.greaterThan(1)) {
          throw invalid(["expenditure", "beneficiaries", i, "personYears"], `person-years of a beneficiary are in (0, 1], got ${years.toString()}`, "too_big");
        }
        personYears = personYears.plus(years);
        actualTotal = actualTotal.plus(new D(b.expenditure));
      });
      return { personYears, actualTotal };
    },
    sentence: (e, { actualPerCapita }) => `Expenditure is the sum over ${e.beneficiaries.length} beneficiaries' claims (${formatMoney(actualPerCapita)} per person-year).`,
  },
};

/** Everything about one minimum-savings-rate kind: the rate and its sentence. Adding a kind is one entry. */
const MINIMUM_SAVINGS_RATE: { readonly [K in MinimumSavingsRate["kind"]]: { resolve(m: Of<MinimumSavingsRate, K>, personYears: Dec): RateStep } } = {
  fixed: {
    resolve: (m) => ({ rate: m.rate, sentence: `The minimum savings rate is ${pct(m.rate)}.`, inputs: { minimumSavingsRate: m.rate } }),
  },
  chosen: {
    resolve: (m) => ({
      rate: m.rate,
      sentence: `The ACO chose a minimum savings rate of ${pct(m.rate)} (options ${m.options.map((r) => pct(r)).join(", ")}).`,
      inputs: { minimumSavingsRate: m.rate },
    }),
  },
  "by-beneficiaries": {
    resolve: (m, personYears) => {
      const band = lookupBand(m.table, personYears, ["minimumSavingsRate", "table"]);
      const rate = band.value;
      return { rate, sentence: `With ${text(personYears)} assigned beneficiaries the minimum savings rate is ${pct(rate)}${band.label ? ` (${band.label})` : ""}.`, inputs: { personYears, minimumSavingsRate: rate } };
    },
  },
};

/** Everything about one shared-loss-rate kind: what parsing rejects, the rate and its sentence. Adding a kind is one entry. */
const SHARED_LOSS_RATE: {
  readonly [K in SharedLossRate["kind"]]: {
    problem(l: Of<SharedLossRate, K>): { path: string[]; message: string } | null;
    resolve(l: Of<SharedLossRate, K>, finalSharingRate: Dec): RateStep;
  };
} = {
  fixed: {
    problem: () => null,
    resolve: (l) => ({ rate: l.rate, sentence: `The shared-loss rate is ${pct(l.rate)}.`, inputs: { sharedLossRate: l.rate } }),
  },
  "one-minus-final-sharing-rate": {
    problem: (l) => (l.min.greaterThan(l.max) ? { path: ["min"], message: "the shared-loss rate's min is above its max" } : null),
    resolve: (l, finalSharingRate) => {
      const raw = new D(1).minus(finalSharingRate);
      const rate = D.min(D.max(raw, l.min), l.max);
      return {
        rate,
        sentence: `The shared-loss rate is 1 − the final sharing rate = ${pct(raw)}, kept within [${pct(l.min)}, ${pct(l.max)}]: ${pct(rate)}.`,
        inputs: { finalSharingRate, min: l.min, max: l.max },
      };
    },
  },
};

// A lookup by a runtime kind widens the record's entry to the union, which is what the entry accepts for its own kind.
function expenditureOf(e: Expenditure) {
  return EXPENDITURE[e.kind] as unknown as { totals(e: Expenditure): { personYears: Dec; actualTotal: Dec }; sentence(e: Expenditure, at: { currency: string; personYears: Dec; actualPerCapita: Money }): string };
}
function minimumSavingsRateOf(m: MinimumSavingsRate) {
  return MINIMUM_SAVINGS_RATE[m.kind] as unknown as { resolve(m: MinimumSavingsRate, personYears: Dec): RateStep };
}
function lossRateOf(l: SharedLossRate) {
  return SHARED_LOSS_RATE[l.kind] as unknown as { problem(l: SharedLossRate): { path: string[]; message: string } | null; resolve(l: SharedLossRate, finalSharingRate: Dec): RateStep };
}

/** Computes a parsed shared-savings document. */
export function computeSharedSavings(p: z.output<typeof reconcileSharedSavingsInputSchema>): SharedSavingsReconciliation {
  const c = p.currency;
  const steps: Step[] = [];
  const { personYears, actualTotal } = expenditureOf(p.expenditure).totals(p.expenditure);
  const benchmarkPerCapita = money(p.benchmarkPerCapita, c);
  const target = round(money(p.benchmarkPerCapita.times(personYears), c), p.rounding);
  const actual = round(money(actualTotal, c), p.rounding);
  const actualPerCapita = round(money(actualTotal.dividedBy(personYears), c), p.rounding);
  steps.push(
    step(
      "budget.mssp.benchmark",
      `The benchmark is ${formatMoney(benchmarkPerCapita)} per capita × ${text(personYears)} assigned beneficiaries (person-years).`,
      { benchmarkPerCapita, personYears },
      target,
    ),
  );
  steps.push(
    step(
      "budget.mssp.expenditure",
      expenditureOf(p.expenditure).sentence(p.expenditure, { currency: c, personYears, actualPerCapita }),
      { personYears },
      actual,
    ),
  );
  const msrStep = minimumSavingsRateOf(p.minimumSavingsRate).resolve(p.minimumSavingsRate, personYears);
  const msr = msrStep.rate;
  steps.push(step("budget.mssp.msr", msrStep.sentence, msrStep.inputs));
  const q = qualityFactor(p.quality);
  const finalSharingRate = p.sharingRate.times(q.factor);
  steps.push(
    step(
      "budget.mssp.sharing-rate",
      `${q.text}: the final sharing rate is ${pct(p.sharingRate)} × ${text(q.factor)} = ${pct(finalSharingRate)}.`,
      { sharingRate: p.sharingRate, qualityScore: p.quality.score, qualityFactor: q.factor },
    ),
  );
  let lossRate: Dec | null = null;
  if (p.sharedLossRate !== undefined) {
    const lossStep = lossRateOf(p.sharedLossRate).resolve(p.sharedLossRate, finalSharingRate);
    lossRate = lossStep.rate;
    steps.push(step("budget.mssp.loss-rate", lossStep.sentence, lossStep.inputs));
  }
  const gateFails = p.quality.method === "gate" && !q.met;
  const r = runMechanism(
    "shared-savings",
    {
      words,
      target,
      actual,
      ratioBase: target,
      ratioBaseName: "the benchmark",
      minimumSavingsRate: msr,
      minimumLossRate: p.minimumLossRate ?? new D(0),
      downside: p.track === "two-sided",
      gainEligible: !gateFails,
      ineligibleReason: `${q.text}; the ACO does not qualify for shared savings`,
      gains: flatShare(p.sharingRate),
      losses: lossRate === null ? null : flatShare(lossRate),
      gainQuality: gateFails ? { factor: new D(0), text: "" } : { factor: q.factor, text: q.factor.equals(1) ? "" : `Quality: the sharing rate is scaled by the quality factor` },
      lossQuality: { factor: new D(1), text: "" },
      gainCaps: p.savingsCap === undefined ? [] : capLimits(p.savingsCap, target, { benchmark: "the benchmark" }, p.rounding),
      lossCaps: p.lossCap === undefined ? [] : capLimits(p.lossCap, target, { benchmark: "the benchmark" }, p.rounding),
      order: "quality-then-cap",
      rounding: p.rounding,
    },
    steps,
  );
  return {
    ...r,
    track: p.track,
    personYears: text(personYears),
    benchmarkPerCapita,
    actualPerCapita,
    minimumSavingsRate: text(msr),
    finalSharingRate: text(finalSharingRate),
    sharedLossRate: lossRate === null ? null : text(lossRate),
  };
}

/**
 * Reconciles an ACO's year under shared savings (MSSP-style): savings against the
 * per-capita benchmark × assigned beneficiaries; nothing is shared below the minimum
 * savings rate (or owed below the minimum loss rate), and once the rate is met the whole
 * amount is shared at the sharing rate × quality; savings and losses are capped
 * separately (the lesser of a share of the benchmark and of revenue).
 *
 * @category Reconciliation
 * @param input - the shared-savings document.
 * @throws {ValidationError} when a field is missing, malformed, out of range or unknown, the track's loss fields are missing (two-sided) or given (one-sided), a chosen minimum savings rate is not an option, person-years are outside (0, 1], or the quality score is off its scale (path named)
 * @throws {DomainError} UNDEFINED_RESULT when the benchmark is zero; OUT_OF_DOMAIN when the beneficiaries fall outside the minimum-savings-rate table
 *
 * @example
 * ```ts
 * reconcileSharedSavings({
 *   scheme: "shared-savings", currency: "USD", track: "one-sided",
 *   benchmarkPerCapita: "12000", expenditure: { kind: "per-capita", perCapita: "11400", personYears: 10000 },
 *   minimumSavingsRate: { kind: "fixed", rate: 0.02 }, sharingRate: 0.4,
 *   quality: { score: 80, scale: { min: 0, max: 100 }, method: "gate", standard: 40 },
 *   savingsCap: { shareOfBenchmark: 0.1 },
 * }).providerAmount; // USD 2400000.00
 * ```
 */
export function reconcileSharedSavings(input: ReconcileSharedSavingsInput): SharedSavingsReconciliation {
  return computeSharedSavings(parseInput(reconcileSharedSavingsInputSchema, input, "reconcileSharedSavings"));
}
