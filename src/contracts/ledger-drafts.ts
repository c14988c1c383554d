// The contract rules for one patient, in integer minor units. Both the explained
// evaluation (evaluateContract) and the bulk path (evaluateContractMinorUnits) draft
// their ledger here, so the two cannot disagree on an amount. Sentences are drafted
// as thunks: the bulk path never pays for formatting them.
import { DomainError, type Issue, ValidationError } from "../core/index.js";
import { checkConditions, firstMatch, matchesAny, type ConditionCheck } from "./conditions.js";
import { checkHistory, type OutcomeEvent, type PatientHistory } from "./events.js";
import type { ParsedOutcomes } from "./outcomes/declarations.js";
import { checkDeclaredEvent, undeclaredKindIssue } from "./outcomes/declared-events.js";
import { deadlineDate, deadlineOutcome, type DeadlineOutcome, type ParsedDeadline } from "./terms/deadline.js";
import { draftPerCycle } from "./terms/per-cycle.js";
import type { ParsedCondition } from "./parse-contract.js";
import type { FailedCondition, LedgerLineKind, MinorUnitLedgerTotals } from "./ledger.js";
import { isParsedContractVersions, type ParsedContract, type ParsedContractVersions } from "./parse-contract.js";
import { divRound, groupedText } from "./units.js";

/** The words of a ledger line: its sentence and the inputs it names. */
export interface DraftWords {
  readonly text: string;
  readonly inputs: Record<string, string | number | readonly string[]>;
}

/** One ledger line before it becomes Money: amounts in minor units, words on demand. */
export interface Draft {
  readonly date: string;
  readonly kind: LedgerLineKind;
  readonly termId: string;
  readonly label: string;
  readonly units: bigint;
  readonly withheldUnits?: bigint;
  readonly failedCondition?: FailedCondition;
  readonly rule: string;
  readonly say: () => DraftWords;
  readonly seq: number;
}

/** A patient's drafted ledger: the terms applied, the events considered, the lines in ledger order. */
export interface DraftLedger {
  readonly terms: ParsedContract;
  readonly start: string;
  /** Events up to `asOf`. */
  readonly known: readonly OutcomeEvent[];
  /** Events after `asOf`, left out. */
  readonly ignored: number;
  readonly drafts: readonly Draft[];
}

const RANK: Record<LedgerLineKind, number> = { payment: 0, bonus: 1, withheld: 2, refund: 3, clawback: 3 };

/** Picks the version in effect on the treatment start date. */
function selectVersion(contract: ParsedContract | ParsedContractVersions, start: string): ParsedContract {
  const list = isParsedContractVersions(contract) ? contract.versions : [contract as ParsedContract];
  for (const v of list) {
    if (v.effective === null) return v;
    if (v.effective.from <= start && (v.effective.to === null || start < v.effective.to)) return v;
  }
  const periods = list.map((v) => `[${v.effective?.from}, ${v.effective?.to ?? "open"})`).join(", ");
  throw new DomainError("NO_APPLICABLE_TERMS", `no contract version is in effect on the treatment start ${start} (versions: ${periods})`, {
    path: ["events", 0, "date"],
    details: { start },
  });
}

function failed(check: Exclude<ConditionCheck, { ok: true }>): FailedCondition {
  const event = check.event === null ? null : { kind: check.event.kind, date: check.event.date };
  return check.detail === undefined ? { condition: check.condition.label, event } : { condition: check.condition.label, event, detail: check.detail };
}

function because(f: FailedCondition): string {
  if (f.detail !== undefined) return `"${f.condition}" did not hold: ${f.detail}`;
  return f.event === null ? `"${f.condition}" did not hold (no such event recorded)` : `"${f.condition}" failed: ${f.event.kind} on ${f.event.date}`;
}

/** Events of kinds that are not built in, checked against the declarations of the version applied. */
function checkDeclaredEvents(history: PatientHistory, outcomes: ParsedOutcomes): void {
  const issues: Issue[] = [];
  for (const i of history.custom) {
    const e = history.events[i] as unknown as Record<string, unknown>;
    const kind = outcomes.kinds.get(e.kind as string);
    if (kind === undefined) issues.push(undeclaredKindIssue(outcomes, e.kind, ["events", i]));
    else checkDeclaredEvent(e, kind, ["events", i], issues);
  }
  if (issues.length > 0) throw new ValidationError(issues, "evaluateContract");
}

/** A refund or clawback triggered on a date: by an event, a missed deadline or a non-responder result. */
interface Trigger {
  readonly term: { readonly type: "refund" | "clawback"; readonly id: string; readonly label: string; readonly share: { readonly num: bigint; readonly den: bigint }; readonly shareText: string; readonly base: "payments" | "paymentsAndBonuses" };
  readonly event: { readonly kind: string; readonly date: string };
  /** A fixed amount the share applies to (a non-responder's pre-result cycles) instead of what was paid. */
  readonly fixedBase?: bigint;
  /** What triggered it, in words, when it was not an event. */
  readonly cause?: string;
}

/**
 * Drafts one patient's ledger up to `asOf` from a parsed contract and raw events
 * (validated here). Lines come sorted: by date, then payments, bonuses, withheld,
 * refunds, then in the order the rules produced them.
 */
export function draftLedger(contract: ParsedContract | ParsedContractVersions, events: unknown, asOf: string): DraftLedger {
  const declares = isParsedContractVersions(contract) ? contract.versions.some((v) => v.outcomes.kinds.size > 0) : contract.outcomes.kinds.size > 0;
  const history = checkHistory(events, declares);
  const start = history.start;
  const c = selectVersion(contract, start);
  if (history.custom.length > 0) checkDeclaredEvents(history, c.outcomes);
  let known = history.events;
  let ignored = 0;
  for (let i = 0; i < known.length; i++) {
    if ((known[i] as OutcomeEvent).date > asOf) {
      ignored = known.length - i;
      known = known.slice(0, i);
      break;
    }
  }
  const drafts: Draft[] = [];
  let seq = 0;
  const scale = c.scale;
  const money = c.formatUnits;
  const dueDate = c.dueDate;

  if (known.length > 0) {
    // Deadlines: where each milestone stood when its deadline passed.
    const passed: { d: ParsedDeadline<ParsedCondition>; outcome: DeadlineOutcome }[] = [];
    const withholdBy = new Map<string, { d: ParsedDeadline<ParsedCondition>; date: string; outcome: DeadlineOutcome | null }>();
    for (const d of c.deadlines) {
      const date = deadlineDate(d, start, dueDate);
      let outcome: DeadlineOutcome | null = null;
      if (date <= asOf) {
        const check = checkConditions([d.milestone], known, start, date, dueDate);
        const detail = check.ok ? "" : (check.detail ?? (check.event === null ? "no such event recorded" : `${check.event.kind} on ${check.event.date}`));
        outcome = deadlineOutcome(d, { date, held: check.ok, detail, known, start, matchAny: matchesAny });
        passed.push({ d, outcome });
      }
      if (d.consequence.type === "withhold" && c.payment.type === "installments") {
        for (const [j, id] of d.consequence.installments.entries()) {
          const inst = c.payment.installments.find((x) => x.id === id);
          if (inst === undefined) continue;
          const due = dueDate(start, inst.due);
          if (due < date) {
            throw new DomainError("INCONSISTENT_INPUT", `installment ${id} falls due on ${due}, before deadline ${d.id} (${date}) can decide whether to withhold it`, {
              path: ["contract", "deadlines", d.index, "consequence", "installments", j],
              details: { due, deadline: date },
            });
          }
          withholdBy.set(id, { d, date, outcome });
        }
      }
    }

    // Scheduled installments (milestones, equal installments, financed payments).
    if (c.payment.type === "installments") {
      for (const inst of c.payment.installments) {
        const due = dueDate(start, inst.due);
        if (due > asOf) continue;
        const byDeadline = withholdBy.get(inst.id);
        if (byDeadline !== undefined && byDeadline.outcome !== null && byDeadline.outcome.counts === "missed") {
          const o = byDeadline.outcome;
          const f: FailedCondition = { condition: `${byDeadline.d.milestoneLabel} by ${byDeadline.date}`, event: null, detail: o.words };
          drafts.push({
            date: due, kind: "withheld", termId: inst.id, label: inst.label, units: 0n, withheldUnits: inst.units, failedCondition: f, rule: "contracts.deadline.withheld", seq: seq++,
            say: () => ({ inputs: { due, deadline: byDeadline.date, status: o.status }, text: `${inst.label} fell due on ${due} and is withheld (${money(inst.units)}) under ${byDeadline.d.label}: ${o.words}.` }),
          });
          continue;
        }
        const check = checkConditions(inst.conditions, known, start, due, dueDate);
        const conditions = inst.conditionLabels;
        const inputs = { due, share: inst.shareText, conditions };
        if (check.ok) {
          drafts.push({
            date: due, kind: "payment", termId: inst.id, label: inst.label, units: inst.units, rule: "contracts.installment.paid", seq: seq++,
            say: () => ({ inputs, text: `${inst.label} fell due on ${due} and is paid: ${money(inst.units)}${conditions.length > 0 ? ` (held: ${conditions.join("; ")})` : ""}.` }),
          });
        } else {
          const f = failed(check);
          drafts.push({
            date: due, kind: "withheld", termId: inst.id, label: inst.label, units: 0n, withheldUnits: inst.units, failedCondition: f, rule: "contracts.installment.withheld", seq: seq++,
            say: () => ({ inputs, text: `${inst.label} fell due on ${due} and is withheld (${money(inst.units)}): ${because(f)}.` }),
          });
        }
      }
    }

    // Per treated month: each treatedMonth event is paid until a stop event.
    const paidMonths: { ordinal: number; date: string }[] = [];
    if (c.payment.type === "perTreatedMonth") {
      const pay = c.payment;
      const stop = pay.stopOn.length > 0 ? firstMatch(pay.stopOn, known, start, asOf) : null;
      const unit = c.priceUnits;
      for (const e of known) {
        if (e.kind !== "treatedMonth") continue;
        const ordinal = paidMonths.length + 1;
        if (stop !== null && stop.date <= e.date) {
          const f: FailedCondition = { condition: `treatment stops at the first ${pay.stopOn.map((m) => m.kind).join(" or ")}`, event: { kind: stop.kind, date: stop.date } };
          drafts.push({
            date: e.date, kind: "withheld", termId: "treated-month", label: `Treated month on ${e.date}`, units: 0n, withheldUnits: unit, failedCondition: f,
            rule: "contracts.treatedMonth.afterStop", seq: seq++,
            say: () => ({ inputs: { date: e.date }, text: `A treated month on ${e.date} is not paid: ${because(f)}.` }),
          });
          continue;
        }
        if (pay.maxMonths !== null && ordinal > pay.maxMonths) {
          const maxMonths = pay.maxMonths;
          const f: FailedCondition = { condition: `at most ${maxMonths} treated months are paid`, event: null };
          drafts.push({
            date: e.date, kind: "withheld", termId: "treated-month", label: `Treated month on ${e.date}`, units: 0n, withheldUnits: unit, failedCondition: f,
            rule: "contracts.treatedMonth.overMax", seq: seq++,
            say: () => ({ inputs: { date: e.date, maxMonths }, text: `A treated month on ${e.date} is not paid: the contract pays at most ${maxMonths} months.` }),
          });
          continue;
        }
        paidMonths.push({ ordinal, date: e.date });
        const label = `Treated month ${ordinal} at ${money(unit)}`;
        drafts.push({
          date: e.date, kind: "payment", termId: `treated-month-${ordinal}`, label, units: unit, rule: "contracts.treatedMonth.paid", seq: seq++,
          say: () => ({ inputs: { date: e.date, month: ordinal }, text: `${label} on ${e.date} is paid.` }),
        });
      }
    }

    // Per administration (cycle), with cost sharing, a cap and payment at result.
    const triggers: Trigger[] = [];
    if (c.payment.type === "perCycle") {
      const pc = draftPerCycle(c.payment, { known, start, asOf, dueDate, matchAny: matchesAny, money });
      for (const l of pc.lines) drafts.push({ ...l, seq: seq++ });
      if (pc.refund !== null) {
        const r = pc.refund;
        triggers.push({
          term: { type: "refund", id: "non-responder-refund", label: `Refund of ${r.shareText} of a non-responder's cycles paid up to the result`, share: r.share, shareText: r.shareText, base: "payments" },
          event: { kind: "result", date: r.date },
          fixedBase: r.base,
          cause: `the result on ${r.date}: ${r.what}; the cycles paid up to it came to ${money(r.base)}`,
        });
      }
    }

    // Deadline bonuses, and deadline refunds and clawbacks for the one refund rounding below.
    for (const { d, outcome } of passed) {
      const q = d.consequence;
      if (q.type === "bonus") {
        if (outcome.counts === "met") {
          drafts.push({
            date: outcome.date, kind: "bonus", termId: d.id, label: d.label, units: q.units, rule: "contracts.deadline.bonus", seq: seq++,
            say: () => ({ inputs: { deadline: outcome.date, status: outcome.status }, text: `${d.label} is earned on ${outcome.date}: ${outcome.words}; ${money(q.units)}.` }),
          });
        } else {
          const f: FailedCondition = { condition: `${d.milestoneLabel} by ${outcome.date}`, event: null, detail: outcome.words };
          drafts.push({
            date: outcome.date, kind: "withheld", termId: d.id, label: d.label, units: 0n, withheldUnits: q.units, failedCondition: f, rule: "contracts.deadline.bonusNotEarned", seq: seq++,
            say: () => ({ inputs: { deadline: outcome.date, status: outcome.status }, text: `${d.label} is not earned (${money(q.units)}): ${outcome.words}.` }),
          });
        }
      } else if ((q.type === "refund" || q.type === "clawback") && outcome.counts === "missed") {
        triggers.push({
          term: { type: q.type, id: d.id, label: d.label, share: q.share, shareText: q.shareText, base: q.base },
          event: { kind: "missed deadline", date: outcome.date },
          cause: outcome.words,
        });
      }
    }

    // Bonuses.
    for (const b of c.bonuses) {
      if (b.type === "fixed") {
        const due = dueDate(start, b.due);
        if (due > asOf) continue;
        const check = checkConditions(b.conditions, known, start, due, dueDate);
        const inputs = (): DraftWords["inputs"] => ({ due, conditions: b.conditions.map((x) => x.label) });
        if (check.ok) {
          drafts.push({ date: due, kind: "bonus", termId: b.id, label: b.label, units: b.units, rule: "contracts.bonus.paid", seq: seq++, say: () => ({ inputs: inputs(), text: `${b.label} is earned on ${due}: ${money(b.units)}.` }) });
        } else {
          const f = failed(check);
          drafts.push({
            date: due, kind: "withheld", termId: b.id, label: b.label, units: 0n, withheldUnits: b.units, failedCondition: f, rule: "contracts.bonus.withheld", seq: seq++,
            say: () => ({ inputs: inputs(), text: `${b.label} is not earned on ${due} (${money(b.units)}): ${because(f)}.` }),
          });
        }
        continue;
      }
      const assessed = dueDate(start, b.assessAt);
      if (assessed > asOf) continue;
      const check = checkConditions(b.conditions, known, start, assessed, dueDate);
      const inputs = (): DraftWords["inputs"] => ({ assessed, perMonth: groupedText(b.units, scale), fromMonth: b.fromMonth, retroactive: b.retroactive ? "yes" : "no", conditions: b.conditions.map((x) => x.label) });
      if (!check.ok) {
        const f = failed(check);
        drafts.push({
          date: assessed, kind: "withheld", termId: b.id, label: b.label, units: 0n, withheldUnits: 0n, failedCondition: f, rule: "contracts.bonus.notEarned", seq: seq++,
          say: () => ({ inputs: inputs(), text: `${b.label} (${money(b.units)} per treated month) is not earned at the assessment on ${assessed}: ${because(f)}.` }),
        });
        continue;
      }
      let onAssessment = 0;
      const firstOrdinals: number[] = [];
      for (const m of paidMonths) {
        if (m.ordinal < b.fromMonth && !b.retroactive) continue;
        const date = m.date > assessed ? m.date : assessed;
        if (date > asOf) continue;
        if (date === assessed) {
          onAssessment++;
          firstOrdinals.push(m.ordinal);
          continue;
        }
        drafts.push({
          date, kind: "bonus", termId: b.id, label: b.label, units: b.units, rule: "contracts.bonus.perMonth", seq: seq++,
          say: () => ({ inputs: { month: m.ordinal, date }, text: `${b.label}: treated month ${m.ordinal} on ${date} earns ${money(b.units)}.` }),
        });
      }
      if (onAssessment > 0) {
        const count = onAssessment;
        const units = b.units * BigInt(count);
        const months = firstOrdinals.length === 1 ? `month ${firstOrdinals[0]}` : `months ${firstOrdinals[0]}–${firstOrdinals[firstOrdinals.length - 1]}`;
        drafts.push({
          date: assessed, kind: "bonus", termId: b.id, label: b.label, units, rule: "contracts.bonus.atAssessment", seq: seq++,
          say: () => ({
            inputs: { ...inputs(), months: count },
            text: `${b.label} is earned at the assessment on ${assessed}${b.retroactive ? " (retroactive)" : ""}: ${count} treated month(s) (${months}) × ${money(b.units)} = ${money(units)}.`,
          }),
        });
      } else {
        drafts.push({
          date: assessed, kind: "bonus", termId: b.id, label: b.label, units: 0n, rule: "contracts.bonus.earned", seq: seq++,
          say: () => ({ inputs: inputs(), text: `${b.label} is earned at the assessment on ${assessed}: treated months from month ${b.fromMonth} will carry ${money(b.units)} each.` }),
        });
      }
    }

    if (c.refunds.length > 0 || triggers.length > 0) applyRefunds(c, known, start, asOf, drafts, money, () => seq++, triggers);
  }

  drafts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : RANK[a.kind] - RANK[b.kind] || a.seq - b.seq));
  return { terms: c, start, known, ignored, drafts };
}

/** The ledger's totals: withheld lines count what they would have paid; refunds count as positive. */
export function draftTotals(drafts: readonly Draft[]): MinorUnitLedgerTotals {
  let payments = 0n;
  let bonuses = 0n;
  let refunded = 0n;
  let withheld = 0n;
  for (const d of drafts) {
    if (d.kind === "payment") payments += d.units;
    else if (d.kind === "bonus") bonuses += d.units;
    else if (d.kind === "refund" || d.kind === "clawback") refunded -= d.units;
    else withheld += d.withheldUnits ?? 0n;
  }
  const gross = payments + bonuses;
  return { payments, bonuses, gross, refunded, net: gross - refunded, withheld };
}

/**
 * Refunds and clawbacks, cumulatively: once a term is triggered, the manufacturer owes
 * its share of everything paid up to each later date. One rounding over all triggered
 * terms keeps the sum of returned amounts within what was paid and monotone in it.
 */
function applyRefunds(
  c: ParsedContract,
  known: readonly OutcomeEvent[],
  start: string,
  asOf: string,
  drafts: Draft[],
  money: (u: bigint) => string,
  nextSeq: () => number,
  extra: readonly Trigger[],
): void {
  const triggered: Trigger[] = [];
  for (const r of c.refunds) {
    const end = r.within === null ? asOf : c.dueDate(start, r.within);
    const hit = firstMatch(r.trigger, known, start, end < asOf ? end : asOf);
    if (hit !== null) triggered.push({ term: r, event: hit });
  }
  triggered.push(...extra);
  if (triggered.length === 0) return;
  triggered.sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : 0));
  const positives = drafts.filter((d) => d.units > 0n && (d.kind === "payment" || d.kind === "bonus")).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const firstDate = (triggered[0] as (typeof triggered)[number]).event.date;
  const dates = new Set<string>();
  for (const t of triggered) dates.add(t.event.date);
  for (const p of positives) if (p.date >= firstDate) dates.add(p.date);
  const ordered = [...dates].sort();
  let den = 1n;
  for (const t of triggered) if (t.term.share.den > den) den = t.term.share.den;
  let clawed = 0n;
  for (const date of ordered) {
    let paymentsBase = 0n;
    let allBase = 0n;
    for (const p of positives) {
      if (p.date > date) break;
      allBase += p.units;
      if (p.kind === "payment") paymentsBase += p.units;
    }
    let numerator = 0n;
    const active: typeof triggered = [];
    for (const t of triggered) {
      if (t.event.date > date) continue;
      active.push(t);
      const scaled = t.term.share.num * (den / t.term.share.den);
      numerator += scaled * (t.fixedBase !== undefined ? t.fixedBase : t.term.base === "payments" ? paymentsBase : allBase);
    }
    const target = divRound(numerator, den, c.rounding);
    const delta = target - clawed;
    if (delta <= 0n) continue;
    clawed = target;
    const latest = active[active.length - 1] as (typeof triggered)[number];
    const kind = active.some((t) => t.term.type === "clawback") ? "clawback" : "refund";
    const paidThrough = allBase;
    const say = (): DraftWords => {
      const newlyTriggered = active.filter((t) => t.event.date === date);
      const shares = active.map((t) => `${t.term.shareText} of ${t.fixedBase !== undefined ? `the ${money(t.fixedBase)} of cycles before the result` : t.term.base === "payments" ? "payments" : "payments and bonuses"}`).join(" + ");
      const cause = latest.cause ?? `${latest.event.kind} on ${latest.event.date}`;
      const text =
        newlyTriggered.length > 0
          ? `${newlyTriggered.map((t) => t.term.label).join("; ")}: triggered by ${cause}; ${shares} paid through ${date} is ${money(target)}, so ${money(delta)} is returned.`
          : `Payments made on ${date} after the ${kind} was triggered are subject to it as well: ${shares} paid through ${date} is ${money(target)}, so a further ${money(delta)} is returned.`;
      return { text, inputs: { trigger: `${latest.event.kind} ${latest.event.date}`, share: active.map((t) => t.term.shareText), paidThrough: groupedText(paidThrough, c.scale) } };
    };
    drafts.push({
      date,
      kind,
      termId: active.map((t) => t.term.id).join("+"),
      label: active.map((t) => t.term.label).join("; "),
      units: -delta,
      rule: `contracts.${kind}`,
      seq: nextSeq(),
      say,
    });
  }
}
