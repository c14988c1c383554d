// The count and sustained-state evaluators, on hand-made event lists.
import { describe, expect, it } from "vitest";
import { countEvents } from "../../../src/contracts/conditions/count.js";
import { sustainedState } from "../../../src/contracts/conditions/sustained.js";
import { milestoneAtDeadline } from "../../../src/contracts/conditions/by-deadline.js";
import { addDueOffset } from "../../../src/index.js";

type E = { kind: string; date: string; ok?: boolean };
const months = (n: number) => (d: string) => addDueOffset({ date: d, offset: { months: n, days: 0 } });

describe("countEvents", () => {
  const events: E[] = [
    { kind: "start", date: "2026-01-01" },
    { kind: "hosp", date: "2026-02-10" },
    { kind: "hosp", date: "2026-09-01" },
    { kind: "hosp", date: "2027-03-01" },
  ];
  const hosp = (e: E) => e.kind === "hosp";
  const base = { events, matches: hosp, from: "2026-01-01", rollingEnd: null };
  it("at least 2 within 12 months of start (through 2027-01-01): 2 → holds; at most 1 → fails on the second", () => {
    expect(countEvents({ ...base, through: "2027-01-01", atLeast: 2, atMost: null })).toMatchObject({ ok: true, count: 2 });
    const r = countEvents({ ...base, through: "2027-01-01", atLeast: null, atMost: 1 });
    expect(r.ok).toBe(false);
    expect(r.events.map((e) => e.date)).toEqual(["2026-02-10", "2026-09-01"]);
  });
  it("rolling 6-month windows: 02-10…08-10 holds one, 09-01…2027-03-01 holds two (last day included)", () => {
    expect(countEvents({ ...base, through: "2027-12-31", atLeast: 2, atMost: null, rollingEnd: months(6) })).toMatchObject({ ok: true, count: 2 });
    expect(countEvents({ ...base, through: "2027-12-31", atLeast: 3, atMost: null, rollingEnd: months(6) }).ok).toBe(false);
    expect(countEvents({ ...base, through: "2027-12-31", atLeast: null, atMost: 1, rollingEnd: months(6) }).ok).toBe(false);
    expect(countEvents({ ...base, through: "2027-12-31", atLeast: null, atMost: 1, rollingEnd: months(5) }).ok).toBe(true);
  });
});

describe("sustainedState", () => {
  const ti = (date: string, ok: boolean): E => ({ kind: "ti", date, ok });
  const evidence = (e: E) => e.kind === "ti" && e.ok === true;
  const interrupts = (e: E) => (e.kind === "ti" && e.ok === false) || e.kind === "transfusion";
  const run = (events: E[], through = "2028-12-31", maxGap: number | null = null) =>
    sustainedState({ events, evidence, interrupts, from: "2026-01-01", through, spanEnd: months(12), maxGapEnd: maxGap === null ? null : months(maxGap) });

  it("positive assessments 2026-03-01 … 2027-03-01 prove 12 months (the end date is included)", () => {
    const r = run([ti("2026-03-01", true), ti("2026-06-01", true), ti("2026-12-01", true), ti("2027-03-01", true)]);
    expect(r.ok).toBe(true);
    expect([r.run!.first.date, r.run!.last.date]).toEqual(["2026-03-01", "2027-03-01"]);
    expect(run([ti("2026-03-01", true), ti("2027-02-28", true)]).ok).toBe(false);
  });
  it("a transfusion or a negative assessment in between restarts the run", () => {
    const r = run([ti("2026-03-01", true), { kind: "transfusion", date: "2026-07-01" }, ti("2026-09-01", true), ti("2027-03-01", true)]);
    expect(r.ok).toBe(false);
    expect(r.interruption!.date).toBe("2026-07-01");
    expect([r.run!.first.date, r.run!.last.date]).toEqual(["2026-09-01", "2027-03-01"]);
    expect(run([ti("2026-03-01", true), ti("2026-07-01", false), ti("2027-03-01", true)]).ok).toBe(false);
  });
  it("a gap longer than maxGap breaks the evidence; the check date bounds it", () => {
    const r = run([ti("2026-03-01", true), ti("2026-10-01", true), ti("2027-03-01", true)], "2028-12-31", 6);
    expect(r.ok).toBe(false);
    expect(r.gap).toEqual({ from: "2026-03-01", to: "2026-10-01" });
    expect(run([ti("2026-03-01", true), ti("2026-09-01", true), ti("2027-03-01", true)], "2028-12-31", 6).ok).toBe(true);
    expect(run([ti("2026-03-01", true), ti("2027-03-01", true)], "2027-02-28").ok).toBe(false);
  });
});

describe("milestoneAtDeadline", () => {
  it("met / missed (negative assessment) / not assessed counting either way", () => {
    expect(milestoneAtDeadline({ held: true, assessed: false, ifMissing: "missed" })).toEqual({ status: "met", counts: "met" });
    expect(milestoneAtDeadline({ held: false, assessed: true, ifMissing: "met" })).toEqual({ status: "missed", counts: "missed" });
    expect(milestoneAtDeadline({ held: false, assessed: false, ifMissing: "met" })).toEqual({ status: "notAssessed", counts: "met" });
    expect(milestoneAtDeadline({ held: false, assessed: false, ifMissing: "missed" })).toEqual({ status: "notAssessed", counts: "missed" });
    expect(milestoneAtDeadline({ held: false, assessed: null, ifMissing: null })).toEqual({ status: "missed", counts: "missed" });
  });
});
