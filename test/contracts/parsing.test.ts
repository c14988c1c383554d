// Parsing contracts: amounts finer than the currency, version order and periods, the most
// payable, labels and wording made at parse time, and the schema's own checks.
// (Cases first written as mutation pins; amounts are worked out by hand in the comments, 1 CNY = 100 fen.)
import { describe, expect, it } from "vitest";
import { isParsedContract, isParsedContractVersions, parseContract, parseContractVersions } from "../../src/index.js";
import { K1, K3, k4 } from "./fixtures.js";
import { issues, validationError } from "../typed-errors.js";

describe("parsing: minor units, versions, most payable, financing labels", () => {
  it("refuses a price finer than the currency, and bonuses finer too, with paths", () => {
    expect(issues(() => parseContract({ ...K1, price: "1200000.001" }))).toEqual([
      { path: ["price"], code: "sub_minor_unit", message: "1200000.001 has more decimals than CNY allows (2)" },
    ]);
    const withBonus = { id: "B", price: "10", currency: "JPY", payment: { type: "schedule", installments: [{ share: "1", due: {} }] }, bonuses: [{ type: "fixed", amount: "1.5", due: {} }] };
    expect(issues(() => parseContract(withBonus))).toEqual([{ path: ["bonuses", 0, "amount"], code: "sub_minor_unit", message: "1.5 has more decimals than JPY allows (0)" }]);
    expect(issues(() => parseContractVersions({ versions: [{ ...K1, price: "0.001", effective: { from: "2026-01-01" } }] }))[0]!.path).toEqual(["versions", 0, "price"]);
  });

  it("sorts versions by effective date and computes the most payable", () => {
    const set = parseContractVersions({
      versions: [
        { ...K1, version: "late", effective: { from: "2027-01-01" } },
        { ...K1, version: "early", effective: { from: "2026-01-01", to: "2027-01-01" } },
      ],
    });
    expect(set.versions.map((v) => v.version)).toEqual(["early", "late"]);
    expect(set.versions[0]!.effective).toEqual({ from: "2026-01-01", to: "2027-01-01" });
    expect(set.versions[1]!.effective).toEqual({ from: "2027-01-01", to: null });
    expect(set.id).toBeNull();
    const k = parseContract({ ...K1, bonuses: [{ type: "fixed", amount: "50000", due: { months: 12 } }] });
    // 1,200,000 of installments + 50,000 of fixed bonus.
    expect(k.maxPayable!.toString()).toBe("CNY 1250000.00");
    expect(k.name).toBe("CAR-T milestone schedule 40/30/30");
    expect(parseContract(k4(false)).maxPayable).toBeNull();
    expect(parseContract({ ...K1, name: undefined }).name).toBeNull();
    expect(parseContract({ ...K1, payment: { type: "perTreatedMonth" } }).maxPayable).toBeNull();
  });

  it("financing installments are labelled and dated one interval apart", () => {
    const k = parseContract({ id: "F", currency: "USD", price: "1000", payment: { type: "financing", periodicRate: "0", periods: 2, intervalMonths: 6 } });
    expect(k.payment.type).toBe("installments");
    const list = k.payment.type === "installments" ? k.payment.installments : [];
    // First due one interval after start by default: 6 months, then 12.
    expect(list.map((i) => [i.id, i.label, i.shareText, i.share, i.amount.toString()])).toEqual([
      ["payment-1", "Financed payment 1 of 2 (due 6 months after treatment start)", "financed", null, "USD 500.00"],
      ["payment-2", "Financed payment 2 of 2 (due 12 months after treatment start)", "financed", null, "USD 500.00"],
    ]);
    const firstDue = parseContract({ currency: "CNY", id: "F", price: "1000", payment: { type: "financing", periodicRate: "0", periods: 2, intervalMonths: 1, firstDue: { months: 0, days: 10 } } });
    const dues = firstDue.payment.type === "installments" ? firstDue.payment.installments.map((i) => i.due) : [];
    expect(dues).toEqual([
      { months: 0, days: 10 },
      { months: 1, days: 10 },
    ]);
  });
});

describe("parseContract: wording, most payable, versions", () => {
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

describe("contract schema: matchers, periods, share sums, versions", () => {
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
