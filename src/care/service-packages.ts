// Risk-tier service packages (风险分层健康管理服务包, care §4): a tier from a banded risk
// score, package years anchored on enrolment, item limits per package year, and each
// claim line classified.
import * as z from "zod";
import { bandedTableSchema, type BandedTable, describeBand, lookupBand, nonNegativeAmountSchema, parseInput, rateSchema, step, type Step } from "../core/index.js";
import { seriesDate } from "../contracts/anchored-series.js";
import { money, type Money } from "../money/index.js";
import { byDate, careCurrencySchema, careDateSchema, inconsistent, text } from "./common.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * The default risk tiers **[fixed]**: low [0, 0.10), medium [0.10, 0.30), high [0.30, 1].
 *
 * @category Service Packages
 */
export const DEFAULT_RISK_TIERS = Object.freeze({
  domain: Object.freeze({ min: 0, max: 1 }),
  bands: Object.freeze([
    Object.freeze({ from: 0, to: 0.1, value: "low" }),
    Object.freeze({ from: 0.1, to: 0.3, value: "medium" }),
    Object.freeze({ from: 0.3, to: 1, value: "high" }),
  ]),
});

/**
 * A tier table: half-open bands of the risk score in [0, 1] naming tiers (the shared banded tables).
 *
 * @category Service Packages
 */
export const riskTierTableSchema = lazySchema(() => bandedTableSchema(z.string().min(1)));

/**
 * Input of {@link riskTier}.
 *
 * @category Service Packages
 */
export const riskTierInputSchema = lazySchema(() => z.strictObject({
  /** The risk score s in [0, 1]. */
  score: rateSchema,
  /** The tier table (default low [0, 0.10), medium [0.10, 0.30), high [0.30, 1]). */
  tiers: riskTierTableSchema.prefault(DEFAULT_RISK_TIERS as never),
}));

/**
 * A score's tier and the band it fell in.
 *
 * @category Service Packages
 */
export interface RiskTier {
  readonly score: string;
  readonly tier: string;
  /** The band in interval notation, `[0.3, 1]`. */
  readonly band: string;
  readonly explanation: readonly Step[];
}

/**
 * The risk tier (风险分层) of a score: the band of the tier table that holds it (default
 * low [0, 0.10), medium [0.10, 0.30), high [0.30, 1]).
 *
 * @example
 * ```ts
 * riskTier({ score: 0.3 }).tier;    // "high"
 * riskTier({ score: 0.2999 }).tier; // "medium"
 * ```
 *
 * @category Service Packages
 * @param input - the named arguments, parsed with `riskTierInputSchema` (JSON as a backend stores it)
 * @throws {ValidationError} when the input does not match `riskTierInputSchema` (the issue names the field path)
 * @throws {DomainError} OUT_OF_DOMAIN at `score` when the score lies outside the tier table's domain
 */
export function riskTier(input: z.input<typeof riskTierInputSchema>): RiskTier {
  const p = parseInput(riskTierInputSchema, input, "riskTier");
  const table = p.tiers as BandedTable<string>;
  const band = lookupBand(table, p.score, ["score"]);
  const where = describeBand(table, band);
  return {
    score: text(p.score),
    tier: band.value,
    band: where,
    explanation: [step("care.package.tier", `Risk score ${text(p.score)} falls in ${where}: tier ${band.value}.`, { score: p.score, band: where }, undefined)],
  };
}

/**
 * One item of a package and how many units a package year includes (`null` = no limit).
 *
 * @category Service Packages
 */
export const servicePackageItemSchema = lazySchema(() => z.strictObject({
  /** The item code (a service, a test). */
  item: z.string().min(1),
  /** Units included per package year, 1–1,000,000, or `null` for no limit. */
  limit: z.number().int().min(1).max(1_000_000).nullable(),
}));

/**
 * A service package: what the fund and the patient pay per package year, and its items.
 *
 * @category Service Packages
 */
export const servicePackageSchema = lazySchema(() => z
  .strictObject({
    /** The package code (服务包编码), unique. */
    code: z.string().min(1),
    /** The risk tier it serves, if tied to one. */
    tier: z.string().min(1).optional(),
    /** The currency of the fees (ISO 4217); required. */
    currency: careCurrencySchema,
    /** The fund's fee per enrollee and package year, ≥ 0. */
    fundAmount: nonNegativeAmountSchema,
    /** The patient's fee per package year, ≥ 0. */
    patientAmount: nonNegativeAmountSchema,
    /** The items the package includes, at least one. */
    items: z.array(servicePackageItemSchema).min(1),
    /** Free text for the record. */
    note: z.string().optional(),
  })
  .superRefine((pkg, ctx) => {
    const seen = new Set<string>();
    pkg.items.forEach((it, i) => {
      if (seen.has(it.item)) ctx.addIssue({ code: "custom", message: `item ${JSON.stringify(it.item)} is listed twice`, path: ["items", i, "item"] });
      seen.add(it.item);
    });
  }));

/**
 * A service package document as written (JSON).
 *
 * @category Service Packages
 */
export type ServicePackageInput = z.input<typeof servicePackageSchema>;

const pkg = (code: string, tier: string, fundAmount: string, patientAmount: string, items: [string, number | null][], note: string): ServicePackageInput =>
  Object.freeze({ code, tier, currency: "CNY", fundAmount, patientAmount, items: Object.freeze(items.map(([item, limit]) => Object.freeze({ item, limit }))) as never, note });

/**
 * care.md's packages, CNY per package year. DM-HIGH is 003's pilot (「醫保支付年費用360元/人」,
 * 「患者自付60元」) put in the high tier, DM-MED's figures and BRCA-PREV's patient share 0 are
 * **[fixed]**; DM-LOW's health education has no unit limit (a decision: care.md gives none).
 *
 * @category Service Packages
 */
export const DEFAULT_SERVICE_PACKAGES: readonly ServicePackageInput[] = Object.freeze([
  pkg("DM-HIGH", "high", "360", "60", [["riskGeneTest", 1], ["glucoseMeter", 1], ["dietExercisePlan", 1], ["visit", 12]], "003 diabetes pilot"),
  pkg("DM-MED", "medium", "120", "30", [["dietExercisePlan", 1], ["visit", 4]], "[fixed]"),
  pkg("DM-LOW", "low", "0", "0", [["healthEducation", null]], "health education only"),
  pkg("BRCA-PREV", "high", "1500", "0", [["breastMri", 1], ["breastUltrasound", 1], ["riskCounselling", 1]], "003 「費用約1500元/年」"),
]);

/**
 * Input of {@link servicePackageCost}.
 *
 * @category Service Packages
 */
export const servicePackageCostInputSchema = lazySchema(() => z.strictObject({
  /** The package whose cost is computed. */
  servicePackage: servicePackageSchema,
  /** The number of enrollees, 0–1,000,000,000. */
  enrollees: z.number().int().min(0).max(1_000_000_000),
}));

/**
 * What a package year costs the fund and the patients for a number of enrollees.
 *
 * @category Service Packages
 */
export interface ServicePackageCost {
  readonly code: string;
  readonly enrollees: number;
  readonly fund: Money;
  readonly patients: Money;
  readonly explanation: readonly Step[];
}

/**
 * A package year's cost for `enrollees` people: fund = fund amount × enrollees, patients =
 * patient amount × enrollees (no proration: a package year is paid whole).
 *
 * @example
 * ```ts
 * servicePackageCost({ servicePackage: DEFAULT_SERVICE_PACKAGES[0], enrollees: 1000 }).fund; // CNY 360000.00
 * ```
 *
 * @category Service Packages
 * @param input - the named arguments, parsed with `servicePackageCostInputSchema` (JSON as a backend stores it)
 * @throws {ValidationError} when the input does not match `servicePackageCostInputSchema` (the issue names the field path)
 * @throws {ValidationError} `sub_minor_unit` when an amount is finer than the currency allows
 */
export function servicePackageCost(input: z.input<typeof servicePackageCostInputSchema>): ServicePackageCost {
  const p = parseInput(servicePackageCostInputSchema, input, "servicePackageCost");
  const s = p.servicePackage;
  const fund = money(s.fundAmount.times(p.enrollees), s.currency);
  const patients = money(s.patientAmount.times(p.enrollees), s.currency);
  return {
    code: s.code,
    enrollees: p.enrollees,
    fund,
    patients,
    explanation: [
      step("care.package.fund", `${s.code}: fund ${text(s.fundAmount)} × ${p.enrollees} enrollee(s).`, { fundAmount: money(s.fundAmount, s.currency), enrollees: p.enrollees }, fund),
      step("care.package.patients", `${s.code}: patient ${text(s.patientAmount)} × ${p.enrollees} enrollee(s).`, { patientAmount: money(s.patientAmount, s.currency), enrollees: p.enrollees }, patients),
    ],
  };
}

/**
 * An enrolment: `years` consecutive package years of one package from `enrolledOn`.
 *
 * @category Service Packages
 */
export const packageEnrolmentSchema = lazySchema(() => z.strictObject({
  /** The code of the package enrolled in. */
  package: z.string().min(1),
  /** The enrolment day; package years run 12 months from it. */
  enrolledOn: careDateSchema,
  /** Package years enrolled (1 = not renewed). A tier change is a new enrolment from the next package year. */
  years: z.number().int().min(1).max(100).default(1),
  /** The score the tier was read from; when given, it must fall in the package's tier. */
  riskScore: rateSchema.optional(),
}));

/**
 * A claim line for a package item on a service date (one unit).
 *
 * @category Service Packages
 */
export const packageClaimLineSchema = lazySchema(() => z.strictObject({
  /** The claim line's id. */
  id: z.string().min(1).optional(),
  /** The service date. */
  date: careDateSchema,
  /** The item code billed (one unit). */
  item: z.string().min(1),
}));

/**
 * Input of {@link classifyPackageClaims}.
 *
 * @category Service Packages
 */
export const classifyPackageClaimsInputSchema = lazySchema(() => z.strictObject({
  /** The packages on offer (default: the packages of care.md §4). */
  packages: z.array(servicePackageSchema).min(1).prefault(DEFAULT_SERVICE_PACKAGES as never),
  /** The tier table (default low [0, 0.10), medium [0.10, 0.30), high [0.30, 1]). */
  tiers: riskTierTableSchema.prefault(DEFAULT_RISK_TIERS as never),
  /** The patient's enrolments, at least one. */
  enrolments: z.array(packageEnrolmentSchema).min(1),
  /** The patient's claim lines, in any order (default none). */
  lines: z.array(packageClaimLineSchema).default([]),
}));

/**
 * How a claim line stands against the package.
 *
 * @category Service Packages
 */
export type PackageLineClass = "inPackage" | "overLimit" | "outsidePackage" | "notEnrolled";

/**
 * One package year: `[from, to)` = [E + 12k months, E + 12(k+1) months).
 *
 * @category Service Packages
 */
export interface PackageYear {
  readonly enrolment: number;
  /** k, from 0. */
  readonly year: number;
  readonly package: string;
  readonly from: string;
  readonly to: string;
  /** Paid whole on `from`, no proration. */
  readonly fund: Money;
  readonly patient: Money;
}

/**
 * A classified claim line.
 *
 * @category Service Packages
 */
export interface PackageLine {
  readonly line: number;
  readonly date: string;
  readonly item: string;
  readonly class: PackageLineClass;
  readonly package: string | null;
  readonly packageYear: { readonly enrolment: number; readonly year: number; readonly from: string; readonly to: string } | null;
  /** Units of the item used in the package year after this line (in-package lines only count). */
  readonly used: number | null;
  readonly limit: number | null;
  /** 0.00 for an in-package line (the package fee covers it); `null` = ordinary rules decide. */
  readonly fundPays: Money | null;
}

/**
 * A patient's package years and claim lines.
 *
 * @category Service Packages
 */
export interface PackageClaims {
  readonly packageYears: readonly PackageYear[];
  readonly lines: readonly PackageLine[];
  readonly explanation: readonly Step[];
}

/**
 * Classifies one patient's claim lines against their service-package enrolments: a line
 * outside every package year is `notEnrolled`; an item not in the package is
 * `outsidePackage`; a listed item with units left is `inPackage` (the fund pays 0 on the
 * line, one unit used); a used-up item is `overLimit`. Lines are taken in date order.
 * Package years of different enrolments may not overlap.
 *
 * @example
 * ```ts
 * classifyPackageClaims({
 *   enrolments: [{ package: "DM-HIGH", enrolledOn: "2026-03-01", years: 2 }],
 *   lines: [{ date: "2026-03-01", item: "glucoseMeter" }, { date: "2026-09-01", item: "glucoseMeter" }],
 * }).lines.map((l) => l.class); // ["inPackage", "overLimit"]
 * ```
 *
 * @category Service Packages
 * @param input - the named arguments, parsed with `classifyPackageClaimsInputSchema` (JSON as a backend stores it)
 * @throws {ValidationError} when the input does not match `classifyPackageClaimsInputSchema` (the issue names the field path)
 * @throws {DomainError} INCONSISTENT_INPUT when a package code is defined twice, an enrolment names an unknown package or one serving another tier, or two package years of a patient overlap
 * @throws {DomainError} OUT_OF_DOMAIN when a risk score lies outside the tier table
 */
export function classifyPackageClaims(input: z.input<typeof classifyPackageClaimsInputSchema>): PackageClaims {
  const p = parseInput(classifyPackageClaimsInputSchema, input, "classifyPackageClaims");
  const packages = new Map<string, (typeof p.packages)[number]>();
  p.packages.forEach((s, i) => {
    if (packages.has(s.code)) throw inconsistent(["packages", i, "code"], `package code ${JSON.stringify(s.code)} is defined twice`);
    packages.set(s.code, s);
  });
  const tiers = p.tiers as BandedTable<string>;
  const years: (PackageYear & { limits: Map<string, number | null>; used: Map<string, number> })[] = [];
  const explanation: Step[] = [];
  p.enrolments.forEach((e, j) => {
    const s = packages.get(e.package);
    if (s === undefined) throw inconsistent(["enrolments", j, "package"], `no package with code ${JSON.stringify(e.package)}`);
    if (e.riskScore !== undefined && s.tier !== undefined) {
      const tier = lookupBand(tiers, e.riskScore, ["enrolments", j, "riskScore"]).value;
      if (tier !== s.tier) throw inconsistent(["enrolments", j, "package"], `risk score ${text(e.riskScore)} is tier ${tier}; package ${s.code} serves tier ${s.tier}`, { tier, packageTier: s.tier });
    }
    for (let k = 0; k < e.years; k++) {
      const limits = new Map<string, number | null>(s.items.map((it) => [it.item, it.limit]));
      years.push({
        enrolment: j,
        year: k,
        package: s.code,
        from: seriesDate(e.enrolledOn, k, 12),
        to: seriesDate(e.enrolledOn, k + 1, 12),
        fund: money(s.fundAmount, s.currency),
        patient: money(s.patientAmount, s.currency),
        limits,
        used: new Map(),
      });
    }
  });
  years.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.enrolment - b.enrolment));
  for (let i = 1; i < years.length; i++) {
    const prev = years[i - 1]!;
    const next = years[i]!;
    if (next.from < prev.to) {
      throw inconsistent(["enrolments", next.enrolment, "enrolledOn"], `package year ${next.from}…${next.to} of enrolments[${next.enrolment}] overlaps ${prev.from}…${prev.to} of enrolments[${prev.enrolment}]`, {
        first: prev.enrolment,
        second: next.enrolment,
      });
    }
  }
  for (const y of years) {
    explanation.push(step("care.package.year", `${y.package} package year ${y.year + 1} of enrolments[${y.enrolment}]: ${y.from} up to ${y.to} (12 months from enrolment, half-open); fund ${y.fund.amount.toFixed()} and patient ${y.patient.amount.toFixed()} due ${y.from}, no proration.`, { package: y.package, from: y.from, to: y.to, patient: y.patient }, y.fund));
  }
  const lines: PackageLine[] = new Array(p.lines.length);
  for (const i of byDate(p.lines)) {
    const l = p.lines[i]!;
    const y = years.find((py) => py.from <= l.date && l.date < py.to);
    if (y === undefined) {
      lines[i] = { line: i, date: l.date, item: l.item, class: "notEnrolled", package: null, packageYear: null, used: null, limit: null, fundPays: null };
      explanation.push(step("care.package.not-enrolled", `lines[${i}] ${l.item} on ${l.date}: outside every package year, ordinary rules apply.`, { date: l.date, item: l.item }));
      continue;
    }
    const py = { enrolment: y.enrolment, year: y.year, from: y.from, to: y.to };
    if (!y.limits.has(l.item)) {
      lines[i] = { line: i, date: l.date, item: l.item, class: "outsidePackage", package: y.package, packageYear: py, used: null, limit: null, fundPays: null };
      explanation.push(step("care.package.outside-package", `lines[${i}] ${l.item} on ${l.date}: not an item of ${y.package}, ordinary rules apply.`, { date: l.date, item: l.item, package: y.package }));
      continue;
    }
    const limit = y.limits.get(l.item) ?? null;
    const used = y.used.get(l.item) ?? 0;
    if (limit !== null && used >= limit) {
      lines[i] = { line: i, date: l.date, item: l.item, class: "overLimit", package: y.package, packageYear: py, used, limit, fundPays: null };
      explanation.push(step("care.package.over-limit", `lines[${i}] ${l.item} on ${l.date}: ${y.package} includes ${limit} a package year and ${used} is used; ordinary rules apply.`, { date: l.date, item: l.item, used, limit }));
      continue;
    }
    y.used.set(l.item, used + 1);
    const fundPays = money(0, y.fund.currency);
    lines[i] = { line: i, date: l.date, item: l.item, class: "inPackage", package: y.package, packageYear: py, used: used + 1, limit, fundPays };
    explanation.push(step("care.package.in-package", `lines[${i}] ${l.item} on ${l.date}: in ${y.package} (unit ${used + 1}${limit === null ? "" : ` of ${limit}`} this package year); the package fee covers it, the fund pays 0 on the line.`, { date: l.date, item: l.item, used: used + 1, limit }, fundPays));
  }
  return { packageYears: years.map(({ limits: _l, used: _u, ...y }) => y), lines, explanation };
}
