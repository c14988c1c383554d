// Event histories: every malformed field reported with its path, grades, and the order
// rules (one start, first; nothing after death).
// (Cases first written as mutation pins; amounts are worked out by hand in the comments, 1 CNY = 100 fen.)
import { describe, expect, it } from "vitest";
import { evaluateContract, parseContract } from "../../src/index.js";
import { K1 } from "./fixtures.js";
import { domainError, issues, validationError } from "../typed-errors.js";

const infusion = (date: string) => ({ kind: "infusion", date });

describe("event histories: fields, grades and order", () => {
  const k1 = parseContract(K1);
  const run = (events: unknown) => () => evaluateContract(k1, events, "2026-12-31");

  it("reports every malformed field with its path", () => {
    expect(issues(run("x"))).toEqual([{ path: ["events"], code: "invalid_type", message: "events must be an array" }]);
    expect(
      issues(
        run([
          infusion("2026-01-15"),
          null,
          { kind: "surgery", date: "2026-01-16" },
          { kind: "crs", date: "2026-13-01", extra: 1 },
          { kind: "assessment", date: "2026-02-01" },
          { kind: "relapse", date: "2026-02-02", response: "CR" },
          { kind: "death", date: "2026-02-03", grade: 5 },
          { kind: "crs", date: "2026-02-04", grade: 6 },
          { kind: "crs", date: "2026-02-05", note: 7 },
        ]),
      ),
    ).toEqual([
      { path: ["events", 1], code: "invalid_type", message: "an event is an object { kind, date }" },
      {
        path: ["events", 2, "kind"],
        code: "invalid_union_discriminator",
        message: 'unknown event kind "surgery"; expected one of treatmentStart, infusion, treatedMonth, assessment, crs, progression, relapse, seriousAdverseEvent, death, improvement',
      },
      { path: ["events", 3, "date"], code: "invalid_date", message: 'expected a calendar date YYYY-MM-DD, got "2026-13-01"' },
      { path: ["events", 3, "extra"], code: "unrecognized_keys", message: 'unknown field "extra"' },
      { path: ["events", 4, "response"], code: "invalid_value", message: "an assessment needs a response of CR, PR, SD, PD" },
      { path: ["events", 5, "response"], code: "unrecognized_keys", message: "only assessments carry a response" },
      { path: ["events", 6, "grade"], code: "unrecognized_keys", message: "only CRS and serious adverse events carry a grade" },
      { path: ["events", 7, "grade"], code: "invalid_value", message: "a grade is a whole number from 1 to 5" },
      { path: ["events", 8, "note"], code: "invalid_type", message: "a note is text" },
    ]);
  });

  it("accepts grades 1 and 5 and a graded serious adverse event", () => {
    const ok = [
      infusion("2026-01-15"),
      { kind: "crs", date: "2026-01-16", grade: 1 },
      { kind: "seriousAdverseEvent", date: "2026-01-17", grade: 5, note: "hospitalised" },
      { kind: "assessment", date: "2026-01-18", response: "SD" },
    ];
    expect(evaluateContract(k1, ok, "2026-12-31").lines).toHaveLength(3);
    expect(issues(run([infusion("2026-01-15"), { kind: "crs", date: "2026-01-16", grade: 0 }]))[0]!.path).toEqual(["events", 1, "grade"]);
    expect(issues(run([infusion("2026-01-15"), { kind: "crs", date: "2026-01-16", grade: 2.5 }]))[0]!.path).toEqual(["events", 1, "grade"]);
  });

  it("checks the order of events", () => {
    expect(domainError(run([])).message).toBe("events: the history has no treatment start (or infusion) event");
    expect(domainError(run([{ kind: "crs", date: "2026-01-01" }])).code).toBe("EVENT_ORDER");
    const late = domainError(run([{ kind: "crs", date: "2026-01-01" }, { kind: "treatmentStart", date: "2026-01-02" }]));
    expect(late.message).toBe("events[0].date: event 1 (treatmentStart) must come first: nothing can happen before treatment starts");
    expect(late.details).toEqual({ start: "2026-01-02", first: "2026-01-01" });
    expect(domainError(run([infusion("2026-01-15"), infusion("2026-01-16")])).message).toBe(
      "events[1].kind: a second treatment start on 2026-01-16: one history covers one treatment",
    );
    const before = domainError(run([infusion("2026-01-15"), { kind: "crs", date: "2026-01-10" }]));
    expect(before.message).toBe("events[1].date: crs on 2026-01-10 is before treatment start 2026-01-15");
    expect(before.details).toEqual({ start: "2026-01-15", date: "2026-01-10" });
    const order = domainError(run([infusion("2026-01-15"), { kind: "crs", date: "2026-01-20" }, { kind: "relapse", date: "2026-01-19" }]));
    expect(order.message).toBe("events[2].date: events out of order: relapse on 2026-01-19 follows an event on 2026-01-20");
    expect(order.details).toEqual({ previous: "2026-01-20", date: "2026-01-19" });
    const dead = domainError(run([infusion("2026-01-15"), { kind: "death", date: "2026-02-01" }, { kind: "relapse", date: "2026-02-01" }]));
    expect(dead.message).toBe("events[2]: relapse on 2026-02-01 is recorded after the patient's death");
    expect(dead.details).toEqual({ death: "2026-02-01" });
    // Same-day events are in order; a start on the same day as another event is fine.
    expect(evaluateContract(k1, [infusion("2026-01-15"), { kind: "crs", date: "2026-01-15" }, { kind: "relapse", date: "2026-01-15" }], "2026-12-31").lines).toHaveLength(3);
  });
});

describe("event histories: error paths and starts", () => {
  const k1 = parseContract(K1);
  const run = (events: unknown) => () => evaluateContract(k1, events, "2026-12-31");

  it("shape errors carry the calculator's name and the path of each field", () => {
    expect(validationError(run("x")).message).toBe("evaluateContract: invalid input — events: events must be an array");
    // A number in the list is not an event: the issue is at the element, not at its kind.
    expect(issues(run([infusion("2026-01-15"), 5]))).toEqual([{ path: ["events", 1], code: "invalid_type", message: "an event is an object { kind, date }" }]);
    const unknownResponse = run([infusion("2026-01-15"), { kind: "assessment", date: "2026-02-01", response: "XX" }]);
    expect(issues(unknownResponse)).toEqual([{ path: ["events", 1, "response"], code: "invalid_value", message: "an assessment needs a response of CR, PR, SD, PD" }]);
    expect(validationError(unknownResponse).message).toBe("evaluateContract: invalid input — events[1].response: an assessment needs a response of CR, PR, SD, PD");
  });

  it("an infusion after another event is named as the start that must come first", () => {
    const e = domainError(run([{ kind: "crs", date: "2026-01-10" }, infusion("2026-01-15")]));
    expect(e.code).toBe("EVENT_ORDER");
    expect(e.message).toBe("events[0].date: event 1 (infusion) must come first: nothing can happen before treatment starts");
    expect(e.details).toEqual({ start: "2026-01-15", first: "2026-01-10" });
  });

  it("a treatmentStart after an infusion is a second start; events after death are EVENT_ORDER", () => {
    const second = domainError(run([infusion("2026-01-15"), { kind: "treatmentStart", date: "2026-01-16" }]));
    expect([second.code, second.message, second.path]).toEqual(["EVENT_ORDER", "events[1].kind: a second treatment start on 2026-01-16: one history covers one treatment", ["events", 1, "kind"]]);
    const dead = domainError(run([infusion("2026-01-15"), { kind: "death", date: "2026-02-01" }, { kind: "relapse", date: "2026-02-02" }]));
    expect([dead.code, dead.path]).toEqual(["EVENT_ORDER", ["events", 2]]);
  });
});
