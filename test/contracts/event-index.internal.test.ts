// The per-patient event index of the bulk path (issue 14 H2, issue 15 benchmark): every
// history is indexed by kind, and the answer to a condition without a window of its own is
// worked out once per patient. Each property compares the indexed reading with a plain scan
// of the history (the same event, result, words, or the same missing-grade error).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDueOffset, parseContract } from "../../src/index.js";
import { checkConditions, eventLookup, findFirst, firstMatch } from "../../src/contracts/conditions.js";
import { runs } from "../arbitraries.js";

const start = "2026-01-01";

describe("H2: the indexed history reads as a scan", () => {
  it("H2: the indexed event lookup finds the same event (or the same missing-grade error) as a scan", () => {
    const kinds = ["crs", "relapse", "assessment", "death", "seriousAdverseEvent", "treatedMonth"] as const;
    const eventArb = fc.record({ kind: fc.constantFrom(...kinds), day: fc.integer({ min: 0, max: 60 }), grade: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), response: fc.constantFrom("CR", "PR", "SD", "PD") });
    const matcherArb = fc.record({ kind: fc.constantFrom(...kinds), minGrade: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), responses: fc.option(fc.subarray(["CR", "PR", "SD", "PD"], { minLength: 1 }), { nil: undefined }) });
    fc.assert(
      // Every history is indexed (short ones too): from one event up.
      fc.property(fc.array(eventArb, { minLength: 1, maxLength: 80 }), fc.array(matcherArb, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (raw, rawMatchers, a, b) => {
        const day = (d: number) => addDueOffset({ date: start, offset: { months: 0, days: d } });
        const events = raw
          .sort((x, y) => x.day - y.day)
          .map((e) => ({ kind: e.kind, date: day(e.day), ...(e.kind === "crs" || e.kind === "seriousAdverseEvent" ? (e.grade === undefined ? {} : { grade: e.grade }) : {}), ...(e.kind === "assessment" ? { response: e.response } : {}) })) as never[];
        const matchers = rawMatchers.map((m) => ({
          kind: m.kind,
          ...(m.kind === "crs" || m.kind === "seriousAdverseEvent" ? (m.minGrade === undefined ? {} : { minGrade: m.minGrade }) : {}),
          ...(m.kind === "assessment" && m.responses !== undefined ? { responses: m.responses } : {}),
        })) as never[];
        const from = day(Math.min(a, b));
        const through = day(Math.max(a, b));
        const outcome = (f: () => unknown) => {
          try {
            return { value: f() };
          } catch (e) {
            return { error: (e as Error).message };
          }
        };
        expect(outcome(() => findFirst(eventLookup(events), matchers, from, through))).toEqual(outcome(() => firstMatch(matchers, events, from, through)));
      }),
      { numRuns: runs(300) },
    );
  });

  it("H2: count, none and some conditions give the same answer on the indexed history (kind index, remembered answers) as on a scan (same result, failing event, words and errors)", () => {
    const kinds = ["crs", "relapse", "assessment", "seriousAdverseEvent"] as const;
    const eventArb = fc.record({ kind: fc.constantFrom(...kinds), day: fc.integer({ min: 1, max: 90 }), grade: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), response: fc.constantFrom("CR", "PR", "SD", "PD") });
    // Repeated kinds in one condition (an event counted once), grades (scanned, for the missing-grade error), responses.
    const matcherArb = fc.record({ kind: fc.constantFrom(...kinds), minGrade: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), responses: fc.option(fc.subarray(["CR", "PR", "SD", "PD"], { minLength: 1 }), { nil: undefined }) });
    fc.assert(
      fc.property(
        fc.array(eventArb, { minLength: 0, maxLength: 12 }),
        fc.array(matcherArb, { minLength: 1, maxLength: 3 }),
        fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom("count", "none", "some"),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 4 }),
        (raw, rawMatchers, atLeast, atMost, checkDay, type, moreDays) => {
          fc.pre(type !== "count" || atLeast !== undefined || atMost !== undefined);
          fc.pre(atLeast === undefined || atMost === undefined || atLeast <= atMost);
          const day = (d: number) => addDueOffset({ date: start, offset: { months: 0, days: d } });
          const seen = new Set<string>();
          const events = [
            { kind: "infusion", date: start },
            ...raw
              .sort((x, y) => x.day - y.day)
              .map((e) => ({ kind: e.kind, date: day(e.day), ...(e.kind === "crs" || e.kind === "seriousAdverseEvent" ? (e.grade === undefined ? {} : { grade: e.grade }) : {}), ...(e.kind === "assessment" ? { response: e.response } : {}) }))
              .filter((e) => {
                const key = JSON.stringify(e);
                if (seen.has(key)) return false;
                seen.add(key);
                return true;
              }),
          ] as never[];
          const matchers = rawMatchers.map((m) => ({
            kind: m.kind,
            ...(m.kind === "crs" || m.kind === "seriousAdverseEvent" ? (m.minGrade === undefined ? {} : { minGrade: m.minGrade }) : {}),
            ...(m.kind === "assessment" && m.responses !== undefined ? { responses: m.responses } : {}),
          }));
          const outcome = (f: () => ReturnType<typeof checkConditions>) => {
            try {
              const r = f();
              return r.ok ? { ok: true } : { ok: false, event: r.event, outside: r.outside, words: r.words?.() };
            } catch (e) {
              return { error: (e as Error).message };
            }
          };
          const condition = type === "count" ? { type, events: matchers, ...(atLeast === undefined ? {} : { atLeast }), ...(atMost === undefined ? {} : { atMost }) } : { type, events: matchers };
          const c = parseContract({ id: "H2-count", currency: "CNY", price: "100.00", payment: { type: "schedule", installments: [{ share: "1", due: { months: 0, days: 1 }, conditions: [condition] }] } });
          const conditions = (c.payment as { installments: readonly { conditions: Parameters<typeof checkConditions>[0] }[] }).installments[0]!.conditions;
          const on = day(checkDay);
          // One indexed history checked on several dates (the answer remembered from the first check) against a scan on each.
          const lookup = eventLookup(events);
          for (const d of moreDays) {
            const later = day(d);
            expect(outcome(() => checkConditions(conditions, lookup, start, later))).toEqual(outcome(() => checkConditions(conditions, events, start, later)));
          }
          expect(outcome(() => checkConditions(conditions, eventLookup(events), start, on))).toEqual(outcome(() => checkConditions(conditions, events, start, on)));
        },
      ),
      { numRuns: runs(300) },
    );
  });
});
