// Per-administration (per-cycle) pricing: Italy's managed-entry agreements per patient.
// Each administration event is one cycle at the contract's price, with
// - cost sharing: a discount (1 = free supply) on the first N cycles;
// - a cap on the number of paid cycles (later cycles are supplied free);
// - a result: the first recorded assessment (by a deadline) decides responder or not.
//   `atResult` (success fee / payment at result): cycles up to the result are paid only
//   for a responder, in one line on the result date; `upfront` (risk sharing, payment
//   by result): cycles are paid as given and a non-responder's pre-result cycles are
//   refunded at `nonResponderRefund`. Cycles after a negative result are not paid.
// No "evaluation" event is invented: the result is an assessment the history records,
// or, when none is recorded by the deadline, the contract's `ifMissing`.
import * as z from "zod";
import { rateSchema } from "../../core/index.js";
import type { Dec, Fraction } from "../../money/index.js";
import { type DueOffset, describeOffset } from "../calendar.js";
import type { OutcomeEvent } from "../events.js";
import type { FailedCondition } from "../ledger.js";
import { matchesAny } from "../conditions.js";
import { divideRounded, fractionOf } from "../../money/minor-units.js";
import { describeMatcher, type Draft, type PayingTermKind, prepareMatchers } from "./kind.js";
import { dueOffsetSchema, type EventMatcher as PreparedMatcher, eventMatcherSchema } from "./schemas.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * Per-administration pricing: `cycle` names the events that are one administration; the
 * contract's price is the price of a cycle. `costSharing` gives `discount` (1 = free)
 * on the first `firstCycles`; `maxPaidCycles` caps the cycles paid; `result` reads the
 * first assessment by `by`: a `responder` is paid (at the result with `pay: "atResult"`,
 * as given with `"upfront"`), a non-responder's cycles are not paid (or, upfront,
 * refunded at `nonResponderRefund`); `ifMissing` says how a missing assessment counts.
 *
 * @category Term Kinds
 */
export const perCycleTermSchema = lazySchema(() => z.strictObject({
  /** Payment type `perCycle`: per-administration pricing (managed entry), each cycle at the contract's price. */
  type: z.literal("perCycle"),
  /** Matchers of the events that are one administration (cycle), at least one. */
  cycle: z.array(eventMatcherSchema).min(1),
  /** Cost sharing: a discount on the first cycles; none when absent. */
  costSharing: z
    .strictObject({
      /** How many cycles from the first are discounted, 1–1200. */
      firstCycles: z.number().int().min(1).max(1200),
      /** The discount on those cycles, a decimal share in [0, 1] of the price (1 = free supply). */
      discount: rateSchema,
    })
    .optional(),
  /** The most cycles paid, 1–1200; later cycles are supplied free. No cap when absent. */
  maxPaidCycles: z.number().int().min(1).max(1200).optional(),
  /** Payment by result: the first assessment by a deadline decides responder or not; none when absent. */
  result: z
    .strictObject({
      /** Matchers of the events that are the assessment, at least one; the first recorded by `by` decides. */
      assessment: z.array(eventMatcherSchema).min(1),
      /** Matchers an assessment must match for the patient to count as a responder (e.g. CR or PR), at least one. */
      responder: z.array(eventMatcherSchema).min(1),
      /** The deadline for the assessment, as an offset from treatment start. */
      by: dueOffsetSchema,
      /** How the patient counts when no assessment is recorded by the deadline: `responder` or `nonResponder`. */
      ifMissing: z.enum(["responder", "nonResponder"]),
      /** `atResult` (success fee): cycles up to the result are paid only for a responder, on the result date; `upfront`: cycles are paid as given. */
      pay: z.enum(["atResult", "upfront"]),
      /** With `pay: "upfront"` only: the share of a non-responder's pre-result cycles refunded, a decimal share in [0, 1]; no refund when absent. */
      nonResponderRefund: rateSchema.optional(),
    })
    .refine((r) => r.pay === "upfront" || r.nonResponderRefund === undefined, {
      message: "nonResponderRefund applies to cycles paid upfront; with pay atResult a non-responder's cycles are never paid",
      path: ["nonResponderRefund"],
    })
    .optional(),
}));

/**
 * A per-cycle payment ready for evaluation.
 *
 * @category Term Kinds
 */
export interface ParsedPerCycle {
  readonly kind: "perCycle";
  readonly type: "perCycle";
  readonly cycle: readonly PreparedMatcher[];
  readonly fullUnits: bigint;
  readonly discountedUnits: bigint;
  readonly firstCycles: number;
  readonly discountText: string | null;
  readonly maxPaidCycles: number | null;
  readonly result: null | {
    readonly assessment: readonly PreparedMatcher[];
    readonly responder: readonly PreparedMatcher[];
    readonly by: DueOffset;
    readonly ifMissing: "responder" | "nonResponder";
    readonly pay: "atResult" | "upfront";
    readonly refund: Fraction | null;
    readonly refundText: string | null;
    readonly responderWords: string;
  };
}

/**
 * The `perCycle` payment kind.
 *
 * @category Term Kinds
 */
export const perCycleKind: PayingTermKind<"perCycle", typeof perCycleTermSchema, ParsedPerCycle> = {
  type: "perCycle",
  schema: perCycleTermSchema,
  prepare(t, ctx) {
    const cs = t.costSharing as { firstCycles: number; discount: Dec } | undefined;
    let discountedUnits = ctx.priceUnits;
    if (cs !== undefined) {
      const f = fractionOf(cs.discount);
      // charge = price × (1 − discount), rounded once per cycle
      discountedUnits = divideRounded(ctx.priceUnits * (f.den - f.num), f.den, ctx.rounding);
    }
    const r = t.result;
    let result: ParsedPerCycle["result"] = null;
    if (r !== undefined) {
      const assessment = prepareMatchers(r.assessment, ctx, [...ctx.path, "result", "assessment"]);
      const responder = prepareMatchers(r.responder, ctx, [...ctx.path, "result", "responder"]);
      const kinds = new Set(assessment.map((m) => m.kind));
      responder.forEach((m, k) => {
        if (!kinds.has(m.kind)) {
          ctx.issues.push({ path: [...ctx.path, "result", "responder", k], code: "invalid_value", message: `the responder test reads the result assessment, so its kind must be one of ${[...kinds].join(", ")}; ${m.kind} never is` });
        }
      });
      result = {
        assessment,
        responder,
        by: r.by,
        ifMissing: r.ifMissing,
        pay: r.pay,
        refund: r.nonResponderRefund === undefined ? null : fractionOf(r.nonResponderRefund),
        refundText: r.nonResponderRefund === undefined ? null : r.nonResponderRefund.toString(),
        responderWords: responder.map(describeMatcher).join(" or "),
      };
    }
    return {
      kind: "perCycle",
      type: "perCycle",
      cycle: prepareMatchers(t.cycle, ctx, [...ctx.path, "cycle"]),
      fullUnits: ctx.priceUnits,
      discountedUnits,
      firstCycles: cs?.firstCycles ?? 0,
      discountText: cs === undefined ? null : cs.discount.toString(),
      maxPaidCycles: t.maxPaidCycles ?? null,
      result,
    };
  },
  // Grows with the cycles given.
  maxUnits: () => null,
  draft(p, ctx) {
    const { lines, refund } = draftPerCycle(p, { known: ctx.known, start: ctx.start, asOf: ctx.asOf, dueDate: ctx.dueDate, matchAny: matchesAny, money: ctx.money });
    for (const l of lines) ctx.emit(l);
    if (refund !== null) {
      const r = refund;
      ctx.returns.push({
        term: { kind: "perCycle", type: "nonResponderRefund", id: "non-responder-refund", label: `Refund of ${r.shareText} of a non-responder's cycles paid up to the result`, share: r.share, shareText: r.shareText, base: "payments", lineKind: "refund" },
        trigger: () => ({ kind: "result", date: r.date, base: r.base, cause: () => `the result on ${r.date}: ${r.what}; the cycles paid up to it came to ${ctx.money(r.base)}` }),
      });
    }
  },
};

/** A drafted line, as the ledger drafts take it (without its sequence number): a payment or a withheld cycle. */
export type CycleLine = Omit<Draft, "seq" | "kind"> & { readonly kind: "payment" | "withheld" };

/** A refund of a non-responder's upfront cycles, for the ledger's one refund rounding. */
export interface CycleRefund {
  readonly date: string;
  readonly base: bigint;
  readonly share: Fraction;
  readonly shareText: string;
  readonly what: string;
}

/** How the result stands: null while it is pending. */
interface Result {
  readonly date: string;
  readonly responder: boolean;
  readonly event: OutcomeEvent | null;
}

/**
 * Drafts the cycle lines of one patient. `matchAny` is the contract's matcher; events
 * are those up to `asOf`, in date order.
 */
export function draftPerCycle(p: ParsedPerCycle, ctx: {
  readonly known: readonly OutcomeEvent[];
  readonly start: string;
  readonly asOf: string;
  readonly dueDate: (start: string, offset: DueOffset) => string;
  readonly matchAny: (list: readonly PreparedMatcher[], e: OutcomeEvent) => boolean;
  readonly money: (units: bigint) => string;
}): { readonly lines: CycleLine[]; readonly refund: CycleRefund | null } {
  const { known, money } = ctx;
  const lines: CycleLine[] = [];
  const rc = p.result;
  let res: Result | null = null;
  let by: string | null = null;
  if (rc !== null) {
    by = ctx.dueDate(ctx.start, rc.by);
    for (const e of known) {
      if (e.date > by) break;
      if (ctx.matchAny(rc.assessment, e)) {
        res = { date: e.date, responder: ctx.matchAny(rc.responder, e), event: e };
        break;
      }
    }
    if (res === null && by <= ctx.asOf) res = { date: by, responder: rc.ifMissing === "responder", event: null };
  }
  const resultWords = (r: Result): string =>
    r.event !== null
      ? `the assessment ${r.event.kind}${r.event.response ? ` ${r.event.response}` : ""} on ${r.event.date} ${r.responder ? "shows" : "does not show"} a response (${rc!.responderWords})`
      : `no assessment was recorded by ${by} (${describeOffset(rc!.by)}); the contract counts a missing assessment as ${r.responder ? "a response" : "no response"}`;
  let ordinal = 0;
  let paid = 0;
  const charge = (k: number) => (k <= p.firstCycles ? p.discountedUnits : p.fullUnits);
  const chargeWords = (k: number) =>
    k <= p.firstCycles && p.discountText !== null ? `${money(charge(k))} (cost sharing: ${p.discountText} off the first ${p.firstCycles} cycle(s), list ${money(p.fullUnits)})` : money(charge(k));
  const cap = p.maxPaidCycles;
  const atResult: { k: number; date: string; units: bigint }[] = [];
  const capped: { k: number; date: string; units: bigint }[] = [];
  let upfrontPre = 0n;
  for (const e of known) {
    if (!ctx.matchAny(p.cycle, e)) continue;
    const k = ++ordinal;
    const units = charge(k);
    const pre = rc !== null && (res === null || e.date <= res.date);
    if (rc !== null && rc.pay === "atResult" && pre) {
      if (res === null) continue; // paid or not at the result, which is not known yet
      if (!res.responder || units === 0n) atResult.push({ k, date: e.date, units });
      else if (cap !== null && paid >= cap) capped.push({ k, date: e.date, units });
      else {
        paid++;
        atResult.push({ k, date: e.date, units });
      }
      continue;
    }
    if (rc !== null && res !== null && !pre && !res.responder) {
      const r = res;
      const f: FailedCondition = { condition: `a response at the assessment (${rc.responderWords})`, event: r.event === null ? null : { kind: r.event.kind, date: r.event.date } };
      lines.push({
        date: e.date, kind: "withheld", termId: `cycle-${k}`, label: `Cycle ${k} on ${e.date}`, units: 0n, withheldUnits: units, failed: () => f, rule: "contracts.cycle.after-no-response",
        say: () => ({ inputs: { cycle: k, date: e.date }, text: `Cycle ${k} on ${e.date} is not paid (${money(units)}): it follows the result of ${r.date}, where ${resultWords(r)}.` }),
      });
      continue;
    }
    if (units === 0n) {
      lines.push({
        date: e.date, kind: "payment", termId: `cycle-${k}`, label: `Cycle ${k} on ${e.date}`, units: 0n, rule: "contracts.cycle.free",
        say: () => ({ inputs: { cycle: k, date: e.date }, text: `Cycle ${k} on ${e.date} is supplied free: cost sharing gives ${p.discountText} off the first ${p.firstCycles} cycle(s).` }),
      });
      continue;
    }
    if (cap !== null && paid >= cap) {
      const f: FailedCondition = { condition: `at most ${cap} cycles are paid`, event: null };
      lines.push({
        date: e.date, kind: "withheld", termId: `cycle-${k}`, label: `Cycle ${k} on ${e.date}`, units: 0n, withheldUnits: units, failed: () => f, rule: "contracts.cycle.over-cap",
        say: () => ({ inputs: { cycle: k, date: e.date, maxPaidCycles: cap }, text: `Cycle ${k} on ${e.date} is not paid (${money(units)}): the contract pays at most ${cap} cycles, and ${cap} have been paid; the manufacturer supplies it free.` }),
      });
      continue;
    }
    paid++;
    if (pre) upfrontPre += units;
    lines.push({
      date: e.date, kind: "payment", termId: `cycle-${k}`, label: `Cycle ${k} on ${e.date}`, units, rule: "contracts.cycle.paid",
      say: () => ({ inputs: { cycle: k, date: e.date }, text: `Cycle ${k} on ${e.date} is paid: ${chargeWords(k)}.` }),
    });
  }
  if (rc !== null && rc.pay === "atResult" && res !== null && (atResult.length > 0 || capped.length > 0)) {
    const r = res;
    const sum = atResult.reduce((a, c) => a + c.units, 0n);
    const which = atResult.map((c) => c.k);
    const span = which.length === 0 ? "" : which.length === 1 ? `cycle ${which[0]}` : `cycles ${which[0]}–${which[which.length - 1]}`;
    if (r.responder) {
      if (atResult.length > 0) {
        lines.push({
          date: r.date, kind: "payment", termId: "cycles-at-result", label: `Payment at result for ${span}`, units: sum, rule: "contracts.cycle.at-result",
          say: () => ({ inputs: { result: r.date, cycles: which.length }, text: `Payment at result on ${r.date}: ${resultWords(r)}, so ${span} given up to the result are paid: ${atResult.map((c) => `cycle ${c.k} ${chargeWords(c.k)}`).join("; ")}; together ${money(sum)}.` }),
        });
      }
      for (const c of capped) {
        lines.push({
          date: r.date, kind: "withheld", termId: `cycle-${c.k}`, label: `Cycle ${c.k} on ${c.date}`, units: 0n, withheldUnits: c.units, failed: () => ({ condition: `at most ${cap} cycles are paid`, event: null }), rule: "contracts.cycle.over-cap",
          say: () => ({ inputs: { cycle: c.k, maxPaidCycles: cap ?? 0 }, text: `Cycle ${c.k} on ${c.date} is not paid at the result (${money(c.units)}): the contract pays at most ${cap} cycles.` }),
        });
      }
    } else {
      const f: FailedCondition = { condition: `a response at the assessment (${rc.responderWords})`, event: r.event === null ? null : { kind: r.event.kind, date: r.event.date } };
      lines.push({
        date: r.date, kind: "withheld", termId: "cycles-at-result", label: `Payment at result for ${span}`, units: 0n, withheldUnits: sum, failed: () => f, rule: "contracts.cycle.no-response",
        say: () => ({ inputs: { result: r.date, cycles: which.length }, text: `No payment at result on ${r.date} (${money(sum)} for ${span}): ${resultWords(r)}; with payment at result only responders' cycles are paid.` }),
      });
    }
  }
  let refund: CycleRefund | null = null;
  if (rc !== null && rc.pay === "upfront" && res !== null && !res.responder && rc.refund !== null && rc.refund.num > 0n && upfrontPre > 0n) {
    refund = { date: res.date, base: upfrontPre, share: rc.refund, shareText: rc.refundText ?? "", what: resultWords(res) };
  }
  return { lines, refund };
}
