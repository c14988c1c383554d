// Claim review: triage rules and green-channel deadlines.
// Exact behaviour (wording, limits, paths) first pinned by the mutation runs; amounts worked by hand (1 CNY = 100 fen).
import { describe, expect, it } from "vitest";
import {
  ValidationError,
  formatInstant,
  greenChannelDeadlines,
  isoInstantSchema,
  triageClaim,
} from "../../src/index.js";
import { caught, issues, validationMessage } from "../typed-errors.js";


describe("green channel", () => {
  it("formats instants in any offset", () => {
    const t = Date.UTC(2026, 2, 2, 2, 15);
    expect(formatInstant({ epochMs: t, offsetMinutes: 480 })).toBe("2026-03-02T10:15:00+08:00");
    expect(formatInstant({ epochMs: t, offsetMinutes: 0 })).toBe("2026-03-02T02:15:00Z");
    // −5:30 → 20:45 the day before.
    expect(formatInstant({ epochMs: t, offsetMinutes: -330 })).toBe("2026-03-01T20:45:00-05:30");
  });

  it("reads only real instants with an offset", () => {
    const ok = ["2026-03-02T09:15+08:00", "2026-03-02T09:15:30Z", "2026-03-02T09:15:30.5-23:59", "2028-02-29T23:59:59.999Z"];
    const bad = ["2026-03-02T09:15", "2026-02-30T10:00Z", "2026-03-02T24:00Z", "2026-03-02T10:60Z", "2026-03-02T10:00:60Z", "2026-03-02T10:00+24:00", "2026-03-02T10:00+08:60", "2026-13-02T10:00Z"];
    expect(ok.map((s) => isoInstantSchema.safeParse(s).success)).toEqual(ok.map(() => true));
    expect(bad.map((s) => isoInstantSchema.safeParse(s).success)).toEqual(bad.map(() => false));
  });

  it("due times run on absolute time; on the minute is on time", () => {
    const r = greenChannelDeadlines({ submittedAt: "2026-03-02T09:15+08:00", respondedAt: "2026-03-02T02:15Z", decidedAt: "2026-03-03T09:15:30+08:00" });
    // Respond by 10:15+08 = 02:15Z: on time. Decide by 09:15+08 the next day: 30 s late = 0.5 minutes.
    expect(r.respondBy).toBe("2026-03-02T10:15:00+08:00");
    expect(r.decideBy).toBe("2026-03-03T09:15:00+08:00");
    expect(r.response).toEqual({ at: "2026-03-02T02:15Z", onTime: true, lateByMinutes: 0 });
    expect(r.decision).toEqual({ at: "2026-03-03T09:15:30+08:00", onTime: false, lateByMinutes: 0.5 });
    expect(r.explanation.map((s) => s.text)).toEqual([
      "Submitted 2026-03-02T09:15+08:00 on the green channel: respond within 60 minutes (by 2026-03-02T10:15:00+08:00) and decide within 1440 minutes (by 2026-03-03T09:15:00+08:00).",
      "The response at 2026-03-02T02:15Z was on time.",
      "The decision at 2026-03-03T09:15:30+08:00 was late by 0.5 minutes.",
    ]);
    expect(r.explanation.map((s) => s.rule)).toEqual(["tiers.green-channel.due", "tiers.green-channel.response", "tiers.green-channel.decision"]);
    const custom = greenChannelDeadlines({ submittedAt: "2026-03-02T09:15Z", respondWithinMinutes: 15, decideWithinMinutes: 120 });
    expect([custom.respondBy, custom.decideBy]).toEqual(["2026-03-02T09:30:00Z", "2026-03-02T11:15:00Z"]);
    expect("response" in custom || "decision" in custom).toBe(false);
    expect(custom.explanation).toHaveLength(1);
  });
});

describe("green channel: input checks and wording", () => {
  it("a negative offset is read with its sign", () => {
    const r = greenChannelDeadlines({ submittedAt: "2026-03-02T09:15-05:00", respondedAt: "2026-03-02T15:15Z" });
    // 09:15−05:00 = 14:15Z; respond by 15:15Z = 10:15−05:00; the response at 15:15Z is on the minute.
    expect([r.respondBy, r.decideBy]).toEqual(["2026-03-02T10:15:00-05:00", "2026-03-03T09:15:00-05:00"]);
    expect(r.response).toEqual({ at: "2026-03-02T15:15Z", onTime: true, lateByMinutes: 0 });
  });

  it("the minutes of an offset add to its hours", () => {
    const r = greenChannelDeadlines({ submittedAt: "2026-03-02T09:15+05:30", respondedAt: "2026-03-02T04:45Z" });
    // 09:15+05:30 = 03:45Z; respond by 04:45Z = 10:15+05:30; the response at 04:45Z is on time.
    expect(r.respondBy).toBe("2026-03-02T10:15:00+05:30");
    expect(r.response).toEqual({ at: "2026-03-02T04:45Z", onTime: true, lateByMinutes: 0 });
  });

  it("formatInstant takes whole-minute offsets up to ±18 hours", () => {
    const t = Date.UTC(2026, 2, 2, 2, 15);
    const offsetIssue = [{ path: ["offsetMinutes"], code: "invalid_offset", message: "the UTC offset is a whole number of minutes within ±18 hours" }];
    for (const bad of [18 * 60 + 1, -(18 * 60 + 1), 1.5, "480"]) expect(issues(() => formatInstant({ epochMs: t, offsetMinutes: bad as number }))).toEqual(offsetIssue);
    // 02:15Z + 18:00 = 20:15 the same day; 02:15Z − 18:00 = 08:15 the day before.
    expect(formatInstant({ epochMs: t, offsetMinutes: 18 * 60 })).toBe("2026-03-02T20:15:00+18:00");
    expect(formatInstant({ epochMs: t, offsetMinutes: -18 * 60 })).toBe("2026-03-01T08:15:00-18:00");
  });

  it("formatInstant takes finite instants whose local time a Date can hold", () => {
    const instantIssue = [{ path: ["epochMs"], code: "invalid_instant", message: "the instant is a finite number of milliseconds within the Date range" }];
    // 8.64e15 ms (= 1e8 days, 275760-09-13T00:00Z) is the last instant a Date holds: one hour later, in +01:00, is past it.
    for (const [ms, offset] of [[Number.NaN, 0], [Number.POSITIVE_INFINITY, 0], [8.64e15, 60], ["0", 0]] as const) {
      expect(issues(() => formatInstant({ epochMs: ms as number, offsetMinutes: offset }))).toEqual(instantIssue);
    }
    // An hour earlier, in +01:00, is exactly that last wall time: a Date holds it, but its
    // year (275760) has no four-digit form, so it is refused rather than written as "275760-…".
    expect(issues(() => formatInstant({ epochMs: 8.64e15 - 3_600_000, offsetMinutes: 60 }))).toEqual([
      { path: ["epochMs"], code: "invalid_instant", message: "the instant falls outside the years 0000–9999 that an ISO 8601 timestamp writes with four digits" },
    ]);
    // The last second of year 9999 in UTC is the last one written.
    expect(formatInstant({ epochMs: Date.UTC(9999, 11, 31, 23, 59, 59), offsetMinutes: 0 })).toBe("9999-12-31T23:59:59Z");
  });

  it("each step lists its inputs", () => {
    const r = greenChannelDeadlines({ submittedAt: "2026-03-02T09:15Z", respondWithinMinutes: 30, respondedAt: "2026-03-02T09:50Z" });
    // Respond by 09:45Z; the response at 09:50Z is 5 minutes late.
    expect(r.explanation.map((s) => s.text)).toEqual([
      "Submitted 2026-03-02T09:15Z on the green channel: respond within 30 minutes (by 2026-03-02T09:45:00Z) and decide within 1440 minutes (by 2026-03-03T09:15:00Z).",
      "The response at 2026-03-02T09:50Z was late by 5 minutes.",
    ]);
    expect(r.explanation.map((s) => s.inputs)).toEqual([
      { submittedAt: "2026-03-02T09:15Z", respondWithinMinutes: 30, decideWithinMinutes: 1440 },
      { at: "2026-03-02T09:50Z", lateByMinutes: 5 },
    ]);
  });

  it("bad input names greenChannelDeadlines", () => {
    expect(validationMessage(() => greenChannelDeadlines({ submittedAt: "2026-03-02T09:15" }))).toBe(
      "greenChannelDeadlines: invalid input — submittedAt: expected an ISO 8601 date-time with an offset, e.g. 2026-03-02T09:15+08:00",
    );
  });
});

describe("claim triage", () => {
  const rules: Parameters<typeof triageClaim>[0]["rules"] = {
    rules: [
      { id: "egfr", risk: "low", when: { codes: ["EGFR"], diagnoses: ["C34"], stages: ["IV"] } },
      { id: "repeat", risk: "high", when: { codes: ["EGFR"], repeatWithinDays: 180 } },
      { id: "wgs", risk: "medium", when: { unlessDiagnoses: ["C"] } },
      { id: "big", risk: "medium", when: { amountAtLeast: "5000" } },
    ],
  };

  it("explains every rule and the highest risk decides", () => {
    const r = triageClaim({
      rules,
      claim: {
        code: "EGFR",
        diagnosis: "C34.9",
        stage: "IV",
        date: "2026-03-02",
        amount: "5000",
        // 2025-12-01 → 2026-03-02: 31 + 31 + 28 + 1 = 91 days; the ALK claim is another code; 03-03 is after the claim.
        priorClaims: [{ code: "EGFR", date: "2025-12-01" }, { code: "ALK", date: "2026-03-01" }, { code: "EGFR", date: "2026-03-03" }],
      },
    });
    expect(r.explanation.map((s) => s.text)).toEqual([
      "Rule egfr (low) fires: code EGFR in [EGFR]; diagnosis C34.9 qualifies; stage IV in [IV].",
      "Rule repeat (high) fires: code EGFR in [EGFR]; same code claimed 91 days before (within 180).",
      "Rule wgs (medium) does not fire: diagnosis C34.9 qualifies.",
      "Rule big (medium) fires: amount 5000 ≥ 5000.",
      "Rule repeat decides: high risk → on-site-inspection (highest of egfr low, repeat high, big medium).",
    ]);
    expect(r.explanation.map((s) => s.rule)).toEqual(["tiers.triage.fired", "tiers.triage.fired", "tiers.triage.skipped", "tiers.triage.fired", "tiers.triage.decision"]);
    expect([r.risk, r.action, r.rule, r.matched]).toEqual(["high", "on-site-inspection", "repeat", ["egfr", "repeat", "big"]]);
    expect(r.explanation.at(-1)!.inputs).toEqual({ rule: "repeat", risk: "high", action: "on-site-inspection", matched: ["egfr", "repeat", "big"] });
  });

  it("explains missing facts and a single match", () => {
    const r = triageClaim({ rules, claim: { code: "WGS", date: "2026-03-02" } });
    expect(r.explanation.map((s) => s.text)).toEqual([
      "Rule egfr (low) does not fire: code WGS not in [EGFR]; diagnosis none does not qualify; stage none not in [IV].",
      "Rule repeat (high) does not fire: code WGS not in [EGFR]; no claim of the same code within 180 days.",
      "Rule wgs (medium) fires: no qualifying diagnosis (none given).",
      "Rule big (medium) does not fire: amount none < 5000.",
      "Rule wgs decides: medium risk → manual-review.",
    ]);
    const partial = triageClaim({ rules, claim: { code: "EGFR", diagnosis: "D10", stage: "III", date: "2026-03-02", amount: "4999.99" } });
    expect(partial.explanation.slice(0, 4).map((s) => s.text)).toEqual([
      "Rule egfr (low) does not fire: code EGFR in [EGFR]; diagnosis D10 does not qualify; stage III not in [IV].",
      "Rule repeat (high) does not fire: code EGFR in [EGFR]; no claim of the same code within 180 days.",
      "Rule wgs (medium) fires: no qualifying diagnosis (D10).",
      "Rule big (medium) does not fire: amount 4999.99 < 5000.",
    ]);
  });

  it("the default risk, empty conditions, ties and the day window", () => {
    const none = triageClaim({ rules: { rules: [{ id: "x", risk: "high", when: { codes: ["X"] } }], defaultRisk: "low" }, claim: { code: "Y", date: "2026-03-02" } });
    expect([none.risk, none.action, none.rule, none.matched]).toEqual(["low", "auto-approve", "default", []]);
    expect(none.explanation.at(-1)!.text).toBe("No rule fires: the default risk low applies → auto-approve.");
    expect(triageClaim({ rules: { rules: [{ id: "x", risk: "high", when: { codes: ["X"] } }] }, claim: { code: "Y", date: "2026-03-02" } }).risk).toBe("medium");
    const always = triageClaim({ rules: { rules: [{ id: "a", risk: "medium", when: {} }, { id: "b", risk: "medium", when: {} }, { id: "c", risk: "low", when: {} }] }, claim: { code: "Y", date: "2026-03-02" } });
    expect(always.explanation[0]!.text).toBe("Rule a (medium) fires: no conditions.");
    // a and b tie at medium: the first listed decides.
    expect(always.rule).toBe("a");
    const repeat = (prior: string) =>
      triageClaim({ rules: { rules: [{ id: "r", risk: "high", when: { repeatWithinDays: 180 } }] }, claim: { code: "T", date: "2026-07-01", priorClaims: [{ code: "T", date: prior }] } }).risk;
    // 2026-01-02 → 2026-07-01 is 180 days (30 + 28 + 31 + 30 + 31 + 30); 2026-01-01 is 181; the same day is 0.
    expect([repeat("2026-01-02"), repeat("2026-01-01"), repeat("2026-07-01")]).toEqual(["high", "medium", "high"]);
    const two = triageClaim({
      rules: { rules: [{ id: "r", risk: "high", when: { repeatWithinDays: 180 } }] },
      claim: { code: "T", date: "2026-07-01", priorClaims: [{ code: "T", date: "2026-06-01" }, { code: "T", date: "2026-06-21" }] },
    });
    // The nearest prior claim is named: 10 days.
    expect(two.explanation[0]!.text).toBe("Rule r (high) fires: same code claimed 10 days before (within 180).");
  });
});

describe("claim triage: input checks and wording", () => {
  it("each condition is tested on its own and listed with its values", () => {
    const r = triageClaim({
      rules: {
        rules: [
          { id: "codes", risk: "low", when: { codes: ["EGFR", "ALK"] } },
          { id: "dx", risk: "low", when: { diagnoses: ["C34", "C18"] } },
          { id: "dx-miss", risk: "high", when: { diagnoses: ["C18"] } },
          { id: "unless", risk: "medium", when: { unlessDiagnoses: ["C34", "C18"] } },
          { id: "stage", risk: "high", when: { stages: ["III", "IV"] } },
          { id: "stage-miss", risk: "high", when: { stages: ["I"] } },
        ],
      },
      claim: { code: "ALK", diagnosis: "C34.1", stage: "IV", date: "2026-03-02" },
    });
    // C34.1 starts with one of C34 / C18 (not with both); IV is one of III / IV, not I.
    expect(r.explanation.map((s) => s.text)).toEqual([
      "Rule codes (low) fires: code ALK in [EGFR, ALK].",
      "Rule dx (low) fires: diagnosis C34.1 qualifies.",
      "Rule dx-miss (high) does not fire: diagnosis C34.1 does not qualify.",
      "Rule unless (medium) does not fire: diagnosis C34.1 qualifies.",
      "Rule stage (high) fires: stage IV in [III, IV].",
      "Rule stage-miss (high) does not fire: stage IV not in [I].",
      "Rule stage decides: high risk → on-site-inspection (highest of codes low, dx low, stage high).",
    ]);
    expect(r.explanation.slice(0, 6).map((s) => s.inputs)).toEqual([
      { rule: "codes", risk: "low" },
      { rule: "dx", risk: "low" },
      { rule: "dx-miss", risk: "high" },
      { rule: "unless", risk: "medium" },
      { rule: "stage", risk: "high" },
      { rule: "stage-miss", risk: "high" },
    ]);
    expect(r.matched).toEqual(["codes", "dx", "stage"]);
  });

  it("bad input names triageClaim", () => {
    expect(validationMessage(() => triageClaim({ rules: { rules: [] }, claim: { code: "X", date: "2026-03-02" } })).startsWith("triageClaim: invalid input — rules.rules: ")).toBe(true);
  });
});
