// Unbundling (拆解收费): in one patient's episode at one provider that holds a package's
// trigger or its package code, a line billed under a component code instead of, or
// besides, the package code is unbundled. The overpayment (fund paid − fund due had the
// episode been settled as the package) is recovered, at most what was paid on the
// unbundled lines; an underpayment is reported, never netted.
import * as z from "zod";
import {
  currencyCodeSchema,
  type Explanation,
  isoDateSchema,
  nonNegativeAmountSchema,
  parseInput,
  roundingSchema,
  step,
  type Step,
} from "../core/index.js";
import { formatMoney, fromMinorUnits as cash, type Money } from "../money/index.js";
import { scaleOf, toUnits } from "../money/minor-units.js";
import { describeEpisode, episodeKey, episodeWindowSchema } from "./episode-windows/index.js";
import { describeSettlement, packageFundDue, packageSettlementSchema } from "./package-settlements/index.js";
import type { RecoveryEntryInput } from "./recovery-ledger.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * The zod schema of an unbundling rule: a package, what triggers it, what it includes, its episode and settlement.
 *
 * @category Unbundling and Recovery
 */
export const unbundlingPackageSchema = lazySchema(() => z
  .object({
    /** The package's own billing code. */
    code: z.string().min(1),
    /** A display name for the package. */
    name: z.string().optional(),
    /** Codes that mark a package episode (CAR-T: the infusion). Billed separately, they are unbundled only if also listed as components. */
    triggerCodes: z.array(z.string().min(1)),
    /** Codes of the items the package includes. */
    componentCodes: z.array(z.string().min(1)).min(1),
    /** What one package episode spans: an admission or a calendar month. */
    episode: episodeWindowSchema,
    /** What the fund owes for the package: a share of its price, or what it paid on the package lines. */
    settlement: packageSettlementSchema,
  })
  .strict());

/**
 * An unbundling rule as stored (JSON).
 *
 * @category Unbundling and Recovery
 */
export type UnbundlingPackageInput = z.input<typeof unbundlingPackageSchema>;

/**
 * The zod schema of a claim line as the unbundling check reads it.
 *
 * @category Unbundling and Recovery
 */
export const unbundlingClaimLineSchema = lazySchema(() => z
  .object({
    /** The claim line's id. */
    id: z.string().min(1),
    /** The patient's id. */
    patient: z.string().min(1),
    /** The provider's id. */
    provider: z.string().min(1),
    /** The billed code (a package code, a trigger or a component). */
    code: z.string().min(1),
    /** The service date. */
    serviceDate: isoDateSchema,
    /** The admission the line belongs to (needed by `admission` episodes). */
    admission: z.string().min(1).optional(),
    /** What the fund paid on the line, in the document's currency. */
    fundPaid: nonNegativeAmountSchema,
  })
  .strict());

/**
 * The zod schema of {@link detectUnbundling}'s input.
 *
 * @category Unbundling and Recovery
 */
export const detectUnbundlingInputSchema = lazySchema(() => z
  .object({
    /** The currency of every amount (ISO 4217); required. */
    currency: currencyCodeSchema,
    /** The date of the recovery decision: recovery lines are dated on it. */
    decisionDate: isoDateSchema,
    /** The unbundling rules, one per package (拆解收费规则). */
    packages: z.array(unbundlingPackageSchema).min(1),
    /** The claim lines to check. */
    lines: z.array(unbundlingClaimLineSchema),
    /** Rounding of a package's fund share; half-up by default. */
    rounding: roundingSchema.default("half-up"),
  })
  .strict()
  .superRefine((x, ctx) => {
    const owner = new Map<string, string>();
    x.packages.forEach((p, i) => {
      const own = new Set<string>();
      const claim = (code: string, path: (string | number)[]) => {
        const other = owner.get(code);
        if (other !== undefined && !own.has(code)) ctx.addIssue({ code: "custom", path: ["packages", i, ...path], message: `code ${JSON.stringify(code)} already belongs to ${other}: a code belongs to one package` });
        owner.set(code, `packages[${i}]`);
        own.add(code);
      };
      claim(p.code, ["code"]);
      if (p.componentCodes.includes(p.code)) ctx.addIssue({ code: "custom", path: ["packages", i, "componentCodes"], message: "the package code cannot also be a component code" });
      if (p.triggerCodes.includes(p.code)) ctx.addIssue({ code: "custom", path: ["packages", i, "triggerCodes"], message: "the package code already marks a package episode; it cannot also be a trigger code" });
      p.triggerCodes.forEach((c, j) => claim(c, ["triggerCodes", j]));
      p.componentCodes.forEach((c, j) => claim(c, ["componentCodes", j]));
    });
    const ids = new Map<string, number>();
    x.lines.forEach((l, i) => {
      const first = ids.get(l.id);
      if (first !== undefined) ctx.addIssue({ code: "custom", path: ["lines", i, "id"], message: `line id ${JSON.stringify(l.id)} is already used by lines[${first}]` });
      else ids.set(l.id, i);
    });
  }));

/**
 * What the check found about one claim line.
 *
 * @category Unbundling and Recovery
 */
export type UnbundlingLineStatus =
  /** Billed under the package code. */
  | "packageLine"
  /** A component billed separately in a package episode. */
  | "unbundled"
  /** A trigger code that is not a component. */
  | "trigger"
  /** A component code in an episode with no trigger and no package code. */
  | "notUnbundled"
  /** A package's code on a line that belongs to no episode of its window (no admission id). */
  | "noEpisode"
  /** A code of no package. */
  | "unrelated";

/**
 * One line's finding.
 *
 * @category Unbundling and Recovery
 */
export interface UnbundlingLine {
  readonly id: string;
  readonly status: UnbundlingLineStatus;
  /** The episode id, when the line is in one. */
  readonly episode: string | null;
}

/**
 * One package episode with unbundled lines.
 *
 * @category Unbundling and Recovery
 */
export interface UnbundledEpisode {
  /** `package/patient/provider/window key`. */
  readonly id: string;
  readonly package: string;
  readonly patient: string;
  readonly provider: string;
  readonly window: string;
  readonly lineIds: readonly string[];
  readonly unbundledLineIds: readonly string[];
  /** Fund paid on the package-code and unbundled lines. */
  readonly fundPaid: Money;
  /** Fund paid on the unbundled lines: the most that can be recovered. */
  readonly fundPaidOnUnbundledLines: Money;
  /** Fund due had the episode been settled as the package. */
  readonly fundDue: Money;
  /** fundPaid − fundDue (negative: an underpayment). */
  readonly overpayment: Money;
  /** min(overpayment, paid on unbundled lines) when positive, else 0. */
  readonly recovery: Money;
  /** −overpayment when negative, else 0: reported, never netted. */
  readonly underpayment: Money;
  readonly explanation: Explanation;
}

/**
 * Result of {@link detectUnbundling}.
 *
 * @category Unbundling and Recovery
 */
export interface UnbundlingResult {
  readonly currency: string;
  readonly decisionDate: string;
  /** Every input line, in input order. */
  readonly lines: readonly UnbundlingLine[];
  /** Episodes with unbundled lines, in the order of their first line. */
  readonly episodes: readonly UnbundledEpisode[];
  /** One recovery per overpaid episode, ready for {@link recoveryLedger}. */
  readonly recoveries: RecoveryEntryInput[];
  readonly totals: {
    readonly fundPaidOnUnbundledLines: Money;
    readonly recovered: Money;
    readonly underpaid: Money;
  };
  readonly explanation: Explanation;
}

type Role = "package" | "trigger" | "component" | "trigger+component";

/**
 * Finds unbundled lines per package episode (one patient, one provider, the package's
 * window), compares what the fund paid with what it would have paid under the package,
 * and proposes the recoveries (dated on the decision date) for the recovery ledger.
 *
 * @example
 * ```ts
 * const r = detectUnbundling({
 *   currency: "CNY", decisionDate: "2026-06-30",
 *   packages: [{ code: "CART-PKG", triggerCodes: ["CART-DRUG"], componentCodes: ["WARD", "CART-DRUG", "SUPPLIES"],
 *     episode: { kind: "admission" }, settlement: { kind: "fundShare", price: "1200000", fundRate: 0.6 } }],
 *   lines: [
 *     { id: "1", patient: "P1", provider: "H1", admission: "A1", code: "WARD", serviceDate: "2026-03-01", fundPaid: "120000" },
 *     { id: "2", patient: "P1", provider: "H1", admission: "A1", code: "CART-DRUG", serviceDate: "2026-03-02", fundPaid: "800000" },
 *     { id: "3", patient: "P1", provider: "H1", admission: "A1", code: "SUPPLIES", serviceDate: "2026-03-02", fundPaid: "40000" },
 *   ],
 * });
 * r.totals.recovered; // CNY 240000.00 (paid 960,000.00 − due 720,000.00)
 * ```
 *
 * @category Unbundling and Recovery
 * @param input - the named arguments, parsed with `detectUnbundlingInputSchema` (JSON as a backend stores it)
 * @throws {ValidationError} when the input does not match `detectUnbundlingInputSchema` (the issue names the field path)
 * @throws {ValidationError} `sub_minor_unit` when an amount is finer than the currency allows
 */
export function detectUnbundling(input: z.input<typeof detectUnbundlingInputSchema>): UnbundlingResult {
  const x = parseInput(detectUnbundlingInputSchema, input, "detectUnbundling");
  const c = x.currency;
  const roles = new Map<string, { pkg: number; role: Role }>();
  x.packages.forEach((p, i) => {
    roles.set(p.code, { pkg: i, role: "package" });
    for (const t of p.triggerCodes) roles.set(t, { pkg: i, role: "trigger" });
    for (const k of p.componentCodes) roles.set(k, { pkg: i, role: roles.get(k)?.role === "trigger" && roles.get(k)?.pkg === i ? "trigger+component" : "component" });
  });
  const paid = x.lines.map((l, i) => toUnits(l.fundPaid, scaleOf(c), ["lines", i, "fundPaid"]));
  const statuses: { status: UnbundlingLineStatus; episode: string | null }[] = x.lines.map(() => ({ status: "unrelated", episode: null }));
  const episodes = new Map<string, { pkg: number; id: string; window: string; lines: number[] }>();
  x.lines.forEach((l, i) => {
    const r = roles.get(l.code);
    if (r === undefined) return;
    const p = x.packages[r.pkg]!;
    const key = episodeKey(p.episode, l);
    if (key === null) {
      statuses[i] = { status: "noEpisode", episode: null };
      return;
    }
    const mapKey = JSON.stringify([r.pkg, l.patient, l.provider, key]);
    let e = episodes.get(mapKey);
    if (e === undefined) {
      e = { pkg: r.pkg, id: `${p.code}/${l.patient}/${l.provider}/${key}`, window: describeEpisode(p.episode, key), lines: [] };
      episodes.set(mapKey, e);
    }
    e.lines.push(i);
  });
  const steps: Step[] = [
    step("care.unbundling.rule", `Each package episode (one patient, one provider, the package's window) holding a trigger or the package code is checked: component lines billed separately are unbundled; the fund's overpayment is recovered, at most what it paid on those lines.`, {
      packages: x.packages.map((p) => p.code),
      lines: x.lines.length,
      decisionDate: x.decisionDate,
    }),
  ];
  const found: UnbundledEpisode[] = [];
  const recoveries: RecoveryEntryInput[] = [];
  let totalUnbundled = 0n;
  let totalRecovered = 0n;
  let totalUnder = 0n;
  for (const e of episodes.values()) {
    const p = x.packages[e.pkg]!;
    const roleOf = (i: number) => roles.get(x.lines[i]!.code)!.role;
    const holdsPackage = e.lines.some((i) => roleOf(i) === "package" || roleOf(i) === "trigger" || roleOf(i) === "trigger+component");
    for (const i of e.lines) {
      const role = roleOf(i);
      const status: UnbundlingLineStatus = !holdsPackage ? "notUnbundled" : role === "package" ? "packageLine" : role === "trigger" ? "trigger" : "unbundled";
      statuses[i] = { status, episode: e.id };
    }
    const unbundled = e.lines.filter((i) => statuses[i]!.status === "unbundled");
    if (!holdsPackage) {
      steps.push(step("care.unbundling.not-package-episode", `${e.id}: no trigger and no package code in the ${e.window}: the component lines are not unbundled.`, { episode: e.id, lineIds: e.lines.map((i) => x.lines[i]!.id) }));
      continue;
    }
    if (unbundled.length === 0) continue;
    const onPackage = e.lines.filter((i) => statuses[i]!.status === "packageLine").reduce((s, i) => s + paid[i]!, 0n);
    const onUnbundled = unbundled.reduce((s, i) => s + paid[i]!, 0n);
    const fundPaid = onPackage + onUnbundled;
    const due = packageFundDue(p.settlement, { currency: c, rounding: x.rounding, path: ["packages", e.pkg, "settlement"], paidOnPackageLines: onPackage });
    const over = fundPaid - due;
    const recovery = over > 0n ? (over < onUnbundled ? over : onUnbundled) : 0n;
    const under = over < 0n ? -over : 0n;
    totalUnbundled += onUnbundled;
    totalRecovered += recovery;
    totalUnder += under;
    const ids = e.lines.map((i) => x.lines[i]!.id);
    const unbundledIds = unbundled.map((i) => x.lines[i]!.id);
    const episodeSteps: Step[] = [
      step("care.unbundling.lines", `${e.id}: ${unbundledIds.length} component line(s) billed separately in the ${e.window} (${unbundledIds.join(", ")}); the fund paid ${formatMoney(cash(fundPaid, c))} on the package and component lines.`, { episode: e.id, unbundled: unbundledIds }, cash(fundPaid, c)),
      step("care.unbundling.due", `Settled as ${p.name ?? p.code}, the fund would have paid ${describeSettlement(p.settlement)} = ${formatMoney(cash(due, c))}.`, { settlement: p.settlement.kind }, cash(due, c)),
      over > 0n
        ? step("care.unbundling.recovery", `Overpaid ${formatMoney(cash(over, c))}; recovered ${formatMoney(cash(recovery, c))} (at most the ${formatMoney(cash(onUnbundled, c))} paid on the unbundled lines).`, { overpayment: cash(over, c), paidOnUnbundledLines: cash(onUnbundled, c) }, cash(recovery, c))
        : over < 0n
          ? step("care.unbundling.underpayment", `Underpaid ${formatMoney(cash(under, c))} against the package: reported, not netted against any recovery.`, { underpayment: cash(under, c) })
          : step("care.unbundling.even", "The fund paid exactly what the package would have paid: nothing to recover.", {}),
    ];
    found.push({
      id: e.id,
      package: p.code,
      patient: x.lines[e.lines[0]!]!.patient,
      provider: x.lines[e.lines[0]!]!.provider,
      window: e.window,
      lineIds: ids,
      unbundledLineIds: unbundledIds,
      fundPaid: cash(fundPaid, c),
      fundPaidOnUnbundledLines: cash(onUnbundled, c),
      fundDue: cash(due, c),
      overpayment: cash(over, c),
      recovery: cash(recovery, c),
      underpayment: cash(under, c),
      explanation: episodeSteps,
    });
    steps.push(...episodeSteps);
    if (recovery > 0n) {
      recoveries.push({ date: x.decisionDate, rule: `care.unbundling.${p.code}`, reference: e.id, lineIds: unbundledIds, recovered: cash(recovery, c), fundPaid: cash(onUnbundled, c), reason: `unbundled from ${p.name ?? p.code}` });
    }
  }
  steps.push(step("care.unbundling.total", `${found.length} episode(s) with unbundled lines; ${formatMoney(cash(totalRecovered, c))} to recover, ${formatMoney(cash(totalUnder, c))} underpaid (reported only).`, { episodes: found.length, underpaid: cash(totalUnder, c) }, cash(totalRecovered, c)));
  return {
    currency: c,
    decisionDate: x.decisionDate,
    lines: x.lines.map((l, i) => ({ id: l.id, status: statuses[i]!.status, episode: statuses[i]!.episode })),
    episodes: found,
    recoveries,
    totals: { fundPaidOnUnbundledLines: cash(totalUnbundled, c), recovered: cash(totalRecovered, c), underpaid: cash(totalUnder, c) },
    explanation: steps,
  };
}
