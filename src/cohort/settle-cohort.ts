import * as z from "zod";
import { DomainError, invalid, ValidationError, type Issue, type IssuePath } from "../core/errors.js";
import { isCalendarDate } from "../contracts/calendar.js";
import { evaluateContractMinorUnits, type MinorUnitContractEvaluation } from "../contracts/evaluate-contract-minor-units.js";
import { isParsedContract, isParsedContractVersions, parseContract, parseContractVersions } from "../contracts/parse-contract.js";
import { isCoveragePlan, parseLayers, type CoveragePlan } from "../tiers/layers.js";
import { splitBillMinorUnits } from "../tiers/waterfall.js";
import { getCurrency } from "../money/currency.js";
import { quote } from "../money/decimal.js";
import { unitsText } from "../money/minor-units.js";
import { amountTextAt, amountUnitsAt } from "./amount-text.js";
import { PatientIds } from "./patient-ids.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * One patient of a cohort, as a stream record (one NDJSON line): the outcome events
 * for the contract and, optionally, the bill to split and the attributes the coverage
 * layers read. Without `bill`, the bill split is the patient's net contract payment.
 *
 * @category Settlement
 */
export const cohortPatientSchema = lazySchema(() => z.strictObject({
  /** The patient's id, non-empty; unique within a cohort (a repeat is an error record, M6). 患者编号. */
  patientId: z.string().min(1),
  /** The patient's dated outcome events, as the contract reads them (checked by the contract: kind, ISO date, grade …). 结局事件. */
  events: z.array(z.unknown()),
  /** The bill to split across the coverage layers, a decimal string in the contract's currency at most to the minor unit, ≥ 0; default the net contract payment. 费用总额. */
  bill: z.string().optional(),
  /** Attributes the layers read (insuranceType, biomarker, …) and assistance `groups`. 患者属性. */
  patient: z
    .strictObject({
      /** Assistance groups the patient belongs to (e.g. "subsistence"), as the plan's assistance layers name them. 救助对象类别. */
      groups: z.array(z.string()).optional(),
    })
    .catchall(z.union([z.string(), z.number(), z.array(z.string())]))
    .optional(),
}));

/**
 * A cohort patient record as JSON.
 *
 * @category Settlement
 */
export type CohortPatient = z.input<typeof cohortPatientSchema>;

/**
 * Settlement of one patient: the contract ledger in brief, and the bill split per layer.
 *
 * @category Settlement
 */
export interface CohortSettlementRecord {
  readonly patientId: string;
  /** Position of the record in the stream, from 1 (the line number of an NDJSON file). */
  readonly index: number;
  readonly currency: string;
  readonly contract: {
    readonly gross: string;
    readonly refunded: string;
    readonly withheld: string;
    readonly net: string;
    readonly lines: readonly { readonly date: string; readonly kind: string; readonly termId: string; readonly amount: string }[];
  };
  /** Present when the settlement has coverage layers. */
  readonly split?: {
    readonly bill: string;
    readonly layers: readonly { readonly id: string; readonly amount: string }[];
    readonly patient: string;
  };
}

/**
 * A record that could not be settled: where and why. The stream goes on.
 *
 * @category Settlement
 */
export interface CohortSettlementError {
  readonly patientId: string | null;
  readonly index: number;
  readonly error: { readonly name: string; readonly code: string; readonly issues: readonly Issue[]; readonly message: string };
}

/**
 * Running totals over a cohort, in integer minor units (bigint), so adding a patient
 * costs a few integer additions. {@link cohortTotalsToJSON} gives the decimal-string view.
 *
 * @category Totals
 */
export interface CohortTotals {
  readonly currency: string;
  readonly patients: number;
  readonly errors: number;
  readonly gross: bigint;
  readonly refunded: bigint;
  readonly net: bigint;
  readonly withheld: bigint;
  /** Per layer id, what the layer paid in total. */
  readonly layers: Readonly<Record<string, bigint>>;
  /** The patients' out-of-pocket total. */
  readonly patientShare: bigint;
}

/**
 * {@link CohortTotals} as JSON: amounts as decimal strings at the currency's scale.
 *
 * @category Totals
 */
export interface CohortTotalsJSON {
  readonly currency: string;
  readonly patients: number;
  readonly errors: number;
  readonly gross: string;
  readonly refunded: string;
  readonly net: string;
  readonly withheld: string;
  readonly layers: Readonly<Record<string, string>>;
  readonly patientShare: string;
}

/**
 * What {@link settleCohort} needs besides the patients.
 *
 * @category Settlement
 */
export interface CohortSettlementOptions {
  /** A contract (or versions) document, or one parsed with `parseContract`. */
  readonly contract: unknown;
  /** Coverage layers (a plan document or one parsed with `parseLayers`); omit to skip the bill split. */
  readonly plan?: unknown;
  /** The as-of date of every evaluation. */
  readonly asOf: string;
}

function describe(e: unknown, prefix: IssuePath): CohortSettlementError["error"] {
  if (e instanceof ValidationError) {
    const issues = e.issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));
    return { name: e.name, code: "INVALID_INPUT", issues, message: issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  }
  if (e instanceof DomainError) {
    const path = [...prefix, ...e.path];
    return { name: e.name, code: e.code, issues: [{ path, code: e.code, message: e.reason }], message: e.reason };
  }
  throw e;
}

/**
 * The prepared settlement: contract and plan parsed once for the whole cohort.
 *
 * @category Settlement
 */
export interface PreparedCohortSettlement {
  readonly currency: string;
  readonly scale: number;
  readonly asOf: string;
  readonly contract: ReturnType<typeof parseContract> | ReturnType<typeof parseContractVersions>;
  readonly plan: CoveragePlan | null;
}

/**
 * Parses the contract and plan once and checks they agree (same currency).
 *
 * @param options - The contract, the coverage plan and the as-of date.
 * @param options.contract - A contract (or versions) document, or one parsed with `parseContract`.
 * @param options.plan - Coverage layers (a plan document or one parsed with `parseLayers`); omit to skip the bill split.
 * @param options.asOf - The as-of date of every evaluation (YYYY-MM-DD).
 * @returns The prepared settlement, for {@link settleCohortPatient}, {@link settleCohort} and {@link settleCohortTotals}.
 * @throws {ValidationError} when the options, the contract or the plan are invalid (path named: `asOf`, the document's field).
 * @throws {DomainError} CURRENCY_MISMATCH when the contract and the plan are in different currencies (at `plan.currency`).
 * @category Settlement
 * @example
 * ```ts
 * declare const k1: ReturnType<typeof parseContract>;
 * declare const layers: ReturnType<typeof parseLayers>;
 * const prepared = prepareCohortSettlement({ contract: k1, plan: layers, asOf: "2026-12-31" });
 * ```
 */
export function prepareCohortSettlement(options: CohortSettlementOptions): PreparedCohortSettlement {
  if (options === null || typeof options !== "object") throw invalid([], "expected options { contract, plan?, asOf }", "invalid_type");
  if (!isCalendarDate(options.asOf)) throw new ValidationError([{ path: ["asOf"], code: "invalid_date", message: `expected a calendar date YYYY-MM-DD, got ${quote(options.asOf)}` }], "settleCohort");
  const c = options.contract;
  const contract =
    isParsedContract(c) || isParsedContractVersions(c)
      ? c
      : typeof c === "object" && c !== null && "versions" in c
        ? parseContractVersions(c)
        : parseContract(c);
  const currency = isParsedContractVersions(contract) ? contract.versions[0]!.currency : contract.currency;
  const plan = options.plan === undefined ? null : isCoveragePlan(options.plan) ? options.plan : parseLayers(options.plan);
  if (plan && plan.currency !== currency) {
    throw new DomainError("CURRENCY_MISMATCH", `the contract is in ${currency} but the coverage plan is in ${plan.currency}`, { path: ["plan", "currency"] });
  }
  const scale = getCurrency(currency).minorUnit;
  const prepared = { currency, scale, asOf: options.asOf, contract, plan };
  madePrepared.add(prepared);
  return prepared;
}

/**
 * Settlements made by {@link prepareCohortSettlement}: the per-patient path trusts only
 * these (their contract and plan were parsed and checked). Membership only; nothing is
 * kept for them, so every patient is settled from its own record.
 */
const madePrepared = new WeakSet<object>();

function isPrepared(value: unknown): value is PreparedCohortSettlement {
  return typeof value === "object" && value !== null && madePrepared.has(value);
}

const COUNTS = ["patients", "errors"] as const;
const AMOUNTS = ["gross", "refunded", "net", "withheld", "patientShare"] as const;

/** Checks running totals by hand (they are plain data a caller carries between patients). */
function checkTotals(totals: unknown): asserts totals is CohortTotals {
  const t = totals as Record<string, unknown> | null;
  if (t === null || typeof t !== "object") throw invalid(["totals"], "expected totals from emptyCohortTotals()", "invalid_type");
  getCurrency(t.currency as string, ["totals", "currency"]);
  for (const k of COUNTS) if (!Number.isSafeInteger(t[k]) || (t[k] as number) < 0) throw invalid(["totals", k], "a count is a whole number ≥ 0", "invalid_type");
  for (const k of AMOUNTS) if (typeof t[k] !== "bigint") throw invalid(["totals", k], "an amount is a bigint of minor units", "invalid_type");
  const layers = t.layers as Record<string, unknown> | null;
  if (layers === null || typeof layers !== "object") throw invalid(["totals", "layers"], "layers are a record of bigint minor units", "invalid_type");
  for (const id in layers) if (Object.hasOwn(layers, id) && typeof layers[id] !== "bigint") throw invalid(["totals", "layers", id], "an amount is a bigint of minor units", "invalid_type");
}

/**
 * Input of {@link settleCohortPatient}.
 *
 * @category Settlement
 */
export interface SettleCohortPatientInput {
  /** The prepared settlement ({@link prepareCohortSettlement}): contract and plan parsed once for the cohort. */
  readonly settlement: PreparedCohortSettlement;
  /** The patient record ({@link CohortPatient}), as read (checked here). */
  readonly record: unknown;
  /** Position of the record in its stream, from 1 (an NDJSON file's line number); echoed in the result. */
  readonly index: number;
}

/**
 * Settles one patient of a cohort: the contract's ledger, then the bill split across
 * the coverage layers on the bulk path (no per-line sentences; run `evaluateContract`
 * and `splitBill` on a disputed patient for the full explanation). Bad records come
 * back as a {@link CohortSettlementError} rather than a throw, so a stream goes on.
 * Checks no repeated patient ids (it sees one patient): {@link settleCohort} and
 * {@link settleCohortTotals} do.
 *
 * @param input - The prepared settlement, the record and its index.
 * @param input.settlement - The result of {@link prepareCohortSettlement}.
 * @param input.record - The patient record (any value; a bad one gives an error record).
 * @param input.index - The record's position in its stream, a whole number ≥ 1.
 * @returns The patient's {@link CohortSettlementRecord}, or a {@link CohortSettlementError} naming the field path and the reason.
 * @throws {ValidationError} when `settlement` was not made by prepareCohortSettlement or `index` is not a whole number ≥ 1 (path named).
 * @category Settlement
 * @example
 * ```ts
 * declare const prepared: ReturnType<typeof prepareCohortSettlement>;
 * settleCohortPatient({ settlement: prepared, record: { patientId: "p1", events: [{ kind: "infusion", date: "2026-01-15" }] }, index: 1 });
 * ```
 */
export function settleCohortPatient(input: SettleCohortPatientInput): CohortSettlementRecord | CohortSettlementError;
/**
 * The older positional form of {@link settleCohortPatient}.
 *
 * @deprecated pass `{ settlement, record, index }`.
 * @param prepared - The prepared settlement.
 * @param record - The patient record.
 * @param index - The record's position, from 1.
 * @returns As {@link settleCohortPatient}.
 * @throws {ValidationError} as {@link settleCohortPatient}.
 * @category Settlement
 * @example
 * ```ts
 * declare const prepared: ReturnType<typeof prepareCohortSettlement>;
 * settleCohortPatient(prepared, { patientId: "p1", events: [] }, 1); // same as settleCohortPatient({ settlement: prepared, record, index: 1 })
 * ```
 */
export function settleCohortPatient(prepared: PreparedCohortSettlement, record: unknown, index: number): CohortSettlementRecord | CohortSettlementError;
/**
 * Both forms: `{ settlement, record, index }`, or `(prepared, record, index)`.
 *
 * @param first - The input object, or (positional form) the prepared settlement.
 * @param record - Positional form: the record.
 * @param position - Positional form: the index.
 * @returns As {@link settleCohortPatient}.
 * @throws {ValidationError} as {@link settleCohortPatient}.
 * @category Settlement
 * @example
 * ```ts
 * declare const prepared: ReturnType<typeof prepareCohortSettlement>;
 * settleCohortPatient({ settlement: prepared, record: { patientId: "p1", events: [] }, index: 1 });
 * ```
 */
export function settleCohortPatient(first: SettleCohortPatientInput | PreparedCohortSettlement, record?: unknown, position?: number): CohortSettlementRecord | CohortSettlementError {
  let prepared: unknown;
  let index: unknown;
  let at: IssuePath = [];
  if (isPrepared(first) || arguments.length > 1) {
    prepared = first;
    index = position;
  } else {
    if (first === null || typeof first !== "object") throw invalid([], "expected { settlement, record, index }", "invalid_type");
    const x = first as Partial<SettleCohortPatientInput>;
    prepared = x.settlement;
    record = x.record;
    index = x.index;
    at = ["settlement"];
  }
  if (!isPrepared(prepared)) throw invalid(at.length > 0 ? at : ["prepared"], "expected the result of prepareCohortSettlement()", "invalid_type");
  if (!Number.isSafeInteger(index) || (index as number) < 1) throw invalid(["index"], "the index is a whole number ≥ 1", "invalid_type");
  const settled = settleUnits(prepared, record, index as number);
  return "error" in settled ? settled : recordOf(prepared, settled, index as number);
}

/** One patient settled in minor units: no text yet (that is made only for a record written). */
interface SettledUnits {
  readonly patientId: string;
  readonly evaluation: MinorUnitContractEvaluation;
  readonly bill: bigint | null;
  readonly split: { readonly layers: readonly bigint[]; readonly patient: bigint } | null;
}

function settleUnits(prepared: PreparedCohortSettlement, record: unknown, index: number): SettledUnits | CohortSettlementError {
  const id = typeof record === "object" && record !== null && typeof (record as { patientId?: unknown }).patientId === "string" ? (record as { patientId: string }).patientId : null;
  try {
    const p = readPatient(record);
    let evaluation: MinorUnitContractEvaluation;
    try {
      evaluation = evaluateContractMinorUnits({ contract: prepared.contract, events: p.events, asOf: prepared.asOf });
    } catch (e) {
      return { patientId: id, index, error: describe(e, []) };
    }
    if (!prepared.plan) return { patientId: p.patientId, evaluation, bill: null, split: null };
    const scale = prepared.scale;
    const bill = p.bill === undefined ? evaluation.totals.net : amountUnitsAt(p.bill, scale);
    if (bill === null || bill < 0n) {
      throw new ValidationError([{ path: ["bill"], code: "invalid_decimal", message: `"${p.bill}" is not a non-negative decimal amount with at most ${scale} decimals` }]);
    }
    const s = splitBillMinorUnits({ plan: prepared.plan, claim: p.patient ? { bill, patient: p.patient } : { bill } });
    return { patientId: p.patientId, evaluation, bill, split: s };
  } catch (e) {
    return { patientId: id, index, error: describe(e, []) };
  }
}

/** The record of a settled patient: the amounts as text at the currency's scale. */
function recordOf(prepared: PreparedCohortSettlement, u: SettledUnits, index: number): CohortSettlementRecord {
  const scale = prepared.scale;
  const t = u.evaluation.totals;
  const lines = u.evaluation.lines.map((l) => ({ date: l.date, kind: l.kind, termId: l.termId, amount: amountTextAt(l.units, scale) }));
  const contract = { gross: amountTextAt(t.gross, scale), refunded: amountTextAt(t.refunded, scale), withheld: amountTextAt(t.withheld, scale), net: amountTextAt(t.net, scale), lines };
  if (!prepared.plan || u.split === null || u.bill === null) return { patientId: u.patientId, index, currency: prepared.currency, contract };
  const split = u.split;
  return {
    patientId: u.patientId,
    index,
    currency: prepared.currency,
    contract,
    split: {
      bill: amountTextAt(u.bill, scale),
      layers: prepared.plan.layers.map((layer, k) => ({ id: layer.id, amount: amountTextAt(split.layers[k]!, scale) })),
      patient: amountTextAt(split.patient, scale),
    },
  };
}

/**
 * Input of {@link settleCohortTotals}.
 *
 * @category Totals
 */
export interface SettleCohortTotalsInput {
  /** The settlement: options for {@link prepareCohortSettlement}, or its result. */
  readonly settlement: CohortSettlementOptions | PreparedCohortSettlement;
  /** Patient records: any iterable (settled in a plain loop) or async iterable. */
  readonly patients: Iterable<unknown> | AsyncIterable<unknown>;
  /** Running totals to continue from (a previous batch); empty totals in the currency when absent. */
  readonly totals?: CohortTotals;
  /**
   * The index of the first patient (default 1); the k-th patient's records carry
   * `firstIndex + k - 1`. For a block of a file: the line number of its first line.
   */
  readonly firstIndex?: number;
  /** Called with each settled patient's record, in order; records (and their text) are made only when given. */
  readonly onRecord?: (record: CohortSettlementRecord) => void;
  /** Called with each error record (a bad record, a repeated patient id), in order; errors are counted either way. */
  readonly onError?: (error: CohortSettlementError) => void;
}

/**
 * Settles a cohort straight into its running totals: the same settlement, patient for
 * patient, as {@link settleCohort} followed by {@link addToCohortTotals}, with the same
 * totals to the minor unit, but the amounts stay bigint minor units from the contract to
 * the totals — text is made only for the records handed to `onRecord`, when one is given.
 * A patient id repeated in the stream is an error record (as in settleCohort), counted in
 * `errors`, and not settled again.
 *
 * @param input - The settlement, the patients, and what to do with records and errors.
 * @param input.settlement - Options for {@link prepareCohortSettlement}, or its result.
 * @param input.patients - The patient records, any iterable or async iterable.
 * @param input.totals - Totals to continue from (default: empty totals in the currency).
 * @param input.firstIndex - Index of the first patient (default 1).
 * @param input.onRecord - Called with each settled patient's record, in order (records are made only when given).
 * @param input.onError - Called with each error record, in order.
 * @returns The running totals after the last patient.
 * @throws {ValidationError} when the input is malformed (path named: `settlement`'s fields, `patients`, `totals`, `firstIndex`, `onRecord`); bad patient records are counted errors, not throws.
 * @throws {DomainError} CURRENCY_MISMATCH when `totals` or the plan are in another currency than the contract.
 * @category Totals
 * @example
 * ```ts
 * declare const k1: ReturnType<typeof parseContract>;
 * declare const plan: Parameters<typeof splitBill>[0]["plan"];
 * declare const patients: Parameters<typeof settleCohortTotals>[0]["patients"];
 * const totals = await settleCohortTotals({ settlement: { contract: k1, plan: plan, asOf: "2026-12-31" }, patients: patients });
 * cohortTotalsToJSON(totals).net; // "4560000.00"
 * ```
 */
export async function settleCohortTotals(input: SettleCohortTotalsInput): Promise<CohortTotals> {
  if (input === null || typeof input !== "object") throw invalid([], "expected { settlement, patients, totals?, onRecord?, onError? }", "invalid_type");
  const prepared = isPrepared(input.settlement) ? input.settlement : prepareCohortSettlement(input.settlement as CohortSettlementOptions);
  const p = input.patients as unknown;
  if (p === null || (typeof p !== "object" && typeof p !== "function") || !(Symbol.iterator in p || Symbol.asyncIterator in p)) {
    throw invalid(["patients"], "expected an iterable or async iterable of patient records", "invalid_type");
  }
  if (input.onRecord !== undefined && typeof input.onRecord !== "function") throw invalid(["onRecord"], "expected a function", "invalid_type");
  if (input.onError !== undefined && typeof input.onError !== "function") throw invalid(["onError"], "expected a function", "invalid_type");
  const start = input.totals ?? emptyCohortTotals(prepared.currency);
  checkTotals(start);
  if (start.currency !== prepared.currency) throw new DomainError("CURRENCY_MISMATCH", `cannot add ${prepared.currency} settlements to ${start.currency} totals`, { path: ["totals", "currency"] });
  const firstIndex = input.firstIndex ?? 1;
  if (!Number.isSafeInteger(firstIndex) || firstIndex < 1) throw invalid(["firstIndex"], "the first index is a whole number ≥ 1", "invalid_type");
  const run = new TotalsRun(prepared, start, input.onRecord, input.onError, firstIndex - 1);
  if (Symbol.asyncIterator in (p as object)) {
    for await (const record of p as AsyncIterable<unknown>) run.add(record);
  } else {
    // A plain loop for a plain iterable: no promise per patient.
    for (const record of p as Iterable<unknown>) run.add(record);
  }
  return run.totals();
}

/** The running state of {@link settleCohortTotals}: bigint sums, layer sums by position, ids seen. */
class TotalsRun {
  private patients: number;
  private errors: number;
  private gross: bigint;
  private refunded: bigint;
  private net: bigint;
  private withheld: bigint;
  private patientShare: bigint;
  private readonly layerSums: bigint[];
  private readonly seen = new PatientIds();

  constructor(
    private readonly prepared: PreparedCohortSettlement,
    private readonly start: CohortTotals,
    private readonly onRecord: ((r: CohortSettlementRecord) => void) | undefined,
    private readonly onError: ((e: CohortSettlementError) => void) | undefined,
    /** The index before the first patient's. */
    private index: number,
  ) {
    this.patients = start.patients;
    this.errors = start.errors;
    this.gross = start.gross;
    this.refunded = start.refunded;
    this.net = start.net;
    this.withheld = start.withheld;
    this.patientShare = start.patientShare;
    this.layerSums = (prepared.plan?.layers ?? []).map(() => 0n);
  }

  add(record: unknown): void {
    const index = ++this.index;
    const id = record !== null && typeof record === "object" && typeof (record as { patientId?: unknown }).patientId === "string" ? (record as { patientId: string }).patientId : null;
    if (id !== null) {
      const first = this.seen.firstOrAdd(id, index);
      if (first !== -1) {
        this.fail({ patientId: id, index, error: repeatedPatient(id, first, index) });
        return;
      }
    }
    const u = settleUnits(this.prepared, record, index);
    if ("error" in u) {
      this.fail(u);
      return;
    }
    const t = u.evaluation.totals;
    this.patients++;
    this.gross += t.gross;
    this.refunded += t.refunded;
    this.net += t.net;
    this.withheld += t.withheld;
    if (u.split !== null) {
      const sums = this.layerSums;
      for (let k = 0; k < sums.length; k++) sums[k] = sums[k]! + u.split.layers[k]!;
      this.patientShare += u.split.patient;
    }
    if (this.onRecord !== undefined) this.onRecord(recordOf(this.prepared, u, index));
  }

  private fail(e: CohortSettlementError): void {
    this.errors++;
    if (this.onError !== undefined) this.onError(e);
  }

  totals(): CohortTotals {
    // Null prototype, own keys: a layer id "constructor" or "__proto__" is a key like any other.
    const layers = Object.create(null) as Record<string, bigint>;
    for (const id of Object.keys(this.start.layers)) layers[id] = this.start.layers[id]!;
    const planLayers = this.prepared.plan?.layers ?? [];
    if (this.patients > this.start.patients) {
      planLayers.forEach((layer, k) => {
        layers[layer.id] = (Object.hasOwn(layers, layer.id) ? layers[layer.id]! : 0n) + this.layerSums[k]!;
      });
    }
    return {
      currency: this.start.currency,
      patients: this.patients,
      errors: this.errors,
      gross: this.gross,
      refunded: this.refunded,
      net: this.net,
      withheld: this.withheld,
      layers,
      patientShare: this.patientShare,
    };
  }
}

/**
 * The record's shape, checked by hand: this runs once per patient of a million-patient
 * stream, where a schema pass would cost more than the settlement. The full checks of
 * events and attributes happen in the contract and the layers.
 */
function readPatient(record: unknown): z.output<typeof cohortPatientSchema> {
  if (typeof record !== "object" || record === null || Array.isArray(record)) {
    throw new ValidationError([{ path: [], code: "invalid_type", message: "expected a patient record { patientId, events }" }]);
  }
  const r = record as { patientId?: unknown; events?: unknown; bill?: unknown; patient?: unknown };
  // Made only for a bad record: a million good ones allocate nothing here.
  let issues: Issue[] | null = null;
  const issue = (i: Issue) => (issues ??= []).push(i);
  if (typeof r.patientId !== "string" || r.patientId === "") issue({ path: ["patientId"], code: "invalid_type", message: "expected a non-empty string" });
  if (!Array.isArray(r.events)) issue({ path: ["events"], code: "invalid_type", message: "expected an array of events" });
  if (r.bill !== undefined && typeof r.bill !== "string") issue({ path: ["bill"], code: "invalid_type", message: "expected a decimal string" });
  // Attributes the hand check accepts, the schema accepts too; anything else goes to the
  // schema, which accepts it or words the issues.
  if (r.patient !== undefined && !plainAttributes(r.patient)) {
    const parsed = cohortPatientSchema.shape.patient.safeParse(r.patient);
    if (!parsed.success) for (const i of parsed.error.issues) issue({ path: ["patient", ...i.path.map((k) => (typeof k === "symbol" ? String(k) : k))], code: i.code, message: i.message });
  }
  if (issues !== null) throw new ValidationError(issues);
  return record as z.output<typeof cohortPatientSchema>;
}

/** True for a list of strings (a plain array, every item text). */
function isTextList(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== "string") return false;
  return true;
}

/**
 * True when `p` is attributes as cohortPatientSchema's `patient` accepts them, checked
 * by hand (a schema pass per patient would cost more than the settlement): an object
 * whose own fields are `groups` (a list of text) or text, finite numbers or lists of
 * text. False means "ask the schema", not "invalid": inherited fields, exotic objects
 * and every bad value go to the schema, which decides and words the issues.
 */
function plainAttributes(p: unknown): boolean {
  if (typeof p !== "object" || p === null || Array.isArray(p)) return false;
  const proto = Object.getPrototypeOf(p) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  const o = p as Record<string, unknown>;
  for (const k in o) {
    if (!Object.hasOwn(o, k)) return false;
    const v = o[k];
    if (k === "groups") {
      if (v !== undefined && !isTextList(v)) return false;
    } else if (!(typeof v === "string" || (typeof v === "number" && Number.isFinite(v)) || isTextList(v))) return false;
  }
  return true;
}

/**
 * True when a cohort record is an error record.
 *
 * @param r - A record from {@link settleCohortPatient} or {@link settleCohort}.
 * @returns True for a {@link CohortSettlementError}.
 * @category Settlement
 * @example
 * ```ts
 * declare const record: ReturnType<typeof settleCohortPatient>;
 * if (isCohortSettlementError(record)) console.error(record.error.message);
 * ```
 */
export function isCohortSettlementError(r: CohortSettlementRecord | CohortSettlementError): r is CohortSettlementError {
  return typeof r === "object" && r !== null && "error" in r;
}

/**
 * Input of {@link settleCohort}.
 *
 * @category Settlement
 */
export interface SettleCohortInput {
  /** The settlement: options for {@link prepareCohortSettlement}, or its result. */
  readonly settlement: CohortSettlementOptions | PreparedCohortSettlement;
  /** Patient records: any iterable or async iterable (an NDJSON reader, a queue, a worker's port). */
  readonly patients: Iterable<unknown> | AsyncIterable<unknown>;
}

/** The error record of a patient id repeated in a stream (M6: each patient once). */
function repeatedPatient(id: string, first: number, index: number): CohortSettlementError["error"] {
  const e = new DomainError("INCONSISTENT_INPUT", `patient ${quote(id)} was already settled at record ${first}: a cohort settles each patient once`, { path: ["patientId"], details: { patientId: id, first, index } });
  return describe(e, []);
}

/**
 * Settles a cohort as a stream: patients in, one settlement record out per patient,
 * in order. Works on any (async) iterable — an NDJSON reader, a message queue, a worker
 * thread's port. The only state kept across patients is the set of ids seen: a patient
 * id repeated in the stream gives an error record (`INCONSISTENT_INPUT` at `patientId`)
 * and is not settled again.
 *
 * @param input - The settlement and the patients.
 * @param input.settlement - Options for {@link prepareCohortSettlement} (contract, plan, asOf), or its result.
 * @param input.patients - The patient records ({@link CohortPatient}), any iterable or async iterable.
 * @returns An async generator of one {@link CohortSettlementRecord} or {@link CohortSettlementError} per patient, in order.
 * @throws {ValidationError} when the settlement options are invalid (the path named: `asOf`, the contract's or plan's fields) or `patients` is not iterable; bad records are error records, not throws.
 * @throws {DomainError} CURRENCY_MISMATCH when the contract and the plan are in different currencies.
 * @category Settlement
 * @example
 * ```ts
 * declare const k1: ReturnType<typeof parseContract>;
 * declare const plan: ReturnType<typeof parseLayers>;
 * declare const patients: AsyncIterable<unknown>;
 * let totals = emptyCohortTotals("CNY");
 * for await (const r of settleCohort({ settlement: { contract: k1, plan, asOf: "2026-12-31" }, patients })) {
 *   if (isCohortSettlementError(r)) console.error(r.index, r.error.message);
 *   else totals = addToCohortTotals({ totals, record: r });
 * }
 * ```
 */
export function settleCohort(input: SettleCohortInput): AsyncGenerator<CohortSettlementRecord | CohortSettlementError, void, undefined>;
/**
 * The older positional form of {@link settleCohort}.
 *
 * @deprecated pass `{ settlement, patients }`.
 * @param options - The settlement options or prepared settlement.
 * @param patients - The patient records.
 * @returns The records, as for {@link settleCohort}.
 * @throws {ValidationError} as for {@link settleCohort}.
 * @category Settlement
 * @example
 * ```ts
 * declare const prepared: ReturnType<typeof prepareCohortSettlement>;
 * declare const patients: unknown[];
 * settleCohort(prepared, patients); // same as settleCohort({ settlement: prepared, patients })
 * ```
 */
export function settleCohort(options: CohortSettlementOptions | PreparedCohortSettlement, patients: Iterable<unknown> | AsyncIterable<unknown>): AsyncGenerator<CohortSettlementRecord | CohortSettlementError, void, undefined>;
/**
 * Both forms: `{ settlement, patients }`, or `(options, patients)`.
 *
 * @param first - The input object, or (positional form) the settlement.
 * @param second - Positional form: the patients.
 * @returns As {@link settleCohort}.
 * @throws {ValidationError} as {@link settleCohort}.
 * @category Settlement
 * @example
 * ```ts
 * declare const prepared: ReturnType<typeof prepareCohortSettlement>;
 * declare const patients: unknown[];
 * settleCohort({ settlement: prepared, patients });
 * ```
 */
export async function* settleCohort(
  first: SettleCohortInput | CohortSettlementOptions | PreparedCohortSettlement,
  second?: Iterable<unknown> | AsyncIterable<unknown>,
): AsyncGenerator<CohortSettlementRecord | CohortSettlementError, void, undefined> {
  let settlement: CohortSettlementOptions | PreparedCohortSettlement;
  let patients: unknown;
  if (second !== undefined || isPrepared(first)) {
    settlement = first as CohortSettlementOptions | PreparedCohortSettlement;
    patients = second;
  } else {
    if (first === null || typeof first !== "object") throw invalid([], "expected { settlement, patients }", "invalid_type");
    const x = first as Partial<SettleCohortInput>;
    if (x.settlement === undefined) throw invalid(["settlement"], "expected the settlement: { contract, plan?, asOf } or prepareCohortSettlement()", "invalid_type");
    settlement = x.settlement;
    patients = x.patients;
  }
  const prepared = isPrepared(settlement) ? settlement : prepareCohortSettlement(settlement as CohortSettlementOptions);
  if (patients === null || (typeof patients !== "object" && typeof patients !== "function") || !(Symbol.iterator in patients || Symbol.asyncIterator in patients)) {
    throw invalid(["patients"], "expected an iterable or async iterable of patient records", "invalid_type");
  }
  yield* cohortRecords(prepared, patients as Iterable<unknown> | AsyncIterable<unknown>);
}

async function* cohortRecords(prepared: PreparedCohortSettlement, patients: Iterable<unknown> | AsyncIterable<unknown>): AsyncGenerator<CohortSettlementRecord | CohortSettlementError, void, undefined> {
  let index = 0;
  // M6: a patient id seen twice in one stream is reported, never settled (and paid) twice.
  // The only state kept across patients: the ids seen so far (first index of each).
  const seen = new PatientIds();
  for await (const record of patients as AsyncIterable<unknown>) {
    index += 1;
    const id = record !== null && typeof record === "object" && typeof (record as { patientId?: unknown }).patientId === "string" ? (record as { patientId: string }).patientId : null;
    const first = id === null ? -1 : seen.firstOrAdd(id, index);
    if (id !== null && first !== -1) {
      yield { patientId: id, index, error: repeatedPatient(id, first, index) };
      continue;
    }
    const settled = settleUnits(prepared, record, index);
    yield "error" in settled ? settled : recordOf(prepared, settled, index);
  }
}

/**
 * Totals before the first patient: the identity of {@link mergeCohortTotals}.
 *
 * @param currency - The ISO 4217 code of the cohort's currency.
 * @returns Zero counts and amounts in `currency`.
 * @throws {ValidationError} when the currency is not a known ISO 4217 code.
 * @category Totals
 * @example
 * ```ts
 * let totals = emptyCohortTotals("CNY");
 * ```
 */
export function emptyCohortTotals(currency: string): CohortTotals {
  getCurrency(currency);
  return { currency, patients: 0, errors: 0, gross: 0n, refunded: 0n, net: 0n, withheld: 0n, layers: Object.create(null) as Record<string, bigint>, patientShare: 0n };
}

/**
 * Input of {@link addToCohortTotals}.
 *
 * @category Totals
 */
export interface AddToCohortTotalsInput {
  /** The running totals so far ({@link emptyCohortTotals} before the first patient). */
  readonly totals: CohortTotals;
  /** A record from {@link settleCohortPatient} or {@link settleCohort} (an error record counts as an error), possibly read back from NDJSON. */
  readonly record: CohortSettlementRecord | CohortSettlementError;
}

/**
 * Adds one settled patient (or an error record) to the running totals; pure. The
 * record's amounts are read back from their text (a record may have crossed a file or
 * a queue) and checked; to settle straight into totals without records, use
 * {@link settleCohortTotals}.
 *
 * @param input - The totals and the record.
 * @param input.totals - The running totals.
 * @param input.record - The settlement or error record to add.
 * @returns New totals (the input is not changed).
 * @throws {ValidationError} when the totals or the record are malformed (path named under `totals` or `record`).
 * @throws {DomainError} CURRENCY_MISMATCH when the record's currency is not the totals'.
 * @category Totals
 * @example
 * ```ts
 * declare const record: ReturnType<typeof settleCohortPatient>;
 * let totals = emptyCohortTotals("CNY");
 * totals = addToCohortTotals({ totals, record });
 * ```
 */
export function addToCohortTotals(input: AddToCohortTotalsInput): CohortTotals;
/**
 * The older positional form of {@link addToCohortTotals}.
 *
 * @deprecated pass `{ totals, record }`.
 * @param totals - The running totals.
 * @param record - The record to add.
 * @returns As {@link addToCohortTotals}.
 * @throws {ValidationError} as {@link addToCohortTotals}.
 * @category Totals
 * @example
 * ```ts
 * declare const record: ReturnType<typeof settleCohortPatient>;
 * addToCohortTotals(emptyCohortTotals("CNY"), record); // same as addToCohortTotals({ totals: emptyCohortTotals("CNY"), record })
 * ```
 */
export function addToCohortTotals(totals: CohortTotals, record: CohortSettlementRecord | CohortSettlementError): CohortTotals;
/**
 * Both forms: `{ totals, record }`, or `(totals, record)`.
 *
 * @param first - The input object, or (positional form) the totals.
 * @param second - Positional form: the record.
 * @returns As {@link addToCohortTotals}.
 * @throws {ValidationError} as {@link addToCohortTotals}.
 * @category Totals
 * @example
 * ```ts
 * declare const record: ReturnType<typeof settleCohortPatient>;
 * addToCohortTotals({ totals: emptyCohortTotals("CNY"), record });
 * ```
 */
export function addToCohortTotals(first: AddToCohortTotalsInput | CohortTotals, second?: CohortSettlementRecord | CohortSettlementError): CohortTotals {
  let totals: CohortTotals;
  let record: CohortSettlementRecord | CohortSettlementError;
  if (arguments.length > 1) {
    totals = first as CohortTotals;
    record = second!;
  } else {
    const x = first as Partial<AddToCohortTotalsInput> | null;
    if (x === null || typeof x !== "object" || !("totals" in x) || !("record" in x)) throw invalid([], "expected { totals, record }", "invalid_type");
    totals = x.totals as CohortTotals;
    record = x.record as CohortSettlementRecord | CohortSettlementError;
  }
  checkTotals(totals);
  if (isCohortSettlementError(record)) return { ...totals, errors: totals.errors + 1 };
  const r = record as unknown as Record<string, unknown> | null;
  if (r === null || typeof r !== "object") throw invalid(["record"], "expected a record from settleCohortPatient()", "invalid_type");
  if (typeof r.currency !== "string") throw invalid(["record", "currency"], "expected a currency code", "invalid_type");
  if (r.currency !== totals.currency) {
    throw new DomainError("CURRENCY_MISMATCH", `cannot add a ${r.currency} settlement to ${totals.currency} totals`);
  }
  const s = getCurrency(totals.currency).minorUnit;
  // Records may come back from NDJSON, so every amount is read (and checked) here.
  const c = object(r.contract, ["record", "contract"]);
  const gross = amountOf(c, "gross", s, ["record", "contract"]);
  const refunded = amountOf(c, "refunded", s, ["record", "contract"]);
  const net = amountOf(c, "net", s, ["record", "contract"]);
  const withheld = amountOf(c, "withheld", s, ["record", "contract"]);
  let layers = totals.layers;
  let patientShare = totals.patientShare;
  if (r.split !== undefined) {
    const split = object(r.split, ["record", "split"]);
    const paid = split.layers;
    if (!Array.isArray(paid)) throw invalid(["record", "split", "layers"], "expected the layers paid", "invalid_type");
    // Null prototype, own-key reads: a layer id "constructor" or "__proto__" is a key like any other.
    const next = Object.create(null) as Record<string, bigint>;
    for (const id of Object.keys(totals.layers)) next[id] = totals.layers[id]!;
    for (let i = 0; i < paid.length; i++) {
      const l = object(paid[i], ["record", "split", "layers", i]);
      const amount = amountOf(l, "amount", s, ["record", "split", "layers", i]);
      if (typeof l.id !== "string") throw invalid(["record", "split", "layers", i, "id"], "a layer id is text", "invalid_type");
      next[l.id] = (Object.hasOwn(next, l.id) ? next[l.id]! : 0n) + amount;
    }
    patientShare += amountOf(split, "patient", s, ["record", "split"]);
    layers = next;
  }
  return {
    currency: totals.currency,
    patients: totals.patients + 1,
    errors: totals.errors,
    gross: totals.gross + gross,
    refunded: totals.refunded + refunded,
    net: totals.net + net,
    withheld: totals.withheld + withheld,
    layers,
    patientShare,
  };
}

function object(o: unknown, path: IssuePath): Record<string, unknown> {
  if (o === null || typeof o !== "object") throw invalid(path, "expected an object of amounts", "invalid_type");
  return o as Record<string, unknown>;
}

function amountOf(o: Record<string, unknown>, key: string, scale: number, path: IssuePath): bigint {
  const text = o[key];
  const value = typeof text === "string" ? amountUnitsAt(text, scale) : null;
  if (value === null) throw invalid([...path, key], `an amount is a decimal string with at most ${scale} decimals`, "invalid_amount");
  return value;
}

/**
 * The totals with amounts as decimal strings, for reports and JSON.
 *
 * @param totals - Running totals ({@link CohortTotals}).
 * @returns The same totals with every amount as a decimal string at the currency's scale.
 * @throws {ValidationError} when the totals are malformed (path named under `totals`).
 * @category Totals
 * @example
 * ```ts
 * declare const totals: ReturnType<typeof emptyCohortTotals>;
 * cohortTotalsToJSON(totals).net; // "4560000.00"
 * ```
 */
export function cohortTotalsToJSON(totals: CohortTotals): CohortTotalsJSON {
  checkTotals(totals);
  const s = getCurrency(totals.currency).minorUnit;
  const layers = Object.create(null) as Record<string, string>;
  for (const [id, v] of Object.entries(totals.layers)) layers[id] = unitsText(v, s);
  return {
    currency: totals.currency,
    patients: totals.patients,
    errors: totals.errors,
    gross: unitsText(totals.gross, s),
    refunded: unitsText(totals.refunded, s),
    net: unitsText(totals.net, s),
    withheld: unitsText(totals.withheld, s),
    layers,
    patientShare: unitsText(totals.patientShare, s),
  };
}
