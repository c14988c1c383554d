// The fast paths of event validation on the bulk path (issue 15 benchmark) agree with the
// general ones: a declared event's precompiled fit test with the test by its definition,
// the YYYYMMDD day number with the calendar, and checkHistory's single pass (order
// followed on day numbers) with the two-pass check it replaced (shape, then order).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseOutcomeDeclarations } from "../../src/index.js";
import { calendarDayNumber, isCalendarDate } from "../../src/contracts/calendar.js";
import { checkHistory, OUTCOME_EVENT_KINDS, RESPONSE_CATEGORIES, type OutcomeEvent } from "../../src/contracts/events.js";
import { DomainError, ValidationError, type Issue } from "../../src/core/index.js";
import { quote } from "../../src/money/decimal.js";
import { declaredEventFits, declaredEventFitsGeneral } from "../../src/contracts/outcomes/declared-events.js";
import { runs } from "../arbitraries.js";

/** The outcome of a call: its value, or the error's class, code, path, message and details. */
function outcome(f: () => unknown): unknown {
  try {
    return { value: f() };
  } catch (e) {
    const err = e as Error & { code?: string; path?: unknown; details?: unknown; issues?: unknown };
    return { error: err.constructor.name, code: err.code, path: err.path, message: err.message, details: err.details, issues: err.issues };
  }
}

/** A calendar check by the calendar itself: the fields read back from Date.UTC as written. */
function referenceDay(text: unknown): number {
  if (typeof text !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return -1;
  const [y, m, d] = [Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))];
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? y * 10_000 + m * 100 + d : -1;
}

const MALFORMED = ["2024-02-30", "2024-2-01", "+002024-01-01", "0000-01-01", "2023-02-29", "2024-02-29", "1900-02-29", "2000-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-01-00", "2024-01-1a", "2024/01/01", " 2024-01-01", "2024-01-01 ", "２０２４-01-01", "9999-12-31", "10000-01-01", ""];
const dateText = fc.oneof(
  fc.constantFrom(...MALFORMED),
  fc.record({ y: fc.integer({ min: 0, max: 9999 }), m: fc.integer({ min: 0, max: 13 }), d: fc.integer({ min: 0, max: 32 }) }).map(({ y, m, d }) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
  fc.string({ minLength: 8, maxLength: 12, unit: fc.constantFrom("0", "1", "2", "9", "-", "/", "a", "+", " ") }),
);

describe("fast paths of event validation", () => {
  it("the day number is -1 exactly off the calendar (as isCalendarDate), else YYYYMMDD, ordered as the texts", () => {
    for (const text of MALFORMED) expect(calendarDayNumber(text)).toBe(referenceDay(text));
    expect([calendarDayNumber("2024-02-30"), calendarDayNumber("0000-02-29"), calendarDayNumber(20240101), calendarDayNumber(null)]).toEqual([-1, 229, -1, -1]);
    fc.assert(
      fc.property(fc.oneof(dateText, fc.anything()), dateText, (a, b) => {
        expect(calendarDayNumber(a)).toBe(referenceDay(a));
        expect(isCalendarDate(a)).toBe(referenceDay(a) !== -1);
        const [x, y] = [calendarDayNumber(a), calendarDayNumber(b)];
        if (x !== -1 && y !== -1) expect(Math.sign(x - y)).toBe((a as string) < b ? -1 : (a as string) > b ? 1 : 0);
      }),
      { numRuns: runs(3000) },
    );
  });

  it("a declared event's precompiled fit test answers as the test by its definition", () => {
    const outcomes = parseOutcomeDeclarations({
      lab: { attributes: { hb: { type: "number", min: "-2.5", max: 1e22 }, unit: { type: "enum", values: ["a", "b"] }, note: { type: "string", maxLength: 3, optional: true }, ok: { type: "boolean", optional: true } } },
      stay: { attributes: { days: { type: "integer", min: 0, max: 30 }, exact: { type: "number", min: "0.10000000000000000001", optional: true } } },
      flag: {},
      maybe: { attributes: { toString: { type: "integer", optional: true } } },
    });
    const value = fc.oneof(fc.boolean(), fc.integer({ min: -5, max: 40 }), fc.double(), fc.constantFrom(1e21, 1e-7, 9e-8, -0, 5e-324, 1e300, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Infinity), fc.constantFrom("a", "b", "c", "abcd", "1.5", "-3", "1e2", ""), fc.constant(null), fc.constant(undefined), fc.constant({}));
    const names = fc.constantFrom("hb", "unit", "note", "ok", "days", "exact", "toString", "other", "constructor");
    const attrsArb = fc.tuple(fc.dictionary(names, value, { maxKeys: 5 }), fc.constantFrom("plain", "inherited", "nonEnumerable", "nullProto", "array", "text", "absent")).map(([dict, how]) => {
      if (how === "absent") return undefined;
      if (how === "array") return [1];
      if (how === "text") return "hb";
      const entries = Object.entries(dict);
      if (how === "nullProto") return Object.assign(Object.create(null) as object, dict);
      if (how === "plain" || entries.length === 0) return dict;
      // The first attribute inherited, or own but not enumerable: the fast test must defer to the general one.
      const [[k, v], ...rest] = entries as [[string, unknown], ...[string, unknown][]];
      const o = how === "inherited" ? (Object.create({ [k]: v }) as Record<string, unknown>) : ({} as Record<string, unknown>);
      if (how === "nonEnumerable") Object.defineProperty(o, k, { value: v, enumerable: false });
      for (const [rk, rv] of rest) o[rk] = rv;
      return o;
    });
    const eventArb = fc.record({ kind: fc.constantFrom("lab", "stay", "flag", "maybe"), attributes: attrsArb, extra: fc.constantFrom({}, { note: "n" }, { note: 3 }, { grade: 2 }) }).map(({ kind, attributes, extra }) => ({ kind, date: "2026-01-01", ...(attributes === undefined ? {} : { attributes }), ...extra }));
    fc.assert(
      fc.property(eventArb, (e) => {
        const kind = outcomes.kinds.get(e.kind)!;
        expect(declaredEventFits(e, kind)).toBe(declaredEventFitsGeneral(e, kind));
      }),
      { numRuns: runs(5000) },
    );
    // Hand-worked cases: in range, out of range, a bound compared exactly, an inherited attribute.
    const stay = outcomes.kinds.get("stay")!;
    expect(declaredEventFits({ kind: "stay", date: "2026-01-01", attributes: { days: 30 } }, stay)).toBe(true);
    expect(declaredEventFits({ kind: "stay", date: "2026-01-01", attributes: { days: 31 } }, stay)).toBe(false);
    expect(declaredEventFits({ kind: "stay", date: "2026-01-01", attributes: { days: 3, exact: 0.1 } }, stay)).toBe(false);
    expect(declaredEventFits({ kind: "stay", date: "2026-01-01", attributes: { days: 3, exact: "0.10000000000000000002" } }, stay)).toBe(true);
    expect(declaredEventFits({ kind: "stay", date: "2026-01-01", attributes: Object.create({ days: 3 }) }, stay)).toBe(false);
  });

  it("checkHistory's single pass gives the two-pass check's history or error (shape first, then order)", () => {
    const kinds = ["infusion", "treatmentStart", "crs", "relapse", "death", "assessment", "hospitalisation"] as const;
    const eventArb = fc.record({
      kind: fc.constantFrom(...kinds),
      date: fc.oneof({ weight: 6, arbitrary: fc.constantFrom("2026-01-01", "2026-01-02", "2026-01-03", "2026-02-28") }, { weight: 1, arbitrary: dateText }),
      grade: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      response: fc.option(fc.constantFrom("CR", "PD", "XX"), { nil: undefined }),
      attributes: fc.option(fc.constantFrom({ days: 1 }, { days: 2 }), { nil: undefined }),
      note: fc.option(fc.constantFrom("n", 7), { nil: undefined }),
    }).map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)));
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 8 }), fc.boolean(), (events, sorted) => {
        if (sorted) events.sort((a, b) => (String(a.date) < String(b.date) ? -1 : String(a.date) > String(b.date) ? 1 : 0));
        for (const defer of [false, true]) {
          const fast = outcome(() => checkHistory(events, defer));
          const general = outcome(() => twoPassHistory(events, defer));
          expect(fast).toEqual(general);
        }
      }),
      { numRuns: runs(5000) },
    );
  });
});

// The check replaced (before the single pass), for the comparison above: shape problems of
// every event first, then the order, by comparing the date texts.

function twoPassHistory(input: unknown, deferCustom: boolean): unknown {
  const KINDS = new Set<string>(OUTCOME_EVENT_KINDS);
  const ALLOWED = new Set(["kind", "date", "grade", "response", "note"]);
  if (!Array.isArray(input)) throw new ValidationError([{ path: ["events"], code: "invalid_type", message: "events must be an array" }], "evaluateContract");
  const issues: Issue[] = [];
  const custom: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const e = input[i] as Record<string, unknown>;
    if (deferCustom && typeof e.kind === "string" && !KINDS.has(e.kind)) {
      if (!isCalendarDate(e.date)) issues.push({ path: ["events", i, "date"], code: "invalid_date", message: `expected a calendar date YYYY-MM-DD, got ${quote(e.date)}` });
      custom.push(i);
      continue;
    }
    if (typeof e.kind !== "string" || !KINDS.has(e.kind)) {
      issues.push({ path: ["events", i, "kind"], code: "invalid_union_discriminator", message: `unknown event kind ${quote(e.kind)}; expected one of ${OUTCOME_EVENT_KINDS.join(", ")}` });
      continue;
    }
    if (!isCalendarDate(e.date)) issues.push({ path: ["events", i, "date"], code: "invalid_date", message: `expected a calendar date YYYY-MM-DD, got ${quote(e.date)}` });
    for (const key in e) if (!ALLOWED.has(key)) issues.push({ path: ["events", i, key], code: "unrecognized_keys", message: `unknown field "${key}"` });
    if (e.kind === "assessment") {
      if (typeof e.response !== "string" || !(RESPONSE_CATEGORIES as readonly string[]).includes(e.response)) issues.push({ path: ["events", i, "response"], code: "invalid_value", message: `an assessment needs a response of ${RESPONSE_CATEGORIES.join(", ")}` });
    } else if (e.response !== undefined) issues.push({ path: ["events", i, "response"], code: "unrecognized_keys", message: `only assessments carry a response` });
    if (e.grade !== undefined) {
      if (e.kind !== "crs" && e.kind !== "seriousAdverseEvent") issues.push({ path: ["events", i, "grade"], code: "unrecognized_keys", message: "only CRS and serious adverse events carry a grade" });
      else if (typeof e.grade !== "number" || !Number.isInteger(e.grade) || e.grade < 1 || e.grade > 5) issues.push({ path: ["events", i, "grade"], code: "invalid_value", message: "a grade is a whole number from 1 to 5" });
    }
    if (e.note !== undefined && typeof e.note !== "string") issues.push({ path: ["events", i, "note"], code: "invalid_type", message: "a note is text" });
  }
  if (issues.length > 0) throw new ValidationError(issues, "evaluateContract");
  const events = input as readonly OutcomeEvent[];
  const first = events[0];
  if (first === undefined || (first.kind !== "treatmentStart" && first.kind !== "infusion")) {
    const at = events.findIndex((e) => e.kind === "treatmentStart" || e.kind === "infusion");
    if (at === -1) throw new DomainError("EVENT_ORDER", "the history has no treatment start (or infusion) event", { path: ["events"] });
    throw new DomainError("EVENT_ORDER", `event ${at} (${events[at]?.kind}) must come first: nothing can happen before treatment starts`, { path: ["events", 0, "date"], details: { start: events[at]?.date, first: first?.date } });
  }
  const start = first.date;
  let previous = start;
  let deathAt = -1;
  const seen = new Map<string, number>();
  const identity = (e: OutcomeEvent) => `${e.kind}|${e.grade ?? ""}|${e.response ?? ""}|${JSON.stringify(e.attributes ?? null)}`;
  for (let i = 1; i < events.length; i++) {
    const e = events[i]!;
    if (e.kind === "treatmentStart" || e.kind === "infusion") throw new DomainError("EVENT_ORDER", `a second treatment start on ${e.date}: one history covers one treatment`, { path: ["events", i, "kind"] });
    if (e.date < previous) {
      if (e.date < start) throw new DomainError("EVENT_ORDER", `${e.kind} on ${e.date} is before treatment start ${start}`, { path: ["events", i, "date"], details: { start, date: e.date } });
      throw new DomainError("EVENT_ORDER", `events out of order: ${e.kind} on ${e.date} follows an event on ${previous}`, { path: ["events", i, "date"], details: { previous, date: e.date } });
    }
    if (deathAt !== -1) throw new DomainError("EVENT_ORDER", `${e.kind} on ${e.date} is recorded after the patient's death`, { path: ["events", i], details: { death: events[deathAt]!.date } });
    if (e.kind === "death") deathAt = i;
    if (e.date !== previous) seen.clear();
    // The same event twice on one day (the day's first event is the start's day too: the start is never its own twin, being the only start).
    const key = identity(e);
    const twin = seen.get(key);
    if (twin !== undefined) {
      throw new DomainError("INCONSISTENT_INPUT", `events ${twin} and ${i} are the same ${e.kind} on ${e.date}: record each event once (a repeated record would be counted, and paid, twice)`, { path: ["events", i], details: { first: twin, date: e.date, kind: e.kind } });
    }
    seen.set(key, i);
    previous = e.date;
  }
  return { start, events, custom };
}
