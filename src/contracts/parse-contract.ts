import { type Issue, parseInput, ValidationError } from "../core/index.js";
import { allocate, type Dec, getCurrency, type Money, money, type Rounding } from "../money/index.js";
import { type DueOffset, describeOffset, dueDateMemo } from "./calendar.js";
import { installmentFinancing } from "./financing.js";
import {
  type ConditionTerms,
  type ContractTerms,
  contractSchema,
  contractVersionsSchema,
  type EventMatcher,
} from "./terms.js";
import { amountWords, moneyMaker, toFraction, toUnits } from "./units.js";
import { NO_OUTCOMES, type ParsedOutcomes, prepareOutcomes } from "./outcomes/declarations.js";
import { type MatcherTerms, prepareMatcher } from "./outcomes/matchers.js";
import { type ParsedDeadline, prepareDeadline } from "./terms/deadline.js";
import { type ParsedPerCycle, preparePerCycle } from "./terms/per-cycle.js";

const PARSED = Symbol("precision-vbp.parsedContract");
const PARSED_VERSIONS = Symbol("precision-vbp.parsedContractVersions");

/** A condition ready for evaluation, with its human wording ("no CRS since treatment start"). */
export type ParsedCondition =
  | { readonly type: "none" | "some"; readonly events: readonly EventMatcher[]; readonly within: DueOffset | null; readonly label: string }
  | {
      readonly type: "count";
      readonly events: readonly EventMatcher[];
      readonly atLeast: number | null;
      readonly atMost: number | null;
      readonly within: DueOffset | null;
      readonly rolling: DueOffset | null;
      readonly label: string;
      /** The events counted, in words. */
      readonly what: string;
    }
  | {
      readonly type: "sustained";
      readonly evidence: readonly EventMatcher[];
      readonly interruptedBy: readonly EventMatcher[];
      readonly span: DueOffset;
      readonly maxGap: DueOffset | null;
      readonly within: DueOffset | null;
      readonly label: string;
      readonly what: string;
    };

/** One scheduled payment with its amount already allocated. */
export interface ParsedInstallment {
  readonly id: string;
  readonly label: string;
  readonly units: bigint;
  readonly amount: Money;
  /** The share of the price, or null for a financing payment. */
  readonly share: Dec | null;
  /** The share as text ("0.3"), or "financed". */
  readonly shareText: string;
  readonly due: DueOffset;
  readonly conditions: readonly ParsedCondition[];
  /** The conditions' wording, in order. */
  readonly conditionLabels: readonly string[];
}

/** How the price is paid, after parsing: dated installments, or per treated month. */
export type ParsedPayment =
  | { readonly type: "installments"; readonly source: "schedule" | "financing"; readonly installments: readonly ParsedInstallment[] }
  | { readonly type: "perTreatedMonth"; readonly stopOn: readonly EventMatcher[]; readonly maxMonths: number | null }
  | ParsedPerCycle;

/** A bonus ready for evaluation. */
export type ParsedBonus =
  | { readonly type: "fixed"; readonly id: string; readonly label: string; readonly units: bigint; readonly amount: Money; readonly due: DueOffset; readonly conditions: readonly ParsedCondition[] }
  | {
      readonly type: "perTreatedMonth";
      readonly id: string;
      readonly label: string;
      readonly units: bigint;
      readonly amount: Money;
      readonly assessAt: DueOffset;
      readonly conditions: readonly ParsedCondition[];
      readonly fromMonth: number;
      readonly retroactive: boolean;
    };

/** A refund or clawback ready for evaluation. */
export interface ParsedRefund {
  readonly type: "refund" | "clawback";
  readonly id: string;
  readonly label: string;
  readonly trigger: readonly EventMatcher[];
  readonly within: DueOffset | null;
  /** The share as an exact fraction num / den. */
  readonly share: { readonly num: bigint; readonly den: bigint };
  readonly shareText: string;
  readonly base: "payments" | "paymentsAndBonuses";
}

/**
 * A validated contract with everything that does not depend on the patient computed
 * once: installment amounts allocated, amounts in minor units, condition wording.
 * Produced by {@link parseContract}; pass it to {@link evaluateContract} for every patient.
 */
export interface ParsedContract {
  readonly [PARSED]: true;
  readonly id: string;
  readonly name: string | null;
  readonly version: string | null;
  readonly currency: string;
  /** Digits of the currency's minor unit. */
  readonly scale: number;
  readonly rounding: Rounding;
  readonly price: Money;
  /** The price in minor units. */
  readonly priceUnits: bigint;
  readonly effective: { readonly from: string; readonly to: string | null } | null;
  readonly payment: ParsedPayment;
  readonly bonuses: readonly ParsedBonus[];
  readonly refunds: readonly ParsedRefund[];
  /** Deadline terms (refund, clawback, withhold or bonus on a milestone missed or met by a date). */
  readonly deadlines: readonly ParsedDeadline<ParsedCondition>[];
  /** The outcome kinds the contract declares beyond the built-in ones. */
  readonly outcomes: ParsedOutcomes;
  /**
   * The most the contract can ever pay for one patient (installments plus fixed
   * bonuses), or null when it grows with treated months.
   */
  readonly maxPayable: Money | null;
  /** The validated terms, as the schema produced them. */
  readonly terms: ContractTerms;
  /** Turns minor units into Money in the contract's currency. */
  readonly toMoney: (units: bigint) => Money;
  /** Formats minor units for explanations: "CNY 1,200,000.00". */
  readonly formatUnits: (units: bigint) => string;
  /** Treatment start + offset, memoised per contract. */
  readonly dueDate: (start: string, offset: DueOffset) => string;
}

/** Versions of a contract, parsed, sorted by effective date. */
export interface ParsedContractVersions {
  readonly [PARSED_VERSIONS]: true;
  readonly id: string | null;
  readonly versions: readonly ParsedContract[];
}

const KIND_WORDS: Record<string, string> = {
  treatmentStart: "treatment start",
  infusion: "infusion",
  treatedMonth: "treated month",
  assessment: "assessment",
  crs: "CRS",
  progression: "progression",
  relapse: "relapse",
  seriousAdverseEvent: "serious adverse event",
  death: "death",
  improvement: "improvement",
};

/** A matcher in words: "CRS of grade ≥ 3", "assessment CR/PR", "hospitalisation with days ≥ 3". */
export function describeMatcher(m: EventMatcher): string {
  if (m.text !== undefined) return m.text;
  let text = KIND_WORDS[m.kind] ?? m.kind;
  if (m.minGrade !== undefined && m.minGrade > 1) text += ` of grade ≥ ${m.minGrade}`;
  if (m.responses !== undefined) text += ` ${m.responses.join("/")}`;
  return text;
}

function windowWords(within: DueOffset | undefined): string {
  return within === undefined ? "since treatment start" : `within ${describeOffset(within).replace(" after treatment start", "")} of treatment start`;
}

function span(o: DueOffset): string {
  return describeOffset(o).replace(" after treatment start", "");
}

type Prep = (list: readonly unknown[], path: readonly (string | number)[]) => EventMatcher[];

function parseCondition(c: ConditionTerms, prep: Prep, path: readonly (string | number)[]): ParsedCondition {
  if (c.type === "count") {
    const events = prep(c.events, [...path, "events"]);
    const what = events.map(describeMatcher).join(" or ");
    const need = [c.atLeast === undefined ? null : `at least ${c.atLeast}`, c.atMost === undefined ? null : `at most ${c.atMost}`].filter((x) => x !== null).join(" and ");
    const where = c.rolling === undefined ? windowWords(c.within) : `in any ${span(c.rolling)}${c.within === undefined ? "" : ` ${windowWords(c.within)}`}`;
    return { type: "count", events, atLeast: c.atLeast ?? null, atMost: c.atMost ?? null, within: c.within ?? null, rolling: c.rolling ?? null, what, label: c.label ?? `${need} ${what} ${where}` };
  }
  if (c.type === "sustained") {
    const evidence = prep(c.evidence, [...path, "evidence"]);
    const interruptedBy = prep(c.interruptedBy, [...path, "interruptedBy"]);
    const what = evidence.map(describeMatcher).join(" or ");
    const label =
      c.label ??
      `${what} sustained for ${span(c.for)}${interruptedBy.length > 0 ? ` with no ${interruptedBy.map(describeMatcher).join(" or ")}` : ""}${c.maxGap === undefined ? "" : ` and no gap over ${span(c.maxGap)} between assessments`}${c.within === undefined ? "" : ` ${windowWords(c.within)}`}`;
    return { type: "sustained", evidence, interruptedBy, span: c.for, maxGap: c.maxGap ?? null, within: c.within ?? null, what, label };
  }
  const events = prep(c.events, [...path, "events"]);
  const what = events.map(describeMatcher).join(" or ");
  const label = c.label ?? (c.type === "none" ? `no ${what} ${windowWords(c.within)}` : `${what} recorded ${windowWords(c.within)}`);
  return { type: c.type, events, within: c.within ?? null, label };
}

function parseConditions(list: readonly ConditionTerms[], prep: Prep, path: readonly (string | number)[]): ParsedCondition[] {
  return list.map((c, j) => parseCondition(c, prep, [...path, j]));
}

function unitsAt(d: Dec, scale: number, path: (string | number)[], currency: string, issues: Issue[]): bigint {
  if (d.decimalPlaces() > scale) {
    issues.push({ path, code: "sub_minor_unit", message: `${d.toString()} has more decimals than ${currency} allows (${scale})` });
    return 0n;
  }
  return toUnits(d, scale);
}

function percent(d: Dec): string {
  return `${d.times(100).toString()}%`;
}

function build(terms: ContractTerms, pathPrefix: (string | number)[]): ParsedContract {
  const currency = getCurrency(terms.currency).code;
  const scale = getCurrency(currency).minorUnit;
  const toMoney = moneyMaker(currency, scale);
  const issues: Issue[] = [];
  const priceUnits = unitsAt(terms.price, scale, [...pathPrefix, "price"], currency, issues);
  if (issues.length > 0) throw new ValidationError(issues, "parseContract");
  const outcomes = terms.outcomes === undefined ? NO_OUTCOMES : prepareOutcomes(terms.outcomes);
  const words = (kind: string) => KIND_WORDS[kind] ?? kind;
  const prep: Prep = (list, path) => list.map((m, i) => prepareMatcher(m as MatcherTerms, outcomes, [...pathPrefix, ...path, i], issues, words) as EventMatcher);
  const price = toMoney(priceUnits);
  let payment: ParsedPayment;
  if (terms.payment.type === "schedule") {
    const list = terms.payment.installments;
    const parts = allocate(price, list.map((i) => i.share));
    payment = {
      type: "installments",
      source: "schedule",
      installments: list.map((inst, k) => {
        const amount = parts[k] as Money;
        const id = inst.id ?? `installment-${k + 1}`;
        return {
          id,
          label: inst.label ?? `Installment ${k + 1} (${percent(inst.share)} of the price, due ${describeOffset(inst.due)})`,
          units: toUnits(amount.amount, scale),
          amount,
          share: inst.share,
          shareText: inst.share.toString(),
          due: inst.due,
          conditions: parseConditions(inst.conditions, prep, ["payment", "installments", k, "conditions"]),
          conditionLabels: parseConditions(inst.conditions, prep, ["payment", "installments", k, "conditions"]).map((x) => x.label),
        };
      }),
    };
  } else if (terms.payment.type === "financing") {
    const f = terms.payment;
    const plan = installmentFinancing({ principal: price, periodicRate: f.periodicRate.toString(), periods: f.periods, rounding: terms.rounding });
    const first = f.firstDue ?? { months: f.intervalMonths, days: 0 };
    const conditions = parseConditions(f.conditions, prep, ["payment", "conditions"]);
    payment = {
      type: "installments",
      source: "financing",
      installments: plan.payments.map((amount, k) => {
        const due = { months: first.months + k * f.intervalMonths, days: first.days };
        return {
          id: `payment-${k + 1}`,
          label: `Financed payment ${k + 1} of ${f.periods} (due ${describeOffset(due)})`,
          units: toUnits(amount.amount, scale),
          amount,
          share: null,
          shareText: "financed",
          due,
          conditions,
          conditionLabels: conditions.map((x) => x.label),
        };
      }),
    };
  } else if (terms.payment.type === "perTreatedMonth") {
    payment = { type: "perTreatedMonth", stopOn: prep(terms.payment.stopOn, ["payment", "stopOn"]), maxMonths: terms.payment.maxMonths ?? null };
  } else {
    payment = preparePerCycle({ terms: terms.payment, priceUnits, rounding: terms.rounding, prepare: prep, words: describeMatcher, path: [...pathPrefix, "payment"], issues });
  }
  const bonuses: ParsedBonus[] = terms.bonuses.map((b, k): ParsedBonus => {
    const units = unitsAt(b.amount, scale, [...pathPrefix, "bonuses", k, "amount"], currency, issues);
    const amount = toMoney(units);
    const id = b.id ?? `bonus-${k + 1}`;
    if (b.type === "fixed") {
      return { type: "fixed", id, label: b.label ?? `Bonus ${id} (due ${describeOffset(b.due)})`, units, amount, due: b.due, conditions: parseConditions(b.conditions, prep, ["bonuses", k, "conditions"]) };
    }
    return {
      type: "perTreatedMonth",
      id,
      label: b.label ?? `Bonus ${id} per treated month`,
      units,
      amount,
      assessAt: b.assessAt,
      conditions: parseConditions(b.conditions, prep, ["bonuses", k, "conditions"]),
      fromMonth: b.fromMonth,
      retroactive: b.retroactive,
    };
  });
  const refunds: ParsedRefund[] = terms.refunds.map((r, k) => {
    const id = r.id ?? `${r.type}-${k + 1}`;
    const trigger = prep(r.trigger, ["refunds", k, "trigger"]);
    const what = trigger.map(describeMatcher).join(" or ");
    const window = r.within === undefined ? "" : ` within ${describeOffset(r.within).replace(" after treatment start", "")} of treatment start`;
    return {
      type: r.type,
      id,
      label: r.label ?? `${r.type === "refund" ? "Refund" : "Clawback"} of ${percent(r.share)} of the amount paid on ${what}${window}`,
      trigger,
      within: r.within ?? null,
      share: toFraction(r.share),
      shareText: r.share.toString(),
      base: r.base,
    };
  });
  const deadlines = terms.deadlines.map((d, k) => {
    const milestone = parseCondition(d.milestone, prep, ["deadlines", k, "milestone"]);
    return prepareDeadline({
      terms: d,
      index: k,
      milestone,
      milestoneLabel: milestone.label,
      prepare: prep,
      words: describeMatcher,
      units: (amount, path) => unitsAt(amount, scale, path as (string | number)[], currency, issues),
      path: [...pathPrefix, "deadlines", k],
    });
  });
  if (issues.length > 0) throw new ValidationError(issues, "parseContract");
  let maxPayable: Money | null = null;
  if (payment.type === "installments" && bonuses.every((b) => b.type === "fixed")) {
    let total = 0n;
    for (const i of payment.installments) total += i.units;
    for (const b of bonuses) total += b.units;
    for (const d of deadlines) if (d.consequence.type === "bonus") total += d.consequence.units;
    maxPayable = toMoney(total);
  }
  const effective = terms.effective === undefined ? null : { from: terms.effective.from, to: terms.effective.to ?? null };
  return Object.freeze({
    [PARSED]: true as const,
    id: terms.id,
    name: terms.name ?? null,
    version: terms.version ?? null,
    currency,
    scale,
    rounding: terms.rounding,
    price,
    priceUnits,
    effective,
    payment,
    bonuses,
    refunds,
    deadlines,
    outcomes,
    maxPayable,
    terms,
    toMoney,
    formatUnits: amountWords(currency, scale),
    dueDate: dueDateMemo(),
  });
}

/**
 * True when `value` was produced by {@link parseContract}.
 *
 * @example
 * ```ts
 * isParsedContract(parseContract(json)); // true
 * isParsedContract(json);                // false
 * ```
 */
export function isParsedContract(value: unknown): value is ParsedContract {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[PARSED] === true;
}

/**
 * True when `value` was produced by {@link parseContractVersions}.
 *
 * @example
 * ```ts
 * isParsedContractVersions(parseContractVersions({ versions })); // true
 * ```
 */
export function isParsedContractVersions(value: unknown): value is ParsedContractVersions {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[PARSED_VERSIONS] === true;
}

/**
 * Validates a contract document and precomputes everything that does not depend on
 * the patient (installment amounts allocated from the price, condition wording).
 * Parse once, evaluate many patients. Bad input is a {@link ValidationError} with
 * the path of every offending field.
 *
 * @example
 * ```ts
 * const k1 = parseContract({
 *   id: "K1", currency: "CNY", price: "1200000.00",
 *   payment: { type: "schedule", installments: [
 *     { share: "0.4", due: { months: 0 } },
 *     { share: "0.3", due: { months: 3 }, conditions: [{ type: "none", events: ["crs"] }] },
 *     { share: "0.3", due: { months: 6 }, conditions: [{ type: "none", events: ["relapse"] }] },
 *   ] },
 * });
 * k1.payment.type; // "installments"
 * ```
 */
export function parseContract(json: unknown): ParsedContract {
  if (isParsedContract(json)) return json;
  return build(parseInput(contractSchema, json, "parseContract"), []);
}

/**
 * Validates a versioned contract (`{ versions: [...] }`): each version needs an
 * effective period and periods may not overlap (a {@link ValidationError} at
 * `versions[i].effective` otherwise).
 *
 * @example
 * ```ts
 * const set = parseContractVersions({ versions: [
 *   { ...v1, effective: { from: "2025-01-01", to: "2026-01-01" } },
 *   { ...v2, effective: { from: "2026-01-01" } },
 * ] });
 * ```
 */
export function parseContractVersions(json: unknown): ParsedContractVersions {
  if (isParsedContractVersions(json)) return json;
  const set = parseInput(contractVersionsSchema, json, "parseContractVersions");
  const versions = set.versions.map((v, i) => build(v, ["versions", i]));
  versions.sort((a, b) => ((a.effective?.from ?? "") < (b.effective?.from ?? "") ? -1 : 1));
  return Object.freeze({ [PARSED_VERSIONS]: true as const, id: set.id ?? null, versions });
}
