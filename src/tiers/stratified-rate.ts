// Stratified rates (分层报销): a rate chosen by who the patient is, written as data.
// A rule is a plain rate, a table keyed by a category (biomarker, insurance type),
// or a banded table over a number (line of therapy, income, absolute or relative).
// Tables nest, so "by insurance type, then by hospital level" is one document.
import { quote } from "../money/decimal.js";
import * as z from "zod";
import { userRecord } from "../core/schemas.js";
import {
  bandedTable,
  type Band,
  type BandedTable,
  type BandClosure,
  type BandInput,
  describeBand,
  DomainError,
  type IssuePath,
  lookupBand,
  positiveDecimalSchema,
  rateSchema,
  ValidationError,
} from "../core/index.js";
import { invalid } from "../kernel/index.js";
import { type Dec, type DecimalInput } from "../money/index.js";
import { D } from "../money/decimal.js";
import { type Fraction, fractionOf } from "../money/minor-units.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * Patient attributes a stratified rate may read: `{ biomarker: "ALK-positive", lineOfTherapy: 2, income: "48000" }`.
 *
 * @category Stratified Reimbursement
 */
export type PatientAttributes = Readonly<Record<string, string | number | readonly string[] | undefined>>;

/**
 * A stratified-rate document as stored: a rate, a category table or a banded table.
 *
 * @category Stratified Reimbursement
 */
export type StratifiedRateInput =
  | string
  | number
  | {
      /** The patient attribute that picks the entry. */
      readonly by: string;
      /** Rate (or nested rule) per category value. */
      readonly categories: Readonly<Record<string, StratifiedRateInput>>;
      /** What applies to a category the table does not list; without it an unknown category is an error. */
      readonly default?: StratifiedRateInput;
    }
  | {
      readonly by: string;
      /** Divide the attribute by a reference first (income relative to the local average). */
      readonly relativeTo?: { readonly amount: DecimalInput } | { readonly attribute: string };
      readonly bands: readonly BandInput<StratifiedRateInput>[];
      readonly closed?: BandClosure;
      readonly domain?: { readonly min: DecimalInput | null; readonly max: DecimalInput | null };
    };

/**
 * A validated stratified rate.
 *
 * @category Stratified Reimbursement
 */
export type StratifiedRate =
  | { readonly type: "fixed"; readonly rate: Dec; readonly fraction: Fraction }
  | {
      readonly type: "categorical";
      readonly by: string;
      readonly categories: ReadonlyMap<string, StratifiedRate>;
      readonly fallback?: StratifiedRate;
    }
  | {
      readonly type: "banded";
      readonly by: string;
      readonly relativeTo?: { readonly amount: Dec } | { readonly attribute: string };
      readonly table: BandedTable<StratifiedRate>;
    };

/**
 * The rate a patient gets, with the choices that led to it.
 *
 * @category Stratified Reimbursement
 */
export interface ResolvedRate {
  readonly rate: Dec;
  readonly fraction: Fraction;
  /** One line per table consulted, e.g. `biomarker = ALK-positive`. */
  readonly trail: readonly string[];
}

/** Rates made by this module (parsed from a document); {@link resolveStratifiedRate} reads only these. */
const madeRates = new WeakSet<object>();

function made(rate: StratifiedRate): StratifiedRate {
  madeRates.add(rate);
  return rate;
}

/** A fixed rate, already parsed. */
export function fixedRate(rate: Dec): StratifiedRate {
  return made({ type: "fixed", rate, fraction: fractionOf(rate) });
}

/**
 * The rule with `points` added to every rate it can give (a variant's "five extra
 * points"): a fixed rate moves, a table moves each of its entries and its default. A
 * result outside [0, 1] is a `ValidationError` (`out_of_range`) at `path`.
 */
export function shiftRate(rule: StratifiedRate, points: Dec, path: IssuePath): StratifiedRate {
  return behaviourOf(rule).shift(rule, points, path);
}

const boundSchema = lazySchema(() => z.union([z.string(), z.number(), z.null()]));

const attributeName = lazySchema(() => z.string().min(1, "name the patient attribute the table is keyed by"));

function categoricalSchema() {
  return z
    .strictObject({
      /** The patient attribute that picks the entry (`biomarker`, `insuranceType`, …). */
      by: attributeName,
      /** The rate (or a nested table) per value of the attribute. */
      categories: userRecord(z.string(), stratifiedRateSchema).refine((c) => Object.keys(c).length > 0, "a category table needs at least one category"),
      /** What applies to a value the table does not list; without it an unlisted value is an error (UNKNOWN_KEY). */
      default: stratifiedRateSchema.optional(),
    })
    .strict()
    .transform((doc): StratifiedRate => {
      const categories = new Map<string, StratifiedRate>(Object.entries(doc.categories));
      return made(
        doc.default === undefined ? { type: "categorical", by: doc.by, categories } : { type: "categorical", by: doc.by, categories, fallback: doc.default },
      );
    });
}

function bandedSchema() {
  return z
    .strictObject({
      /** The numeric patient attribute the bands are over (`lineOfTherapy`, `income`, …). */
      by: attributeName,
      /** Divide the attribute by a reference first: a fixed `amount`, or another patient `attribute` (income relative to the local average). */
      relativeTo: z.union([z.strictObject({
          /** The reference amount, > 0. */
          amount: positiveDecimalSchema,
        }).strict(), z.strictObject({
          /** The patient attribute holding the reference, > 0. */
          attribute: attributeName,
        }).strict()]).optional(),
      /** Which end of each band is included: `lower` (default, [from, to)) or `upper` ((from, to]). */
      closed: z.enum(["lower", "upper"]).optional(),
      /** The range the bands must cover; the span of the bands when absent. */
      domain: z.strictObject({
          /** Lowest value of the domain (null: −∞). */
          min: boundSchema,
          /** Highest value of the domain (null: +∞). */
          max: boundSchema,
        }).optional(),
      /** The bands, covering the domain with no gap and no overlap. */
      bands: z.array(z.strictObject({
          /** Lower bound of the band (null: −∞). */
          from: boundSchema,
          /** Upper bound of the band (null: +∞). */
          to: boundSchema,
          /** The rate (or a nested table) in the band. */
          value: stratifiedRateSchema,
          /** A name for the band, shown in explanations. */
          label: z.string().optional(),
        })).min(1),
    })
    .strict()
    .transform((doc, ctx): StratifiedRate => {
      try {
        const table = bandedTable<StratifiedRate>({
          bands: doc.bands.map((b) => (b.label === undefined ? { from: b.from, to: b.to, value: b.value } : b)),
          ...(doc.closed === undefined ? {} : { closed: doc.closed }),
          ...(doc.domain === undefined ? {} : { domain: doc.domain }),
        });
        return made(doc.relativeTo === undefined ? { type: "banded", by: doc.by, table } : { type: "banded", by: doc.by, relativeTo: doc.relativeTo, table });
      } catch (e) {
        if (e instanceof DomainError) {
          ctx.addIssue({ code: "custom", message: e.reason, path: [...e.path], params: { domainCode: e.code } });
          return z.NEVER;
        }
        if (e instanceof ValidationError) {
          for (const issue of e.issues) ctx.addIssue({ code: "custom", message: issue.message, path: [...issue.path] });
          return z.NEVER;
        }
        throw e;
      }
    });
}

let categorical: ReturnType<typeof categoricalSchema> | undefined;
let banded: ReturnType<typeof bandedSchema> | undefined;

/**
 * The zod schema of a stratified rate: a rate in [0, 1], `{ by, categories, default? }`,
 * or `{ by, relativeTo?, bands }` (half-open bands, no gap, no overlap). Tables nest.
 * @category Stratified Reimbursement
 */
export const stratifiedRateSchema: z.ZodType<StratifiedRate, StratifiedRateInput> = lazySchema(() => z
  .unknown()
  .transform((value, ctx): StratifiedRate => {
    // Pick the shape first so an error speaks about the shape the author meant.
    let result;
    if (typeof value === "string" || typeof value === "number") {
      result = rateSchema.safeParse(value);
      if (result.success) return fixedRate(result.data);
    } else if (typeof value === "object" && value !== null && !Array.isArray(value) && "bands" in value) {
      banded ??= bandedSchema();
      result = banded.safeParse(value);
      if (result.success) return result.data;
    } else if (typeof value === "object" && value !== null && !Array.isArray(value) && "categories" in value) {
      categorical ??= categoricalSchema();
      result = categorical.safeParse(value);
      if (result.success) return result.data;
    } else {
      ctx.addIssue({ code: "custom", message: "expected a rate in [0, 1], a { by, categories } table or a { by, bands } table" });
      return z.NEVER;
    }
    for (const issue of result.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: [...issue.path] as (string | number)[] });
    return z.NEVER;
  }) as unknown as z.ZodType<StratifiedRate, StratifiedRateInput>);

function numericAttribute(value: unknown, path: IssuePath, by: string): Dec {
  if (typeof value === "number" && Number.isFinite(value)) return new D(value);
  if (typeof value === "string" && /^[+-]?(\d+(\.\d+)?|\.\d+)$/.test(value.trim())) return new D(value.trim());
  throw invalid(path, `the table is keyed by the number ${by}; got ${quote(value)}`, "invalid_attribute");
}

/**
 * Checks patient attributes by hand (the bulk path has no schema pass): absent, or a
 * record of text, finite numbers and lists of text, with `groups` a list of text.
 */
export function checkPatient(patient: unknown, path: IssuePath): asserts patient is PatientAttributes | undefined {
  if (patient === undefined) return;
  if (patient === null || typeof patient !== "object" || Array.isArray(patient)) throw invalid(path, "the patient is a record of attributes", "invalid_type");
  for (const key of Object.keys(patient)) {
    const v: unknown = (patient as Record<string, unknown>)[key];
    const ok =
      key === "groups"
        ? Array.isArray(v) && v.every((g) => typeof g === "string")
        : typeof v === "string" || (typeof v === "number" && Number.isFinite(v)) || (Array.isArray(v) && v.every((g) => typeof g === "string"));
    if (!ok) throw invalid([...path, key], key === "groups" ? "groups is a list of text" : "an attribute is text, a finite number or a list of text", "invalid_attribute");
  }
}

function attributeValue(patient: PatientAttributes | undefined, by: string, path: IssuePath): unknown {
  const v = patient !== undefined && Object.hasOwn(patient, by) ? patient[by] : undefined;
  if (v === undefined) throw invalid([...path, by], `the rate table is keyed by ${by}, but the patient has no ${by}`, "missing_attribute");
  return v;
}

/**
 * Input of {@link resolveStratifiedRate}.
 *
 * @category Stratified Reimbursement
 */
export interface ResolveStratifiedRateInput {
  /** A rule parsed by {@link stratifiedRateSchema}. */
  readonly rule: StratifiedRate;
  /** The patient's attributes (absent: none). */
  readonly patient?: PatientAttributes | undefined;
  /** Where errors about the patient point; `["patient"]` when absent. */
  readonly path?: IssuePath;
}

const PATIENT: IssuePath = ["patient"];

/**
 * The rate a stratified rule gives a patient. An unknown category without a declared
 * default is an `UNKNOWN_KEY` error; a value outside a banded table's domain is
 * `OUT_OF_DOMAIN`; a missing attribute is a {@link ValidationError} at `patient.<attribute>`.
 *
 * @param input - The parsed rule, the patient and the path to report errors at.
 * @param input.rule - A rule parsed by `stratifiedRateSchema`.
 * @param input.patient - The patient's attributes.
 * @param input.path - Where errors about the patient point (`["patient"]` by default).
 * @throws {ValidationError} invalid_type when the rule was not parsed by `stratifiedRateSchema`; missing_attribute / invalid_attribute at `patient.<attribute>`.
 * @throws {DomainError} UNKNOWN_KEY for a category the table does not list (and no default); OUT_OF_DOMAIN for a value outside a banded table.
 * @example
 * ```ts
 * declare const rule: z.output<typeof stratifiedRateSchema>;
 * resolveStratifiedRate({ rule: rule, patient: { biomarker: "ALK-positive" } }).rate.toString(); // "0.8"
 * ```
 * @category Stratified Reimbursement
 */
export function resolveStratifiedRate(input: ResolveStratifiedRateInput): ResolvedRate {
  if (input === null || typeof input !== "object" || Array.isArray(input) || madeRates.has(input)) throw invalid([], "expected { rule, patient?, path? }", "invalid_type");
  for (const key of Object.keys(input)) {
    if (key !== "rule" && key !== "patient" && key !== "path") throw invalid([key], `unknown key ${JSON.stringify(key)}: resolveStratifiedRate takes { rule, patient?, path? }`, "unrecognized_keys");
  }
  const { rule, patient } = input;
  const path = input.path ?? PATIENT;
  if (typeof rule !== "object" || rule === null || !madeRates.has(rule)) throw invalid(["rule"], "expected a rate parsed by stratifiedRateSchema", "invalid_type");
  if (!Array.isArray(path)) throw invalid(["path"], "a path is a list of keys and indices", "invalid_type");
  checkPatient(patient, path);
  const trail: string[] = [];
  const node = walkRate(rule, patient, path, trail);
  return { rate: node.rate, fraction: node.fraction, trail };
}

/**
 * The exact fraction a parsed rule gives an already checked patient, with no trail (the
 * bulk path: {@link splitBillMinorUnits} checked the patient once for the whole claim).
 * A fixed rate answers at once, so the bulk path needs no fast path of its own.
 */
export function rateFraction(rule: StratifiedRate, patient: PatientAttributes | undefined, path: IssuePath): Fraction {
  return behaviourOf(rule).fraction(rule, patient, path);
}

/** A rate as a percentage: `0.75` → `75%` (every digit the rate has, no rounding). */
export function pct(rate: Dec): string {
  return `${rate.times(100).toString()}%`;
}

/** The rule in a variant's words: `75%`, `a table by insuranceType`. */
export function rateWords(rule: StratifiedRate): string {
  return behaviourOf(rule).words(rule);
}

/**
 * A variant's points on the rule in words, `by` saying the points (`+ 5 points`):
 * `75% + 5 points = 80%` for a rate, `+ 5 points on every entry of a table by income` for a table.
 */
export function ratePointsWords(rule: StratifiedRate, moved: StratifiedRate, by: string): string {
  return behaviourOf(rule).pointsWords(rule, moved, by);
}

type RuleType = StratifiedRate["type"];
type RuleOf<T extends RuleType> = Extract<StratifiedRate, { type: T }>;
type FixedRule = RuleOf<"fixed">;

/**
 * Everything about one rule type: how a variant's points move it, how it picks the fixed
 * rate a patient gets (with the trail, or just the fraction for the bulk path), and how a
 * variant words it. Adding a rule type is one entry here (plus its schema).
 */
interface RuleBehaviour<T extends RuleType> {
  /** The rule with `points` added to every rate it can give; a result outside [0, 1] is `out_of_range` at `path`. */
  shift(rule: RuleOf<T>, points: Dec, path: IssuePath): StratifiedRate;
  /** The fixed rate the patient gets; writes the entries chosen to `trail` unless it is null. */
  walk(rule: RuleOf<T>, patient: PatientAttributes | undefined, path: IssuePath, trail: string[] | null): FixedRule;
  /** The exact fraction the patient gets, with no trail: the bulk path's per-claim call. */
  fraction(rule: RuleOf<T>, patient: PatientAttributes | undefined, path: IssuePath): Fraction;
  /** The rule in a variant's words ({@link rateWords}). */
  words(rule: RuleOf<T>): string;
  /** `by` points on the rule in words, `moved` being the result ({@link ratePointsWords}). */
  pointsWords(rule: RuleOf<T>, moved: StratifiedRate, by: string): string;
}

type TableRule = RuleOf<"categorical" | "banded">;

// What the two table types share: both walk down to a fixed rate, and a variant words either by
// its key. Named in each entry rather than spread in, so that every entry is one literal with the
// same keys in the same order (one object shape: the per-claim calls through RULES stay monomorphic).
function tableFraction(rule: TableRule, patient: PatientAttributes | undefined, path: IssuePath): Fraction {
  return walkRate(rule, patient, path, null).fraction;
}

function tableWords(rule: TableRule): string {
  return `a table by ${rule.by}`;
}

function tablePointsWords(rule: TableRule, _moved: StratifiedRate, by: string): string {
  return `${by} on every entry of ${tableWords(rule)}`;
}

const RULES: { readonly [T in RuleType]: RuleBehaviour<T> } = {
  fixed: {
    shift: (rule, points, path) => {
      const moved = rule.rate.plus(points);
      if (moved.isNegative() || moved.greaterThan(1)) {
        throw invalid(path, `${rule.rate.toString()} ${points.isNegative() ? "−" : "+"} ${points.abs().toString()} = ${moved.toString()} is not a rate in [0, 1]`, "out_of_range");
      }
      return fixedRate(moved);
    },
    walk: (rule) => rule,
    fraction: (rule) => rule.fraction,
    words: (rule) => pct(rule.rate),
    pointsWords: (rule, moved, by) => `${pct(rule.rate)} ${by} = ${rateWords(moved)}`,
  },
  categorical: {
    shift: (rule, points, path) => {
      const categories = new Map([...rule.categories].map(([k, v]) => [k, shiftRate(v, points, path)] as const));
      return made(rule.fallback === undefined ? { type: "categorical", by: rule.by, categories } : { type: "categorical", by: rule.by, categories, fallback: shiftRate(rule.fallback, points, path) });
    },
    walk: (node, patient, path, trail) => {
      const key = String(attributeValue(patient, node.by, path));
      const hit = node.categories.get(key);
      if (hit !== undefined) {
        if (trail !== null) trail.push(`${node.by} = ${key}`);
        return walkRate(hit, patient, path, trail);
      }
      if (node.fallback !== undefined) {
        if (trail !== null) trail.push(`${node.by} = ${key} (not listed: default)`);
        return walkRate(node.fallback, patient, path, trail);
      }
      throw new DomainError("UNKNOWN_KEY", `unknown ${node.by} ${JSON.stringify(key)}: the table lists ${[...node.categories.keys()].join(", ")} and declares no default`, {
        path: [...path, node.by],
        details: { attribute: node.by, value: key, known: [...node.categories.keys()] },
      });
    },
    fraction: tableFraction,
    words: tableWords,
    pointsWords: tablePointsWords,
  },
  banded: {
    shift: (rule, points, path) => {
      const t = rule.table;
      const table = bandedTable<StratifiedRate>({ closed: t.closed, domain: t.domain, bands: t.bands.map((b) => ({ from: b.from, to: b.to, value: shiftRate(b.value, points, path), ...(b.label === undefined ? {} : { label: b.label }) })) }, path);
      return made(rule.relativeTo === undefined ? { type: "banded", by: rule.by, table } : { type: "banded", by: rule.by, relativeTo: rule.relativeTo, table });
    },
    walk: (node, patient, path, trail) => {
      const raw = attributeValue(patient, node.by, path);
      let x = numericAttribute(raw, [...path, node.by], node.by);
      let shown = "";
      if (trail !== null) shown = `${node.by} = ${x.toString()}`;
      if (node.relativeTo !== undefined) {
        const ref =
          "amount" in node.relativeTo
            ? node.relativeTo.amount
            : numericAttribute(attributeValue(patient, node.relativeTo.attribute, path), [...path, node.relativeTo.attribute], node.relativeTo.attribute);
        if (!ref.isPositive() || ref.isZero()) {
          throw invalid([...path, "amount" in node.relativeTo ? node.by : node.relativeTo.attribute], "the reference of a relative table must be positive", "not_positive");
        }
        x = x.dividedBy(ref);
        if (trail !== null) shown = `${node.by} / ${ref.toString()} = ${x.toDecimalPlaces(6).toString()}`;
      }
      const band: Band<StratifiedRate> = lookupBand(node.table, x, [...path, node.by]);
      if (trail !== null) trail.push(`${shown} in ${describeBand(node.table, band)}${band.label ? ` (${band.label})` : ""}`);
      return walkRate(band.value, patient, path, trail);
    },
    fraction: tableFraction,
    words: tableWords,
    pointsWords: tablePointsWords,
  },
};

/**
 * The entry of a rule's type. The record is typed per type above; a lookup by a runtime
 * type widens it to the union, which is what each entry accepts for its own type.
 */
function behaviourOf(rule: StratifiedRate): RuleBehaviour<RuleType> {
  return RULES[rule.type] as unknown as RuleBehaviour<RuleType>;
}

/** Walks the tables down to the fixed rate that applies; writes the entries chosen to `trail` unless it is null. */
function walkRate(rule: StratifiedRate, patient: PatientAttributes | undefined, path: IssuePath, trail: string[] | null): FixedRule {
  return behaviourOf(rule).walk(rule, patient, path, trail);
}
