// Second round of pins for mutants the contract tests left alive (reports/runs/contracts-1.json):
// guard paths, codes and messages, error contexts, rule ids and step inputs, and the
// ordering and refund rules of the drafted ledger. Amounts are worked out by hand in the
// comments (1 CNY = 100 fen); sentences follow the templates of the source.
import { describe, expect, it } from "vitest";
import {
  addDueOffset,
  type CohortTermInput,
  type ContractEvaluation,
  DomainError,
  evaluateCohortTerms,
  evaluateContract,
  evaluateContractMinorUnits,
  installmentFinancing,
  isCalendarDate,
  isParsedContract,
  isParsedContractVersions,
  parseContract,
  parseContractVersions,
  schedulePresentValue,
  ValidationError,
} from "../../src/index.js";
import { K1, K3, K7, k4 } from "./fixtures.js";
import { domainError, issues, validationError } from "../typed-errors.js";

const infusion = (date: string) => ({ kind: "infusion", date });
const texts = (r: ContractEvaluation) => r.explanation.map((s) => s.text);
/** Money and Decimal inputs as their JSON (Money → { amount, currency }, Decimal → string). */
const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x));
/** [date, kind, termId, amount] of every ledger line. */
const rows = (r: ContractEvaluation) => r.lines.map((l) => [l.date, l.kind, l.termId, l.amount.toJSON().amount]);

describe("calendar.ts", () => {
  it("isCalendarDate refuses non-digits that would still give a valid month or day", () => {
    // ':' is char 58 (digit value 10) and '/' is char 47 (digit value −1): without the digit
    // checks "0:" reads as month 10, "1/" as month 9, "0:" as day 10, "1/" as day 9.
    const no = ["2026-0:-01", "2026-1/-01", "2026-01-0:", "2026-01-1/", "2026/01-01", "2026-01/01", "202/-01-01"];
    expect(no.map(isCalendarDate)).toEqual(no.map(() => false));
    // The same shapes written with digits are dates.
    const yes = ["2026-10-01", "2026-09-01", "2026-01-10", "2026-01-09", "2019-01-01"];
    expect(yes.map(isCalendarDate)).toEqual(yes.map(() => true));
  });

  it("addDueOffset names the bad date or offset with path, code and message", () => {
    expect(issues(() => addDueOffset({ date: "2026-02-30", offset: { months: 1, days: 0 } }))).toEqual([
      { path: ["date"], code: "invalid_date", message: "expected a calendar date YYYY-MM-DD" },
    ]);
    const noOffset = [{ path: ["offset"], code: "invalid_type", message: "expected an offset { months, days }" }];
    expect(issues(() => addDueOffset({ date: "2026-01-15", offset: null as never }))).toEqual(noOffset);
    // A number is not an offset either (it must not be read as an object without fields).
    expect(issues(() => addDueOffset({ date: "2026-01-15", offset: 5 as never }))).toEqual(noOffset);
    expect(issues(() => addDueOffset({ date: "2026-01-15", offset: { months: 1201, days: 0 } }))).toEqual([
      { path: ["offset", "months"], code: "invalid_offset", message: "months is a whole number within ±1200" },
    ]);
    expect(issues(() => addDueOffset({ date: "2026-01-15", offset: { months: -1201, days: 0 } }))[0]!.path).toEqual(["offset", "months"]);
    expect(issues(() => addDueOffset({ date: "2026-01-15", offset: { months: 0, days: 36_501 } }))).toEqual([
      { path: ["offset", "days"], code: "invalid_offset", message: "days is a whole number within ±36500" },
    ]);
  });

  it("addDueOffset accepts offsets up to the bounds, either sign", () => {
    // 1,200 months = 100 years.
    expect(addDueOffset({ date: "2026-01-15", offset: { months: 1200, days: 0 } })).toBe("2126-01-15");
    expect(addDueOffset({ date: "2026-01-15", offset: { months: -1200, days: 0 } })).toBe("1926-01-15");
    // 2026-01-15 → 2126-01-15 has 24 leap days (2028…2124 every 4 years = 25, minus 2100):
    // 36,524 days, so 36,500 days is 24 days short of it: 2125-12-22.
    expect(addDueOffset({ date: "2026-01-15", offset: { months: 0, days: 36_500 } })).toBe("2125-12-22");
    // 1926-01-15 → 2026-01-15 has 25 leap days (1928…2024, 2000 included): 36,525 days,
    // so 36,500 days back lands 25 days after 1926-01-15: 1926-02-09.
    expect(addDueOffset({ date: "2026-01-15", offset: { months: 0, days: -36_500 } })).toBe("1926-02-09");
  });
});

describe("events.ts", () => {
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

describe("evaluate-contract.ts", () => {
  it("a bad as-of date names evaluateContract; a contract that is not an object is a ValidationError", () => {
    expect(validationError(() => evaluateContract(K1, [infusion("2026-01-15")], "2026-02-30")).message).toBe(
      'evaluateContract: invalid input — asOf: expected a calendar date YYYY-MM-DD, got "2026-02-30"',
    );
    // null, a number and a string go to parseContract, whose schema refuses them at the root.
    for (const bad of [null, 5, "K1"]) {
      const found = issues(() => evaluateContract(bad, [infusion("2026-01-15")], "2026-12-31"));
      expect(found.map((i) => [i.path, i.code])).toEqual([[[], "invalid_type"]]);
    }
  });

  it("the first step names its rule and the last step lists gross, refunded and withheld", () => {
    // K1 without events after the start: 480,000 + 360,000 + 360,000 = 1,200,000 paid.
    const r = evaluateContract(K1, [infusion("2026-01-15")], "2026-12-31");
    expect(r.explanation[0]!.rule).toBe("contracts.evaluate.terms");
    expect(json(r.explanation.at(-1)!.inputs)).toEqual({
      gross: { amount: "1200000.00", currency: "CNY" },
      refunded: { amount: "0.00", currency: "CNY" },
      withheld: { amount: "0.00", currency: "CNY" },
    });
  });
});

describe("evaluate-contract-minor-units.ts", () => {
  it("its errors say what was expected and name the bulk path", () => {
    expect(validationError(() => evaluateContractMinorUnits(K1 as never, [infusion("2026-01-15")], "2026-12-31")).message).toBe(
      "invalid input — contract: expected a contract made by parseContract or parseContractVersions",
    );
    expect(validationError(() => evaluateContractMinorUnits(parseContract(K1), [infusion("2026-01-15")], "2026-02-30")).message).toBe(
      'evaluateContractMinorUnits: invalid input — asOf: expected a calendar date YYYY-MM-DD, got "2026-02-30"',
    );
  });
});

describe("parse-contract.ts", () => {
  const one = (conditions: unknown[]) => ({ currency: "CNY", id: "G", price: "100", payment: { type: "schedule", installments: [{ share: "1", due: { months: 1 }, conditions }] } });
  const labels = (doc: unknown) => {
    const p = parseContract(doc).payment;
    return p.type === "installments" ? p.installments.map((i) => i.conditionLabels) : [];
  };

  it("a minimum grade of 1 asks nothing and is not written out", () => {
    expect(labels(one([{ type: "none", events: [{ kind: "crs", minGrade: 1 }] }]))).toEqual([["no CRS since treatment start"]]);
    expect(labels(one([{ type: "none", events: [{ kind: "crs", minGrade: 2 }] }]))).toEqual([["no CRS of grade ≥ 2 since treatment start"]]);
  });

  it("a price finer than the currency stops parsing before the bonuses are looked at", () => {
    const doc = { currency: "CNY", id: "P", price: "0.001", payment: { type: "schedule", installments: [{ share: "1", due: {} }] }, bonuses: [{ type: "fixed", amount: "0.005", due: {} }] };
    const e = validationError(() => parseContract(doc));
    expect(e.issues).toEqual([{ path: ["price"], code: "sub_minor_unit", message: "0.001 has more decimals than CNY allows (2)" }]);
    expect(e.message).toBe("parseContract: invalid input — price: 0.001 has more decimals than CNY allows (2)");
    const bonus = { id: "B", price: "10", currency: "JPY", payment: { type: "schedule", installments: [{ share: "1", due: {} }] }, bonuses: [{ type: "fixed", amount: "1.5", due: {} }] };
    expect(validationError(() => parseContract(bonus)).message).toBe("parseContract: invalid input — bonuses[0].amount: 1.5 has more decimals than JPY allows (0)");
  });

  it("schema errors name parseContract and parseContractVersions", () => {
    const short = { ...K1, payment: { type: "schedule", installments: [{ share: "0.4", due: {} }, { share: "0.3", due: {} }] } };
    // 0.4 + 0.3 = 0.7.
    expect(validationError(() => parseContract(short)).message).toBe(
      "parseContract: invalid input — payment.installments: installment shares must sum to exactly 1 (100%), got 0.7",
    );
    expect(validationError(() => parseContractVersions({ versions: [{ ...K1 }] })).message).toBe(
      "parseContractVersions: invalid input — versions[0].effective: each version of a versioned contract needs an effective period",
    );
  });

  it("records where installments came from, financing conditions' wording and bonus types", () => {
    expect(parseContract(K1).payment).toMatchObject({ type: "installments", source: "schedule" });
    const financed = parseContract({
      id: "F",
      currency: "USD",
      price: "1000",
      payment: { type: "financing", periodicRate: "0", periods: 2, intervalMonths: 6, conditions: [{ type: "none", events: ["progression"] }] },
    });
    expect(financed.payment).toMatchObject({ type: "installments", source: "financing" });
    expect(labels(financed)).toEqual([["no progression since treatment start"], ["no progression since treatment start"]]);
    expect(parseContract(k4(false)).bonuses.map((b) => b.type)).toEqual(["perTreatedMonth"]);
  });

  it("a per-treated-month bonus next to a fixed one leaves the most payable open", () => {
    const mixed = {
      ...K1,
      bonuses: [
        { type: "fixed", amount: "50000", due: { months: 12 } },
        { type: "perTreatedMonth", amount: "100", assessAt: { months: 6 } },
      ],
    };
    expect(parseContract(mixed).maxPayable).toBeNull();
  });

  it("isParsedContract and isParsedContractVersions say false for undefined", () => {
    expect(isParsedContract(undefined)).toBe(false);
    expect(isParsedContractVersions(undefined)).toBe(false);
    expect(isParsedContract("K1")).toBe(false);
  });

  it("versions given in date order stay in date order", () => {
    const set = parseContractVersions({
      versions: [
        { ...K1, version: "early", effective: { from: "2026-01-01", to: "2027-01-01" } },
        { ...K1, version: "late", effective: { from: "2027-01-01" } },
      ],
    });
    expect(set.versions.map((v) => v.version)).toEqual(["early", "late"]);
  });
});

describe("terms.ts", () => {
  const one = (events: unknown[]) => ({ currency: "CNY", id: "G", price: "100", payment: { type: "schedule", installments: [{ share: "1", due: { months: 1 }, conditions: [{ type: "none", events }] }] } });
  const at = ["payment", "installments", 0, "conditions", 0, "events", 0];

  it("minGrade only for CRS and serious adverse events, responses only for assessments", () => {
    expect(issues(() => parseContract(one([{ kind: "death", minGrade: 2 }])))).toEqual([
      { path: [...at, "minGrade"], code: "custom", message: "minGrade applies only to crs and seriousAdverseEvent" },
    ]);
    const sae = parseContract(one([{ kind: "seriousAdverseEvent", minGrade: 3 }])).payment;
    expect(sae.type === "installments" && sae.installments[0]!.conditionLabels).toEqual(["no serious adverse event of grade ≥ 3 since treatment start"]);
    expect(issues(() => parseContract(one([{ kind: "crs", responses: ["CR"] }])))).toEqual([
      { path: [...at, "responses"], code: "custom", message: "responses apply only to assessment events" },
    ]);
  });

  it("an effective period may be open (to: null) but must end after it starts", () => {
    expect(parseContract({ ...K1, effective: { from: "2026-01-01", to: null } }).effective).toEqual({ from: "2026-01-01", to: null });
    expect(issues(() => parseContract({ ...K1, effective: { from: "2026-01-01", to: "2026-01-01" } }))).toEqual([
      { path: ["effective", "to"], code: "custom", message: "the effective period must end after it starts" },
    ]);
  });

  it("share sums are custom issues with their totals", () => {
    const short = { ...K1, payment: { type: "schedule", installments: [{ share: "0.4", due: {} }, { share: "0.3", due: {} }] } };
    expect(issues(() => parseContract(short))).toEqual([
      { path: ["payment", "installments"], code: "custom", message: "installment shares must sum to exactly 1 (100%), got 0.7" },
    ]);
    // K3's clawback 0.5 + a refund of 0.6 = 1.1.
    const over = { ...K3, refunds: [...K3.refunds, { type: "refund", trigger: ["death"], share: "0.6" }] };
    expect(issues(() => parseContract(over))).toEqual([
      { path: ["refunds"], code: "custom", message: "refund and clawback shares together exceed 1 (1.1): more than was paid could be returned" },
    ]);
  });

  const versionIssues = (...effective: ({ from: string; to?: string } | undefined)[]) =>
    issues(() => parseContractVersions({ versions: effective.map((e) => (e === undefined ? { ...K1 } : { ...K1, effective: e })) }));

  it("a version without a period is reported alone, without an overlap", () => {
    expect(versionIssues({ from: "2026-01-01" }, undefined)).toEqual([
      { path: ["versions", 1, "effective"], code: "custom", message: "each version of a versioned contract needs an effective period" },
    ]);
  });

  it("overlaps name both versions and the earlier one's end", () => {
    // An open-ended earlier version overlaps any later one.
    expect(versionIssues({ from: "2025-01-01" }, { from: "2026-01-01" })).toEqual([
      { path: ["versions", 1, "effective"], code: "custom", message: "version 1 (from 2026-01-01) overlaps version 0 (2025-01-01 to open end)" },
    ]);
    expect(versionIssues({ from: "2025-01-01", to: "2026-06-01" }, { from: "2026-01-01" })).toEqual([
      { path: ["versions", 1, "effective"], code: "custom", message: "version 1 (from 2026-01-01) overlaps version 0 (2025-01-01 to 2026-06-01)" },
    ]);
    // Same start: the later-listed version is the one reported.
    expect(versionIssues({ from: "2026-01-01", to: "2027-01-01" }, { from: "2026-01-01" })).toEqual([
      { path: ["versions", 1, "effective"], code: "custom", message: "version 1 (from 2026-01-01) overlaps version 0 (2026-01-01 to 2027-01-01)" },
    ]);
  });
});

describe("ledger-drafts.ts: versions and conditions", () => {
  it("with no version in effect, the error lists every period", () => {
    const set = parseContractVersions({
      versions: [
        { ...K1, version: "a", effective: { from: "2025-01-01", to: "2026-01-01" } },
        { ...K1, version: "b", effective: { from: "2026-01-01", to: "2027-01-01" } },
      ],
    });
    const e = domainError(() => evaluateContract(set, [infusion("2027-03-01")], "2027-12-31"));
    expect(e.message).toBe("events[0].date: no contract version is in effect on the treatment start 2027-03-01 (versions: [2025-01-01, 2026-01-01), [2026-01-01, 2027-01-01))");
  });

  it("a `some` condition with no matching event says it did not hold", () => {
    // K7: 2,000,000 × 0.5 = 1,000,000 withheld at 12 months without an improvement.
    const r = evaluateContract(K7, [infusion("2026-01-15")], "2027-12-31");
    expect(r.lines[1]!.failedCondition).toEqual({ condition: "improvement recorded since treatment start", event: null });
    expect(r.lines[1]!.explanation.text).toBe(
      'Installment 2 (50% of the price, due 12 months after treatment start) fell due on 2027-01-15 and is withheld (CNY 1,000,000.00): "improvement recorded since treatment start" did not hold (no such event recorded).',
    );
  });
});

describe("ledger-drafts.ts: line order on one date", () => {
  it("payments come before withheld lines, each group in installment order", () => {
    // Four quarters of CNY 1,000 all due 2026-02-15; a CRS withholds installments 1 and 2.
    const doc = { currency: "CNY",
      id: "S",
      price: "1000",
      payment: {
        type: "schedule",
        installments: [
          { share: "0.25", due: { months: 1 }, conditions: [{ type: "none", events: ["crs"] }] },
          { share: "0.25", due: { months: 1 }, conditions: [{ type: "none", events: ["crs"] }] },
          { share: "0.25", due: { months: 1 }, conditions: [{ type: "none", events: ["relapse"] }, { type: "none", events: ["death"] }] },
          { share: "0.25", due: { months: 1 } },
        ],
      },
    };
    const r = evaluateContract(doc, [infusion("2026-01-15"), { kind: "crs", date: "2026-01-20" }], "2026-12-31");
    // 0.25 × 1,000 = 250 each.
    expect(r.lines.map((l) => [l.termId, l.kind])).toEqual([
      ["installment-3", "payment"],
      ["installment-4", "payment"],
      ["installment-1", "withheld"],
      ["installment-2", "withheld"],
    ]);
    const label = (k: number) => `Installment ${k} (25% of the price, due 1 month after treatment start)`;
    expect(texts(r).slice(1)).toEqual([
      `${label(3)} fell due on 2026-02-15 and is paid: CNY 250.00 (held: no relapse since treatment start; no death since treatment start).`,
      `${label(4)} fell due on 2026-02-15 and is paid: CNY 250.00.`,
      `${label(1)} fell due on 2026-02-15 and is withheld (CNY 250.00): "no CRS since treatment start" failed: crs on 2026-01-20.`,
      `${label(2)} fell due on 2026-02-15 and is withheld (CNY 250.00): "no CRS since treatment start" failed: crs on 2026-01-20.`,
      // paid 250 + 250 = 500; withheld 250 + 250 = 500.
      "Paid CNY 500.00 (payments CNY 500.00, bonuses CNY 0.00), refunded CNY 0.00, net CNY 500.00; withheld CNY 500.00.",
    ]);
  });

  it("a month after a stop on two kinds, then unearned bonuses on the same date, in drafting order", () => {
    const doc = { currency: "CNY",
      id: "T",
      price: "100",
      payment: { type: "perTreatedMonth", stopOn: ["progression", "death"] },
      bonuses: [
        { type: "perTreatedMonth", id: "b", amount: "10", assessAt: { months: 6 }, conditions: [{ type: "none", events: ["progression"] }] },
        { type: "perTreatedMonth", id: "c", amount: "20", assessAt: { months: 6 }, conditions: [{ type: "none", events: ["progression"] }] },
      ],
    };
    const events = [infusion("2026-01-01"), { kind: "treatedMonth", date: "2026-01-01" }, { kind: "progression", date: "2026-03-15" }, { kind: "treatedMonth", date: "2026-07-01" }];
    const r = evaluateContract(doc, events, "2026-12-31");
    // The assessment is 2026-01-01 + 6 months = 2026-07-01, the date of the stopped month.
    expect(r.lines.map((l) => [l.date, l.kind, l.termId, l.explanation.rule])).toEqual([
      ["2026-01-01", "payment", "treated-month-1", "contracts.treated-month.paid"],
      ["2026-07-01", "withheld", "treated-month", "contracts.treated-month.after-stop"],
      ["2026-07-01", "withheld", "b", "contracts.bonus.not-earned"],
      ["2026-07-01", "withheld", "c", "contracts.bonus.not-earned"],
    ]);
    const stopped = r.lines[1]!;
    expect(stopped.explanation.text).toBe('A treated month on 2026-07-01 is not paid: "treatment stops at the first progression or death" failed: progression on 2026-03-15.');
    expect(stopped.explanation.inputs).toEqual({ date: "2026-07-01" });
    expect(r.lines[2]!.explanation.text).toBe(
      'Bonus b per treated month (CNY 10.00 per treated month) is not earned at the assessment on 2026-07-01: "no progression since treatment start" failed: progression on 2026-03-15.',
    );
    // One month paid (100); the stopped month withholds 100, the unearned bonuses nothing.
    expect([r.totals.payments, r.totals.withheld].map((m) => m.toString())).toEqual(["CNY 100.00", "CNY 100.00"]);
  });

  it("a month over the maximum, then withheld fixed bonuses on the same date, in drafting order", () => {
    const doc = { currency: "CNY",
      id: "C",
      price: "100",
      payment: { type: "perTreatedMonth", maxMonths: 1 },
      bonuses: [
        { type: "fixed", id: "f", amount: "50", due: { months: 1 }, conditions: [{ type: "none", events: ["crs"] }] },
        { type: "fixed", id: "g", amount: "60", due: { months: 1 }, conditions: [{ type: "none", events: ["crs"] }] },
      ],
    };
    const events = [infusion("2026-01-01"), { kind: "treatedMonth", date: "2026-01-01" }, { kind: "crs", date: "2026-01-10" }, { kind: "treatedMonth", date: "2026-02-01" }];
    const r = evaluateContract(doc, events, "2026-12-31");
    expect(r.lines.map((l) => [l.date, l.kind, l.termId, l.label, l.explanation.rule])).toEqual([
      ["2026-01-01", "payment", "treated-month-1", "Treated month 1 at CNY 100.00", "contracts.treated-month.paid"],
      ["2026-02-01", "withheld", "treated-month", "Treated month on 2026-02-01", "contracts.treated-month.over-max"],
      ["2026-02-01", "withheld", "f", "Bonus f (due 1 month after treatment start)", "contracts.bonus.withheld"],
      ["2026-02-01", "withheld", "g", "Bonus g (due 1 month after treatment start)", "contracts.bonus.withheld"],
    ]);
    expect(r.lines[1]!.explanation.text).toBe("A treated month on 2026-02-01 is not paid: the contract pays at most 1 months.");
    expect(r.lines[2]!.explanation.text).toBe('Bonus f (due 1 month after treatment start) is not earned on 2026-02-01 (CNY 50.00): "no CRS since treatment start" failed: crs on 2026-01-10.');
    // withheld: the second month 100 + bonus f 50 + bonus g 60 = 210.
    expect(r.totals.withheld.toString()).toBe("CNY 210.00");
  });

  it("bonuses on one date keep their order; months after the assessment are paid and earn in month order", () => {
    const doc = { currency: "CNY",
      id: "L",
      price: "100",
      payment: { type: "perTreatedMonth" },
      bonuses: [
        { type: "perTreatedMonth", id: "pm", amount: "10", assessAt: { months: 2 } },
        { type: "fixed", id: "fx", amount: "20", due: { months: 2 } },
        { type: "fixed", id: "fy", amount: "30", due: { months: 2 } },
      ],
    };
    // M6: two identical treated months on one day are refused (scale-and-duplicates.test.ts),
    // so the two months here are on different days, both after the assessment, the second on
    // the as-of date itself, and still count.
    const events = [infusion("2026-01-01"), { kind: "treatedMonth", date: "2026-03-15" }, { kind: "treatedMonth", date: "2026-04-01" }];
    const r = evaluateContract(doc, events, "2026-04-01");
    expect(r.lines.map((l) => [l.date, l.kind, l.termId, l.amount.toJSON().amount, l.explanation.rule])).toEqual([
      ["2026-03-01", "bonus", "pm", "0.00", "contracts.bonus.earned"],
      ["2026-03-01", "bonus", "fx", "20.00", "contracts.bonus.paid"],
      ["2026-03-01", "bonus", "fy", "30.00", "contracts.bonus.paid"],
      ["2026-03-15", "payment", "treated-month-1", "100.00", "contracts.treated-month.paid"],
      ["2026-03-15", "bonus", "pm", "10.00", "contracts.bonus.per-month"],
      ["2026-04-01", "payment", "treated-month-2", "100.00", "contracts.treated-month.paid"],
      ["2026-04-01", "bonus", "pm", "10.00", "contracts.bonus.per-month"],
    ]);
    expect(r.lines[1]!.explanation.text).toBe("Bonus fx (due 2 months after treatment start) is earned on 2026-03-01: CNY 20.00.");
    expect([r.lines[4]!, r.lines[6]!].map((l) => [l.explanation.text, l.explanation.inputs])).toEqual([
      ["Bonus pm per treated month: treated month 1 on 2026-03-15 earns CNY 10.00.", { month: 1, date: "2026-03-15" }],
      ["Bonus pm per treated month: treated month 2 on 2026-04-01 earns CNY 10.00.", { month: 2, date: "2026-04-01" }],
    ]);
    expect([r.totals.payments, r.totals.bonuses, r.totals.net].map((m) => m.toString())).toEqual(["CNY 200.00", "CNY 70.00", "CNY 270.00"]);
  });

  it("an assessment or a fixed bonus on the as-of date is settled; one day later it is not", () => {
    const doc = { currency: "CNY",
      id: "L",
      price: "100",
      payment: { type: "perTreatedMonth" },
      bonuses: [
        { type: "perTreatedMonth", id: "pm", amount: "10", assessAt: { months: 2 } },
        { type: "fixed", id: "fx", amount: "20", due: { months: 2 } },
      ],
    };
    const events = [infusion("2026-01-01"), { kind: "treatedMonth", date: "2026-04-01" }];
    const on = evaluateContract(doc, events, "2026-03-01");
    expect(rows(on)).toEqual([
      ["2026-03-01", "bonus", "pm", "0.00"],
      ["2026-03-01", "bonus", "fx", "20.00"],
    ]);
    expect(evaluateContract(doc, events, "2026-02-28").lines).toEqual([]);
  });

  it("two per-month bonuses assessed on one date settle in contract order", () => {
    const doc = { currency: "CNY",
      id: "A",
      price: "100",
      payment: { type: "perTreatedMonth" },
      bonuses: [
        { type: "perTreatedMonth", id: "A1", amount: "10", assessAt: { months: 1 } },
        { type: "perTreatedMonth", id: "A2", amount: "20", assessAt: { months: 1 } },
      ],
    };
    const r = evaluateContract(doc, [infusion("2026-01-01"), { kind: "treatedMonth", date: "2026-01-01" }, { kind: "treatedMonth", date: "2026-02-01" }], "2026-12-31");
    // Months 1 and 2 both settle on the assessment 2026-02-01: 2 × 10 = 20 and 2 × 20 = 40.
    expect(rows(r)).toEqual([
      ["2026-01-01", "payment", "treated-month-1", "100.00"],
      ["2026-02-01", "payment", "treated-month-2", "100.00"],
      ["2026-02-01", "bonus", "A1", "20.00"],
      ["2026-02-01", "bonus", "A2", "40.00"],
    ]);
    expect(r.lines[2]!.explanation.text).toBe("Bonus A1 per treated month is earned at the assessment on 2026-02-01: 2 treated month(s) (months 1–2) × CNY 10.00 = CNY 20.00.");
  });
});

describe("ledger-drafts.ts: refunds", () => {
  // CNY 1,000 in two halves: 500 on 2026-01-15 (start) and 500 on 2026-04-15.
  const halves = (refunds: unknown[]) => ({ currency: "CNY",
    id: "R",
    price: "1000",
    payment: { type: "schedule", installments: [{ share: "0.5", due: { months: 0 } }, { share: "0.5", due: { months: 3 } }] },
    refunds,
  });

  it("terms triggered in a different order than listed are applied in trigger-date order", () => {
    const doc = halves([
      { type: "refund", trigger: ["death"], share: "0.1" },
      { type: "refund", trigger: ["progression"], share: "0.2" },
    ]);
    const r = evaluateContract(doc, [infusion("2026-01-15"), { kind: "progression", date: "2026-02-01" }, { kind: "death", date: "2026-03-01" }], "2026-12-31");
    expect(rows(r)).toEqual([
      ["2026-01-15", "payment", "installment-1", "500.00"],
      ["2026-02-01", "refund", "refund-2", "-100.00"], // 0.2 × 500
      ["2026-03-01", "refund", "refund-2+refund-1", "-50.00"], // (0.2 + 0.1) × 500 = 150, 100 already returned
      ["2026-04-15", "payment", "installment-2", "500.00"],
      ["2026-04-15", "refund", "refund-2+refund-1", "-150.00"], // 0.3 × 1,000 = 300, 150 already returned
    ]);
    expect(r.lines[2]!.label).toBe("Refund of 20% of the amount paid on progression; Refund of 10% of the amount paid on death");
    expect(r.lines[2]!.explanation.text).toBe(
      "Refund of 10% of the amount paid on death: triggered by death on 2026-03-01; 0.2 of payments + 0.1 of payments paid through 2026-03-01 is CNY 150.00, so CNY 50.00 is returned.",
    );
    expect(r.lines[2]!.explanation.inputs).toEqual({ trigger: "death 2026-03-01", share: ["0.2", "0.1"], paidThrough: "500.00" });
    // refunded 100 + 50 + 150 = 300 = 0.3 × 1,000; net 700.
    expect([r.totals.refunded, r.totals.net].map((m) => m.toString())).toEqual(["CNY 300.00", "CNY 700.00"]);
  });

  it("terms triggered by the same event keep contract order and are named together", () => {
    const doc = halves([
      { type: "refund", trigger: ["death"], share: "0.1" },
      { type: "refund", trigger: ["death"], share: "0.2" },
    ]);
    const r = evaluateContract(doc, [infusion("2026-01-15"), { kind: "death", date: "2026-02-01" }], "2026-12-31");
    expect(rows(r)).toEqual([
      ["2026-01-15", "payment", "installment-1", "500.00"],
      ["2026-02-01", "refund", "refund-1+refund-2", "-150.00"], // (0.1 + 0.2) × 500
      ["2026-04-15", "payment", "installment-2", "500.00"],
      ["2026-04-15", "refund", "refund-1+refund-2", "-150.00"], // 0.3 × 1,000 = 300, 150 already returned
    ]);
    expect(r.lines[1]!.explanation.text).toBe(
      "Refund of 10% of the amount paid on death; Refund of 20% of the amount paid on death: triggered by death on 2026-02-01; 0.1 of payments + 0.2 of payments paid through 2026-02-01 is CNY 150.00, so CNY 150.00 is returned.",
    );
  });

  it("shares with different denominators add up exactly", () => {
    // 0.25 = 25/100 and 0.5 = 5/10 over the common denominator 100: 25/100 and 50/100.
    const doc = halves([
      { type: "refund", trigger: ["crs"], share: "0.25" },
      { type: "refund", trigger: ["death"], share: "0.5" },
    ]);
    const r = evaluateContract(doc, [infusion("2026-01-15"), { kind: "crs", date: "2026-02-01" }, { kind: "death", date: "2026-03-01" }], "2026-12-31");
    expect(rows(r)).toEqual([
      ["2026-01-15", "payment", "installment-1", "500.00"],
      ["2026-02-01", "refund", "refund-1", "-125.00"], // 0.25 × 500
      ["2026-03-01", "refund", "refund-1+refund-2", "-250.00"], // 0.75 × 500 = 375, 125 already returned
      ["2026-04-15", "payment", "installment-2", "500.00"],
      ["2026-04-15", "refund", "refund-1+refund-2", "-375.00"], // 0.75 × 1,000 = 750, 375 already returned
    ]);
    expect(r.totals.refunded.toString()).toBe("CNY 750.00");
  });

  it("a payment between two triggers is refunded before the second trigger adds its share", () => {
    const doc = halves([
      { type: "refund", trigger: ["crs"], share: "0.1" },
      { type: "refund", trigger: ["death"], share: "0.2" },
    ]);
    const r = evaluateContract(doc, [infusion("2026-01-15"), { kind: "crs", date: "2026-02-01" }, { kind: "death", date: "2026-05-01" }], "2026-12-31");
    expect(rows(r)).toEqual([
      ["2026-01-15", "payment", "installment-1", "500.00"],
      ["2026-02-01", "refund", "refund-1", "-50.00"], // 0.1 × 500
      ["2026-04-15", "payment", "installment-2", "500.00"],
      ["2026-04-15", "refund", "refund-1", "-50.00"], // 0.1 × 1,000 = 100, 50 already returned
      ["2026-05-01", "refund", "refund-1+refund-2", "-200.00"], // 0.3 × 1,000 = 300, 100 already returned
    ]);
    expect(r.lines[4]!.explanation.text).toBe(
      "Refund of 20% of the amount paid on death: triggered by death on 2026-05-01; 0.1 of payments + 0.2 of payments paid through 2026-05-01 is CNY 300.00, so CNY 200.00 is returned.",
    );
  });

  it("payments listed out of date order are refunded by date", () => {
    // Installment 1 is due at 3 months, installment 2 at start.
    const doc = { currency: "CNY",
      id: "R",
      price: "1000",
      payment: { type: "schedule", installments: [{ share: "0.5", due: { months: 3 } }, { share: "0.5", due: { months: 0 } }] },
      refunds: [{ type: "refund", trigger: ["crs"], share: "0.1" }],
    };
    const r = evaluateContract(doc, [infusion("2026-01-15"), { kind: "crs", date: "2026-02-01" }], "2026-12-31");
    expect(rows(r)).toEqual([
      ["2026-01-15", "payment", "installment-2", "500.00"],
      ["2026-02-01", "refund", "refund-1", "-50.00"], // 0.1 × the 500 paid at start
      ["2026-04-15", "payment", "installment-1", "500.00"],
      ["2026-04-15", "refund", "refund-1", "-50.00"], // 0.1 × 1,000 = 100, 50 already returned
    ]);
  });
});

describe("cohort-terms.ts", () => {
  const amount = { amount: "1000000", currency: "CNY" };
  const k5 = { type: "performanceDeduction", metric: "orr", target: "0.4", deductionRate: "0.2" } as const;
  const pfs = { ...k5, metric: "pfsRate" } as const;

  it("patients alone give no rate; too many progression-free patients is inconsistent", () => {
    expect(issues(() => evaluateCohortTerms({ terms: [k5], summary: { patients: 4, amount } }))).toEqual([
      { path: ["summary", "responders"], code: "missing_metric", message: "the ORR needs `orr` or `responders` and `patients`" },
    ]);
    expect(issues(() => evaluateCohortTerms({ terms: [pfs], summary: { patients: 4, amount } }))).toEqual([
      { path: ["summary", "pfsRate"], code: "missing_metric", message: "the PFS rate needs `pfsRate` or `progressionFree` and `patients`" },
    ]);
    const e = domainError(() => evaluateCohortTerms({ terms: [pfs], summary: { patients: 4, progressionFree: 5, amount } }));
    expect([e.code, e.path, e.message]).toEqual(["INCONSISTENT_INPUT", ["summary", "progressionFree"], "summary.progressionFree: progressionFree (5) exceeds patients (4)"]);
  });

  it("a performance deduction lists its metric, target, rate and amount", () => {
    // 14/40 = 0.35.
    const r = evaluateCohortTerms({ terms: [k5], summary: { patients: 40, responders: 14, amount } }).results[0]!;
    expect(json(r.explanation[0]!.inputs)).toEqual({ metric: "0.35", target: "0.4", deductionRate: "0.2", amount: { amount: "1000000.00", currency: "CNY" } });
  });

  const table = {
    domain: { min: 0, max: 1 },
    bands: [
      { from: "0", to: "0.6", value: "0.5" },
      { from: "0.6", to: "1", value: "1" },
    ],
  };
  it("a tier table names its rules, inputs and metric, and needs the amount", () => {
    const r = evaluateCohortTerms({ terms: [{ type: "outcomeTiers", metric: "pfsRate", table }], summary: { pfsRate: "0.3", amount } }).results[0]!;
    // 0.3 is in [0, 0.6): 0.5 × 1,000,000 = 500,000 paid and 500,000 not paid.
    expect(r.explanation.map((s) => [s.rule, json(s.inputs), s.amount!.toString()])).toEqual([
      ["contracts.cohort.tier", { metric: "0.3", share: "0.5", amount: { amount: "1000000.00", currency: "CNY" } }, "CNY 500000.00"],
      ["contracts.cohort.tier-withheld", {}, "CNY 500000.00"],
    ]);
    expect(r.metric).toEqual({ name: "pfsRate", value: "0.3" });
    expect(issues(() => evaluateCohortTerms({ terms: [{ type: "outcomeTiers", metric: "pfsRate", table }], summary: { pfsRate: "0.3" } }))).toEqual([
      { path: ["summary", "amount"], code: "missing_field", message: "this term needs summary.amount" },
    ]);
    // A table over [0, 0.5] cannot place 0.7: the error points at the summary's metric.
    const narrow = { domain: { min: 0, max: 0.5 }, bands: [{ from: "0", to: "0.5", value: "1" }] };
    const e = domainError(() => evaluateCohortTerms({ terms: [{ type: "outcomeTiers", metric: "pfsRate", table: narrow }], summary: { pfsRate: "0.7", amount } }));
    expect([e.code, e.path]).toEqual(["OUT_OF_DOMAIN", ["summary", "pfsRate"]]);
  });

  const mea = { type: "managedEntry", currency: "EUR", pricePerCycle: "10000", cyclesBeforeEvaluation: 3 } as const;
  it("a managed-entry agreement names its line kinds, rules and inputs", () => {
    const risk = evaluateCohortTerms({ terms: [{ ...mea, nonResponderRefund: "0.5" }], summary: { patients: 100, nonResponders: 30, cyclesAfterEvaluation: 2 } }).results[0]!;
    expect(risk.lines.map((l) => l.kind)).toEqual(["payment", "refund", "payment"]);
    // 3 cycles × 10,000 = 30,000 per patient before evaluation; 100 − 30 = 70 responders.
    expect(risk.explanation.map((s) => [s.rule, json(s.inputs)])).toEqual([
      ["contracts.cohort.mea.upfront", { patients: 100, perPatient: { amount: "30000.00", currency: "EUR" } }],
      ["contracts.cohort.mea.refund", { nonResponders: 30, refundRate: "0.5" }],
      ["contracts.cohort.mea.after", { responders: 70, cyclesAfterEvaluation: 2 }],
      ["contracts.cohort.net", {}],
    ]);
    const fee = evaluateCohortTerms({ terms: [{ ...mea, upfront: "free" }], summary: { patients: 100, nonResponders: 30 } }).results[0]!;
    expect(fee.lines.map((l) => l.kind)).toEqual(["payment"]);
    expect(fee.explanation.map((s) => [s.rule, json(s.inputs)])).toEqual([
      ["contracts.cohort.mea.success-fee", { responders: 70, perPatient: { amount: "30000.00", currency: "EUR" } }],
      ["contracts.cohort.net", {}],
    ]);
  });

  it("a managed-entry agreement needs patients and non-responders, no more of them than patients", () => {
    expect(issues(() => evaluateCohortTerms({ terms: [mea], summary: { nonResponders: 1 } }))).toEqual([
      { path: ["summary", "patients"], code: "missing_field", message: "this term needs summary.patients" },
    ]);
    expect(issues(() => evaluateCohortTerms({ terms: [mea], summary: { patients: 1 } }))).toEqual([
      { path: ["summary", "nonResponders"], code: "missing_field", message: "this term needs summary.nonResponders" },
    ]);
    expect(domainError(() => evaluateCohortTerms({ terms: [mea], summary: { patients: 4, nonResponders: 5 } })).code).toBe("INCONSISTENT_INPUT");
  });

  it("schema errors name evaluateCohortTerms", () => {
    expect(validationError(() => evaluateCohortTerms({ terms: [], summary: {} })).message).toMatch(/^evaluateCohortTerms: invalid input — terms: /);
  });
});

describe("financing.ts and present-value.ts", () => {
  it("financing steps list their inputs; schema errors name installmentFinancing", () => {
    const zero = installmentFinancing({ principal: { amount: "100.01", currency: "USD" }, periodicRate: 0, periods: 2 });
    expect(zero.explanation.map((s) => json(s.inputs))).toEqual([{ principal: { amount: "100.01", currency: "USD" }, periodicRate: "0", periods: 2 }, { periods: 2 }]);
    expect(validationError(() => installmentFinancing({ principal: { amount: "100", currency: "USD" }, periodicRate: 0, periods: 0 })).message).toMatch(
      /^installmentFinancing: invalid input — periods: /,
    );
  });

  it("present-value steps name their rules and the rate; schema errors name schedulePresentValue", () => {
    // 1,100 due in 6 months at 21% a year: 1,100 / 1.1 = 1,000.
    const r = schedulePresentValue({ annualRate: "0.21", payments: [{ amount: { amount: "1100", currency: "USD" }, due: { months: 6 } }] });
    expect(r.explanation.map((s) => s.rule)).toEqual(["contracts.present-value.payment", "contracts.present-value.total"]);
    expect(json(r.explanation[1]!.inputs)).toEqual({ annualRate: "0.21" });
    expect(validationError(() => schedulePresentValue({ annualRate: 0 } as never)).message).toMatch(/^schedulePresentValue: invalid input — /);
  });
});
