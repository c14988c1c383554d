import * as z from "zod";
import {
  nonNegativeAmountSchema,
  parseInput,
  rateSchema,
  roundingSchema,
  step,
  type IssuePath,
  type Step,
} from "../core/index.js";
import { allocate, type Dec, equals, money, round, subtract, sum, type Money, type Rounding, formatMoney } from "../money/index.js";
import { D } from "../money/decimal.js";
import { budgetCurrencySchema, cash, inconsistent, pct, text } from "./common.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * One priced item of a bundle (test, drug, imaging, supportive care) at its à-la-carte amount.
 *
 * @category Bundled Payment
 */
export const bundleComponentSchema = lazySchema(() => z.strictObject({
  /** The component's name (NGS test, targeted drug, imaging); also its key in the explanation. */
  name: z.string().min(1),
  /** Its à-la-carte amount (单项价格), ≥ 0, in the bundle's currency. */
  amount: nonNegativeAmountSchema,
}));

/**
 * A bundle document (打包付费): one price for a whole episode. Give the `price`, the
 * `components`, or both; with both, the components (less any `packageDiscount`) must
 * add up to the price exactly, or the bundle is rejected as inconsistent.
 *
 * @category Bundled Payment
 */
export const bundleSchema = lazySchema(() => z
  .strictObject({
    /** The bundle's id, used in sentences when it has no name. */
    id: z.string().optional(),
    /** The bundle's name, used in sentences ("Lung-cancer monthly bundle"). */
    name: z.string().optional(),
    /** ISO 4217 code of the price and the components (stated, never defaulted). */
    currency: budgetCurrencySchema,
    /** The package price per episode (打包价格), ≥ 0; with components, it must equal their (discounted) sum. */
    price: nonNegativeAmountSchema.optional(),
    /** The priced items of the bundle, at least one. */
    components: z.array(bundleComponentSchema).min(1).optional(),
    /** How far below the à-la-carte sum the package is priced: 0.2 = 20% off. */
    packageDiscount: rateSchema.optional(),
  })
  .superRefine((b, ctx) => {
    if (b.price === undefined && b.components === undefined) {
      ctx.addIssue({ code: "custom", path: ["price"], message: "a bundle needs a price, components, or both" });
    }
    if (b.packageDiscount !== undefined && b.components === undefined) {
      ctx.addIssue({ code: "custom", path: ["packageDiscount"], message: "a package discount needs components to discount" });
    }
  }));

/**
 * A bundle document as stored (JSON).
 *
 * @category Bundled Payment
 */
export type BundleInput = z.input<typeof bundleSchema>;

/**
 * A bundle component with its à-la-carte amount and its share of the bundle price.
 *
 * @category Bundled Payment
 */
export interface BundleComponentLine {
  readonly name: string;
  /** The component's à-la-carte amount. */
  readonly listAmount: Money;
  /** Its share of the bundle price, split in proportion to the list amounts (exact to the cent). */
  readonly share: Money;
}

/**
 * A bundle's resolved price.
 *
 * @category Bundled Payment
 */
export interface BundlePriceResult {
  readonly price: Money;
  /** Sum of the components at their à-la-carte amounts, when components are given. */
  readonly alaCarteTotal: Money | null;
  /** The package discount as a decimal text ("0.2"), "0" when none. */
  readonly packageDiscount: string;
  readonly components: readonly BundleComponentLine[];
  readonly explanation: readonly Step[];
}

interface ParsedBundle {
  readonly currency: string;
  readonly price?: Dec;
  readonly components?: readonly { name: string; amount: Dec }[];
  readonly packageDiscount?: Dec;
  readonly name?: string;
  readonly id?: string;
}

/** Resolves a parsed bundle to its price, checking the components against it. */
export function resolveBundle(b: ParsedBundle, rounding: Rounding, path: IssuePath = ["bundle"]): BundlePriceResult {
  const label = b.name ?? b.id ?? "The bundle";
  const steps: Step[] = [];
  const discount = b.packageDiscount ?? new D(0);
  let alaCarte: Money | null = null;
  let derived: Money | null = null;
  if (b.components !== undefined) {
    alaCarte = sum(
      b.components.map((c) => cash(c.amount, b.currency)),
      b.currency,
    );
    steps.push(
      step(
        "budget.bundle.components",
        `The components of ${b.name ?? b.id ?? "the bundle"} add up to ${formatMoney(alaCarte)} à la carte.`,
        Object.fromEntries(b.components.map((c) => [c.name, cash(c.amount, b.currency)])),
        alaCarte,
      ),
    );
    derived = alaCarte;
    if (!discount.isZero()) {
      derived = round(money(alaCarte.amount.times(new D(1).minus(discount)), b.currency), rounding);
      steps.push(
        step(
          "budget.bundle.package-discount",
          `The package is priced ${pct(discount)} below the à-la-carte sum.`,
          { alaCarteTotal: alaCarte, packageDiscount: discount, rounding },
          derived,
        ),
      );
    }
  }
  let price: Money;
  if (b.price !== undefined) {
    price = cash(b.price, b.currency);
    if (derived !== null && !equals(price, derived)) {
      throw inconsistent(
        [...path, "price"],
        `the bundle price ${formatMoney(price)} disagrees with its components, which give ${formatMoney(derived)}`,
        { price: price.toJSON(), fromComponents: derived.toJSON(), alaCarteTotal: alaCarte?.toJSON() ?? null, packageDiscount: text(discount) },
      );
    }
    steps.push(step("budget.bundle.price", `${label} is priced at ${formatMoney(price)} per episode.`, {}, price));
  } else {
    price = derived as Money;
    steps.push(step("budget.bundle.price", `${label} is priced from its components at ${formatMoney(price)} per episode.`, {}, price));
  }
  const components: BundleComponentLine[] = [];
  if (b.components !== undefined) {
    const listAmounts = b.components.map((c) => cash(c.amount, b.currency));
    const anyPositive = listAmounts.some((m) => m.amount.greaterThan(0));
    const shares = anyPositive && price.amount.greaterThan(0)
      ? allocate(price, b.components.map((c) => c.amount))
      : listAmounts.map(() => money(0, b.currency));
    b.components.forEach((c, i) => {
      components.push({ name: c.name, listAmount: listAmounts[i] as Money, share: shares[i] as Money });
    });
  }
  return { price, alaCarteTotal: alaCarte, packageDiscount: text(discount), components, explanation: steps };
}

/**
 * Input of {@link bundlePrice}.
 *
 * @category Bundled Payment
 */
export const bundlePriceInputSchema = lazySchema(() => z.strictObject({
  /** The bundle document. */
  bundle: bundleSchema,
  /** How the discounted package price is rounded; half-up by default. */
  rounding: roundingSchema.default("half-up"),
}));

/**
 * The input of {@link bundlePrice} as stored (JSON): what {@link bundlePriceInputSchema} parses.
 *
 * @category Bundled Payment
 */
export type BundlePriceInput = z.input<typeof bundlePriceInputSchema>;

/**
 * A bundle's price from its price and/or components (B2: a package 20% below the
 * à-la-carte sum), with the price split back over the components to the cent.
 * Components that disagree with a given price are an `INCONSISTENT_INPUT` error.
 *
 * @category Bundled Payment
 * @param input - `bundle`, the bundle document, and the `rounding` of a discounted package price.
 * @throws {ValidationError} when a field is missing, malformed, out of range or unknown, or the bundle has neither price nor components, or a discount without components (path named)
 * @throws {DomainError} INCONSISTENT_INPUT when the components, less the discount, disagree with the price (path `bundle.price`)
 *
 * @example
 * ```ts
 * const r = bundlePrice({ bundle: { currency: "CNY", components: [{ name: "drug", amount: "25000" }], packageDiscount: 0.2 } });
 * r.price; // CNY 20000.00
 * ```
 */
export function bundlePrice(input: BundlePriceInput): BundlePriceResult {
  const p = parseInput(bundlePriceInputSchema, input, "bundlePrice");
  return resolveBundle(p.bundle, p.rounding);
}

/**
 * A limit on what a provider can keep or bear on one episode: either a rate of the
 * bundle price (`{ rateOfPrice: 0.05 }`) or a fixed amount (`{ amount: "1400" }`).
 *
 * @category Bundled Payment
 */
export const bundleLimitSchema = lazySchema(() => z
  .strictObject({
    /** The limit as a share in [0, 1] of the bundle price. */
    rateOfPrice: rateSchema.optional(),
    /** The limit as a fixed amount ≥ 0 in the bundle's currency. */
    amount: nonNegativeAmountSchema.optional(),
  })
  .refine((l) => (l.rateOfPrice === undefined) !== (l.amount === undefined), {
    message: "give exactly one of rateOfPrice or amount",
  }));

/**
 * How surplus and overrun are shared between payer and provider (reusable across episodes).
 *
 * @category Bundled Payment
 */
export const bundleSettlementTermsSchema = lazySchema(() => z.strictObject({
  /** Provider's share of a surplus (price above cost); 1 = keeps it all. */
  gainSharing: rateSchema.prefault(1),
  /** Provider's share of an overrun (cost above price); 1 = bears it all. */
  lossSharing: rateSchema.prefault(1),
  /** Most the provider can lose on one episode (stop-loss). */
  stopLoss: bundleLimitSchema.optional(),
  /** Most the provider can gain on one episode (stop-gain). */
  stopGain: bundleLimitSchema.optional(),
  /** How shared amounts and rate limits are rounded; half-up by default. */
  rounding: roundingSchema.default("half-up"),
}));

/**
 * Settlement terms as stored (JSON).
 *
 * @category Bundled Payment
 */
export type BundleSettlementTerms = z.input<typeof bundleSettlementTermsSchema>;

/**
 * Input of {@link settleBundle}: the bundle, the episode's actual itemised cost, and the terms.
 *
 * @category Bundled Payment
 */
export const settleBundleInputSchema = lazySchema(() => bundleSettlementTermsSchema.extend({
  bundle: bundleSchema,
  actualCost: nonNegativeAmountSchema,
}));

/**
 * One episode settled under a bundle.
 *
 * @category Bundled Payment
 */
export interface BundleSettlement {
  readonly bundlePrice: Money;
  readonly actualCost: Money;
  /** What the payer pays the provider for the episode. */
  readonly payerPayment: Money;
  /** Surplus the provider keeps (≥ 0). */
  readonly providerKeeps: Money;
  /** Overrun the provider bears (≥ 0). */
  readonly providerBears: Money;
  /** providerKeeps − providerBears; payerPayment = actualCost + providerMargin. */
  readonly providerMargin: Money;
  /** "surplus", "overrun" or "on-price". */
  readonly outcome: "surplus" | "overrun" | "on-price";
  /** True when a stop-loss or stop-gain limited the provider's result. */
  readonly limitApplied: boolean;
  readonly explanation: readonly Step[];
}

type Terms = z.output<typeof bundleSettlementTermsSchema>;

function limitAmount(limit: z.output<typeof bundleLimitSchema>, price: Money, rounding: Rounding): Money {
  if (limit.amount !== undefined) return cash(limit.amount, price.currency);
  return round(money(price.amount.times(limit.rateOfPrice as Dec), price.currency), rounding);
}

/** Settles one episode against an already-resolved price. */
export function settleAgainstPrice(price: Money, actualCost: Money, terms: Terms, priceSteps: readonly Step[]): BundleSettlement {
  const steps: Step[] = [...priceSteps];
  const currency = price.currency;
  const rounding = terms.rounding;
  const zero = money(0, currency);
  steps.push(step("budget.bundle.actual-cost", `The episode's actual itemised cost is ${formatMoney(actualCost)}.`, {}, actualCost));
  const diff = subtract(price, actualCost);
  let keeps = zero;
  let bears = zero;
  let limitApplied = false;
  let outcome: BundleSettlement["outcome"] = "on-price";
  if (diff.amount.greaterThan(0)) {
    outcome = "surplus";
    keeps = round(money(diff.amount.times(terms.gainSharing), currency), rounding);
    steps.push(
      step(
        "budget.bundle.surplus",
        `Cost came in ${formatMoney(diff)} under the price; the provider keeps ${pct(terms.gainSharing)} of the surplus (结余留用).`,
        { surplus: diff, gainSharing: terms.gainSharing },
        keeps,
      ),
    );
    if (terms.stopGain !== undefined) {
      const cap = limitAmount(terms.stopGain, price, rounding);
      if (keeps.amount.greaterThan(cap.amount)) {
        keeps = cap;
        limitApplied = true;
      }
      steps.push(
        step(
          "budget.bundle.stop-gain",
          limitApplied ? `The stop-gain limits the provider's gain to ${formatMoney(cap)}.` : `The stop-gain of ${formatMoney(cap)} does not bind.`,
          { stopGain: cap },
          keeps,
        ),
      );
    }
  } else if (diff.amount.lessThan(0)) {
    outcome = "overrun";
    const overrun = money(diff.amount.negated(), currency);
    bears = round(money(overrun.amount.times(terms.lossSharing), currency), rounding);
    steps.push(
      step(
        "budget.bundle.overrun",
        `Cost ran ${formatMoney(overrun)} over the price; the provider bears ${pct(terms.lossSharing)} of the overrun.`,
        { overrun, lossSharing: terms.lossSharing },
        bears,
      ),
    );
    if (terms.stopLoss !== undefined) {
      const cap = limitAmount(terms.stopLoss, price, rounding);
      if (bears.amount.greaterThan(cap.amount)) {
        bears = cap;
        limitApplied = true;
      }
      steps.push(
        step(
          "budget.bundle.stop-loss",
          limitApplied ? `The stop-loss limits the provider's loss to ${formatMoney(cap)}; the payer covers the rest.` : `The stop-loss of ${formatMoney(cap)} does not bind.`,
          { stopLoss: cap },
          bears,
        ),
      );
    }
  } else {
    steps.push(step("budget.bundle.on-price", "Cost equals the price: no surplus and no overrun.", {}, zero));
  }
  const margin = subtract(keeps, bears);
  const payerPayment = money(actualCost.amount.plus(margin.amount), currency);
  steps.push(
    step(
      "budget.bundle.payer-payment",
      "The payer pays the actual cost plus what the provider keeps, less what it bears.",
      { actualCost, providerKeeps: keeps, providerBears: bears },
      payerPayment,
    ),
  );
  return { bundlePrice: price, actualCost, payerPayment, providerKeeps: keeps, providerBears: bears, providerMargin: margin, outcome, limitApplied, explanation: steps };
}

/**
 * The input of {@link settleBundle} as stored (JSON): what {@link settleBundleInputSchema} parses.
 *
 * @category Bundled Payment
 */
export type SettleBundleInput = z.input<typeof settleBundleInputSchema>;

/**
 * Settles one episode under a bundled payment: the provider keeps a share of any
 * surplus and bears a share of any overrun, within optional stop-gain / stop-loss
 * limits. Always `payerPayment = actualCost + providerKeeps − providerBears`.
 *
 * @category Bundled Payment
 * @param input - the `bundle`, the episode's `actualCost`, and the settlement terms (gain and loss sharing, stop-loss, stop-gain, rounding).
 * @throws {ValidationError} when a field is missing, malformed, out of range or unknown, or a limit gives both or neither of `rateOfPrice` and `amount` (path named)
 * @throws {DomainError} INCONSISTENT_INPUT when the components disagree with the price (path `bundle.price`)
 *
 * @example
 * ```ts
 * const s = settleBundle({
 *   bundle: { currency: "CNY", price: "28000", components: [
 *     { name: "NGS test", amount: "5000" }, { name: "targeted drug", amount: "20000" },
 *     { name: "imaging", amount: "1000" }, { name: "supportive care", amount: "2000" }] },
 *   actualCost: "31000",
 *   stopLoss: { rateOfPrice: 0.05 },
 * });
 * s.providerBears; // CNY 1400.00
 * s.payerPayment;  // CNY 29600.00
 * ```
 */
export function settleBundle(input: SettleBundleInput): BundleSettlement {
  const p = parseInput(settleBundleInputSchema, input, "settleBundle");
  const resolved = resolveBundle(p.bundle, p.rounding);
  return settleAgainstPrice(resolved.price, cash(p.actualCost, p.bundle.currency), p, resolved.explanation);
}
