// Statements for a period: what a payer books for one month or quarter (the invoice or
// accrual), read off the ledger. A period is half-open [from, to) like every interval of
// the spec, so consecutive periods [a, b), [b, c) tile time with no day counted twice.
// A line dated in the period is final once the period has ended (the ledger is
// append-only in time), so a statement is computed from the ledger as of the period's
// last day, to − 1, and never changes afterwards.
import * as z from "zod";
import { DomainError, type Explanation, isoDateSchema, type Issue, parseInput, step, type Step, ValidationError } from "../../core/index.js";
import { formatMoney, fromMinorUnits, type Money, toMinorUnits } from "../../money/index.js";
import { addOffset } from "../calendar.js";
import { type ContractLike, evaluateContract } from "../evaluate-contract.js";
import { evaluateContractMinorUnits } from "../evaluate-contract-minor-units.js";
import type { LedgerLine, LedgerLineKind } from "../ledger.js";
import { LINE_KINDS } from "../line-kinds.js";
import { isParsedContract, isParsedContractVersions, type ParsedContract, type ParsedContractVersions, parseContract, parseContractVersions } from "../parse-contract.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * A statement period `[from, to)`: `from` is the first day included, `to` the first day
 * after the period (January 2026 is `{ from: "2026-01-01", to: "2026-02-01" }`).
 *
 * @example
 * ```ts
 * statementPeriodSchema.parse({ from: "2026-01-01", to: "2026-02-01" });
 * ```
 *
 * @category Statements
 */
export const statementPeriodSchema = lazySchema(() => z
  .strictObject({
    /** The first day of the period (YYYY-MM-DD), included. */
    from: isoDateSchema,
    /** The first day after the period (YYYY-MM-DD), excluded; after `from`. */
    to: isoDateSchema,
  })
  .refine((p) => p.from < p.to, { message: "a period ends after it starts: to is the first day after the period, so to > from", path: ["to"] }));

/**
 * A statement period as written.
 *
 * @category Statements
 */
export type StatementPeriod = z.input<typeof statementPeriodSchema>;

/**
 * The figures of a statement, in minor units.
 *
 * @category Statements
 */
export interface StatementUnits {
  /** What fell due in the period: paid + withheld (scheduled amounts, whatever their conditions). */
  readonly due: bigint;
  readonly payments: bigint;
  readonly bonuses: bigint;
  /** payments + bonuses. */
  readonly paid: bigint;
  /** Fell due and was not paid because a condition failed. */
  readonly withheld: bigint;
  /** Refund lines, as a positive amount. */
  readonly refunded: bigint;
  /** Clawback lines, as a positive amount. */
  readonly clawedBack: bigint;
  /** paid − refunded − clawedBack: the cash effect of the period (the sum of its lines). */
  readonly net: bigint;
}

/**
 * The figures of a statement as Money.
 *
 * @category Statements
 */
export interface StatementTotals {
  readonly due: Money;
  readonly payments: Money;
  readonly bonuses: Money;
  readonly paid: Money;
  readonly withheld: Money;
  readonly refunded: Money;
  readonly clawedBack: Money;
  readonly net: Money;
}

const ZERO: StatementUnits = { due: 0n, payments: 0n, bonuses: 0n, paid: 0n, withheld: 0n, refunded: 0n, clawedBack: 0n, net: 0n };

/** Books one line under its kind's figure (LINE_KINDS), and into due, paid and net as its kind says. */
function addLine(t: StatementUnits, kind: LedgerLineKind, units: bigint, withheld: bigint): StatementUnits {
  const k = LINE_KINDS[kind];
  const counted = k.sign * (k.counts === "units" ? units : withheld);
  return {
    ...t,
    due: k.due ? t.due + counted : t.due,
    paid: k.paid ? t.paid + units : t.paid,
    net: k.cash ? t.net + units : t.net,
    [k.statement]: t[k.statement] + counted,
  };
}

/** Adds two statements' figures (statements of disjoint periods, or of different patients). Internal. */
export function addStatementUnits(a: StatementUnits, b: StatementUnits): StatementUnits {
  return {
    due: a.due + b.due,
    payments: a.payments + b.payments,
    bonuses: a.bonuses + b.bonuses,
    paid: a.paid + b.paid,
    withheld: a.withheld + b.withheld,
    refunded: a.refunded + b.refunded,
    clawedBack: a.clawedBack + b.clawedBack,
    net: a.net + b.net,
  };
}

function asMoney(t: StatementUnits, currency: string): StatementTotals {
  const m = (u: bigint) => fromMinorUnits(u, currency);
  return { due: m(t.due), payments: m(t.payments), bonuses: m(t.bonuses), paid: m(t.paid), withheld: m(t.withheld), refunded: m(t.refunded), clawedBack: m(t.clawedBack), net: m(t.net) };
}

function lastDay(to: string): string {
  return addOffset(to, { months: 0, days: -1 });
}

function parsedOf(contract: unknown): ParsedContract | ParsedContractVersions {
  if (isParsedContract(contract) || isParsedContractVersions(contract)) return contract;
  return typeof contract === "object" && contract !== null && "versions" in contract ? parseContractVersions(contract) : parseContract(contract);
}

/**
 * The inputs of {@link patientStatement}.
 *
 * @category Statements
 */
export const patientStatementInputSchema = lazySchema(() => z.strictObject({
  /** The contract or versioned contract, as JSON or already parsed. */
  contract: z.unknown(),
  /** The patient's dated outcome events, treatment start first. */
  events: z.unknown(),
  /** The statement period [from, to). */
  period: statementPeriodSchema,
}));

/**
 * Input of {@link patientStatement}: a contract (parsed or JSON), one patient's events, a period.
 *
 * @category Statements
 */
export interface PatientStatementInput {
  readonly contract: ContractLike;
  readonly events: unknown;
  readonly period: StatementPeriod;
}

/**
 * One patient's statement for a period.
 *
 * @category Statements
 */
export interface PatientStatement {
  readonly contractId: string;
  readonly version: string | null;
  readonly currency: string;
  /** The period, `[from, to)`. */
  readonly period: { readonly from: string; readonly to: string };
  /** The ledger date the statement reads: the period's last day (to − 1). */
  readonly asOf: string;
  readonly treatmentStart: string;
  /** Net of every line before the period (brought forward). */
  readonly openingNet: Money;
  /** The ledger lines dated in the period, in ledger order. */
  readonly lines: readonly LedgerLine[];
  readonly totals: StatementTotals;
  /** openingNet + totals.net: the ledger's net as of the period's last day. */
  readonly closingNet: Money;
  readonly explanation: Explanation;
}

function words(t: StatementTotals): string {
  const f = (m: Money) => formatMoney(m);
  return `fell due ${f(t.due)}; paid ${f(t.paid)} (payments ${f(t.payments)}, bonuses ${f(t.bonuses)}); withheld ${f(t.withheld)}; refunded ${f(t.refunded)}; clawed back ${f(t.clawedBack)}; net ${f(t.net)}`;
}

/**
 * One patient's statement for a period `[from, to)`: the ledger lines dated in it and
 * what fell due, was paid, withheld, refunded or clawed back, with the net brought
 * forward and carried. Computed from {@link evaluateContract} as of the period's last
 * day, so the statements of consecutive periods add up to the ledger, and a statement
 * never changes once its period has ended.
 *
 * @example
 * ```ts
 * declare const k1: ReturnType<typeof parseContract>;
 * const s = patientStatement({
 *   contract: k1,
 *   events: [{ kind: "infusion", date: "2026-01-15" }],
 *   period: { from: "2026-04-01", to: "2026-05-01" },
 * });
 * s.totals.paid.toString(); // "CNY 360000.00" (the month-3 milestone, due 2026-04-15)
 * ```
 *
 * @param input - The `contract`, the patient's `events` and the `period` `{ from, to }`.
 * @throws {ValidationError} when the input does not match `patientStatementInputSchema`, or an event is malformed (the field path is named).
 * @throws {DomainError} EVENT_ORDER, INCONSISTENT_INPUT or NO_APPLICABLE_TERMS as for {@link evaluateContract}.
 * @category Statements
 */
export function patientStatement(input: PatientStatementInput): PatientStatement {
  const { contract, events, period } = parseInput(patientStatementInputSchema, input, "patientStatement");
  const asOf = lastDay(period.to);
  const ledger = evaluateContract(parsedOf(contract), events, asOf);
  const currency = ledger.currency;
  let before = 0n;
  let t = ZERO;
  const lines: LedgerLine[] = [];
  const minor = toMinorUnits;
  for (const line of ledger.lines) {
    const units = minor(line.amount);
    if (line.date < period.from) {
      before += units;
      continue;
    }
    lines.push(line);
    t = addLine(t, line.kind, units, line.withheld === undefined ? 0n : minor(line.withheld));
  }
  const totals = asMoney(t, currency);
  const openingNet = fromMinorUnits(before, currency);
  const closingNet = fromMinorUnits(before + t.net, currency);
  const steps: Step[] = [
    step(
      "contracts.statement.period",
      `Statement of contract ${ledger.contractId}${ledger.version === null ? "" : ` version ${ledger.version}`} for ${period.from} to ${asOf} (both included), read from the ledger as of ${asOf}; treatment started ${ledger.treatmentStart}; brought forward ${formatMoney(openingNet)}.`,
      { from: period.from, to: period.to, asOf, openingNet },
      openingNet,
    ),
    ...lines.map((l) => l.explanation),
    step("contracts.statement.totals", `In the period: ${words(totals)}; carried forward ${formatMoney(closingNet)}.`, { lines: lines.length, closingNet }, totals.net),
  ];
  return { contractId: ledger.contractId, version: ledger.version, currency, period: { from: period.from, to: period.to }, asOf, treatmentStart: ledger.treatmentStart, openingNet, lines, totals, closingNet, explanation: steps };
}

/**
 * The inputs of {@link cohortStatement}.
 *
 * @category Statements
 */
export const cohortStatementInputSchema = lazySchema(() => z.strictObject({
  /** The contract or versioned contract all the patients are treated under, as JSON or already parsed. */
  contract: z.unknown(),
  /** The patients to settle, at most 5,000,000, each with its own events. */
  patients: z
    .array(
      z.strictObject({
        /** The patient's identifier, 1–200 characters, unique in the cohort. */
        id: z.string().min(1).max(200),
        /** The patient's dated outcome events, treatment start first. */
        events: z.unknown(),
      })
    )
    .max(5_000_000),
  /** The statement period [from, to). */
  period: statementPeriodSchema,
}));

/**
 * Input of {@link cohortStatement}: a contract, the patients (`{ id, events }`), a period.
 *
 * @category Statements
 */
export interface CohortStatementInput {
  readonly contract: ContractLike;
  readonly patients: readonly { readonly id: string; readonly events: unknown }[];
  readonly period: StatementPeriod;
}

/**
 * One patient's row of a cohort statement.
 *
 * @category Statements
 */
export interface CohortStatementRow {
  readonly id: string;
  readonly version: string | null;
  readonly openingNet: Money;
  readonly totals: StatementTotals;
  readonly closingNet: Money;
  /** Ledger lines dated in the period. */
  readonly lines: number;
}

/**
 * A cohort's statement for a period.
 *
 * @category Statements
 */
export interface CohortStatement {
  readonly contractId: string;
  readonly currency: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly asOf: string;
  /** Patients in input order. */
  readonly rows: readonly CohortStatementRow[];
  readonly openingNet: Money;
  readonly totals: StatementTotals;
  readonly closingNet: Money;
  readonly explanation: Explanation;
}

function prefixed(e: unknown, prefix: readonly (string | number)[]): unknown {
  if (e instanceof ValidationError) return new ValidationError(e.issues.map((i): Issue => ({ ...i, path: [...prefix, ...i.path] })), "cohortStatement");
  if (e instanceof DomainError) return new DomainError(e.code, e.reason, { path: [...prefix, ...e.path], details: { ...e.details } });
  return e;
}

/**
 * A cohort's statement for a period `[from, to)`: one row per patient (what fell due,
 * was paid, withheld, refunded, clawed back, and the net brought and carried forward)
 * and the cohort's totals, through the bulk path ({@link evaluateContractMinorUnits}),
 * so each row equals that patient's {@link patientStatement}. A patient's bad events are
 * the typed error of the evaluation with the path under `patients[i]`; a repeated id is a
 * {@link DomainError} `INCONSISTENT_INPUT` at `patients[i].id`.
 *
 * @example
 * ```ts
 * declare const k1: ReturnType<typeof parseContract>;
 * const s = cohortStatement({
 *   contract: k1,
 *   patients: [{ id: "p1", events: [{ kind: "infusion", date: "2026-01-15" }] }],
 *   period: { from: "2026-01-01", to: "2026-02-01" },
 * });
 * s.totals.paid.toString(); // "CNY 480000.00"
 * ```
 *
 * @param input - The `contract`, the cohort's `patients` (id and events each) and the `period` `{ from, to }`.
 * @throws {ValidationError} when the input does not match `cohortStatementInputSchema`, or a patient's events are malformed (the path is named under `patients[i]`).
 * @throws {DomainError} INCONSISTENT_INPUT for a repeated patient id (`patients[i].id`); CURRENCY_MISMATCH when patients settle in different currencies; EVENT_ORDER or NO_APPLICABLE_TERMS from a patient's evaluation, with the path under `patients[i]`.
 * @category Statements
 */
export function cohortStatement(input: CohortStatementInput): CohortStatement {
  const { contract, patients, period } = parseInput(cohortStatementInputSchema, input, "cohortStatement");
  const parsed = parsedOf(contract);
  const asOf = lastDay(period.to);
  const seen = new Map<string, number>();
  const rows: CohortStatementRow[] = [];
  let currency: string | null = null;
  let opening = 0n;
  let all = ZERO;
  patients.forEach((p, i) => {
    const earlier = seen.get(p.id);
    if (earlier !== undefined) {
      throw new DomainError("INCONSISTENT_INPUT", `patient id ${JSON.stringify(p.id)} appears twice (patients ${earlier} and ${i}): a patient is settled once`, { path: ["patients", i, "id"], details: { id: p.id, first: earlier } });
    }
    seen.set(p.id, i);
    let r;
    try {
      r = evaluateContractMinorUnits(parsed, p.events, asOf);
    } catch (e) {
      throw prefixed(e, ["patients", i]);
    }
    if (currency === null) currency = r.currency;
    else if (r.currency !== currency) {
      throw new DomainError("CURRENCY_MISMATCH", `patient ${JSON.stringify(p.id)} is settled in ${r.currency} (version ${r.version ?? "—"}), the cohort in ${currency}: one statement is in one currency`, { path: ["patients", i] });
    }
    let before = 0n;
    let t = ZERO;
    let count = 0;
    for (const line of r.lines) {
      if (line.date < period.from) {
        before += line.units;
        continue;
      }
      count++;
      t = addLine(t, line.kind, line.units, line.withheld);
    }
    opening += before;
    all = addStatementUnits(all, t);
    const c = r.currency;
    rows.push({ id: p.id, version: r.version, openingNet: fromMinorUnits(before, c), totals: asMoney(t, c), closingNet: fromMinorUnits(before + t.net, c), lines: count });
  });
  const cur = currency ?? (isParsedContract(parsed) ? parsed.currency : (parsed.versions[0] as ParsedContract).currency);
  const totals = asMoney(all, cur);
  const openingNet = fromMinorUnits(opening, cur);
  const closingNet = fromMinorUnits(opening + all.net, cur);
  const id = isParsedContract(parsed) ? parsed.id : (parsed.id ?? (parsed.versions[0] as ParsedContract).id);
  const explanation: Step[] = [
    step("contracts.statement.cohort", `Cohort statement of contract ${id} for ${period.from} to ${asOf} (both included): ${rows.length} patient(s), read from each ledger as of ${asOf}; brought forward ${formatMoney(openingNet)}.`, { from: period.from, to: period.to, asOf, patients: rows.length }, openingNet),
    step("contracts.statement.totals", `In the period: ${words(totals)}; carried forward ${formatMoney(closingNet)}.`, { closingNet }, totals.net),
  ];
  return { contractId: id, currency: cur, period: { from: period.from, to: period.to }, asOf, rows, openingNet, totals, closingNet, explanation };
}
