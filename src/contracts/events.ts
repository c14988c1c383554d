import { quote } from "../money/decimal.js";
import * as z from "zod";
import { DomainError, type Issue, isoDateSchema, ValidationError } from "../core/index.js";
import { calendarDayNumber } from "./calendar.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * The kinds of dated outcome event a contract can react to. `infusion` and
 * `treatmentStart` both mark day 0 (CAR-T speaks of infusion, drugs of treatment start).
 *
 * @category Outcome Events
 */
export const OUTCOME_EVENT_KINDS = ["treatmentStart", "infusion", "treatedMonth", "assessment", "crs", "progression", "relapse", "seriousAdverseEvent", "death", "improvement"] as const;

/**
 * One of {@link OUTCOME_EVENT_KINDS}.
 *
 * @category Outcome Events
 */
export type OutcomeEventKind = (typeof OUTCOME_EVENT_KINDS)[number];

/**
 * Tumour response categories of an assessment (RECIST-style).
 *
 * @category Outcome Events
 */
export const RESPONSE_CATEGORIES = ["CR", "PR", "SD", "PD"] as const;

/**
 * Complete response, partial response, stable disease, progressive disease.
 *
 * @category Outcome Events
 */
export type ResponseCategory = (typeof RESPONSE_CATEGORIES)[number];

/**
 * A dated outcome event of one patient, as a backend stores it.
 *
 * @category Outcome Events
 */
export interface OutcomeEvent {
  /** A built-in kind, or one the contract declares under `outcomes`. */
  readonly kind: OutcomeEventKind | (string & {});
  /** Calendar date `YYYY-MM-DD`. */
  readonly date: string;
  /** Grade (1–5) of a CRS or serious adverse event. */
  readonly grade?: number;
  /** Response category of an assessment. */
  readonly response?: ResponseCategory;
  /** Free text kept with the event (ignored by evaluation). */
  readonly note?: string;
  /** The attributes of an event of a declared kind, as its declaration types them. */
  readonly attributes?: Readonly<Record<string, boolean | number | string>>;
}

const base = lazySchema(() => ({ date: isoDateSchema, note: z.string().optional() }));
const grade = lazySchema(() => z.number().int().min(1).max(5));

/**
 * The zod schema of one outcome event (for storing and validating event records).
 * {@link evaluateContract} validates events with an equivalent hand-written check
 * that is cheaper per patient and reports the same paths.
 *
 * @example
 * ```ts
 * outcomeEventSchema.parse({ kind: "crs", date: "2026-01-20", grade: 2 });
 * ```
 *
 * @category Outcome Events
 */
export const outcomeEventSchema = lazySchema(() => z.discriminatedUnion("kind", [
  z.strictObject({
    /** Event kind `treatmentStart`: day 0 of the treatment (drugs); a history has exactly one start (this or `infusion`), first. */
    kind: z.literal("treatmentStart"),
    ...base,
  }),
  z.strictObject({
    /** Event kind `infusion`: day 0 of the treatment (CAR-T infusion 回输); a history has exactly one start (this or `treatmentStart`), first. */
    kind: z.literal("infusion"),
    ...base,
  }),
  z.strictObject({
    /** Event kind `treatedMonth`: a month of drug dispensed (per-treated-month pricing). */
    kind: z.literal("treatedMonth"),
    ...base,
  }),
  z.strictObject({
    /** Event kind `assessment`: a response assessment (疗效评估). */
    kind: z.literal("assessment"),
    /** The response recorded (RECIST-style): CR complete, PR partial, SD stable disease, PD progressive disease. */
    response: z.enum(RESPONSE_CATEGORIES),
    ...base,
  }),
  z.strictObject({
    /** Event kind `crs`: cytokine-release syndrome (细胞因子释放综合征). */
    kind: z.literal("crs"),
    /** Grade of the event, an integer 1–5; optional. */
    grade: grade.optional(),
    ...base,
  }),
  z.strictObject({
    /** Event kind `progression`: disease progression (疾病进展). */
    kind: z.literal("progression"),
    ...base,
  }),
  z.strictObject({
    /** Event kind `relapse`: relapse (复发). */
    kind: z.literal("relapse"),
    ...base,
  }),
  z.strictObject({
    /** Event kind `seriousAdverseEvent`: a serious adverse event (严重不良反应 SAE). */
    kind: z.literal("seriousAdverseEvent"),
    /** Grade of the event, an integer 1–5; optional. */
    grade: grade.optional(),
    ...base,
  }),
  z.strictObject({
    /** Event kind `death`: the patient's death; no event may follow it. */
    kind: z.literal("death"),
    ...base,
  }),
  z.strictObject({
    /** Event kind `improvement`: the agreed "condition improved" flag. */
    kind: z.literal("improvement"),
    ...base,
  }),
]));

/**
 * The zod schema of a patient's event history: a list of {@link outcomeEventSchema}.
 *
 * @category Outcome Events
 */
export const outcomeEventsSchema = lazySchema(() => z.array(outcomeEventSchema));

const KINDS = new Set<string>(OUTCOME_EVENT_KINDS);
const RESPONSES = new Set<string>(RESPONSE_CATEGORIES);
const ALLOWED_KEYS = new Set(["kind", "date", "grade", "response", "note"]);

/** A validated history: the events in order and the treatment start. */
export interface PatientHistory {
  readonly start: string;
  readonly events: readonly OutcomeEvent[];
  /** Indexes of events of kinds that are not built in, to check against the contract's declarations. */
  readonly custom: readonly number[];
}

const NO_CUSTOM: readonly number[] = Object.freeze([]);

/**
 * Validates a patient's event history. With `deferCustom`, events of kinds not built in
 * are only date-checked here and listed in `custom`; given the contract's declared
 * `kinds` and their fit test `fits`, only those the test does not pass (or of a kind not
 * declared) are listed. Shape problems are a ValidationError with the path of each bad
 * field; a missing or repeated start, events out of date order, events before the start
 * or after death are a DomainError `EVENT_ORDER`; the same event twice (kind, date,
 * grade, response equal) is `INCONSISTENT_INPUT` at the repeat.
 *
 * One pass: the order is followed while the history is valid so far, and its first
 * problem, if any, is worded (by {@link throwOrderProblem}) once no shape problem is found.
 */
export function checkHistory<K>(input: unknown, deferCustom = false, kinds?: ReadonlyMap<string, K>, fits?: (e: Record<string, unknown>, kind: K) => boolean): PatientHistory {
  if (!Array.isArray(input)) {
    throw new ValidationError([{ path: ["events"], code: "invalid_type", message: "events must be an array" }], "evaluateContract");
  }
  // Made on the first problem (or the first listed event): a valid history allocates none.
  let issues: Issue[] | null = null;
  let custom: number[] | null = null;
  // The order so far: `ordered` turns false at the first event that breaks it (as throwOrderProblem finds it).
  let ordered = true;
  let start = "";
  // The previous event's date as its YYYYMMDD number (calendarDayNumber): the order is compared on numbers.
  let previous = -1;
  let dead = false;
  let dayStart = 1;
  let sameDay: Map<string, number> | null = null;
  for (let i = 0; i < input.length; i++) {
    const e = input[i] as Record<string, unknown> | null;
    if (typeof e !== "object" || e === null || Array.isArray(e)) {
      (issues ??= []).push({ path: ["events", i], code: "invalid_type", message: "an event is an object { kind, date }" });
      continue;
    }
    const kind = e.kind;
    const day = calendarDayNumber(e.date);
    // A declared kind is never a built-in one (the declarations' schema refuses that): one lookup finds either.
    const declared = kinds === undefined || typeof kind !== "string" ? undefined : kinds.get(kind);
    if (deferCustom && typeof kind === "string" && (declared !== undefined || !KINDS.has(kind))) {
      // A kind the contract may declare: its fields are checked against the declaration
      // of the version that applies (checkDeclaredEvents); here only its date matters.
      if (day === -1) (issues ??= []).push({ path: ["events", i, "date"], code: "invalid_date", message: `expected a calendar date YYYY-MM-DD, got ${quote(e.date)}` });
      // With the declarations at hand, an event that fits them is done with here.
      if (declared === undefined || fits === undefined || !fits(e, declared)) (custom ??= []).push(i);
    } else {
      if (typeof kind !== "string" || !KINDS.has(kind)) {
        (issues ??= []).push({ path: ["events", i, "kind"], code: "invalid_union_discriminator", message: `unknown event kind ${quote(kind)}; expected one of ${OUTCOME_EVENT_KINDS.join(", ")}` });
        continue;
      }
      if (day === -1) {
        (issues ??= []).push({ path: ["events", i, "date"], code: "invalid_date", message: `expected a calendar date YYYY-MM-DD, got ${quote(e.date)}` });
      }
      for (const key in e) {
        if (!ALLOWED_KEYS.has(key)) (issues ??= []).push({ path: ["events", i, key], code: "unrecognized_keys", message: `unknown field "${key}"` });
      }
      if (kind === "assessment") {
        if (typeof e.response !== "string" || !RESPONSES.has(e.response)) {
          (issues ??= []).push({ path: ["events", i, "response"], code: "invalid_value", message: `an assessment needs a response of ${RESPONSE_CATEGORIES.join(", ")}` });
        }
      } else if (e.response !== undefined) {
        (issues ??= []).push({ path: ["events", i, "response"], code: "unrecognized_keys", message: `only assessments carry a response` });
      }
      if (e.grade !== undefined) {
        if (kind !== "crs" && kind !== "seriousAdverseEvent") {
          (issues ??= []).push({ path: ["events", i, "grade"], code: "unrecognized_keys", message: "only CRS and serious adverse events carry a grade" });
        } else if (typeof e.grade !== "number" || !Number.isInteger(e.grade) || e.grade < 1 || e.grade > 5) {
          (issues ??= []).push({ path: ["events", i, "grade"], code: "invalid_value", message: "a grade is a whole number from 1 to 5" });
        }
      }
      if (e.note !== undefined && typeof e.note !== "string") {
        (issues ??= []).push({ path: ["events", i, "note"], code: "invalid_type", message: "a note is text" });
      }
    }
    // Once a shape problem is found the order no longer matters: the ValidationError wins.
    if (!ordered || issues !== null) continue;
    if (i === 0) {
      if (kind !== "treatmentStart" && kind !== "infusion") ordered = false;
      start = e.date as string;
      previous = day;
      continue;
    }
    // The conditions of throwOrderProblem's loop, in its order, on the same state.
    if (kind === "treatmentStart" || kind === "infusion" || day < previous || dead) {
      ordered = false;
      continue;
    }
    if (kind === "death") dead = true;
    if (day !== previous) {
      dayStart = i;
      sameDay = null;
    } else if (i > dayStart) {
      if (sameDay === null) {
        sameDay = new Map();
        for (let j = dayStart; j < i; j++) sameDay.set(identity(input[j] as OutcomeEvent), j);
      }
      const key = identity(e as unknown as OutcomeEvent);
      if (sameDay.has(key)) {
        ordered = false;
        continue;
      }
      sameDay.set(key, i);
    }
    previous = day;
  }
  if (issues !== null) throw new ValidationError(issues, "evaluateContract");
  const events = input as readonly OutcomeEvent[];
  if (!ordered || events.length === 0) throwOrderProblem(events);
  return { start, events, custom: custom ?? NO_CUSTOM };
}

/**
 * Throws the order problem of a history whose events are each valid: no start, a start
 * that is not first, a second start, events out of order, before the start or after
 * death (EVENT_ORDER), or the same event twice (INCONSISTENT_INPUT). Called only when
 * {@link checkHistory}'s pass found one, so it always throws.
 */
function throwOrderProblem(events: readonly OutcomeEvent[]): never {
  const first = events[0];
  if (first === undefined || (first.kind !== "treatmentStart" && first.kind !== "infusion")) {
    const at = events.findIndex((e) => e.kind === "treatmentStart" || e.kind === "infusion");
    if (at === -1) throw new DomainError("EVENT_ORDER", "the history has no treatment start (or infusion) event", { path: ["events"] });
    throw new DomainError("EVENT_ORDER", `event ${at} (${events[at]?.kind}) must come first: nothing can happen before treatment starts`, {
      path: ["events", 0, "date"],
      details: { start: events[at]?.date, first: first?.date },
    });
  }
  const start = first.date;
  let previous = start;
  let deathAt = -1;
  // M6: identical events (same kind, date, grade and response; the note is free text)
  // are one event recorded twice, which would otherwise be paid twice. Events are in
  // date order, so only the current date's events need remembering.
  let dayStart = 1;
  let sameDay: Map<string, number> | null = null;
  for (let i = 1; i < events.length; i++) {
    const e = events[i] as OutcomeEvent;
    if (e.kind === "treatmentStart" || e.kind === "infusion") {
      throw new DomainError("EVENT_ORDER", `a second treatment start on ${e.date}: one history covers one treatment`, { path: ["events", i, "kind"] });
    }
    // previous ≥ start, so a date before the start is also before the previous one: one comparison per event.
    if (e.date < previous) {
      if (e.date < start) {
        throw new DomainError("EVENT_ORDER", `${e.kind} on ${e.date} is before treatment start ${start}`, { path: ["events", i, "date"], details: { start, date: e.date } });
      }
      throw new DomainError("EVENT_ORDER", `events out of order: ${e.kind} on ${e.date} follows an event on ${previous}`, { path: ["events", i, "date"], details: { previous, date: e.date } });
    }
    if (deathAt !== -1) {
      throw new DomainError("EVENT_ORDER", `${e.kind} on ${e.date} is recorded after the patient's death`, { path: ["events", i], details: { death: (events[deathAt] as OutcomeEvent).date } });
    }
    if (e.kind === "death") deathAt = i;
    if (e.date !== previous) {
      dayStart = i;
      sameDay = null;
    } else if (i > dayStart) {
      if (sameDay === null) {
        sameDay = new Map();
        for (let j = dayStart; j < i; j++) sameDay.set(identity(events[j] as OutcomeEvent), j);
      }
      const key = identity(e);
      const twin = sameDay.get(key);
      if (twin !== undefined) {
        throw new DomainError("INCONSISTENT_INPUT", `events ${twin} and ${i} are the same ${e.kind} on ${e.date}: record each event once (a repeated record would be counted, and paid, twice)`, {
          path: ["events", i],
          details: { first: twin, date: e.date, kind: e.kind },
        });
      }
      sameDay.set(key, i);
    }
    previous = e.date;
  }
  throw new Error("throwOrderProblem: the history has no order problem");
}

/** What makes two events on one day the same event: kind, grade, response and, for declared kinds (which differ by their attributes), the attributes. */
function identity(e: OutcomeEvent): string {
  return `${e.kind}|${e.grade ?? ""}|${e.response ?? ""}${e.attributes === undefined ? "" : `|${attributesKey(e.attributes)}`}`;
}

/** A key for an event's attributes (sorted names, typed values); junk gets a key of its own (it is refused later). */
function attributesKey(attrs: unknown): string {
  if (typeof attrs !== "object" || attrs === null || Array.isArray(attrs)) return `?${typeof attrs}`;
  return Object.keys(attrs)
    .sort()
    .map((k) => {
      const v = (attrs as Record<string, unknown>)[k];
      return `${JSON.stringify(k)}=${typeof v === "string" ? JSON.stringify(v) : typeof v === "number" || typeof v === "boolean" ? `${typeof v}:${String(v)}` : `?${typeof v}`}`;
    })
    .join(",");
}
