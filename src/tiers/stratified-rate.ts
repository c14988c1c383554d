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
  invalid,
  lookupBand,
  positiveDecimalSchema,
  rateSchema,
  ValidationError,
} from "../core/index.js";
import { type Dec, type DecimalInput } from "../money/index.js";
import { D } from "../money/decimal.js";
import { type Fraction, fractionOf } from "./units.js";

/** Patient attributes a stratified rate may read: `{ biomarker: "ALK-positive", lineOfTherapy: 2, income: "48000" }`. */
export type PatientAttributes = Readonly<Record<string, string | number | readonly string[] | undefined>>;

/** A stratified-rate document as stored: a rate, a category table or a banded table. */
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

/** A validated stratified rate. */
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

/** The rate a patient gets, with the choices that led to it. */
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
  if (rule.type === "fixed") {
    const moved = rule.rate.plus(points);
    if (moved.isNegative() || moved.greaterThan(1)) {
      throw invalid(path, `${rule.rate.toString()} ${points.isNegative() ? "−" : "+"} ${points.abs().toString()} = ${moved.toString()} is not a rate in [0, 1]`, "out_of_range");
    }
    return fixedRate(moved);
  }
  if (rule.type === "categorical") {
    const categories = new Map([...rule.categories].map(([k, v]) => [k, shiftRate(v, points, path)] as const));
    return made(rule.fallback === undefined ? { type: "categorical", by: rule.by, categories } : { type: "categorical", by: rule.by, categories, fallback: shiftRate(rule.fallback, points, path) });
  }
  const t = rule.table;
  const table = bandedTable<StratifiedRate>({ closed: t.closed, domain: t.domain, bands: t.bands.map((b) => ({ from: b.from, to: b.to, value: shiftRate(b.value, points, path), ...(b.label === undefined ? {} : { label: b.label }) })) }, path);
  return made(rule.relativeTo === undefined ? { type: "banded", by: rule.by, table } : { type: "banded", by: rule.by, relativeTo: rule.relativeTo, table });
}

const boundSchema = z.union([z.string(), z.number(), z.null()]);

const attributeName = z.string().min(1, "name the patient attribute the table is keyed by");

function categoricalSchema() {
  return z
    .strictObject({
      by: attributeName,
      categories: userRecord(z.string(), stratifiedRateSchema).refine((c) => Object.keys(c).length > 0, "a category table needs at least one category"),
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
      by: attributeName,
      relativeTo: z.union([z.strictObject({ amount: positiveDecimalSchema }).strict(), z.strictObject({ attribute: attributeName }).strict()]).optional(),
      closed: z.enum(["lower", "upper"]).optional(),
      domain: z.strictObject({ min: boundSchema, max: boundSchema }).optional(),
      bands: z.array(z.strictObject({ from: boundSchema, to: boundSchema, value: stratifiedRateSchema, label: z.string().optional() })).min(1),
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
 */
export const stratifiedRateSchema: z.ZodType<StratifiedRate, StratifiedRateInput> = z
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
  }) as unknown as z.ZodType<StratifiedRate, StratifiedRateInput>;

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
 * The rate a stratified rule gives a patient. An unknown category without a declared
 * default is an `UNKNOWN_KEY` error; a value outside a banded table's domain is
 * `OUT_OF_DOMAIN`; a missing attribute is a {@link ValidationError} at `patient.<attribute>`.
 *
 * @example
 * ```ts
 * declare const rule: z.output<typeof stratifiedRateSchema>;
 * resolveStratifiedRate({ rule: rule, patient: { biomarker: "ALK-positive" } }).rate.toString(); // "0.8"
 * ```
 */
export function resolveStratifiedRate(input: { readonly rule: StratifiedRate; readonly patient?: PatientAttributes | undefined; readonly path?: IssuePath }): ResolvedRate;
/**
 * The older positional form of {@link resolveStratifiedRate}.
 *
 * @deprecated pass `{ rule, patient, path? }`.
 * @example
 * ```ts
 * declare const rule: z.output<typeof stratifiedRateSchema>;
 * resolveStratifiedRate(rule, { biomarker: "ALK-positive" }, ["patient"]);
 * ```
 */
export function resolveStratifiedRate(rule: StratifiedRate, patient: PatientAttributes | undefined, path?: IssuePath): ResolvedRate;
/**
 * Both forms: `{ rule, patient?, path? }`, or `(rule, patient, path?)`.
 *
 * @example
 * ```ts
 * declare const rule: z.output<typeof stratifiedRateSchema>;
 * resolveStratifiedRate({ rule: rule, patient: { lineOfTherapy: 2 } });
 * ```
 */
export function resolveStratifiedRate(
  first: StratifiedRate | { readonly rule: StratifiedRate; readonly patient?: PatientAttributes | undefined; readonly path?: IssuePath },
  second?: PatientAttributes,
  third: IssuePath = ["patient"],
): ResolvedRate {
  let rule: StratifiedRate;
  let patient: PatientAttributes | undefined = second;
  let path: IssuePath = third;
  // The named form: `{ rule, patient?, path? }` (a parsed rate is never a plain object with a `rule` key).
  if (typeof first === "object" && first !== null && !madeRates.has(first) && Object.hasOwn(first, "rule")) {
    const x = first as { rule: StratifiedRate; patient?: PatientAttributes; path?: IssuePath };
    rule = x.rule;
    patient = x.patient;
    path = x.path ?? ["patient"];
  } else rule = first as StratifiedRate;
  if (typeof rule !== "object" || rule === null || !madeRates.has(rule)) throw invalid(["rule"], "expected a rate parsed by stratifiedRateSchema", "invalid_type");
  if (!Array.isArray(path)) throw invalid(["path"], "a path is a list of keys and indices", "invalid_type");
  checkPatient(patient, path);
  if (rule.type === "fixed") return { rate: rule.rate, fraction: rule.fraction, trail: [] };
  const trail: string[] = [];
  const node = walkRate(rule, patient, path, trail);
  return { rate: node.rate, fraction: node.fraction, trail };
}

/**
 * The exact fraction a parsed rule gives an already checked patient, with no trail (the
 * bulk path: {@link splitBillMinorUnits} checked the patient once for the whole claim).
 */
export function rateFraction(rule: StratifiedRate, patient: PatientAttributes | undefined, path: IssuePath): Fraction {
  return rule.type === "fixed" ? rule.fraction : walkRate(rule, patient, path, null).fraction;
}

/** Walks the tables down to the fixed rate that applies; writes the entries chosen to `trail` unless it is null. */
function walkRate(rule: StratifiedRate, patient: PatientAttributes | undefined, path: IssuePath, trail: string[] | null): StratifiedRate & { readonly type: "fixed" } {
  let node: StratifiedRate = rule;
  while (node.type !== "fixed") {
    const raw = attributeValue(patient, node.by, path);
    if (node.type === "categorical") {
      const key = String(raw);
      const hit = node.categories.get(key);
      if (hit !== undefined) {
        if (trail !== null) trail.push(`${node.by} = ${key}`);
        node = hit;
      } else if (node.fallback !== undefined) {
        if (trail !== null) trail.push(`${node.by} = ${key} (not listed: default)`);
        node = node.fallback;
      } else {
        throw new DomainError("UNKNOWN_KEY", `unknown ${node.by} ${JSON.stringify(key)}: the table lists ${[...node.categories.keys()].join(", ")} and declares no default`, {
          path: [...path, node.by],
          details: { attribute: node.by, value: key, known: [...node.categories.keys()] },
        });
      }
    } else {
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
      node = band.value;
    }
  }
  return node;
}
