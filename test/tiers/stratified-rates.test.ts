// Stratified rates and reimbursement: table lookups, trails, domains and errors.
// Exact behaviour (wording, limits, paths) first pinned by the mutation runs; amounts worked by hand (1 CNY = 100 fen).
import { describe, expect, it } from "vitest";
import {
  ValidationError,
  parseInput,
  resolveStratifiedRate,
  stratifiedRateSchema,
  stratifiedReimbursement,
} from "../../src/index.js";
import { D } from "../../src/money/decimal.js";
import { caught, domainError, issues, validationMessage } from "../typed-errors.js";

const amt = (m: { toJSON(): { amount: string } }) => m.toJSON().amount;

describe("stratified rates", () => {
  const parse = (doc: unknown) => parseInput(stratifiedRateSchema, doc);

  it("trails say which entries chose the rate", () => {
    const byBiomarker = parse({ by: "biomarker", categories: { "ALK-positive": 0.8 }, default: 0.1 });
    expect(resolveStratifiedRate({ rule: byBiomarker, patient: { biomarker: "ALK-positive" } }).trail).toEqual(["biomarker = ALK-positive"]);
    const other = resolveStratifiedRate({ rule: byBiomarker, patient: { biomarker: "ROS1" } });
    expect([other.rate.toString(), other.trail]).toEqual(["0.1", ["biomarker = ROS1 (not listed: default)"]]);
    const byLine = parse({ by: "line", bands: [{ from: 1, to: 2, value: 0.8, label: "first line" }, { from: 2, to: null, value: 0.5 }] });
    expect(resolveStratifiedRate({ rule: byLine, patient: { line: 1 } }).trail).toEqual(["line = 1 in [1, 2) (first line)"]);
    expect(resolveStratifiedRate({ rule: byLine, patient: { line: " 3 " } }).trail).toEqual(["line = 3 in [2, +∞)"]);
    const relative = parse({ by: "income", relativeTo: { amount: "30000" }, bands: [{ from: 0, to: 1, value: 0.9 }, { from: 1, to: null, value: 0.5 }] });
    // 20,000 / 30,000 = 0.666666… → 6 places in the trail.
    expect(resolveStratifiedRate({ rule: relative, patient: { income: 20000 } }).trail).toEqual(["income / 30000 = 0.666667 in [0, 1)"]);
    const byAttr = parse({ by: "income", relativeTo: { attribute: "average" }, bands: [{ from: 0, to: 1, value: 0.9 }, { from: 1, to: null, value: 0.5 }] });
    expect(resolveStratifiedRate({ rule: byAttr, patient: { income: 50, average: "25" } }).rate.toString()).toBe("0.5"); // 50 / 25 = 2
    expect(resolveStratifiedRate({ rule: parse(0.3), patient: undefined })).toMatchObject({ trail: [] });
  });

  it("errors name the attribute", () => {
    const byBiomarker = parse({ by: "biomarker", categories: { A: 0.8, B: 0.2 } });
    const e = domainError(() => resolveStratifiedRate({ rule: byBiomarker, patient: { biomarker: "C" } }));
    expect([e.code, e.message]).toEqual(["UNKNOWN_KEY", 'patient.biomarker: unknown biomarker "C": the table lists A, B and declares no default']);
    expect(e.details).toEqual({ attribute: "biomarker", value: "C", known: ["A", "B"] });
    expect(issues(() => resolveStratifiedRate({ rule: byBiomarker, patient: {} }))).toEqual([
      { path: ["patient", "biomarker"], code: "missing_attribute", message: "the rate table is keyed by biomarker, but the patient has no biomarker" },
    ]);
    expect(issues(() => resolveStratifiedRate({ rule: byBiomarker, patient: undefined }))[0]!.path).toEqual(["patient", "biomarker"]);
    const byLine = parse({ by: "line", bands: [{ from: 0, to: null, value: 0.5 }] });
    expect(issues(() => resolveStratifiedRate({ rule: byLine, patient: { line: "2nd" } }))).toEqual([
      { path: ["patient", "line"], code: "invalid_attribute", message: 'the table is keyed by the number line; got "2nd"' },
    ]);
    expect(issues(() => resolveStratifiedRate({ rule: byLine, patient: { line: Number.NaN } }))[0]!.code).toBe("invalid_attribute");
    const byAttr = parse({ by: "income", relativeTo: { attribute: "average" }, bands: [{ from: null, to: null, value: 0.5 }] });
    expect(issues(() => resolveStratifiedRate({ rule: byAttr, patient: { income: 5, average: 0 } }))).toEqual([
      { path: ["patient", "average"], code: "not_positive", message: "the reference of a relative table must be positive" },
    ]);
    expect(issues(() => resolveStratifiedRate({ rule: byAttr, patient: { income: 5, average: -1 } }))[0]!.path).toEqual(["patient", "average"]);
    expect(issues(() => parse([0.5]))[0]!.message).toBe("expected a rate in [0, 1], a { by, categories } table or a { by, bands } table");
    expect(issues(() => parse(true))[0]!.message).toBe("expected a rate in [0, 1], a { by, categories } table or a { by, bands } table");
  });
});

describe("stratified rates: tables, trails and errors", () => {
  const parse = (doc: unknown) => parseInput(stratifiedRateSchema, doc);
  const bands = [{ from: 0, to: null, value: 0.5 }];

  it("a category table needs at least one category", () => {
    expect(issues(() => parse({ by: "x", categories: {} }))).toEqual([{ path: ["categories"], code: "custom", message: "a category table needs at least one category" }]);
  });

  it("parsed tables have their type and no keys left undefined", () => {
    expect(Object.keys(parse({ by: "b", categories: { A: 0.5 } }))).toEqual(["type", "by", "categories"]);
    const plain = parse({ by: "x", bands });
    expect([plain.type, Object.keys(plain)]).toEqual(["banded", ["type", "by", "table"]]);
    const relative = parse({ by: "x", relativeTo: { amount: "10" }, bands });
    expect([relative.type, Object.keys(relative)]).toEqual(["banded", ["type", "by", "relativeTo", "table"]]);
  });

  it("closed: upper puts a boundary in the band below it; closed: lower in the band above", () => {
    const twoBands = [{ from: null, to: 100, value: 0.9 }, { from: 100, to: null, value: 0.5 }];
    const upper = resolveStratifiedRate({ rule: parse({ by: "income", closed: "upper", bands: twoBands }), patient: { income: 100 } });
    // (−∞, 100] then (100, +∞): 100 falls in the first band.
    expect([upper.rate.toString(), upper.trail]).toEqual(["0.9", ["income = 100 in (−∞, 100]"]]);
    const lower = resolveStratifiedRate({ rule: parse({ by: "income", closed: "lower", bands: twoBands }), patient: { income: 100 } });
    // (−∞, 100) then [100, +∞): 100 falls in the second band.
    expect([lower.rate.toString(), lower.trail]).toEqual(["0.5", ["income = 100 in [100, +∞)"]]);
  });

  it("a declared domain must be covered by the bands", () => {
    const ages = [{ from: 0, to: 65, value: 0.8 }, { from: 65, to: 120, value: 0.6 }];
    const t = parse({ by: "age", domain: { min: 0, max: 120 }, bands: ages });
    // The domain's finite max is included: 120 is in the last band, shown closed.
    expect(resolveStratifiedRate({ rule: t, patient: { age: 120 } }).trail).toEqual(["age = 120 in [65, 120]"]);
    expect(issues(() => parse({ by: "age", domain: { min: 0, max: 200 }, bands: ages }))).toEqual([{ path: ["bands"], code: "custom", message: "no band covers [120, 200)" }]);
  });

  it("an empty band is reported at its index", () => {
    expect(issues(() => parse({ by: "x", bands: [{ from: 2, to: 1, value: 0.5 }] }))).toEqual([
      { path: ["bands", 0], code: "custom", message: "band [2, 1) is empty: its lower bound must be below its upper bound" },
    ]);
  });

  it("numeric keys given as text: signs and decimals are read, other text and lists are refused", () => {
    const t = parse({
      by: "line",
      bands: [
        { from: null, to: 0, value: 0.1 },
        { from: 0, to: 1, value: 0.2 },
        { from: 1, to: 2, value: 0.3 },
        { from: 2, to: null, value: 0.4 },
      ],
    });
    const trail = (line: string) => resolveStratifiedRate({ rule: t, patient: { line } }).trail;
    expect(["+3", "-1", "1.25", ".25"].map(trail)).toEqual([["line = 3 in [2, +∞)"], ["line = -1 in (−∞, 0)"], ["line = 1.25 in [1, 2)"], ["line = 0.25 in [0, 1)"]]);
    expect(issues(() => resolveStratifiedRate({ rule: t, patient: { line: "abc12" } }))).toEqual([
      { path: ["patient", "line"], code: "invalid_attribute", message: 'the table is keyed by the number line; got "abc12"' },
    ]);
    expect(issues(() => resolveStratifiedRate({ rule: t, patient: { line: ["1"] } }))).toEqual([
      { path: ["patient", "line"], code: "invalid_attribute", message: "the table is keyed by the number line; got an array" },
    ]);
  });

  it("a reference attribute that is not a number is reported at its own key", () => {
    const t = parse({ by: "income", relativeTo: { attribute: "average" }, bands: [{ from: 0, to: null, value: 0.5 }] });
    expect(issues(() => resolveStratifiedRate({ rule: t, patient: { income: 5, average: "n/a" } }))).toEqual([
      { path: ["patient", "average"], code: "invalid_attribute", message: 'the table is keyed by the number average; got "n/a"' },
    ]);
  });

  it("the patient is a record of text, finite numbers and lists of text; groups a list of text", () => {
    const rule = parse(0.5);
    const notRecord = [{ path: ["patient"], code: "invalid_type", message: "the patient is a record of attributes" }];
    for (const p of [null, 5, "abc", []]) expect(issues(() => resolveStratifiedRate({ rule: rule, patient: p as never }))).toEqual(notRecord);
    const badAttribute = [{ path: ["patient", "x"], code: "invalid_attribute", message: "an attribute is text, a finite number or a list of text" }];
    for (const x of [Number.NaN, Number.POSITIVE_INFINITY, true, ["a", 1]]) expect(issues(() => resolveStratifiedRate({ rule: rule, patient: { x } as never }))).toEqual(badAttribute);
    const badGroups = [{ path: ["patient", "groups"], code: "invalid_attribute", message: "groups is a list of text" }];
    for (const groups of ["a", ["a", 1]]) expect(issues(() => resolveStratifiedRate({ rule: rule, patient: { groups } as never }))).toEqual(badGroups);
    const ok = resolveStratifiedRate({ rule: rule, patient: { t: "text", n: 2, list: ["a", "b"], empty: [], groups: ["g"] } });
    expect([ok.rate.toString(), ok.trail]).toEqual(["0.5", []]);
  });

  it("only rules parsed by the schema are read, and the path must be a list", () => {
    const ruleIssue = [{ path: ["rule"], code: "invalid_type", message: "expected a rate parsed by stratifiedRateSchema" }];
    const handMade = { type: "fixed", rate: new D("0.5"), fraction: { num: 5n, den: 10n } };
    expect(issues(() => resolveStratifiedRate({ rule: handMade as never, patient: {} }))).toEqual(ruleIssue);
    expect(issues(() => resolveStratifiedRate({ rule: null as never, patient: {} }))).toEqual(ruleIssue);
    expect(issues(() => resolveStratifiedRate({ rule: parse(0.5), patient: {}, path: "patient" as never }))).toEqual([{ path: ["path"], code: "invalid_type", message: "a path is a list of keys and indices" }]);
  });
});

describe("stratified reimbursement", () => {
  it("names whose share the rate is and explains the split", () => {
    const r = stratifiedReimbursement({ currency: "CNY", table: { by: "biomarker", categories: { "ALK-positive": 0.8 } }, amount: "15000", patient: { biomarker: "ALK-positive" } });
    // 80% of 15,000 = 12,000 to the payer; 3,000 to the patient.
    expect([r.rate, r.rateOf, r.chosenBy, amt(r.payer), amt(r.patient)]).toEqual(["0.8", "payer", ["biomarker = ALK-positive"], "12000.00", "3000.00"]);
    expect(r.explanation.map((s) => s.text)).toEqual([
      "The table gives 80% (biomarker = ALK-positive) as the payer's share of CNY 15,000.00.",
      "The payer pays CNY 12,000.00.",
      "The patient pays CNY 3,000.00.",
    ]);
    expect(r.explanation.map((s) => s.rule)).toEqual(["tiers.stratified.rate", "tiers.stratified.payer", "tiers.stratified.patient"]);
    const flat = stratifiedReimbursement({ table: "0.3", rateOf: "patient", amount: "0.05", patient: {}, rounding: "up", currency: "USD" });
    // The patient's 30% of 0.05 = 0.015 → up 0.02; the payer gets the rest, 0.03.
    expect([amt(flat.patient), amt(flat.payer), flat.amount.currency]).toEqual(["0.02", "0.03", "USD"]);
    expect(flat.explanation[0]!.text).toBe("The table gives 30% (a flat rate) as the patient's share of USD 0.05.");
    // half-up by default: 0.015 → 0.02 as well; down would give 0.01.
    expect(amt(stratifiedReimbursement({ currency: "CNY", table: "0.3", amount: "0.05", patient: {} }).payer)).toBe("0.02");
  });
});

describe("stratified reimbursement: input checks and wording", () => {
  it("a nested table: the trail is joined with semicolons and listed in the step's inputs", () => {
    const r = stratifiedReimbursement({ currency: "CNY",
      table: { by: "insuranceType", categories: { employee: { by: "level", categories: { "3": 0.6 } } } },
      amount: "1000",
      patient: { insuranceType: "employee", level: 3 },
    });
    // 60% of 1,000 = 600 to the payer; 400 to the patient.
    expect([amt(r.payer), amt(r.patient)]).toEqual(["600.00", "400.00"]);
    expect(r.explanation[0]!.text).toBe("The table gives 60% (insuranceType = employee; level = 3) as the payer's share of CNY 1,000.00.");
    expect(r.explanation[0]!.inputs).toEqual({ chosenBy: ["insuranceType = employee", "level = 3"], rate: "0.6", rateOf: "payer" });
  });

  it("rounds the named share with the rounding given", () => {
    const r = stratifiedReimbursement({ currency: "CNY", table: "0.3", amount: "0.05", patient: {}, rounding: "down" });
    // 30% of 0.05 = 0.015 → down 0.01 to the payer; the patient keeps 0.04.
    expect([amt(r.payer), amt(r.patient)]).toEqual(["0.01", "0.04"]);
  });

  it("bad input names stratifiedReimbursement", () => {
    expect(validationMessage(() => stratifiedReimbursement({ currency: "CNY", table: "0.3", amount: "-1", patient: {} })).startsWith("stratifiedReimbursement: invalid input — amount: ")).toBe(true);
  });
});

describe("resolveStratifiedRate: named arguments", () => {
  it("takes { rule, patient, path }; the removed positional form and unknown keys are typed errors; errors use the path", () => {
    const rule = parseInput(stratifiedRateSchema, { by: "biomarker", categories: { "ALK-positive": 0.8, "ALK-negative": 0.2 } });
    expect(resolveStratifiedRate({ rule, patient: { biomarker: "ALK-negative" } }).rate.toString()).toBe("0.2");
    expect(issues(() => (resolveStratifiedRate as (...a: unknown[]) => unknown)(rule, { biomarker: "ALK-negative" }))).toMatchObject([{ path: [], code: "invalid_type" }]);
    expect(issues(() => resolveStratifiedRate({ rule, patient: {}, colour: 1 } as never))).toMatchObject([{ path: ["colour"], code: "unrecognized_keys" }]);
    expect(issues(() => resolveStratifiedRate({ rule, patient: {}, path: ["claim", "patient"] }))[0]!.path).toEqual(["claim", "patient", "biomarker"]);
    expect(issues(() => resolveStratifiedRate({ rule: { type: "fixed" } as never }))[0]!.path).toEqual(["rule"]);
  });
});
